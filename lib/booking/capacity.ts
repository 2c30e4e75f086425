import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { intakes } from "@/db/schema";
import { queueStaffAlert } from "@/lib/notifications/queue";

/**
 * A SOON patient found no time within 7 days: the intake joins the staff queue ("no capacity")
 * and the staff are alerted in the same transaction. Compare-and-swap, so viewing the page twice
 * escalates (and alerts) once.
 */
export async function escalateNoCapacity(db: Db, intakeId: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(intakes)
      .set({ escalated: true, escalationReason: "no_capacity" })
      .where(and(eq(intakes.id, intakeId), eq(intakes.escalated, false)))
      .returning({ id: intakes.id, level: intakes.level, createdAt: intakes.createdAt });
    const row = rows[0];
    if (!row) return false;
    await queueStaffAlert(tx, { intakeId, level: row.level, reason: "no_capacity", submittedAt: row.createdAt, now });
    return true;
  });
}
