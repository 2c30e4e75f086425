// Triage by hand (issue 22, the silent pilot): the patient was not shown the grade, so staff read
// the answers and record the level they would give. It is stored beside the engine's grade (never
// changing it) for the triage audit to compare; changing what acts is still "Change the level".
import { LEVELS, type Level } from "@/common/vocabulary";
import { formatDateTime } from "@/lib/booking/format";
import { LEVEL_NAMES } from "@/lib/staff/format";
import { handTriageAction } from "../../governance-actions";
import { StaffForm } from "../../_components/staff-form";
import styles from "../../_components/staff.module.css";

type Props = {
  intakeId: string;
  staffLevel: Level | null;
  by: string | null;
  at: Date | null;
  canRecord: boolean;
  zone: string;
};

export function HandTriage({ intakeId, staffLevel, by, at, canRecord, zone }: Props) {
  return (
    <section className={styles.card} aria-labelledby="hand-triage" data-testid="hand-triage">
      <h2 id="hand-triage">Triage by hand (silent pilot)</h2>
      <p>
        This patient was not shown their grade. Read the answers and record the level you would give: it is kept beside
        the engine&apos;s grade for the triage audit, and the case leaves the queue unless you give URGENT or EMERGENCY
        (then call the patient, and use &ldquo;Change the level&rdquo; if it should act).
      </p>
      {staffLevel ? (
        <p>
          <strong>Level given by hand: {LEVEL_NAMES[staffLevel]}</strong>
          <br />
          <span className={styles.muted}>
            {by ?? "A former colleague"}
            {at ? `, ${formatDateTime(at, zone)}` : ""}
          </span>
        </p>
      ) : (
        <p className={styles.muted}>No level recorded by hand yet.</p>
      )}
      {canRecord ? (
        <StaffForm
          action={handTriageAction}
          hidden={{ intakeId }}
          submitLabel={staffLevel ? "Change the level given by hand" : "Record the level"}
          fields={[
            {
              kind: "radio",
              name: "staffLevel",
              label: "The level you would give",
              options: LEVELS.map((l) => ({ value: l, label: LEVEL_NAMES[l] })),
              defaultValue: staffLevel ?? undefined,
            },
          ]}
        />
      ) : (
        <p className={styles.muted}>A clinician or an admin records the level.</p>
      )}
    </section>
  );
}
