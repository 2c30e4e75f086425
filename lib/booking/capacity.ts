import type { Db } from "@/db/client";
import { escalateIntakeNoCapacity } from "@/db/queries/intakes";
import { clinicDeadlines } from "@/lib/deadlines";
import { caseDeadlines } from "@/lib/escalation";
import { queueStaffAlert } from "@/lib/notifications/queue";

/**
 * A SOON patient found no time within 7 days: the intake joins the staff queue ("no capacity")
 * with the URGENT acknowledgement deadline, and the staff are alerted in the same transaction.
 * Compare-and-swap, so viewing the page twice escalates (and alerts) once.
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
    return true;
  });
}
