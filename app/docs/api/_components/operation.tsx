import type { OperationView } from "@/lib/openapi/reference";
import styles from "../api.module.css";
import { FieldsTable } from "./fields-table";
import { InlineText } from "./inline-text";

/** Many fields (an intake's answers) are folded so the page stays readable; a few are shown. */
const FOLD_AFTER = 12;

/** One operation: method and path, who may call it, its parameters, body and answers. */
export function OperationSection({ op }: { op: OperationView }) {
  const titleId = `${op.id}-title`;
  return (
    <section id={op.id} className={styles.operation} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.opTitle}>
        <span className={styles.method} data-method={op.method}>
          {op.method}
        </span>{" "}
        <code className={styles.path}>{op.path}</code>
      </h3>
      <p className={styles.summary}>{op.summary}</p>
      <p className={styles.access}>
        <span className={styles.accessLabel}>Who may call: </span>
        <InlineText text={op.access} />
      </p>
      {op.description ? (
        <p>
          <InlineText text={op.description} />
        </p>
      ) : null}
      {op.parameters.length ? (
        <>
          <h4>Parameters</h4>
          <FieldsTable caption={`Parameters of ${op.method} ${op.path}`} rows={op.parameters} showIn />
        </>
      ) : null}
      {op.body ? (
        <>
          <h4>
            Request body <code className={styles.type}>{op.body.contentType}</code>
          </h4>
          {op.body.description ? (
            <p>
              <InlineText text={op.body.description} />
            </p>
          ) : null}
          <Folded count={op.body.fields.length} label="fields">
            <FieldsTable caption={`Request body of ${op.method} ${op.path}`} rows={op.body.fields} />
          </Folded>
        </>
      ) : null}
      <h4>Responses</h4>
      <ul className={styles.responses}>
        {op.responses.map((r) => (
          <li key={r.status}>
            <p className={styles.status}>
              <strong data-status-class={r.status[0]}>{r.status}</strong> <InlineText text={r.description} />
            </p>
            {r.codes.length ? (
              <p className={styles.codes}>
                <span className={styles.accessLabel}>error: </span>
                {r.codes.map((code, i) => (
                  <span key={code}>
                    {i > 0 ? ", " : null}
                    <code>{code}</code>
                  </span>
                ))}
              </p>
            ) : null}
            {r.fields.length ? (
              <details className={styles.details}>
                <summary>
                  Body fields ({r.fields.length}){r.contentType ? `, ${r.contentType}` : null}
                </summary>
                <FieldsTable caption={`${r.status} body of ${op.method} ${op.path}`} rows={r.fields} />
              </details>
            ) : r.contentType && !r.codes.length ? (
              <p className={styles.codes}>
                <code>{r.contentType}</code>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Folded({ count, label, children }: { count: number; label: string; children: React.ReactNode }) {
  if (count <= FOLD_AFTER) return children;
  return (
    <details className={styles.details}>
      <summary>
        All {count} {label}
      </summary>
      {children}
    </details>
  );
}
