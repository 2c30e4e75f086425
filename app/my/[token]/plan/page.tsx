import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/app/book/_components/book.module.css";
import { formatDay } from "@/lib/booking/format";
import { getClinicInfo } from "@/lib/clinic";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { PAIN_WENT, PAIN_WENT_WORDS, stageAt, WARNING_SIGNS, WARNING_SIGN_WORDS } from "@/lib/programme";
import { ZERO_TO_TEN } from "@/lib/outcomes";
import { storedDecision } from "@/lib/recovery/run-plan";
import { planCheckinAction, startPlanAction } from "../../actions";
import { ExerciseCards } from "../../_components/exercise-cards";
import { RunPlan } from "../../_components/run-plan";
import type { FormQuestion } from "../../form-model";
import my from "../../my.module.css";
import { QuestionForm } from "../_components/question-form";
import { loadMyBack } from "../load";
import { NotOpen } from "../not-open";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ started?: string; checked?: string }> };

export const metadata: Metadata = {
  title: "Your running plan",
  robots: { index: false },
  referrer: PRIVATE_PAGE_REFERRER,
};

/** The weekly check-in's questions, as the plan's schema names them. */
function weekQuestions(limit: number): FormQuestion[] {
  return [
    {
      name: "goalDone",
      label: "Did you reach this week's goal?",
      options: [
        ["yes", "Yes"],
        ["no", "No"],
      ],
    },
    {
      name: "painDuring",
      label: "How bad was the pain during your sessions, at its worst?",
      hint: `0 is no pain, 10 is the worst pain you can imagine. This stage's limit is ${limit}.`,
      options: ZERO_TO_TEN,
    },
    {
      name: "painNextMorning",
      label: "How bad was the pain the morning after, at its worst?",
      hint: "0 is no pain, 10 is the worst pain you can imagine.",
      options: ZERO_TO_TEN,
    },
    {
      name: "painWent",
      label: "Where did the pain go while you were moving?",
      options: PAIN_WENT.map((p) => [p, PAIN_WENT_WORDS[p]] as [string, string]),
    },
    {
      name: "warningSigns",
      label: "Have you noticed any of these this week? Tick all that apply.",
      options: [...WARNING_SIGNS.map((s) => [s, WARNING_SIGN_WORDS[s]] as [string, string]), ["none", "None of these"]],
      multiple: true,
    },
  ];
}

const ACTION_WORDS = {
  progress: "Moved on a stage",
  repeat: "Repeated the stage",
  step_back: "Went back a stage",
  stop: "Paused for a clinician",
} as const;

/** The return-to-run plan: this week's stage and check-in, the whole plan, and the home exercises. */
export default async function PlanPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { started, checked } = await searchParams;
  const load = await loadMyBack(token);
  if (load.status !== "ok") return <NotOpen status={load.status} />;
  const { view } = load;
  const clinic = await getClinicInfo();
  const here = `/my/${encodeURIComponent(token)}`;
  const plan = view.plan?.plan ?? null;
  const history = view.plan?.checkins ?? [];
  const last = storedDecision(history.at(-1)?.decision);

  if (!plan) {
    return (
      <div className={styles.page}>
        <Link href={here}>Back to My back</Link>
        <h1>Back to running, step by step</h1>
        {view.planAccess.open ? (
          <>
            <p>
              Six stages, a week or more each: from walking at a quick pace, through jogging and walking in turns on
              flat ground, to your usual runs, and only then hills and speed. Each week you tell us how it went, and the
              plan tells you whether to move on, stay, or step back.
            </p>
            <p>
              The pain rules: some mild pain is fine. Pain that moves back towards the middle of your back means you are
              getting better. Pain that spreads into your buttock, leg or foot means stop.
            </p>
            <form action={startPlanAction}>
              <input type="hidden" name="token" value={token} />
              <button type="submit" className={styles.primary}>
                Start my plan
              </button>
            </form>
          </>
        ) : (
          <p>
            {view.planAccess.why === "not_runner"
              ? "This plan is for people who run. "
              : "Your answers mean a clinician should look at your back before you start running again. "}
            If a clinician says you are ready, the plan will open here. If you have a question, call us on{" "}
            {clinic.phone}.
          </p>
        )}
        <h2>The plan</h2>
        <RunPlan currentStage={null} />
        <h2>Exercises for at home</h2>
        <ExerciseCards />
      </div>
    );
  }

  const stage = stageAt(plan.stage);
  // Re-graded since to a level the plan is not open to, or discharged: paused, whatever the plan says.
  const active = plan.status === "active" && view.planAccess.open;
  return (
    <div className={styles.page}>
      <Link href={here}>Back to My back</Link>
      <h1>Your running plan</h1>
      {started === "1" ? (
        <p className={styles.notice} role="status">
          Your plan has started. Do this week&apos;s sessions, then come back to tell us how it went.
        </p>
      ) : null}
      {checked === "1" && last ? (
        <div className={last.action === "stop" ? my.attention : styles.notice} role="status">
          <p>
            <strong>{ACTION_WORDS[last.action]}.</strong> {last.message}
          </p>
        </div>
      ) : null}

      <section className={my.section} aria-labelledby="this-week">
        <h2 id="this-week">
          {active
            ? `This week: stage ${stage.number}, ${stage.title}`
            : plan.status === "completed"
              ? "You have finished the plan"
              : "Your plan is paused"}
        </h2>
        {active ? (
          <>
            <p>
              <strong>Goal:</strong> {stage.goal}
            </p>
            <ul>
              {stage.sessions.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
            <p className={my.muted}>
              Started {formatDay(plan.stageStartedAt, clinic.timeZone)}. When you have done this week&apos;s sessions,
              tell us how it went.
            </p>
            <h3>This week&apos;s check-in</h3>
            <QuestionForm
              action={planCheckinAction}
              hidden={{ token, seen: String(history.length) }}
              questions={weekQuestions(stage.painLimit)}
              submitLabel="Send and see next week"
            />
          </>
        ) : plan.status === "completed" ? (
          <p>
            Well done: you are back to your usual running, hills and speed included. Keep up the exercises, and build up
            gently if you increase your distance.
          </p>
        ) : (
          <p>
            A clinician will look at your answers and we will be in touch. Until then, please do not run; gentle walking
            that does not hurt is fine. If you are worried, call us on {clinic.phone}.
          </p>
        )}
      </section>

      {history.length ? (
        <section className={my.section} aria-labelledby="weeks">
          <h2 id="weeks">Your weeks so far</h2>
          <ol className={my.list}>
            {history.map((c) => {
              const d = storedDecision(c.decision);
              return (
                <li key={c.id}>
                  {formatDay(c.createdAt, clinic.timeZone)}: stage {c.stage},{" "}
                  {d ? ACTION_WORDS[d.action].toLowerCase() : "answered"}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}

      <section className={my.section} aria-labelledby="stages">
        <h2 id="stages">The whole plan</h2>
        <RunPlan
          currentStage={plan.status === "completed" ? null : plan.stage}
          completed={plan.status === "completed"}
        />
      </section>
      <section className={my.section} aria-labelledby="exercises">
        <h2 id="exercises">Exercises for at home</h2>
        <ExerciseCards />
      </section>
    </div>
  );
}
