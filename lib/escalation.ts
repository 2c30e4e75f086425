import type { Clinic } from "@/db/schema";
import type { Level } from "@/lib/triage";

/** Minutes staff have to acknowledge an escalated case, per level; levels without one have no deadline. */
export type AckDeadlines = Partial<Record<Level, number>>;

/** Levels that open an escalation when graded: the case joins the staff queue and the staff are alerted. */
export const ESCALATING_LEVELS: ReadonlySet<Level> = new Set(["EMERGENCY", "URGENT"]);

/** Levels whose case must be closed with a logged call or a clinician's written reason. */
export const CALL_REQUIRED_LEVELS: ReadonlySet<Level> = ESCALATING_LEVELS;

/** Levels a case raised by a clinician joins the queue at, as "call to book" (SOON and above). */
export const CALL_TO_BOOK_LEVELS: ReadonlySet<Level> = new Set(["EMERGENCY", "URGENT", "SOON"]);

/** The defaults (EMERGENCY 15 min, URGENT 2 h); an admin changes them in the clinic's settings. */
export const ACK_MINUTES: AckDeadlines = { EMERGENCY: 15, URGENT: 120 };

/** The clinic's acknowledgement deadlines (the defaults before the clinic is set up). */
export function ackDeadlines(
  clinic: Partial<Pick<Clinic, "emergencyAckMinutes" | "urgentAckMinutes">> | null | undefined,
): AckDeadlines {
  return {
    EMERGENCY: clinic?.emergencyAckMinutes ?? ACK_MINUTES.EMERGENCY,
    URGENT: clinic?.urgentAckMinutes ?? ACK_MINUTES.URGENT,
  };
}

/** How the clinic's hours turn an arrival into deadlines (lib/clinic-hours.ts; always open in unit tests). */
export type DeadlineClock = {
  /** Acknowledge within `minutes` while open; a case arriving while closed is due at opening. */
  ackDue(arrivedAt: Date, minutes: number): { due: Date; outOfHours: boolean };
  /** Reviewed within one working day (clinic hours). */
  reviewDue(arrivedAt: Date): Date;
};

/** A clinic that never closes: deadlines in plain wall-clock time. */
export const ALWAYS_OPEN: DeadlineClock = {
  ackDue: (at, minutes) => ({ due: new Date(at.getTime() + minutes * 60_000), outOfHours: false }),
  reviewDue: (at) => new Date(at.getTime() + 24 * 3600_000),
};

/**
 * The minutes an escalated case has to be acknowledged in: its effective level's, and the URGENT
 * one for a "no capacity" case (whatever its level: nobody could book it, so a person must call).
 */
export function ackMinutesFor(
  c: { level: Level; escalationReason?: string | null },
  deadlines: AckDeadlines,
): number | null {
  const own = deadlines[c.level];
  if (own) return own;
  return c.escalationReason === "no_capacity" ? (deadlines.URGENT ?? null) : null;
}

/**
 * The deadlines a case gets when it arrives or changes level at `at`: an acknowledgement deadline
 * when it is escalated (EMERGENCY, URGENT, "no capacity"), and a review deadline when it belongs on
 * the "To review" list (SOON, or any level with a clinician flag).
 */
export function caseDeadlines(
  c: { level: Level; escalated: boolean; escalationReason?: string | null; flags: readonly string[] },
  at: Date,
  deadlines: AckDeadlines,
  clock: DeadlineClock,
): { ackDueAt: Date | null; arrivedOutOfHours: boolean; reviewDueAt: Date | null } {
  const minutes = c.escalated ? ackMinutesFor(c, deadlines) : null;
  const ack = minutes ? clock.ackDue(at, minutes) : null;
  return {
    ackDueAt: ack?.due ?? null,
    arrivedOutOfHours: ack?.outOfHours ?? false,
    reviewDueAt: needsReview(c) ? clock.reviewDue(at) : null,
  };
}

/** On the "To review" list: every SOON case, and every case with a clinician flag. */
export function needsReview(c: { level: Level; flags: readonly string[] }): boolean {
  return c.level === "SOON" || c.flags.length > 0;
}

/**
 * A case's stored deadline, and how long ago it passed while nobody acknowledged (or resolved)
 * it: the queue, the case page and the staff API all show "overdue" from this one rule.
 */
export function ackState(
  c: { ackDueAt: Date | null; acknowledgedAt: Date | null; resolvedAt: Date | null },
  now: Date,
): { due: Date | null; overdueMs: number | null } {
  const due = c.ackDueAt;
  const overdue = due && !c.acknowledgedAt && !c.resolvedAt && due < now;
  return { due, overdueMs: overdue ? now.getTime() - due.getTime() : null };
}

/** An URGENT or EMERGENCY case open with no call logged yet: "call due" on the queue and the case. */
export function callDue(c: { effectiveLevel: Level; firstCallAt: Date | null; resolvedAt: Date | null }): boolean {
  return CALL_REQUIRED_LEVELS.has(c.effectiveLevel) && !c.firstCallAt && !c.resolvedAt;
}
