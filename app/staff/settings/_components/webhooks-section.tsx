// Alert webhooks: the second alert channel (a pager bridge, a chat channel). Each endpoint gets
// signed case.escalated / case.overdue events; admins test, deactivate or remove them here.
import type { ReactNode } from "react";
import type { ListedWebhookEndpoint, WebhookDelivery } from "@/db/queries/webhooks";
import { formatDateTime } from "@/lib/booking/format";
import {
  removeWebhookAction,
  retryWebhookDeliveryAction,
  setWebhookActiveAction,
  testWebhookAction,
} from "../webhook-actions";
import { WebhookCreate } from "./webhook-create";
import { StaffForm } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";
import styles from "../settings.module.css";

type Props = {
  title: string;
  notice: ReactNode;
  endpoints: readonly ListedWebhookEndpoint[];
  /** Each endpoint's latest deliveries, newest first. */
  deliveries: ReadonlyMap<string, readonly WebhookDelivery[]>;
  zone: string;
};

const DELIVERY_STATUS: Record<WebhookDelivery["status"], string> = {
  pending: "Waiting",
  sent: "✓ Delivered",
  dead: "✕ Failed",
  cancelled: "Cancelled",
};

export function WebhooksSection({ title, notice, endpoints, deliveries, zone }: Props) {
  return (
    <section id="webhooks" className={styles.section} aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{title}</h2>
      {notice}
      <p className={staff.muted}>
        Events can be sent to a web address (a pager or chat bridge, a practice system) as signed Standard Webhooks
        messages: escalated and overdue cases beside the alert emails, and new grades, closed cases, bookings and
        waitlist offers for integrations. They carry ids, levels and times only, never the patient&apos;s name or
        answers: an integration fetches details with a key. Failed deliveries are tried eight times over about an hour,
        then can be sent again from the log below.
      </p>
      {endpoints.length ? (
        <div className={staff.tableWrap}>
          <table className={staff.table}>
            <caption className="visually-hidden">Webhook endpoints, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">Events</th>
                <th scope="col">Status</th>
                <th scope="col">Added</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => {
                const name = e.description || e.url;
                return (
                  <tr key={e.id}>
                    <th scope="row">
                      {e.description ? (
                        <>
                          {e.description}
                          <br />
                        </>
                      ) : null}
                      <span className={styles.lastError}>{e.url}</span>
                    </th>
                    <td>{e.events.join(", ")}</td>
                    <td>
                      <span className={styles.status}>{e.active ? "✓ Active" : "✕ Deactivated"}</span>
                    </td>
                    <td>{formatDateTime(e.createdAt, zone)}</td>
                    <td>
                      <div className={styles.actions}>
                        {e.active ? (
                          <StaffForm
                            errorSummary
                            action={testWebhookAction}
                            hidden={{ id: e.id }}
                            submitLabel={
                              <>
                                Send test event<span className="visually-hidden"> to {name}</span>
                              </>
                            }
                            secondary
                            layout="inline"
                          />
                        ) : null}
                        <StaffForm
                          errorSummary
                          action={setWebhookActiveAction}
                          hidden={{ id: e.id, active: e.active ? "false" : "true" }}
                          submitLabel={
                            <>
                              {e.active ? "Deactivate" : "Reactivate"}
                              <span className="visually-hidden"> {name}</span>
                            </>
                          }
                          secondary
                          layout="inline"
                        />
                        <details className={styles.details}>
                          <summary>
                            Remove<span className="visually-hidden"> {name}</span>
                          </summary>
                          <p>Alerts waiting for it are cancelled. Its past deliveries stay listed on their cases.</p>
                          <StaffForm
                            errorSummary
                            action={removeWebhookAction}
                            hidden={{ id: e.id }}
                            submitLabel={
                              <>
                                Remove this endpoint<span className="visually-hidden"> ({name})</span>
                              </>
                            }
                            layout="inline"
                          />
                        </details>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {endpoints.map((e) => {
        const log = deliveries.get(e.id) ?? [];
        const name = e.description || e.url;
        return (
          <details key={e.id} className={styles.details}>
            <summary>
              Latest deliveries to {name} ({log.length ? `${log.length} shown` : "none yet"})
            </summary>
            {log.length ? (
              <div className={staff.tableWrap}>
                <table className={staff.table}>
                  <caption className="visually-hidden">Latest deliveries to {name}, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Event</th>
                      <th scope="col">Queued</th>
                      <th scope="col">Status</th>
                      <th scope="col">Tries</th>
                      <th scope="col">Last error</th>
                      <th scope="col">Case</th>
                    </tr>
                  </thead>
                  <tbody>
                    {log.map((d) => (
                      <tr key={d.id}>
                        <th scope="row">
                          <code>{d.event}</code>
                        </th>
                        <td>{formatDateTime(d.createdAt, zone)}</td>
                        <td>
                          {DELIVERY_STATUS[d.status]}
                          {d.status === "sent" && d.sentAt ? ` ${formatDateTime(d.sentAt, zone)}` : ""}
                          {d.status === "dead" ? (
                            <StaffForm
                              errorSummary
                              action={retryWebhookDeliveryAction}
                              hidden={{ id: d.id }}
                              submitLabel={
                                <>
                                  Send again<span className="visually-hidden"> ({d.event})</span>
                                </>
                              }
                              secondary
                              layout="inline"
                            />
                          ) : null}
                        </td>
                        <td>{d.attempts}</td>
                        <td className={styles.lastError}>{d.lastError ?? ""}</td>
                        <td>{d.caseId ? <a href={`/staff/cases/${d.caseId}`}>Open case</a> : ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p>Nothing has been sent to it yet.</p>
            )}
          </details>
        );
      })}
      {endpoints.length ? null : <p>No webhook endpoints: alerts go by email only.</p>}
      <h3>Add a webhook endpoint</h3>
      <WebhookCreate />
    </section>
  );
}
