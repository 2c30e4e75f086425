import type { Clinic } from "@/db/schema";
import type { Level } from "@/lib/triage";

/** Minutes staff have to acknowledge an escalated case, per level; levels without one have no deadline. */
export type AckDeadlines = Partial<Record<Level, number>>;

/** Levels that open an escalation when graded: the case joins the staff queue and the staff are alerted. */
export const ESCALATING_LEVELS: ReadonlySet<Level> = new Set(["EMERGENCY", "URGENT"]);

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

/**
 * A case's deadline, and how long ago it passed while nobody acknowledged (or resolved) it: the
 * queue, the case page and the staff API all show "overdue" from this one rule.
 */
export function ackState(
  c: { level: Level; createdAt: Date; acknowledgedAt: Date | null; resolvedAt: Date | null },
  deadlines: AckDeadlines,
  now: Date,
): { due: Date | null; overdueMs: number | null } {
  const due = acknowledgeBy(c, deadlines);
  const overdue = due && !c.acknowledgedAt && !c.resolvedAt && due < now;
  return { due, overdueMs: overdue ? now.getTime() - due.getTime() : null };
}

/** When a case must be acknowledged by, or null when its level has no deadline. */
export function acknowledgeBy(
  c: { level: Level; createdAt: Date },
  deadlines: AckDeadlines = ACK_MINUTES,
): Date | null {
  const minutes = deadlines[c.level];
  return minutes ? new Date(c.createdAt.getTime() + minutes * 60_000) : null;
}
