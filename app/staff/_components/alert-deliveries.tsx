// The staff alerts about one case and how each stands: which emails (alone or in a digest) and
// webhook deliveries went, to whom, and any that failed. For the case page.
import type { CaseAlert } from "@/db/queries/outbox";
import { formatDateTime } from "@/lib/booking/format";
import styles from "./staff.module.css";

const REASONS: Record<string, string> = {
  level: "Graded level",
  no_capacity: "No capacity",
  overdue: "Not acknowledged in time",
  override: "Level raised",
  review_overdue: "Not reviewed in time",
};

const STATUS: Record<CaseAlert["status"], string> = {
  queued: "… Queued",
  sent: "✓ Sent",
  failed: "✕ Failed",
  cancelled: "– Cancelled",
};

/** A table of the case's alert deliveries (from listCaseAlerts), newest first; times in the clinic's zone. */
export function AlertDeliveries({ alerts, zone }: { alerts: readonly CaseAlert[]; zone: string }) {
  if (!alerts.length) return <p>No staff alerts were sent about this case.</p>;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">Staff alerts about this case, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">To</th>
            <th scope="col">Why</th>
            <th scope="col">Status</th>
            <th scope="col">Queued</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.channel === "webhook" ? "Webhook" : a.digest ? "Email (digest)" : "Email"}</th>
              <td>{a.recipient}</td>
              <td>
                {a.reason ? (REASONS[a.reason] ?? a.reason) : "–"}
                {a.event ? <span className={styles.muted}> ({a.event})</span> : null}
              </td>
              <td>
                {a.status === "failed" ? <strong>{STATUS.failed}</strong> : STATUS[a.status]}
                {a.status === "sent" && a.sentAt ? `, ${formatDateTime(a.sentAt, zone)}` : null}
                {a.attempts > 1 || a.status === "failed" ? (
                  <span className={styles.muted}>
                    {" "}
                    after {a.attempts} attempt{a.attempts === 1 ? "" : "s"}
                  </span>
                ) : null}
                {a.lastError && a.status !== "sent" ? (
                  <>
                    <br />
                    <span className={styles.muted}>Last error: {a.lastError}</span>
                  </>
                ) : null}
              </td>
              <td>{formatDateTime(a.createdAt, zone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
