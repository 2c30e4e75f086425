// The "check your answers" rows: each question the patient was asked, with the answer in words and
// the page to change it on. A question that was not asked is never shown (nor its stored value).
import { REGION_LABELS, isRegion } from "./regions";
import { FORM_TEXT, STEPS, type StepId } from "@/lib/content";
import { FORM_PAGES } from "@/lib/triage";
import { askedFields } from "./flow";
import { FORM_PAGE_OF } from "./interrupt";
import type { DraftAnswers, FieldView } from "./model";
import { getPath, listOf, rawFromAnswers, shownNumber } from "./parse";
import { optionalStepSkipped, stepContext } from "./steps";
import type { DistanceUnit } from "./units";

export type ReviewRow = { key: string; question: string; answer: string | null; step: StepId; fieldName: string };
export type ReviewSection = { step: StepId; title: string; rows: ReviewRow[]; skipped: boolean };

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const AFTER_SAFETY_PAGES: readonly StepId[] = [
  "more-questions",
  "joints",
  "running",
  "recovery-outlook",
  "daily-function",
  "daily-function-more",
];

/** Whether a sent intake stopped before this screen (it was sent from the emergency page). */
function notReached(step: StepId, answers: DraftAnswers): boolean {
  const stoppedAt = answers.stoppedAt;
  if (typeof stoppedAt !== "string") return false;
  const page = FORM_PAGE_OF[step];
  if (page === undefined) return AFTER_SAFETY_PAGES.includes(step);
  return FORM_PAGES.indexOf(page) > FORM_PAGES.indexOf(stoppedAt as (typeof FORM_PAGES)[number]);
}

/**
 * Every page's asked questions in words, in page order; `answer: null` means not answered yet.
 * `skipped`: an optional screen the patient skipped, or a page an early submission never reached.
 */
export function reviewSections(
  answers: DraftAnswers,
  clock: { now?: Date; timeZone?: string; distanceUnit?: DistanceUnit } = {},
): ReviewSection[] {
  const ctx = stepContext(answers, clock);
  return STEPS.filter((s) => s.id !== "check-answers").map((step) => {
    const id = step.id as Exclude<StepId, "check-answers">;
    const skipped = optionalStepSkipped(id, answers) || notReached(id, answers);
    const rows = skipped ? [] : askedFields(id, ctx).flatMap((f) => rowsFor(f, answers, id));
    return { step: id, title: step.title, rows, skipped };
  });
}

function rowsFor(field: FieldView, answers: DraftAnswers, step: StepId): ReviewRow[] {
  const value = getPath(answers, field.name);
  const row = (answer: string | null, question = field.label, key = field.name): ReviewRow => ({
    key,
    question,
    answer,
    step,
    fieldName: field.name,
  });
  switch (field.kind) {
    case "regions": {
      const regions = listOf(rawFromAnswers([field], answers).regions).filter(isRegion);
      return [row(regions.length ? regions.map((r) => REGION_LABELS[r]).join(", ") : null)];
    }
    case "choice":
      return [row(typeof value === "string" ? (field.options.find((o) => o.value === value)?.label ?? value) : null)];
    case "checkboxes":
      return [
        row(
          Array.isArray(value)
            ? value.map((v) => field.options.find((o) => o.value === v)?.label ?? String(v)).join("; ")
            : null,
        ),
      ];
    case "scale":
      return [row(typeof value === "number" ? `${value} out of 10` : null)];
    case "yes_no":
      return [
        row(
          value === true
            ? FORM_TEXT.yes
            : value === false
              ? FORM_TEXT.no
              : value === null
                ? (field.unknownLabel ?? null)
                : null,
        ),
      ];
    case "confirm":
      return [row(value === true ? FORM_TEXT.privacyAgreed : null)];
    case "number":
      return [
        row(
          value === null
            ? (field.unknownLabel ?? null)
            : typeof value === "number"
              ? `${shownNumber(field, value)}${field.suffix ? ` ${field.suffix}` : ""}`
              : null,
        ),
      ];
    case "date": {
      if (typeof value !== "string") return [row(null)];
      const [y, m, d] = value.split("-").map(Number);
      return [row(`${d} ${MONTHS[(m ?? 1) - 1]} ${y}`)];
    }
    case "outlook": {
      const o = value as { items: boolean[]; bothersomeness: string } | undefined;
      if (!o) return [row(null)];
      const items = field.items.map((item, i) =>
        row(o.items[i] ? field.agree : field.disagree, item, `outlook.items.${i}`),
      );
      const bother = field.bothersomeness.find((b) => b.value === o.bothersomeness)?.label ?? null;
      return [...items, row(bother, field.bothersomenessLabel, "outlook.bothersomeness")];
    }
    case "function": {
      const f = value as { sections: (number | null)[] } | undefined;
      if (!f) return [row(null)];
      return field.sections.map((s, j) => {
        const i = field.first + j;
        const score = f.sections[i];
        return row(
          score === null || score === undefined ? "Skipped" : (s.options[score] ?? null),
          s.label,
          `function.sections.${i}`,
        );
      });
    }
    case "notice":
      return [];
    default:
      return [row(typeof value === "string" ? value : null)];
  }
}
