import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { intakes, staffUsers } from "@/db/schema";
import { getClinic } from "@/db/queries/clinic";
import { ackDeadlines } from "@/lib/escalation";
import { queueStaffAlert } from "@/lib/notifications/queue";

/**
 * The second tier: escalated cases whose acknowledgement deadline has passed with nobody
 * acknowledging them get one alert email to the admins (or STAFF_ALERT_EMAILS when there are no
 * admin accounts). Marked in the same transaction, so each case alerts once however many
 * workers run this.
 */
export async function alertOverdueCases(db: Db, now: Date): Promise<number> {
  let alerted = 0;
  // Read fresh (not the 30 s cache): an admin who shortens a deadline expects it at once.
  const deadlines = ackDeadlines(await getClinic(db));
  for (const [level, minutes] of Object.entries(deadlines)) {
    const deadline = new Date(now.getTime() - minutes * 60_000).toISOString();
    const overdue = await db
      .select({ id: intakes.id })
      .from(intakes)
      .where(
        and(
          eq(intakes.escalated, true),
          eq(intakes.level, level as "EMERGENCY" | "URGENT"),
          isNull(intakes.acknowledgedAt),
          isNull(intakes.resolvedAt),
          isNull(intakes.overdueAlertedAt),
          sql`${intakes.createdAt} < ${deadline}::timestamptz`,
        ),
      )
      .limit(50);
    if (!overdue.length) continue;
    const admins = (await db.select({ email: staffUsers.email }).from(staffUsers).where(and(eq(staffUsers.role, "admin"), eq(staffUsers.active, true)))).map((a) => a.email);
    for (const { id } of overdue) {
      await db.transaction(async (tx) => {
        const claimed = await tx
          .update(intakes)
          .set({ overdueAlertedAt: now })
          .where(and(eq(intakes.id, id), isNull(intakes.overdueAlertedAt), isNull(intakes.acknowledgedAt)))
          .returning({ id: intakes.id, level: intakes.level, createdAt: intakes.createdAt });
        const row = claimed[0];
        if (!row) return;
        await queueStaffAlert(tx, { intakeId: row.id, level: row.level, reason: "overdue", submittedAt: row.createdAt, now }, admins.length ? admins : undefined);
        await recordAudit(tx, { actor: null, action: "overdue_alert_queued", subjectType: "intake", subjectId: row.id, after: { to: admins.length ? "admins" : "staff alert addresses" } });
        alerted++;
      });
    }
  }
  return alerted;
}
