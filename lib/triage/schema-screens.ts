// Section schemas for the screens of the intake contract: inflammatory back pain, running, and the
// two optional screens (recovery outlook, daily function). Checks that span sections live in schema.ts.
import { z } from "zod";
import { issue, MAX_AGE, section, wholeNumber, yesNo } from "./schema-parts";

export const inflammatoryShape = {
  onsetAge: wholeNumber(
    0,
    MAX_AGE,
    "Enter how old you were when this back pain first started, or leave it empty if you don't know",
    `Enter an age from 0 to ${MAX_AGE}`,
  ).nullable(),
  wakingSecondHalfOfNight: yesNo(),
  buttockPain: yesNo(),
  improvesWithMovement: yesNo(),
  nsaidResponse48h: yesNo(),
  familyHistorySpa: yesNo(),
  arthritisHistory: yesNo(),
  enthesitisHistory: yesNo(),
  psoriasisHistory: yesNo(),
  morningStiffnessOver30Min: yesNo(),
};

export const inflammatorySchema = section(inflammatoryShape, "Answer the questions about stiffness and inflammation");

export const runningShape = {
  isRunner: yesNo(),
  kmPerWeek: z
    .number({ error: "Enter how many kilometres you run a week, or leave it empty" })
    .min(0, { error: "Enter a distance from 0 to 500 km a week" })
    .max(500, { error: "Enter a distance from 0 to 500 km a week" })
    .nullable(),
  recentLoadIncrease: yesNo(),
  painOnHopping: yesNo(),
  limpOrPainOnWalking: yesNo(),
  painOnExtension: yesNo(),
  lowEnergyOrMenstrualChanges: yesNo(),
  priorBoneStressInjury: yesNo(),
};

/**
 * The running section's checks; `kmPerWeek` may be replaced by a check worded for another unit (a
 * form that asks in miles converts to km first: the stored answer is always km).
 */
export function makeRunningSchema(kmPerWeek: z.ZodType<number | null> = runningShape.kmPerWeek) {
  return section({ ...runningShape, kmPerWeek }, "Answer the questions about running").superRefine((running, ctx) => {
    if (running.isRunner) return;
    if (running.kmPerWeek !== null) issue(ctx, ["kmPerWeek"], "Leave this empty if you do not run");
    if (running.limpOrPainOnWalking) issue(ctx, ["limpOrPainOnWalking"], "Answer no: this is asked only of runners");
  });
}

export const runningSchema = makeRunningSchema();

const agree = () => z.boolean({ error: "Answer agree or disagree" });

/** The recovery-outlook screen: null when the patient skipped it. */
export const outlookSchema = section(
  {
    items: z.tuple([agree(), agree(), agree(), agree(), agree(), agree(), agree(), agree()], {
      error: "Answer agree or disagree to each of the 8 statements",
    }),
    bothersomeness: z.enum(["not_at_all", "slightly", "moderately", "very_much", "extremely"], {
      error: "Choose how bothersome your back pain has been",
    }),
  },
  "Answer the recovery outlook questions, or skip them",
).nullable();

export const FUNCTION_SECTIONS = 10;

/** The daily-function screen: null when skipped; each of the 10 sections 0–5, or null when skipped. */
export const functionSchema = section(
  {
    sections: z
      .array(z.literal([0, 1, 2, 3, 4, 5], { error: "Choose a score from 0 to 5, or skip this part" }).nullable(), {
        error: `Answer the ${FUNCTION_SECTIONS} daily function questions, or skip them`,
      })
      .length(FUNCTION_SECTIONS, {
        error: `Send all ${FUNCTION_SECTIONS} daily function answers, with skipped ones left empty`,
      }),
  },
  "Answer the daily function questions, or skip them",
).nullable();
