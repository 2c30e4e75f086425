// One schema per section of the intake contract (intake-contract.md), usable on their own by the
// multi-step form. Checks within one section live here; checks that span sections live in schema.ts.
import { z } from "zod";
import type { SchemaClock } from "./schema-parts";
import { birthDateProblem, section, text, todayOn, wholeNumber, yesNo, yesNoUnsure } from "./schema-parts";

const PHONE = /^[0-9 +\-()]{7,25}$/;
const EMAIL_MAX = 254; // the longest address SMTP can deliver to (RFC 5321)

/** Contact details; the date of birth is checked against "today" on the given clock. */
export function makeContactSchema(clock: SchemaClock = {}) {
  return section(
    {
      firstName: text(100, "Enter your first name", "First name must be 100 characters or fewer"),
      lastName: text(100, "Enter your last name", "Last name must be 100 characters or fewer"),
      email: text(EMAIL_MAX, "Enter your email address", `Email address must be ${EMAIL_MAX} characters or fewer`)
        .toLowerCase()
        .pipe(z.email({ error: "Enter an email address in the right format, like name@example.com" })),
      phone: text(25, "Enter a phone number", "Phone number must be 25 characters or fewer").regex(PHONE, {
        error: "Enter a phone number of 7 to 25 digits; spaces, + - ( ) are fine",
      }),
      dateOfBirth: z
        .string({ error: "Enter your date of birth" })
        .trim()
        .superRefine((value, ctx) => {
          const problem = birthDateProblem(value, todayOn(clock));
          if (problem !== null) ctx.addIssue({ code: "custom", message: problem });
        }),
      sex: z.enum(["female", "male", "other"], { error: "Choose female, male or other" }),
    },
    "Enter your contact details",
  );
}

export const contactSchema = makeContactSchema();

export const consentSchema = section(
  { privacyNotice: z.literal(true, { error: "Agree to the privacy notice to continue" }) },
  "Agree to the privacy notice to continue",
);

export const PAIN_LOCATIONS = ["low_back", "buttock", "thoracic", "abdomen_or_pelvis"] as const;

export const painSchema = section(
  {
    locations: z
      .array(z.enum(PAIN_LOCATIONS, { error: "Choose places from the list" }), {
        error: "Choose at least one place where it hurts",
      })
      .min(1, { error: "Choose at least one place where it hurts" })
      .overwrite((places) => [...new Set(places)]),
    durationDays: wholeNumber(0, 36500, "Enter how many days this pain has lasted", "Enter a number of days from 0 to 36500"),
    onset: z.enum(["sudden", "gradual"], { error: "Choose whether the pain started suddenly or gradually" }),
    trigger: z.enum(["none", "lifting", "minor_fall", "major_trauma", "running", "sport_impact"], {
      error: "Choose what set the pain off, or none",
    }),
    intensity: wholeNumber(0, 10, "Choose a number from 0 to 10 for your worst pain", "Choose a number from 0 to 10"),
    pattern: z.enum(["improving", "centralising", "stable", "worsening", "peripheralising"], {
      error: "Choose how the pain is changing",
    }),
    nightPain: z.enum(["none", "wakes_second_half", "constant_unrelieved"], { error: "Choose how the pain is at night" }),
    worseOnCoughSneezeStrain: yesNo(),
    previousEpisodes: yesNo(),
  },
  "Answer the questions about your pain",
);

export const legsSchema = section(
  {
    legPain: z.enum(["none", "above_knee", "below_knee_one_side", "below_knee_both_sides"], {
      error: "Choose where any leg pain goes, or none",
    }),
    legPainWorseThanBack: yesNo(),
    numbnessOrTingling: yesNo(),
    weakness: z.enum(["none", "one_leg_stable", "one_leg_worsening", "both_legs"], {
      error: "Choose whether your legs feel weak",
    }),
    difficultyWalking: yesNo(),
    armOrHandSymptoms: yesNo(),
  },
  "Answer the questions about your legs",
);

const NO_CAUDA_SYMPTOMS = "Leave this empty: you answered no to all 4 questions above";

export const caudaSchema = section(
  {
    saddleNumbness: yesNoUnsure(),
    bladderChange: yesNoUnsure(),
    bowelChange: yesNoUnsure(),
    sexualFunctionChange: yesNoUnsure(),
    symptomOnsetDays: wholeNumber(
      0, 36500, "Enter how many days ago these symptoms began, or leave it empty if you don't know",
      "Enter a number of days from 0 to 36500",
    ).nullable(),
    worsening: z.boolean({ error: "Answer yes or no, or leave it empty if you don't know" }).nullable(),
  },
  "Answer the questions about numbness, bladder, bowel and sexual function",
).superRefine((cauda, ctx) => {
  const allNo = cauda.saddleNumbness === "no" && cauda.bladderChange === "no" &&
    cauda.bowelChange === "no" && cauda.sexualFunctionChange === "no";
  if (!allNo) return;
  if (cauda.symptomOnsetDays !== null) ctx.addIssue({ code: "custom", path: ["symptomOnsetDays"], message: NO_CAUDA_SYMPTOMS });
  if (cauda.worsening !== null) ctx.addIssue({ code: "custom", path: ["worsening"], message: NO_CAUDA_SYMPTOMS });
});

export const historySchema = section(
  {
    cancer: yesNo(),
    unexplainedWeightLoss: yesNo(),
    feverChillsOrSweats: yesNo(),
    feelsVeryUnwell: yesNo(),
    immunosuppressed: yesNo(),
    ivDrugUse: yesNo(),
    diabetes: yesNo(),
    recentInfectionOrSpinalProcedure: yesNo(),
    longTermOralSteroids: yesNo(),
    osteoporosisOrFragilityFracture: yesNo(),
  },
  "Answer the questions about your health",
);

export const vascularSchema = section(
  {
    suddenSevereTearingPain: yesNo(),
    collapseOrFainting: yesNo(),
    knownAaa: yesNo(),
    smokerOrEx: yesNo(),
    abdominalOrFlankPain: yesNo(),
    calfPainOnWalkingRelievedByStanding: yesNo(),
  },
  "Answer the questions about your heart and blood vessels",
);
