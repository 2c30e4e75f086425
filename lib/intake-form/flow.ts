// What happens when a page is sent: which questions the patient saw, whether an answer brought
// follow-ups they have not seen yet (the page then comes back with them, without JavaScript too),
// what is stored for the questions that were not asked, and keeping later pages consistent when an
// earlier answer changes what they ask. Pure: the server action does the reading and writing.
import { STEPS } from "@/lib/content";
import { fieldErrors } from "@/lib/forms";
import { errorsByField } from "./errors";
import type { DraftAnswers, FieldView, RawValues } from "./model";
import { SHOWN_FIELD } from "./model";
import { answersFromRaw, FORM_ONLY, getPath, listOf, rawFromAnswers, setPath } from "./parse";
import { isQuestionStep, STEP_SPECS, stepContext, type QuestionStepId, type StepContext } from "./steps";
import type { DistanceUnit } from "./units";
import { isQuestion, valuesOf, visibleNames } from "./visibility";

export type StepReading =
  /** Every question shown was answered well: `answers` is the page's part of the draft. */
  | { kind: "saved"; answers: DraftAnswers; formOnly: unknown }
  /** Some answers need fixing. */
  | { kind: "invalid"; values: RawValues; fieldErrors: Record<string, string[]> }
  /** An answer brought follow-up questions that were not on the page the patient saw. */
  | { kind: "more"; values: RawValues; fieldErrors: Record<string, string[]>; added: string[] };

/** The questions of a page the patient is asked, given these answers (as the page would show them). */
export function askedFields(stepId: QuestionStepId, ctx: StepContext, answers: DraftAnswers = ctx.draft): FieldView[] {
  const fields = STEP_SPECS[stepId].fields(ctx);
  const visible = visibleNames(fields, rawFromAnswers(fields, answers));
  return fields.filter((f) => visible.has(f.name) && isQuestion(f));
}

/**
 * Reads a posted page. Only the questions the patient could see count (the posted `_shown` list):
 * values of hidden questions are ignored, so a stale or hidden answer is never stored. When the
 * answers make follow-ups apply that were not shown, the page comes back with them instead of
 * errors about questions the patient never saw.
 */
export function readStep(stepId: QuestionStepId, ctx: StepContext, raw: RawValues): StepReading {
  const spec = STEP_SPECS[stepId];
  const fields = spec.fields(ctx);
  const posted = raw[SHOWN_FIELD];
  const shown = posted === undefined ? null : new Set(listOf(posted).flatMap((v) => v.split(",")));
  const seen = shown === null ? fields : fields.filter((f) => shown.has(f.name));
  const values = valuesOf(seen, raw);
  const visible = visibleNames(fields, values);
  const asked = fields.filter((f) => visible.has(f.name) && isQuestion(f));
  const read = answersFromRaw(asked, values);
  for (const [path, value] of spec.notAsked(ctx, visible)) setPath(read, path, value);
  const { [FORM_ONLY]: formOnly, ...answers } = read;
  const parsed = spec.schema(ctx).safeParse(answers);
  const errors = parsed.success ? {} : errorsByField(fieldErrors(parsed.error));
  const added = shown === null ? [] : asked.filter((f) => !shown.has(f.name)).map((f) => f.name);
  if (added.length) {
    const onAdded = (name: string) => added.some((a) => name === a || name.startsWith(`${a}.`));
    const kept = Object.fromEntries(Object.entries(errors).filter(([name]) => !onAdded(name)));
    return { kind: "more", values, fieldErrors: kept, added };
  }
  if (!parsed.success) return { kind: "invalid", values, fieldErrors: errors };
  return { kind: "saved", answers: parsed.data as DraftAnswers, formOnly };
}

const QUESTION_STEPS = STEPS.map((s) => s.id).filter(isQuestionStep);

/**
 * After an answer changed, makes the later pages the patient already completed agree with it:
 * a question that no longer applies gets its "not asked" value, and a question that now applies is
 * cleared and its page marked as not completed, so it is asked (never shown with a made-up answer).
 */
export function reconcileLaterPages(
  before: DraftAnswers,
  after: DraftAnswers,
  completedSteps: readonly string[],
  clock: { now: Date; timeZone: string; distanceUnit?: DistanceUnit },
): { answers: DraftAnswers; completedSteps: string[] } {
  const oldCtx = stepContext(before, clock);
  let answers = structuredClone(after);
  const completed = new Set(completedSteps);
  for (const stepId of QUESTION_STEPS) {
    if (!completed.has(stepId)) continue;
    const newCtx = stepContext(answers, clock);
    const wasAsked = new Set(askedFields(stepId, oldCtx, answers).map((f) => f.name));
    const nowAsked = askedFields(stepId, newCtx).map((f) => f.name);
    const fresh = nowAsked.filter((name) => !wasAsked.has(name));
    if (fresh.length) {
      for (const name of fresh) deletePath(answers, name);
      completed.delete(stepId);
    }
    const fields = STEP_SPECS[stepId].fields(newCtx);
    const visible = visibleNames(fields, rawFromAnswers(fields, answers));
    for (const [path, value] of STEP_SPECS[stepId].notAsked(newCtx, visible)) setPath(answers, path, value);
    answers = { ...answers };
  }
  return { answers, completedSteps: completedSteps.filter((s) => completed.has(s)) };
}

function deletePath(obj: DraftAnswers, path: string): void {
  const keys = path.split(".");
  const parent = keys.length > 1 ? getPath(obj, keys.slice(0, -1).join(".")) : obj;
  if (parent && typeof parent === "object") delete (parent as Record<string, unknown>)[keys[keys.length - 1]!];
}
