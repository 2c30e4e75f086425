import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { claimOverdueAlert, claimReviewOverdueAlert, listOverdueCases, listOverdueReviews } from "@/db/queries/cases";
import { listActiveAdminEmails } from "@/db/queries/staff";
import { queueStaffAlert } from "@/lib/notifications/queue";

/**
 * The second tier: escalated cases whose acknowledgement deadline (stored with the case, clinic
 * hours applied) has passed with nobody acknowledging them, and cases on the "To review" list
 * whose review deadline has passed unreviewed, get one alert to the admins (or
 * STAFF_ALERT_EMAILS when there are no admin accounts) and the webhooks. Marked in the same
 * transaction, so each case alerts once however many workers run this.
 */
export async function alertOverdueCases(db: Db, now: Date): Promise<number> {
  let alerted = 0;
  const kinds = [
    { list: listOverdueCases, claim: claimOverdueAlert, reason: "overdue", action: "overdue_alert_queued" },
    {
      list: listOverdueReviews,
      claim: claimReviewOverdueAlert,
      reason: "review_overdue",
      action: "review_overdue_alert_queued",
    },
  ] as const;
  for (const kind of kinds) {
    const overdue = await kind.list(db, now);
    if (!overdue.length) continue;
    const admins = await listActiveAdminEmails(db);
    for (const { id } of overdue) {
      await db.transaction(async (tx) => {
        const row = await kind.claim(tx, { intakeId: id, now });
        if (!row) return;
        await queueStaffAlert(
          tx,
          {
            intakeId: row.id,
            level: row.level,
            reason: kind.reason,
            submittedAt: row.createdAt,
            deadline: row.deadline,
            now,
          },
          admins.length ? admins : undefined,
        );
        await recordAudit(tx, {
          actor: null,
          action: kind.action,
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
