import { STEPS, type StepId } from "@/lib/content";
import { FUNCTION_PAGE_SECTIONS, isQuestionStep, STEP_SPECS } from "./steps";

// Answers whose form field has another name than their path.
const SPECIAL: Record<string, { step: StepId; name: string }> = {
  "pain.locations": { step: "where-it-hurts", name: "regions" },
  "legs.legPain": { step: "where-it-hurts", name: "regions" },
};
const QUESTION_STEPS = STEPS.map((s) => s.id).filter(isQuestionStep);

/** The page and form field where the patient can fix the answer at this dotted path. */
export function fieldForPath(path: string): { step: StepId; name: string } | null {
  // The daily-function screen spans two pages: a section's answer is on the page that asks it.
  const section = /^function\.sections\.(\d+)/.exec(path);
  if (section) {
    const step = Number(section[1]) < FUNCTION_PAGE_SECTIONS ? "daily-function" : "daily-function-more";
    return { step, name: "function" };
  }
  for (const [prefix, target] of Object.entries(SPECIAL))
    if (path === prefix || path.startsWith(`${prefix}.`)) return target;
  // The question itself (or a part of it, such as function.sections.3) …
  for (const step of QUESTION_STEPS) {
    const name = STEP_SPECS[step].names.find((n) => path === n || path.startsWith(`${n}.`));
    if (name) return { step, name };
  }
  // … or the first question of the section or group it names (a whole missing section, legs.onsetDays).
  for (const step of QUESTION_STEPS) {
    const name = STEP_SPECS[step].names.find((n) => n.startsWith(`${path}.`));
    if (name) return { step, name };
  }
  return null;
}

/** Field errors keyed by form field name instead of answer path (e.g. the body map's "regions"). */
export function errorsByField(errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(errors)) {
    const name = SPECIAL[path]?.name ?? path;
    out[name] = [...(out[name] ?? []), ...messages];
  }
  return out;
}
