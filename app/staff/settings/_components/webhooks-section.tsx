// Alert webhooks: the second alert channel (a pager bridge, a chat channel). Each endpoint gets
// signed case.escalated / case.overdue events; admins test, deactivate or remove them here.
import type { ReactNode } from "react";
import type { ListedWebhookEndpoint } from "@/db/queries/webhooks";
import { formatDateTime } from "@/lib/booking/format";
import { removeWebhookAction, setWebhookActiveAction, testWebhookAction } from "../webhook-actions";
import { WebhookCreate } from "./webhook-create";
import { StaffForm } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";
import styles from "../settings.module.css";

type Props = { title: string; notice: ReactNode; endpoints: readonly ListedWebhookEndpoint[]; zone: string };

export function WebhooksSection({ title, notice, endpoints, zone }: Props) {
  return (
    <section id="webhooks" className={styles.section} aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{title}</h2>
      {notice}
      <p className={staff.muted}>
        Besides the alert emails, every EMERGENCY or URGENT case, case without capacity, raised level and missed
        deadline can be sent to a web address (for example a pager or chat bridge) as a signed Standard Webhooks event.
        It carries the case&apos;s link, level, reason and deadline only: never the patient&apos;s name or answers.
        Failed deliveries are retried, then listed with the emails that could not be sent.
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
      ) : (
        <p>No webhook endpoints: alerts go by email only.</p>
      )}
      <h3>Add a webhook endpoint</h3>
      <WebhookCreate />
    </section>
  );
}
