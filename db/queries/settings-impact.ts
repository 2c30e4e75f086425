// What a destructive settings change would touch, for the page that asks first: the booked
// appointments that removing weekly hours leaves outside them, or that deactivating a clinician leaves.
import { and, asc, eq, gte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { TIME_OFF_WITH_CLINICIAN } from "./scheduling";
import { appointments, appointmentTypes, clinicians, patients, timeOff, workingHours } from "../schema";

/** An appointment as the confirmation lists it, linked to its page (move or cancel there). */
export type AffectedAppointment = { id: string; startsAt: Date; firstName: string; lastName: string; type: string };

/** Up to `limit` appointments and how many there are in all. */
export type Affected = { total: number; appointments: AffectedAppointment[] };

const AFFECTED_COLUMNS = {
  id: appointments.id,
  startsAt: appointments.startsAt,
  firstName: patients.firstName,
  lastName: patients.lastName,
  type: appointmentTypes.name,
  // Every matching row's count on each row: the list and its total in one read.
  total: sql<number>`(count(*) over ())::int`,
};

const affected = (rows: (AffectedAppointment & { total: number })[]): Affected => ({
  total: rows[0]?.total ?? 0,
  appointments: rows.map(({ total: _, ...row }) => row),
});

/** One weekly-hours row with its clinician's name; null when it no longer exists. */
export async function getWorkingHoursRow(db: Db, id: string) {
  const rows = await db
    .select({
      id: workingHours.id,
      clinicianId: workingHours.clinicianId,
      clinicianName: clinicians.name,
      weekday: workingHours.weekday,
      start: workingHours.startTime,
      end: workingHours.endTime,
    })
    .from(workingHours)
    .innerJoin(clinicians, eq(clinicians.id, workingHours.clinicianId))
    .where(eq(workingHours.id, id))
    .limit(1);
  const row = rows[0];
  return row ? { ...row, start: row.start.slice(0, 5), end: row.end.slice(0, 5) } : null;
}

/** One time-off row with its clinician's name (null: a whole-clinic closure); null when it no longer exists. */
export async function getTimeOffRow(db: Db, id: string) {
  const rows = await db
    .select(TIME_OFF_WITH_CLINICIAN)
    .from(timeOff)
    .leftJoin(clinicians, eq(clinicians.id, timeOff.clinicianId))
    .where(eq(timeOff.id, id))
    .limit(1);
  return rows[0] ?? null;
}

const other = alias(workingHours, "other_hours");

/**
 * Booked appointments starting at or after `now` that removing this weekly-hours row would leave
 * outside the clinician's hours: on its weekday (in the clinic's zone), overlapping it, and not
 * wholly inside another row of the same clinician and day. Soonest first.
 */
export async function listAppointmentsLeftOutsideHours(
  db: Db,
  { hoursId, zone, now, limit = 50 }: { hoursId: string; zone: string; now: Date; limit?: number },
): Promise<Affected> {
  const localStart = sql`(${appointments.startsAt} at time zone ${zone})`;
  const localEnd = sql`(${appointments.endsAt} at time zone ${zone})`;
  // The row's hours on the appointment's own local day, as local timestamps (times alone cannot span midnight).
  const day = sql`(${localStart})::date`;
  const rows = await db
    .select(AFFECTED_COLUMNS)
    .from(workingHours)
    .innerJoin(
      appointments,
      and(
        eq(appointments.clinicianId, workingHours.clinicianId),
        eq(appointments.status, "booked"),
        gte(appointments.startsAt, now),
        sql`extract(isodow from ${localStart}) = ${workingHours.weekday}`,
        sql`${localStart} < ${day} + ${workingHours.endTime}`,
        sql`${localEnd} > ${day} + ${workingHours.startTime}`,
      ),
    )
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .where(
      and(
        eq(workingHours.id, hoursId),
        sql`not exists (
          select 1 from ${workingHours} as ${other}
          where ${other.clinicianId} = ${workingHours.clinicianId}
            and ${other.weekday} = ${workingHours.weekday}
            and ${other.id} <> ${workingHours.id}
            and ${day} + ${other.startTime} <= ${localStart}
            and ${day} + ${other.endTime} >= ${localEnd}
        )`,
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(limit);
  return affected(rows);
}

/** A clinician's booked appointments starting at or after `now`, soonest first (they stay booked if the clinician is deactivated). */
export async function listClinicianAppointmentsFrom(
  db: Db,
  { clinicianId, now, limit = 50 }: { clinicianId: string; now: Date; limit?: number },
): Promise<Affected> {
  const rows = await db
    .select(AFFECTED_COLUMNS)
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .where(
      and(
        eq(appointments.clinicianId, clinicianId),
        eq(appointments.status, "booked"),
        gte(appointments.startsAt, now),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(limit);
  return affected(rows);
}
