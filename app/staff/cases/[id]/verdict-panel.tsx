// A clinician's verdict on the grade (issue 22): once they know, right / higher / lower and the
// working diagnosis; editable, each change kept as history. Shown to everyone, recorded by
// clinicians and admins.
import { GRADE_VERDICTS, WORKING_DIAGNOSES } from "@/common/vocabulary";
import type { VerdictHistoryRow } from "@/db/queries/governance";
import { formatDateTime } from "@/lib/booking/format";
import { DIAGNOSIS_NAMES, VERDICT_NAMES } from "@/lib/governance/verdicts";
import { verdictAction } from "../../governance-actions";
import { StaffForm } from "../../_components/staff-form";
import styles from "../../_components/staff.module.css";

type Props = { intakeId: string; history: readonly VerdictHistoryRow[]; canRecord: boolean; zone: string };

const describe = (v: VerdictHistoryRow) =>
  `${VERDICT_NAMES[v.verdict]}${v.diagnosis ? `; ${DIAGNOSIS_NAMES[v.diagnosis]}` : ""}${v.diagnosisText ? ` (${v.diagnosisText})` : ""}`;

export function VerdictPanel({ intakeId, history, canRecord, zone }: Props) {
  const current = history.find((v) => !v.supersededAt) ?? null;
  const earlier = history.filter((v) => v.supersededAt).reverse();
  return (
    <section className={styles.card} aria-labelledby="verdict" data-testid="verdict">
      <h2 id="verdict">Was the grade right?</h2>
      {current ? (
        <p>
          <strong>{describe(current)}</strong>
          <br />
          <span className={styles.muted}>
            {current.recordedBy ?? "A former colleague"}, {formatDateTime(current.recordedAt, zone)}
          </span>
        </p>
      ) : (
        <p className={styles.muted}>
          No verdict yet. Once you know (after the first contact, or a diagnosis), say whether the grade was right: the
          triage audit counts it for every rule that fired.
        </p>
      )}
      {earlier.length ? (
        <details>
          <summary>Earlier verdicts ({earlier.length})</summary>
          <ul>
            {earlier.map((v) => (
              <li key={v.id}>
                {describe(v)}: {v.recordedBy ?? "a former colleague"}, {formatDateTime(v.recordedAt, zone)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canRecord ? (
        <StaffForm
          action={verdictAction}
          hidden={{ intakeId }}
          submitLabel={current ? "Change the verdict" : "Record the verdict"}
          secondary
          fields={[
            {
              kind: "radio",
              name: "verdict",
              label: "The grade",
              options: GRADE_VERDICTS.map((v) => ({ value: v, label: VERDICT_NAMES[v] })),
              defaultValue: current?.verdict,
            },
            {
              kind: "select",
              name: "diagnosis",
              label: "Working diagnosis (optional)",
              placeholder: "Not known yet",
              options: WORKING_DIAGNOSES.map((d) => ({ value: d, label: DIAGNOSIS_NAMES[d] })),
              defaultValue: current?.diagnosis ?? undefined,
            },
            {
              kind: "text",
              name: "diagnosisText",
              label: "Details (optional; needed for Other)",
              defaultValue: current?.diagnosisText ?? undefined,
            },
          ]}
        />
      ) : null}
    </section>
  );
}
