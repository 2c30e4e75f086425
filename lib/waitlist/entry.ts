// Who is waiting and which freed times may be offered to them. Pure: the worker loads the entries
// and the clinic's zone and passes `now` in.
import type { Level } from "@/common/vocabulary";
import { eligibilityFor } from "@/lib/booking/eligibility";
import { DAY, localDate } from "@/lib/scheduling/zoned";
import { availabilitySchema, fitsAvailability, type Availability } from "./availability";

/**
 * The levels that may wait: the self-bookable ones. EMERGENCY and URGENT patients never join (the
 * clinic calls them and books from reserved urgent time), so they are not in the type; should one
 * reach the list anyway (a re-grade after joining), fitsEntry never offers them a time.
 */
export type WaitlistLevel = Extract<Level, "SOON" | "ROUTINE" | "SELF_CARE">;

/** One waiting patient, as the offer maths needs them (no name, no answers). */
export type WaitlistEntry = {
  id: string;
  /** The effective level: a clinician's override when there is one, else the grade. */
  level: WaitlistLevel;
  /** The latest a SOON patient should be seen (deadlineFor); null for the other levels. */
  deadline: Date | null;
  joinedAt: Date;
  availability: Availability;
  /** "YYYY-MM-DD", the first clinic-local date that suits the patient. */
  notBefore: string | null;
  /** The start of the appointment the patient already holds: only earlier times are worth offering. */
  earlierThan: Date | null;
};

/** A freed time, as much of it as the waitlist reads. */
export type FreedTime = { start: Date };

/**
 * The latest a patient of this level should be seen, from when they were graded: SOON → graded + 7
 * days (the same window eligibilityFor gives SOON at booking). ROUTINE and SELF_CARE have no
 * clinical deadline, only the booking horizon, so an invented one would reorder them by a number
 * that means nothing clinically: they wait in joining order instead (null).
 */
export function deadlineFor(level: Level, gradedAt: Date): Date | null {
  const { canSelfBook, withinDays } = eligibilityFor({ level, firedRules: [] });
  if (!canSelfBook || withinDays === null) return null;
  return new Date(gradedAt.getTime() + withinDays * DAY);
}

/**
 * Whether a freed time may be offered to this patient: it has not begun, it suits their days and
 * parts of the day, it is on or after their first date and before the appointment they hold, and it
 * is within what their level may book: SOON within 7 days of now (exclusive), as the booking page
 * lets them book, the others any time. A SOON patient whose deadline is near or past is still
 * offered a time (the nearest deadline is first in line): a time later than the deadline is better
 * than none, and the clinic sees the case as well. EMERGENCY and URGENT entries never fit: they
 * cannot self-book.
 */
export function fitsEntry(slot: FreedTime, entry: WaitlistEntry, timeZone: string, now: Date): boolean {
  const { canSelfBook, withinDays } = eligibilityFor({ level: entry.level, firedRules: [] });
  if (!canSelfBook) return false;
  const start = slot.start.getTime();
  if (start <= now.getTime()) return false;
  if (withinDays !== null && start >= now.getTime() + withinDays * DAY) return false;
  if (entry.earlierThan !== null && start >= entry.earlierThan.getTime()) return false;
  // Both "YYYY-MM-DD" with four-digit years, so text order is date order.
  if (entry.notBefore !== null && localDate(slot.start, timeZone) < entry.notBefore) return false;
  return fitsAvailability(slot.start, entry.availability, timeZone);
}

/** A waiting entry as stored, with the grade that governs it now (db/queries/waitlist listWaitingEntries). */
export type StoredEntry = {
  id: string;
  level: string;
  gradedAt: Date;
  joinedAt: Date;
  availability: unknown;
  notBefore: string | null;
  earlierThan: Date | null;
  /** Whether their visit from this intake has begun or happened (no longer offered times). */
  visited?: boolean;
  /**
   * The grade that governs is a silent-pilot grade the patient was never told (issue 22): it limits
   * nothing, so the entry waits and is offered times as ROUTINE does (joining order, no window).
   */
  silent?: boolean;
};

/**
 * A stored entry as the offer maths reads it, or why it is never offered a time: a level that can no
 * longer wait (re-graded URGENT or EMERGENCY since joining: the clinic calls them), or days and
 * times that do not parse.
 */
export function entryFrom(row: StoredEntry): { entry: WaitlistEntry } | { notOffered: string } {
  if (row.silent) row = { ...row, level: "ROUTINE" };
  if (!eligibilityFor({ level: row.level, firedRules: [] }).canSelfBook)
    return { notOffered: "Re-graded: the clinic calls them; not offered times" };
  if (row.visited) return { notOffered: "Their appointment has begun or happened: not offered times" };
  const availability = availabilitySchema.safeParse(row.availability);
  if (!availability.success) return { notOffered: "Their days and times cannot be read: not offered times" };
  const level = row.level as WaitlistLevel;
  return {
    entry: {
      id: row.id,
      level,
      deadline: deadlineFor(level, row.gradedAt),
      joinedAt: row.joinedAt,
      availability: availability.data,
      notBefore: row.notBefore,
      earlierThan: row.earlierThan,
    },
  };
}
