import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { intakes } from "@/db/schema";

/**
 * A SOON patient found no time within 7 days: the intake joins the staff queue ("no capacity").
 * Compare-and-swap, so viewing the page twice escalates once.
 */
export async function escalateNoCapacity(db: Db, intakeId: string): Promise<boolean> {
  const rows = await db
    .update(intakes)
    .set({ escalated: true, escalationReason: "no_capacity" })
    .where(and(eq(intakes.id, intakeId), eq(intakes.escalated, false)))
    .returning({ id: intakes.id });
  return rows.length > 0;
}
