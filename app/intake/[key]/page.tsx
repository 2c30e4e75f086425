import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { saveStepAction } from "@/app/intake/actions";
import { getStep, STEPS, type StepId } from "@/lib/content";
import { loadDraft } from "@/lib/intake-form/draft";
import { rawFromAnswers } from "@/lib/intake-form/parse";
import { isQuestionStep, previousStepId, STEP_SPECS } from "@/lib/intake-form/steps";
import { CheckAnswers } from "../_components/check-answers";
import styles from "../_components/intake.module.css";
import { Progress } from "../_components/progress";
import { StepForm } from "../_components/step-form";

type Params = { params: Promise<{ key: string }>; searchParams: Promise<{ return?: string }> };

const isStep = (key: string): key is StepId => STEPS.some((s) => s.id === key);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { key } = await params;
  return isStep(key) ? { title: `${getStep(key).title} – your back-pain check` } : {};
}

/** One page of the intake form, or the check-answers page. */
export default async function IntakeStepPage({ params, searchParams }: Params) {
  const { key } = await params;
  if (!isStep(key)) notFound();
  const returnTo = (await searchParams).return === "check" ? "check" : undefined;
  const draft = await loadDraft();
  const step = getStep(key);
  const previous = returnTo ? "check-answers" : previousStepId(key);

  return (
    <div className={styles.page}>
      <Link href={previous ? `/intake/${previous}` : "/intake"} className={styles.back}>
        Back
      </Link>
      <Progress current={key} completed={draft.completedSteps} />
      <h1>{step.heading}</h1>
      {step.intro ? <p className={styles.intro}>{step.intro}</p> : null}
      {isQuestionStep(key) ? (
        <StepForm
          key={key}
          fields={STEP_SPECS[key].fields(draft.answers)}
          initial={rawFromAnswers(STEP_SPECS[key].fields(draft.answers), draft.answers)}
          action={saveStepAction.bind(null, key)}
          optional={step.optional}
          returnTo={returnTo}
        />
      ) : (
        <CheckAnswers answers={draft.answers} />
      )}
    </div>
  );
}
