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
  return withTimeOffAndHours(
    db,
    { from, to },
    clinicianIds.length
      ? db
          .select({
            id: appointments.id,
            clinicianId: appointments.clinicianId,
            startsAt: appointments.startsAt,
            endsAt: appointments.endsAt,
            blockStart: blockStart(),
            blockEnd: blockEnd(),
            status: appointments.status,
            type: appointmentTypes.name,
            level: governingLevel(),
            intakeId: appointments.intakeId,
            patientId: appointments.patientId,
            firstName: patients.firstName,
            lastName: patients.lastName,
          })
          .from(appointments)
          .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
          .innerJoin(intakes, eq(intakes.id, appointments.intakeId))
          .innerJoin(patients, eq(patients.id, appointments.patientId))
          .where(scheduledIn({ from, to, clinicianIds }))
          .orderBy(asc(appointments.startsAt))
      : Promise.resolve([]),
  );
}

/**
 * What the week of every clinician counts: each appointment's clinician, start, blocked range and
 * level (no names: the summary shows none), with the same time off and opening hours.
 */
export async function readCalendarLoad(db: Db, { from, to, clinicianIds }: CalendarRange) {
  return withTimeOffAndHours(
    db,
    { from, to },
    clinicianIds.length
      ? db
          .select({
            clinicianId: appointments.clinicianId,
            startsAt: appointments.startsAt,
            blockStart: blockStart(),
            blockEnd: blockEnd(),
            level: governingLevel(),
          })
          .from(appointments)
          .innerJoin(intakes, eq(intakes.id, appointments.intakeId))
          .where(scheduledIn({ from, to, clinicianIds }))
      : Promise.resolve([]),
  );
}

/** The appointments read for a range, with the range's time off and the opening hours, read together. */
async function withTimeOffAndHours<T extends { blockStart: number; blockEnd: number }>(
  db: Db,
  range: { from: Date; to: Date },
  booked: Promise<T[]>,
) {
  const [rows, off, openingHours] = await Promise.all([booked, timeOffIn(db, range), listClinicHours(db)]);
  return { appointments: rows.map((a) => withBlockedDates(a)), timeOff: off, openingHours };
}

// The grade that governs an appointment now: the newest re-grade of its intake ("has anything got
// worse?"), else its own (as governingIntake in lib/booking/manage.ts). Needs intakes joined.
const governingLevel = () =>
  sql`coalesce((select r.effective_level from ${intakes} as r
    where r.previous_intake_id = ${appointments.intakeId}
    order by r.created_at desc, r.id desc limit 1), ${intakes.effectiveLevel})`.mapWith(intakes.effectiveLevel);

// Epoch milliseconds of the blocked range (buffers included): the time the clinician is taken.
const blockStart = () => sql<number>`(extract(epoch from lower(${appointments.blocked})) * 1000)::float8`;
const blockEnd = () => sql<number>`(extract(epoch from upper(${appointments.blocked})) * 1000)::float8`;

function withBlockedDates<T extends { blockStart: number; blockEnd: number }>(
  a: T,
): Omit<T, "blockStart" | "blockEnd"> & { blockStart: Date; blockEnd: Date } {
  return { ...a, blockStart: new Date(Number(a.blockStart)), blockEnd: new Date(Number(a.blockEnd)) };
}

const scheduledIn = ({ from, to, clinicianIds }: CalendarRange) =>
  and(
    inArray(appointments.clinicianId, [...clinicianIds]),
    gte(appointments.startsAt, from),
    lt(appointments.startsAt, to),
    // A time held for a waitlist offer is taken too (nobody else can book it until it is answered).
    inArray(appointments.status, [...SCHEDULED, "held"]),
  );

const timeOffIn = (db: Db, { from, to }: { from: Date; to: Date }) =>
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
    .orderBy(asc(timeOff.startsAt));

export type CalendarData = Awaited<ReturnType<typeof readCalendar>>;
export type CalendarAppointment = CalendarData["appointments"][number];
