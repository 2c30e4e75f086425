import { and, asc, eq, gt, inArray, isNull, lt, notInArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { appointments, appointmentTypes, clinicians, patients, timeOff, workingHours } from "../schema";

/** Active clinicians, by name. */
export async function listClinicians(db: Db) {
  return db
    .select({ id: clinicians.id, name: clinicians.name, role: clinicians.role })
    .from(clinicians)
    .where(eq(clinicians.active, true))
    .orderBy(asc(clinicians.name));
}

/** Active appointment types, default first. */
export async function listAppointmentTypes(db: Db) {
  return db
    .select()
    .from(appointmentTypes)
    .where(eq(appointmentTypes.active, true))
    .orderBy(asc(appointmentTypes.sortOrder));
}

/** Weekly hours of the given clinicians, times as "HH:MM". */
export async function listWorkingHours(db: Db, clinicianIds: string[]) {
  if (!clinicianIds.length) return [];
  const rows = await db.select().from(workingHours).where(inArray(workingHours.clinicianId, clinicianIds));
  return rows.map((r) => ({
    clinicianId: r.clinicianId,
    weekday: r.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7,
    start: r.startTime.slice(0, 5),
    end: r.endTime.slice(0, 5),
  }));
}

/** Time off and closures overlapping [from, to). */
export async function listTimeOff(db: Db, { from, to }: { from: Date; to: Date }) {
  return db
    .select({ clinicianId: timeOff.clinicianId, start: timeOff.startsAt, end: timeOff.endsAt })
    .from(timeOff)
    .where(and(lt(timeOff.startsAt, to), gt(timeOff.endsAt, from)));
}

const HOLDING = ["cancelled", "rescheduled"] as const;

/** Time already taken (buffers included) by appointments overlapping [from, to). */
export async function listBusy(db: Db, { from, to, clinicianIds }: { from: Date; to: Date; clinicianIds?: string[] }) {
  const rows = await db
    .select({
      clinicianId: appointments.clinicianId,
      // Epoch milliseconds: parsing 1,000 timestamp strings per slot search was its main cost.
      start: sql<number>`(extract(epoch from lower(${appointments.blocked})) * 1000)::float8`,
      end: sql<number>`(extract(epoch from upper(${appointments.blocked})) * 1000)::float8`,
    })
    .from(appointments)
    .where(
      and(
        notInArray(appointments.status, [...HOLDING]),
        sql`${appointments.blocked} && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`,
        clinicianIds ? inArray(appointments.clinicianId, clinicianIds) : undefined,
      ),
    );
  return rows.map((r) => ({
    clinicianId: r.clinicianId,
    start: new Date(Number(r.start)),
    end: new Date(Number(r.end)),
  }));
}

/** Every clinician, active or not, by name (the admin settings page). */
export async function listAllClinicians(db: Db) {
  return db.select().from(clinicians).orderBy(asc(clinicians.name));
}

/** Every appointment type, active or not, default first (the admin settings page). */
export async function listAllAppointmentTypes(db: Db) {
  return db.select().from(appointmentTypes).orderBy(asc(appointmentTypes.sortOrder), asc(appointmentTypes.id));
}

/** Every weekly-hours row with its id, by clinician, weekday and start; times as "HH:MM". */
export async function listAllWorkingHours(db: Db) {
  const rows = await db
    .select()
    .from(workingHours)
    .orderBy(asc(workingHours.clinicianId), asc(workingHours.weekday), asc(workingHours.startTime));
  return rows.map((r) => ({
    id: r.id,
    clinicianId: r.clinicianId,
    weekday: r.weekday,
    start: r.startTime.slice(0, 5),
    end: r.endTime.slice(0, 5),
  }));
}

/** A clinician's weekly-hours rows on one weekday that overlap [start, end) ("HH:MM"); touching rows do not overlap. */
export async function findOverlappingHours(
  db: Db,
  { clinicianId, weekday, start, end }: { clinicianId: string; weekday: number; start: string; end: string },
) {
  const rows = await db
    .select({ start: workingHours.startTime, end: workingHours.endTime })
    .from(workingHours)
    .where(
      and(
        eq(workingHours.clinicianId, clinicianId),
        eq(workingHours.weekday, weekday),
        lt(workingHours.startTime, end),
        gt(workingHours.endTime, start),
      ),
    )
    .orderBy(asc(workingHours.startTime));
  return rows.map((r) => ({ start: r.start.slice(0, 5), end: r.end.slice(0, 5) }));
}

/** A time-off row with its clinician's name (null: a whole-clinic closure); needs clinicians left-joined. */
export const TIME_OFF_WITH_CLINICIAN = {
  id: timeOff.id,
  clinicianId: timeOff.clinicianId,
  clinicianName: clinicians.name,
  start: timeOff.startsAt,
  end: timeOff.endsAt,
  reason: timeOff.reason,
};

/**
 * Time off and closures not over yet at `now`, soonest first, with the clinician's name (null: the
 * whole clinic) and the appointments still booked inside each (the clinician's, or everyone's for
 * a closure), by time, so staff can move or cancel them.
 */
export async function listUpcomingTimeOff(db: Db, { now }: { now: Date }) {
  const [rows, booked] = await Promise.all([
    db
      .select(TIME_OFF_WITH_CLINICIAN)
      .from(timeOff)
      .leftJoin(clinicians, eq(clinicians.id, timeOff.clinicianId))
      .where(gt(timeOff.endsAt, now))
      .orderBy(asc(timeOff.startsAt)),
    listBookedInTimeOff(db, { now }),
  ]);
  return rows.map((r) => ({ ...r, booked: booked.filter((b) => b.timeOffId === r.id) }));
}

/** Booked appointments inside time off or closures not over yet at `now`: one row per pair, by time. */
export async function listBookedInTimeOff(db: Db, { now }: { now: Date }) {
  return db
    .select({
      timeOffId: timeOff.id,
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      clinicianName: clinicians.name,
      type: appointmentTypes.name,
      firstName: patients.firstName,
      lastName: patients.lastName,
    })
    .from(timeOff)
    .innerJoin(
      appointments,
      and(
        sql`(${timeOff.clinicianId} is null or ${timeOff.clinicianId} = ${appointments.clinicianId})`,
        lt(appointments.startsAt, timeOff.endsAt),
        gt(appointments.endsAt, timeOff.startsAt),
        eq(appointments.status, "booked"),
      ),
    )
    .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(gt(timeOff.endsAt, now))
    .orderBy(asc(appointments.startsAt));
}

/** The id of a time-off row with exactly this clinician (null: a closure) and range; null when none. */
export async function findTimeOff(
  db: Db,
  { clinicianId, startsAt, endsAt }: { clinicianId: string | null; startsAt: Date; endsAt: Date },
) {
  const rows = await db
    .select({ id: timeOff.id })
    .from(timeOff)
    .where(
      and(
        clinicianId ? eq(timeOff.clinicianId, clinicianId) : isNull(timeOff.clinicianId),
        eq(timeOff.startsAt, startsAt),
        eq(timeOff.endsAt, endsAt),
      ),
    )
    .limit(1);
  return rows[0]?.id ?? null;
}

/** One clinician by id, active or not; null when unknown. */
export async function getClinician(db: Db, id: string) {
  const rows = await db.select().from(clinicians).where(eq(clinicians.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The appointment type marked urgent (staff book URGENT cases into it), active or not; null when none is marked. */
export async function getUrgentAppointmentType(db: Db) {
  const rows = await db.select().from(appointmentTypes).where(eq(appointmentTypes.urgent, true)).limit(1);
  return rows[0] ?? null;
}

/** One appointment type by id, active or not; null when unknown. */
export async function getAppointmentType(db: Db, id: string) {
  const rows = await db.select().from(appointmentTypes).where(eq(appointmentTypes.id, id)).limit(1);
  return rows[0] ?? null;
}
