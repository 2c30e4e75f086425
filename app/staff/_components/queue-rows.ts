import type { QueueCase } from "@/lib/staff/queue";
import { duration, flagSummary, LEVEL_NAMES, REASON_NAMES, REVIEW_REASON_NAMES, ruleSummary } from "@/lib/staff/format";
import type { QueueRow } from "./queue-table";

/** A case as the queue (or the review list) shows it: its level, who, why, how long it has waited, and its deadline. */
export function queueRow(c: QueueCase, now: Date, list: "queue" | "review" = "queue"): QueueRow {
  const { due, overdueMs } = c;
  const state =
    list === "review"
      ? c.reviewedAt
        ? "Reviewed"
        : null
      : c.resolvedAt
        ? "Resolved"
        : c.acknowledgedAt
          ? "Acknowledged"
          : null;
  const ack =
    state ??
    (!due
      ? "Call back (no deadline)"
      : overdueMs !== null
        ? `⚠ OVERDUE by ${duration(overdueMs)}`
        : `due in ${duration(due.getTime() - now.getTime())}`);
  const reason =
    c.escalationReason && c.escalationReason !== "level" && list === "queue"
      ? `${REASON_NAMES[c.escalationReason] ?? c.escalationReason}. `
      : list === "review" && c.reviewReason
        ? `${REVIEW_REASON_NAMES[c.reviewReason] ?? c.reviewReason}. `
        : "";
  return {
    id: c.id,
    patientId: c.patientId,
    level: c.effectiveLevel,
    levelName: LEVEL_NAMES[c.effectiveLevel],
    gradedName: c.overrideLevel ? LEVEL_NAMES[c.level] : null,
    name: `${c.firstName} ${c.lastName}`,
    age: c.ageAtGrading,
    why: [
      `${reason}${c.firedRules[0] ? ruleSummary(c.rulesetVersion, c.firedRules[0]) : ""}`,
      ...(c.flags.length ? [`Flag: ${c.flags.map((f) => flagSummary(c.rulesetVersion, f)).join("; ")}`] : []),
    ]
      .map((part) => part.trim().replace(/\.?$/, "."))
      .filter((part) => part !== ".")
      .join(" "),
    waiting: duration(now.getTime() - c.createdAt.getTime()),
    ack: { text: ack, overdue: overdueMs !== null },
    tags: [
      ...(c.callDue ? [`☎ call due${c.effectiveLevel === "URGENT" ? " today" : ""}`] : []),
      ...(c.arrivedOutOfHours && !state ? ["arrived out of hours"] : []),
    ],
  };
}
