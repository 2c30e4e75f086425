import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { saveStepAction } from "@/app/intake/actions";
import { getClinicInfo } from "@/lib/clinic";
import { getStep, STEPS, UNDER_16_NOTICE, type StepId } from "@/lib/content";
import { loadDraft } from "@/lib/intake-form/draft";
import { checkAnswersHref, parseRowKey } from "@/lib/intake-form/return-to";
import { rawFromAnswers } from "@/lib/intake-form/parse";
import { isQuestionStep, previousStepId, STEP_SPECS, stepContext } from "@/lib/intake-form/steps";
import { valuesOf, visibleNames } from "@/lib/intake-form/visibility";
import { CheckAnswers } from "../_components/check-answers";
import { fieldId } from "../_components/ids";
import styles from "../_components/intake.module.css";
import { Progress } from "../_components/progress";
import { StepForm } from "../_components/step-form";

type Params = {
  params: Promise<{ key: string }>;
  searchParams: Promise<{ return?: string | string[]; row?: string | string[] }>;
};

const isStep = (key: string): key is StepId => STEPS.some((s) => s.id === key);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { key } = await params;
  return isStep(key) ? { title: `${getStep(key).title} – your back-pain check` } : {};
}

/** One page of the intake form, or the check-answers page. */
export default async function IntakeStepPage({ params, searchParams }: Params) {
  const { key } = await params;
  if (!isStep(key)) notFound();
  const query = await searchParams;
  const returnTo = query.return === "check" ? "check" : undefined;
  // The check-answers row whose "Change" opened this page: Back and Continue return to it.
  const returnRow = returnTo ? parseRowKey(query.row) : undefined;
  const draft = await loadDraft();
  const { timeZone, distanceUnit } = await getClinicInfo();
  const ctx = stepContext(draft.answers, { timeZone, distanceUnit });
  const step = getStep(key);
  const previous = previousStepId(key);
  const backHref = returnTo ? checkAnswersHref(returnRow) : previous ? `/intake/${previous}` : "/";
  // Right after the date of birth: a patient under 16 (or their parent) learns what the form is for.
  const under16 = key === "where-it-hurts" && ctx.age !== null && ctx.age < 16;

  return (
    <div className={styles.page}>
      <Link href={backHref} className={styles.back}>
        Back
      </Link>
      <Progress current={key} completed={draft.completedSteps} />
      {under16 ? (
        <div className={styles.notice} role="note" aria-labelledby="under16-title">
          <h2 id="under16-title" className={styles.noticeTitle}>
            {UNDER_16_NOTICE.title}
          </h2>
          {UNDER_16_NOTICE.points.map((p) => (
            <p key={p}>{p}</p>
          ))}
          <p>
            <Link href={`/intake/about-you#${fieldId("contact.phone")}`}>{UNDER_16_NOTICE.changePhone}</Link>
          </p>
        </div>
      ) : null}
      <h1>{step.heading}</h1>
      {step.intro ? <p className={styles.intro}>{step.intro}</p> : null}
      {isQuestionStep(key) ? (
        <StepPageForm stepId={key} ctx={ctx} optional={step.optional} returnTo={returnTo} returnRow={returnRow} />
      ) : (
        <CheckAnswers answers={draft.answers} timeZone={timeZone} distanceUnit={distanceUnit} />
      )}
    </div>
  );
}

function StepPageForm({
  stepId,
  ctx,
  optional,
  returnTo,
  returnRow,
}: {
  stepId: Parameters<typeof saveStepAction>[0] & keyof typeof STEP_SPECS;
  ctx: ReturnType<typeof stepContext>;
  optional?: boolean;
  returnTo?: string;
  returnRow?: string;
}) {
  const fields = STEP_SPECS[stepId].fields(ctx);
  // Only the answers to questions that apply are shown: a stored "not asked" value never appears.
  const raw = rawFromAnswers(fields, ctx.draft);
  const visible = visibleNames(fields, raw);
  const initial = valuesOf(
    fields.filter((f) => visible.has(f.name)),
    raw,
  );
  return (
    <StepForm
      key={stepId}
      fields={fields}
      initial={initial}
      action={saveStepAction.bind(null, stepId)}
      optional={optional}
      returnTo={returnTo}
      returnRow={returnRow}
      distanceUnit={ctx.distanceUnit}
    />
  );
}
