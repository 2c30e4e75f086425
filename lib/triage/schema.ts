import { z } from "zod";
import { FORM_PAGES } from "./model";
import { ageFromValidBirthDate, issue, section, todayOn } from "./schema-parts";
import type { SchemaClock } from "./schema-parts";
import { functionSchema, inflammatorySchema, outlookSchema, runningSchema } from "./schema-screens";
import {
  caudaSchema,
  consentSchema,
  historySchema,
  legsSchema,
  makeContactSchema,
  painSchema,
  vascularSchema,
} from "./schema-sections";

export type { SchemaClock } from "./schema-parts";
export { birthDateProblem, MAX_AGE } from "./schema-parts";
export {
  FUNCTION_SECTIONS,
  functionSchema,
  inflammatoryShape,
  inflammatorySchema,
  outlookSchema,
  makeRunningSchema,
  runningShape,
  runningSchema,
} from "./schema-screens";
export {
  CAUDA_ITEMS,
  caudaReported,
  caudaSchema,
  caudaShape,
  consentSchema,
  contactSchema,
  historySchema,
  historyShape,
  legsSchema,
  legsShape,
  legSymptomsPresent,
  makeContactSchema,
  MECHANISM_TRIGGERS,
  PAIN_LOCATIONS,
  painSchema,
  painShape,
  PREGNANCY_ANSWERS,
  pregnancyAsksWarningSigns,
  vascularSchema,
  vascularShape,
  WALKING_KINDS,
} from "./schema-sections";
export type { CaudaItem, LegSymptom } from "./schema-sections";

/** Ages at which the pregnancy question is asked of patients whose sex is female or other. */
export const PREGNANCY_AGES = { min: 12, max: 59 } as const;

/** Whether the form asks this patient the pregnancy question (intake-contract.md, cross-field rules). */
export function asksPregnancy(sex: string, age: number): boolean {
  return sex !== "male" && age >= PREGNANCY_AGES.min && age <= PREGNANCY_AGES.max;
}

/** The sections each value of `stoppedAt` leaves unanswered (null); `vascular` is never null. */
const UNANSWERED: Record<"complete" | (typeof FORM_PAGES)[number], readonly string[]> = {
  complete: [],
  "vascular-check": ["legs", "cauda", "history", "inflammatory", "running", "outlook", "function"],
  "nerve-check": ["history", "inflammatory", "running", "outlook", "function"],
  "health-history": ["inflammatory", "running", "outlook", "function"],
};
const SOMETIMES_NULL = ["legs", "cauda", "history", "inflammatory", "running"] as const;
const OPTIONAL_SCREENS = ["outlook", "function"];

const SECTION_MISSING: Record<(typeof SOMETIMES_NULL)[number], string> = {
  legs: "Answer the questions about your legs, arms and hands",
  cauda: "Answer the questions about numbness, bladder, bowel and sexual function",
  history: "Answer the questions about your health",
  inflammatory: "Answer the questions about stiffness and inflammation",
  running: "Answer the questions about running",
};

/**
 * The one schema for an intake under contract 2026.12 (intake-contract.md), for the API edge and
 * the form alike: a completed form, or an early submission from the emergency page (`stoppedAt`).
 * `clock` fixes "today" for the date-of-birth checks; by default each parse reads the current time.
 */
export function makeIntakeAnswersSchema(clock: SchemaClock = {}) {
  return section(
    {
      contact: makeContactSchema(clock),
      consent: consentSchema,
      stoppedAt: z.enum(FORM_PAGES, { error: "stoppedAt must be null or the page the form was sent from" }).nullable(),
      pain: painSchema,
      vascular: vascularSchema,
      legs: legsSchema.nullable(),
      cauda: caudaSchema.nullable(),
      history: historySchema.nullable(),
      inflammatory: inflammatorySchema.nullable(),
      running: runningSchema.nullable(),
      outlook: outlookSchema,
      function: functionSchema,
      notes: z
        .string({ error: "Notes must be text" })
        .trim()
        .max(2000, { error: "Keep your notes to 2000 characters or fewer" })
        .optional(),
    },
    "Send the completed form",
  ).superRefine((answers, ctx) => {
    const unanswered = UNANSWERED[answers.stoppedAt ?? "complete"];
    for (const key of SOMETIMES_NULL) {
      const isNull = answers[key] === null;
      if (unanswered.includes(key) && !isNull) {
        issue(
          ctx,
          [key],
          `Leave this empty (null): the form was sent from the emergency page after ${answers.stoppedAt}`,
        );
      } else if (!unanswered.includes(key) && isNull) {
        issue(ctx, [key], SECTION_MISSING[key]);
      }
    }
    for (const key of OPTIONAL_SCREENS) {
      if (answers.stoppedAt !== null && answers[key as "outlook" | "function"] !== null) {
        issue(
          ctx,
          [key],
          `Leave this empty (null): the form was sent from the emergency page after ${answers.stoppedAt}`,
        );
      }
    }
    // An unusable date of birth already has its own message; the checks below need an age.
    const age = ageFromValidBirthDate(answers.contact.dateOfBirth, todayOn(clock));
    if (age === null) return;
    const history = answers.history;
    if (history !== null) {
      if (answers.contact.sex === "male" && history.pregnancy !== "not_applicable") {
        issue(
          ctx,
          ["history", "pregnancy"],
          "Must be not_applicable: the pregnancy question is not asked when sex is male",
        );
      } else if (asksPregnancy(answers.contact.sex, age) && history.pregnancy === "not_applicable") {
        issue(ctx, ["history", "pregnancy"], "Answer the question about pregnancy");
      }
    }
    const onsetAge = answers.inflammatory?.onsetAge ?? null;
    if (onsetAge !== null && onsetAge > age) {
      issue(ctx, ["inflammatory", "onsetAge"], `This age cannot be more than your age now (${age})`);
    }
  });
}

/** The intake schema on the current time, as the API uses it. */
export const intakeAnswersSchema = makeIntakeAnswersSchema();

/** A validated, normalised intake (trimmed strings, lower-cased email): what gradeIntake takes. */
export type IntakeAnswers = z.output<typeof intakeAnswersSchema>;

/** What a client sends before validation. */
export type IntakeAnswersInput = z.input<typeof intakeAnswersSchema>;
