// What the staff calendar (/staff/calendar) reads for a range of days: appointments with the
// patient's name, the type and the effective level, every clinician's time off and the clinic's
// closures, and the opening hours. One function, so a benchmark can run the page's SQL directly.
import { and, asc, eq, gt, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { appointments, appointmentTypes, intakes, patients, timeOff } from "../schema";
import { listClinicHours } from "./clinic-hours";
import { SCHEDULED } from "./schedule";

export type CalendarRange = {
  /** The first instant shown. */
  from: Date;
  /** The instant after the last one shown. */
  to: Date;
  /** The clinicians shown (index appointments_clinician_start_idx serves each one's range). */
  clinicianIds: readonly string[];
};

/**
 * Appointments of the clinicians starting in [from, to) that still happen or happened, with the
 * patient's name, the appointment type and the case's effective level and blocked range (buffers
 * included); time off and closures overlapping [from, to); and the clinic's opening hours.
 */
export async function readCalendar(db: Db, { from, to, clinicianIds }: CalendarRange) {
  const [booked, off, openingHours] = await Promise.all([
    clinicianIds.length
      ? db
          .select({
            id: appointments.id,
            clinicianId: appointments.clinicianId,
            startsAt: appointments.startsAt,
            endsAt: appointments.endsAt,
            // Epoch milliseconds of the blocked range: the time the clinician is taken.
            blockStart: sql<number>`(extract(epoch from lower(${appointments.blocked})) * 1000)::float8`,
            blockEnd: sql<number>`(extract(epoch from upper(${appointments.blocked})) * 1000)::float8`,
            status: appointments.status,
            type: appointmentTypes.name,
            // The grade that governs the appointment now: the newest re-grade of its intake ("has
            // anything got worse?"), else its own (as governingIntake in lib/booking/manage.ts).
            level: sql`coalesce((select r.effective_level from ${intakes} as r
              where r.previous_intake_id = ${appointments.intakeId}
              order by r.created_at desc, r.id desc limit 1), ${intakes.effectiveLevel})`.mapWith(
              intakes.effectiveLevel,
            ),
            intakeId: appointments.intakeId,
            patientId: appointments.patientId,
            firstName: patients.firstName,
            lastName: patients.lastName,
          })
          .from(appointments)
          .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
          .innerJoin(intakes, eq(intakes.id, appointments.intakeId))
          .innerJoin(patients, eq(patients.id, appointments.patientId))
          .where(
            and(
              inArray(appointments.clinicianId, [...clinicianIds]),
              gte(appointments.startsAt, from),
              lt(appointments.startsAt, to),
              inArray(appointments.status, [...SCHEDULED]),
            ),
          )
          .orderBy(asc(appointments.startsAt))
      : Promise.resolve([]),
    db
      .select({
        id: timeOff.id,
        clinicianId: timeOff.clinicianId,
        start: timeOff.startsAt,
        end: timeOff.endsAt,
        reason: timeOff.reason,
      })
      .from(timeOff)
      .where(and(lt(timeOff.startsAt, to), gt(timeOff.endsAt, from)))
      .orderBy(asc(timeOff.startsAt)),
    listClinicHours(db),
  ]);
  return {
    appointments: booked.map((a) => ({
      ...a,
      blockStart: new Date(Number(a.blockStart)),
      blockEnd: new Date(Number(a.blockEnd)),
    })),
    timeOff: off,
    openingHours,
  };
}

export type CalendarData = Awaited<ReturnType<typeof readCalendar>>;
export type CalendarAppointment = CalendarData["appointments"][number];
