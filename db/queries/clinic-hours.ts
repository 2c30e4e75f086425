// The clinic's opening hours (when it is staffed to answer alerts and phone patients) and its
// clinic-wide closures (the `time_off` rows with no clinician). Times of day come back as "HH:MM".
import { and, asc, eq, gt, isNull, lt } from "drizzle-orm";
import type { Db } from "../client";
import { clinicHours, timeOff } from "../schema";

export type ClinicHoursInput = { weekday: number; start: string; end: string };

const hhmm = (time: string) => time.slice(0, 5);

/** Every opening-hours row with its id, by weekday and start. */
export async function listClinicHours(db: Db) {
  const rows = await db
    .select()
    .from(clinicHours)
    .orderBy(asc(clinicHours.weekday), asc(clinicHours.startTime), asc(clinicHours.endTime));
  return rows.map((r) => ({ id: r.id, weekday: r.weekday, start: hhmm(r.startTime), end: hhmm(r.endTime) }));
}

/** Clinic-wide closures overlapping [from, to), soonest first. */
export async function listClinicClosures(db: Db, { from, to }: { from: Date; to: Date }) {
  return db
    .select({ start: timeOff.startsAt, end: timeOff.endsAt })
    .from(timeOff)
    .where(and(isNull(timeOff.clinicianId), lt(timeOff.startsAt, to), gt(timeOff.endsAt, from)))
    .orderBy(asc(timeOff.startsAt));
}

/** Opening-hours rows on one weekday that overlap [start, end) ("HH:MM"); touching rows do not overlap. */
export async function findOverlappingClinicHours(db: Db, { weekday, start, end }: ClinicHoursInput) {
  const rows = await db
    .select({ start: clinicHours.startTime, end: clinicHours.endTime })
    .from(clinicHours)
    .where(and(eq(clinicHours.weekday, weekday), lt(clinicHours.startTime, end), gt(clinicHours.endTime, start)))
    .orderBy(asc(clinicHours.startTime));
  return rows.map((r) => ({ start: hhmm(r.start), end: hhmm(r.end) }));
}

/** Adds a row of opening hours and returns its id. */
export async function insertClinicHours(db: Db, h: ClinicHoursInput): Promise<{ id: string }> {
  const [row] = await db
    .insert(clinicHours)
    .values({ weekday: h.weekday, startTime: h.start, endTime: h.end })
    .returning({ id: clinicHours.id });
  return row!;
}

/** Deletes a row of opening hours and returns it (times as "HH:MM"); null when it was already gone. */
export async function deleteClinicHours(db: Db, id: string) {
  const [row] = await db.delete(clinicHours).where(eq(clinicHours.id, id)).returning();
  return row ? { id: row.id, weekday: row.weekday, start: hhmm(row.startTime), end: hhmm(row.endTime) } : null;
}
