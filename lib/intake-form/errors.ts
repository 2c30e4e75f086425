import type { StepId } from "@/lib/content";
import { STEP_SPECS } from "./steps";

// Answers whose form field has another name, or lives on a page by section rather than by field.
const SPECIAL: Record<string, { step: StepId; name: string }> = {
  "pain.locations": { step: "where-it-hurts", name: "regions" },
  "legs.legPain": { step: "where-it-hurts", name: "regions" },
};
const BY_SECTION: Record<string, StepId> = {
  contact: "about-you", pain: "this-episode", legs: "legs", cauda: "nerve-check", history: "health-history",
  vascular: "more-questions", inflammatory: "more-questions", running: "running", outlook: "recovery-outlook",
  function: "daily-function",
};

/** The page and form field where the patient can fix the answer at this dotted path. */
export function fieldForPath(path: string): { step: StepId; name: string } | null {
  for (const [prefix, target] of Object.entries(SPECIAL)) if (path === prefix || path.startsWith(`${prefix}.`)) return target;
  const section = path.split(".")[0] ?? "";
  const step = BY_SECTION[section];
  if (!step) return null;
  const names = STEP_SPECS[step as keyof typeof STEP_SPECS].fields({}).map((f) => f.name);
  const name = names.find((n) => path === n || path.startsWith(`${n}.`)) ?? names[0] ?? section;
  return { step, name };
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
