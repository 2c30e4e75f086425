import { ProgressChart } from "@/app/_components/progress-chart";
import { formatDateTime, formatDay } from "@/lib/booking/format";
import { REASON_WORDS, STAGES, stageAt, type DecisionReason } from "@/lib/programme";
import { storedDecision } from "@/lib/recovery/run-plan";
import type { StaffRecoveryView } from "@/lib/recovery/staff-view";
import { LEVEL_NAMES } from "@/lib/staff/format";
import type { Level } from "@/lib/triage";
import { clearRunPlanAction, dischargeAction, resumePlanAction } from "../recovery-actions";
import { StaffForm } from "./staff-form";
import styles from "./staff.module.css";

const ACTION_WORDS = {
  progress: "moved on",
  repeat: "repeated the stage",
  step_back: "stepped back",
  stop: "STOPPED for review",
} as const;

type NotImprovingRecord = { version?: string; week?: number; fired?: { id: string; summary: string; week: number }[] };

/**
 * The episode's recovery on the case and the patient pages: check-ins (chart and table), "not
 * improving" and the rules that said so, the running plan's weeks, and (clinicians and admins)
 * discharge and clearing for the plan.
 */
export function RecoveryPanel({
  view,
  zone,
  back,
  canAct,
  now,
}: {
  view: StaffRecoveryView;
  zone: string;
  now: Date;
  /** The page the forms come back to. */
  back: string;
  canAct: boolean;
}) {
  const { recovery, checkins, plan } = view;
  const notImproving = recovery?.notImproving as NotImprovingRecord | null;
  const hidden = { intakeId: view.root.id, back };
  return (
    <section className={styles.card} aria-labelledby="recovery" data-testid="recovery">
      <h2 id="recovery">Recovery</h2>
      <p>
        Episode from {formatDateTime(view.root.createdAt, zone)} (graded {LEVEL_NAMES[view.root.level as Level]}).
        {recovery?.dischargedAt ? (
          <> Discharged on {formatDay(recovery.dischargedAt, zone)}: no more check-ins.</>
        ) : null}
      </p>
      {recovery?.notImprovingAt ? (
        <div className={styles.overdue}>
          <p>
            <strong>Not improving</strong> (found {formatDateTime(recovery.notImprovingAt, zone)}
            {notImproving?.version ? `, outcome rules ${notImproving.version}` : ""}):
          </p>
          <ul>
            {(notImproving?.fired ?? []).map((f) => (
              <li key={`${f.id}-${f.week}`}>
                {f.id} at {f.week} weeks: {f.summary}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.scores.length ? (
        <ProgressChart points={view.series} title="Pain, daily function and activities since the form" />
      ) : null}
      <h3>Check-ins</h3>
      {checkins.length === 0 ? (
        <p>None scheduled (the episode began before check-ins, or the clinic set none).</p>
      ) : (
        <ul>
          {checkins.map((c) => (
            <li key={c.id}>
              {c.week} weeks ({formatDay(c.dueAt, zone)}):{" "}
              {c.answeredAt
                ? `answered ${formatDateTime(c.answeredAt, zone)}${c.regradeIntakeId ? ", re-graded (see the patient's intakes)" : ""}`
                : c.dueAt.getTime() > now.getTime()
                  ? "not due yet"
                  : view.open?.id === c.id
                    ? "open, not answered yet"
                    : "not answered"}
            </li>
          ))}
        </ul>
      )}
      <h3>Running plan</h3>
      {plan ? (
        <>
          <p>
            {plan.plan.status === "active"
              ? `Stage ${plan.plan.stage} of 6: ${stageAt(plan.plan.stage).title}.`
              : plan.plan.status === "completed"
                ? "Completed."
                : `Stopped at stage ${plan.plan.stage} (${stageAt(plan.plan.stage).title}): waiting for a clinician.`}{" "}
            Started {formatDay(plan.plan.startedAt, zone)}.
          </p>
          {plan.checkins.length ? (
            <ol>
              {plan.checkins.map((c) => {
                const d = storedDecision(c.decision);
                return (
                  <li key={c.id}>
                    {formatDay(c.createdAt, zone)}, stage {c.stage}: {d ? ACTION_WORDS[d.action] : "answered"}
                    {d?.reasons.length
                      ? ` (${d.reasons.map((r) => REASON_WORDS[r as DecisionReason] ?? r).join("; ")})`
                      : ""}
                  </li>
                );
              })}
            </ol>
          ) : null}
        </>
      ) : view.planAccess.open ? (
        <p>
          Open to the patient on My back{view.planAccess.why === "cleared" ? " (cleared by a clinician)" : ""}; not
          started.
        </p>
      ) : (
        <p>
          Not open:{" "}
          {view.planAccess.why === "not_runner"
            ? "the patient did not say they run."
            : view.planAccess.why === "discharged"
              ? "discharged."
              : "the grade needs a clinician's clearance first."}
        </p>
      )}
      {canAct && !view.erased ? (
        <>
          {!view.planAccess.open && view.planAccess.why !== "discharged" ? (
            <StaffForm action={clearRunPlanAction} hidden={hidden} submitLabel="Clear for the running plan" />
          ) : null}
          {plan?.plan.status === "stopped" ? (
            <StaffForm
              action={resumePlanAction}
              hidden={hidden}
              submitLabel="Resume the plan"
              fields={[
                {
                  kind: "select",
                  name: "stage",
                  label: "Resume at",
                  options: STAGES.map((s) => ({ value: String(s.number), label: `Stage ${s.number}: ${s.title}` })),
                  defaultValue: String(Math.max(1, plan.plan.stage - 1)),
                },
              ]}
            />
          ) : null}
          <StaffForm
            action={dischargeAction}
            hidden={{ ...hidden, discharged: recovery?.dischargedAt ? "no" : "yes" }}
            submitLabel={recovery?.dischargedAt ? "Undo discharge" : "Discharge (stop check-ins)"}
          />
        </>
      ) : null}
    </section>
  );
}
