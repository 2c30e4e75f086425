// The "check your answers" rows: each answer in words, with the page to change it on.
import { REGION_LABELS, isRegion } from "@/app/intake/_components/body-map/regions";
import { FORM_TEXT, STEPS, type StepId } from "@/lib/content";
import type { DraftAnswers, FieldView } from "./model";
import { FORM_ONLY, getPath } from "./parse";
import { STEP_SPECS } from "./steps";

export type ReviewRow = { key: string; question: string; answer: string | null; step: StepId; fieldName: string };
export type ReviewSection = { step: StepId; title: string; rows: ReviewRow[]; skipped: boolean };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Every page's answers in words; `answer: null` means not answered yet. */
export function reviewSections(answers: DraftAnswers): ReviewSection[] {
  return STEPS.filter((s) => s.id !== "check-answers").map((step) => {
    const spec = STEP_SPECS[step.id as keyof typeof STEP_SPECS];
    const section = step.id === "recovery-outlook" ? "outlook" : step.id === "daily-function" ? "function" : null;
    const skipped = section !== null && answers[section] === null;
    const rows = skipped ? [] : spec.fields(answers).flatMap((f) => rowsFor(f, answers, step.id));
    return { step: step.id, title: step.title, rows, skipped };
  });
}

function rowsFor(field: FieldView, answers: DraftAnswers, step: StepId): ReviewRow[] {
  const value = getPath(answers, field.name);
  const row = (answer: string | null, question = field.label, key = field.name): ReviewRow => ({
    key, question, answer, step, fieldName: field.name,
  });
  switch (field.kind) {
    case "regions": {
      const marked = getPath(answers, `${FORM_ONLY}.regions`);
      const regions = Array.isArray(marked) ? marked.filter(isRegion) : [];
      return [row(regions.length ? regions.map((r) => REGION_LABELS[r]).join(", ") : null)];
    }
    case "choice":
      return [row(typeof value === "string" ? (field.options.find((o) => o.value === value)?.label ?? value) : null)];
    case "scale":
      return [row(typeof value === "number" ? `${value} out of 10` : null)];
    case "yes_no":
      return [row(value === true ? FORM_TEXT.yes : value === false ? FORM_TEXT.no : value === null ? (field.unknownLabel ?? null) : null)];
    case "number":
      return [row(value === null ? (field.unknownLabel ?? null) : typeof value === "number" ? `${value}${field.suffix ? ` ${field.suffix}` : ""}` : null)];
    case "date": {
      if (typeof value !== "string") return [row(null)];
      const [y, m, d] = value.split("-").map(Number);
      return [row(`${d} ${MONTHS[(m ?? 1) - 1]} ${y}`)];
    }
    case "outlook": {
      const o = value as { items: boolean[]; bothersomeness: string } | undefined;
      if (!o) return [row(null)];
      const items = field.items.map((item, i) => row(o.items[i] ? field.agree : field.disagree, item, `outlook.items.${i}`));
      const bother = field.bothersomeness.find((b) => b.value === o.bothersomeness)?.label ?? null;
      return [...items, row(bother, field.bothersomenessLabel, "outlook.bothersomeness")];
    }
    case "function": {
      const f = value as { sections: (number | null)[] } | undefined;
      if (!f) return [row(null)];
      return field.sections.map((s, i) => {
        const score = f.sections[i];
        return row(score === null || score === undefined ? "Skipped" : (s.options[score] ?? null), s.label, `function.sections.${i}`);
      });
    }
    default:
      return [row(typeof value === "string" ? value : null)];
  }
}
