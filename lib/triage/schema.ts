import { z } from "zod";
import { ageFromValidBirthDate, section, todayOn } from "./schema-parts";
import type { SchemaClock } from "./schema-parts";
import { functionSchema, inflammatorySchema, outlookSchema, runningSchema } from "./schema-screens";
import {
  caudaSchema, consentSchema, historySchema, legsSchema, makeContactSchema, painSchema, vascularSchema,
} from "./schema-sections";

export type { SchemaClock } from "./schema-parts";
export { birthDateProblem, MAX_AGE } from "./schema-parts";
export { FUNCTION_SECTIONS, functionSchema, inflammatorySchema, outlookSchema, runningSchema } from "./schema-screens";
export {
  caudaSchema, consentSchema, contactSchema, historySchema, legsSchema, makeContactSchema, PAIN_LOCATIONS, painSchema,
  vascularSchema,
} from "./schema-sections";

/**
 * The one schema for a completed intake (intake-contract.md), for the API edge and the form alike.
 * `clock` fixes "today" for the date-of-birth checks; by default each parse reads the current time.
 */
export function makeIntakeAnswersSchema(clock: SchemaClock = {}) {
  return section(
    {
      contact: makeContactSchema(clock),
      consent: consentSchema,
      pain: painSchema,
      legs: legsSchema,
      cauda: caudaSchema,
      history: historySchema,
      vascular: vascularSchema,
      inflammatory: inflammatorySchema,
      running: runningSchema,
      outlook: outlookSchema,
      function: functionSchema,
      notes: z
        .string({ error: "Notes must be text" })
        .trim()
        .max(2000, { error: "Keep your notes to 2000 characters or fewer" })
        .optional(),
    },
    "Send the completed form",
  )
    .superRefine((answers, ctx) => {
      const onsetAge = answers.inflammatory.onsetAge;
      if (onsetAge === null) return;
      // An unusable date of birth already has its own message; do not add a second one here.
      const age = ageFromValidBirthDate(answers.contact.dateOfBirth, todayOn(clock));
      if (age !== null && onsetAge > age) {
        ctx.addIssue({
          code: "custom",
          path: ["inflammatory", "onsetAge"],
          message: `This age cannot be more than your age now (${age})`,
        });
      }
    });
}

/** The intake schema on the current time, as the API uses it. */
export const intakeAnswersSchema = makeIntakeAnswersSchema();

/** A validated, normalised intake (trimmed strings, lower-cased email): what gradeIntake takes. */
export type IntakeAnswers = z.output<typeof intakeAnswersSchema>;

/** What a client sends before validation. */
export type IntakeAnswersInput = z.input<typeof intakeAnswersSchema>;
