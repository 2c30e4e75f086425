import type { Db } from "@/db/client";
import { escalateIntakeNoCapacity } from "@/db/queries/intakes";
import { queueStaffAlert } from "@/lib/notifications/queue";

/**
 * A SOON patient found no time within 7 days: the intake joins the staff queue ("no capacity")
 * and the staff are alerted in the same transaction. Compare-and-swap, so viewing the page twice
 * escalates (and alerts) once.
 */
export async function escalateNoCapacity(db: Db, intakeId: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await escalateIntakeNoCapacity(tx, intakeId);
    if (!row) return false;
    await queueStaffAlert(tx, { intakeId, level: row.level, reason: "no_capacity", submittedAt: row.createdAt, now });
    return true;
  });
}
