// Integration keys (issue 21): for an EHR import, a wallboard or a booking integration. Each key has
// scopes; it is shown once when created; its last use is listed; revoking is immediate.
import type { ReactNode } from "react";
import type { ListedApiKey } from "@/db/queries/api-keys";
import { formatDateTime } from "@/lib/booking/format";
import { revokeApiKeyAction } from "../api-key-actions";
import { ApiKeyCreate } from "./api-key-create";
import { StaffForm } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";
import styles from "../settings.module.css";

type Props = { title: string; notice: ReactNode; keys: readonly ListedApiKey[]; zone: string };

export function ApiKeysSection({ title, notice, keys, zone }: Props) {
  return (
    <section id="api-keys" className={styles.section} aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">{title}</h2>
      {notice}
      <p className={staff.muted}>
        A key lets another system (a practice system, an EHR, a wallboard) use the staff and FHIR APIs without a person
        signing in. Give each system its own key with only the scopes it needs. Every request made with a key is
        recorded in the audit trail. See <a href="/docs/api">the API reference</a>.
      </p>
      {keys.length ? (
        <div className={staff.tableWrap}>
          <table className={staff.table}>
            <caption className="visually-hidden">Integration keys, live ones first</caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <th scope="row">
                    {k.name}
                    <br />
                    <code className={styles.lastError}>{k.prefix}…</code>
                  </th>
                  <td>{k.scopes.join(", ")}</td>
                  <td>{formatDateTime(k.createdAt, zone)}</td>
                  <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, zone) : "Never"}</td>
                  <td>
                    {k.revokedAt ? (
                      <span className={styles.status}>✕ Revoked {formatDateTime(k.revokedAt, zone)}</span>
                    ) : (
                      <details className={styles.details}>
                        <summary>
                          Revoke<span className="visually-hidden"> {k.name}</span>
                        </summary>
                        <p>Its next request is refused. This cannot be undone.</p>
                        <StaffForm
                          errorSummary
                          action={revokeApiKeyAction}
                          hidden={{ id: k.id }}
                          submitLabel={
                            <>
                              Revoke this key<span className="visually-hidden"> ({k.name})</span>
                            </>
                          }
                          layout="inline"
                        />
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No keys yet.</p>
      )}
      <h3>Create a key</h3>
      <ApiKeyCreate />
    </section>
  );
}
