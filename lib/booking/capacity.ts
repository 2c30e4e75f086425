import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { escalateIntakeNoCapacity } from "@/db/queries/intakes";
import { insertWaitingEntryIfNone } from "@/db/queries/waitlist";
import { clinicDeadlines } from "@/lib/deadlines";
import { caseDeadlines } from "@/lib/escalation";
import { queueStaffAlert } from "@/lib/notifications/queue";

/**
 * A SOON patient found no time within 7 days: the intake joins the staff queue ("no capacity")
 * with the URGENT acknowledgement deadline, the staff are alerted, and the patient joins the
 * waitlist for any day and time (unless already waiting with their own choice), all in one
 * transaction. Compare-and-swap, so viewing the page twice escalates (and alerts) once.
 */
export async function escalateNoCapacity(db: Db, intakeId: string, now = new Date()): Promise<boolean> {
  const { deadlines, clock } = await clinicDeadlines(db, now);
  const { ackDueAt, arrivedOutOfHours } = caseDeadlines(
    { level: "SOON", escalated: true, escalationReason: "no_capacity", flags: [] },
    now,
    deadlines,
    clock,
  );
  return db.transaction(async (tx) => {
    const row = await escalateIntakeNoCapacity(tx, intakeId, { ackDueAt, arrivedOutOfHours });
    if (!row) return false;
    await queueStaffAlert(tx, {
      intakeId,
      level: row.effectiveLevel,
      reason: "no_capacity",
      submittedAt: row.createdAt,
      deadline: ackDueAt,
      now,
    });
    // Unless already waiting with their own choice (kept; a join at the same moment wins).
    const entry = await insertWaitingEntryIfNone(tx, {
      intakeId,
      choice: { availability: "any", notBefore: null, earlierThan: null },
      now,
    });
    if (entry)
      await recordAudit(tx, {
        actor: null,
        action: "waitlist_joined",
        subjectType: "intake",
        subjectId: intakeId,
        after: { via: "no_capacity", entryId: entry.id, availability: "any", notBefore: null, earlierThan: null },
      });
    return true;
  });
}
