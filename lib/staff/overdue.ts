import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { claimOverdueAlert, listOverdueCases } from "@/db/queries/cases";
import { getClinic } from "@/db/queries/clinic";
import { listActiveAdminEmails } from "@/db/queries/staff";
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
    const deadline = new Date(now.getTime() - minutes * 60_000);
    const overdue = await listOverdueCases(db, { level: level as "EMERGENCY" | "URGENT", createdBefore: deadline });
    if (!overdue.length) continue;
    const admins = await listActiveAdminEmails(db);
    for (const { id } of overdue) {
      await db.transaction(async (tx) => {
        const row = await claimOverdueAlert(tx, { intakeId: id, now });
        if (!row) return;
        await queueStaffAlert(
          tx,
          { intakeId: row.id, level: row.level, reason: "overdue", submittedAt: row.createdAt, now },
          admins.length ? admins : undefined,
        );
        await recordAudit(tx, {
          actor: null,
          action: "overdue_alert_queued",
          subjectType: "intake",
          subjectId: row.id,
          after: { to: admins.length ? "admins" : "staff alert addresses" },
        });
        alerted++;
      });
    }
  }
  return alerted;
}
