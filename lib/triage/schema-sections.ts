// One schema per section of the intake contract 2026.12 (intake-contract.md), usable on their own by
// the multi-step form. Checks within one section live here (each names the field it is about);
// checks that span sections live in schema.ts. Each section's plain shape is exported too, because
// zod cannot pick fields from an object that carries cross-field checks.
import { z } from "zod";
import type { SchemaClock } from "./schema-parts";
import { birthDateProblem, days, issue, section, text, todayOn, wholeNumber, yesNo, yesNoUnsure } from "./schema-parts";

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

export const PAIN_LOCATIONS = ["low_back", "buttock", "thoracic", "abdomen_or_pelvis", "hip_or_groin"] as const;

/** Triggers after which the form asks whether it happened in one of the dangerous ways. */
export const MECHANISM_TRIGGERS: readonly string[] = ["minor_fall", "running", "sport_impact"];

export const painShape = {
  locations: z
    .array(z.enum(PAIN_LOCATIONS, { error: "Choose places from the list" }), {
      error: "Choose at least one place where it hurts",
    })
    .min(1, { error: "Choose at least one place where it hurts" })
    .overwrite((places) => [...new Set(places)]),
  durationDays: wholeNumber(
    0,
    36500,
    "Enter how many days this pain has lasted",
    "Enter a number of days from 0 to 36500",
  ),
  onset: z.enum(["sudden", "gradual"], { error: "Choose whether the pain started suddenly or gradually" }),
  trigger: z.enum(["none", "lifting", "minor_fall", "major_trauma", "running", "sport_impact"], {
    error: "Choose what set the pain off, or none",
  }),
  dangerousMechanism: z.boolean({ error: "Answer yes or no" }).nullable(),
  intensity: wholeNumber(0, 10, "Choose a number from 0 to 10 for your worst pain", "Choose a number from 0 to 10"),
  pattern: z.enum(["improving", "centralising", "stable", "worsening", "peripheralising"], {
    error: "Choose how the pain is changing",
  }),
  nightPain: z.enum(["none", "wakes_second_half", "constant_unrelieved"], { error: "Choose how the pain is at night" }),
  worseOnCoughSneezeStrain: yesNo(),
  previousEpisodes: yesNo(),
};

export const painSchema = section(painShape, "Answer the questions about your pain").superRefine((pain, ctx) => {
  const asked = MECHANISM_TRIGGERS.includes(pain.trigger);
  if (asked && pain.dangerousMechanism === null) {
    issue(ctx, ["dangerousMechanism"], "Answer yes or no: did it happen in any of these ways?");
  } else if (!asked && pain.dangerousMechanism !== null) {
    issue(ctx, ["dangerousMechanism"], "Leave this empty: it is asked only after a fall, a run or a sport injury");
  }
});

export const vascularShape = {
  suddenSevereTearingPain: yesNo(),
  collapseOrFainting: yesNo(),
  knownAaa: yesNo(),
  smokerOrEx: yesNo(),
  abdominalOrFlankPain: yesNo(),
  calfPainOnWalkingRelievedByStanding: yesNo(),
};

export const vascularSchema = section(vascularShape, "Answer the questions about your heart and blood vessels");

export const WALKING_KINDS = ["unsteady", "one_leg_gives_way", "heavy_after_distance", "unsure"] as const;

const onsetDays = (what: string) => days(`Enter how many days ago ${what} started, or choose "I don't know"`);

export const legsShape = {
  legPain: z.enum(["none", "above_knee", "below_knee_one_side", "below_knee_both_sides"], {
    error: "Choose where any leg pain goes, or none",
  }),
  legPainWorseThanBack: yesNo(),
  numbnessOrTingling: yesNo(),
  numbnessLegs: z
    .enum(["one_leg", "both_legs", "unsure"], { error: "Choose one leg, both legs or not sure" })
    .nullable(),
  weakness: z.enum(["none", "one_leg_stable", "one_leg_worsening", "both_legs"], {
    error: "Choose whether your legs feel weak",
  }),
  difficultyWalking: yesNo(),
  walkingKinds: z
    .array(z.enum(WALKING_KINDS, { error: "Choose from the list" }), { error: "Choose what describes your walking" })
    .nullable(),
  armOrHandSymptoms: yesNo(),
  armHandSide: z
    .enum(["one_side", "both_sides", "unsure"], { error: "Choose one arm or hand, both, or not sure" })
    .nullable(),
  armHandKind: z
    .enum(["weakness_or_clumsiness", "numbness_or_tingling", "night_tingling_only", "unsure"], {
      error: "Choose what describes it best",
    })
    .nullable(),
  onsetDays: section(
    {
      legPain: onsetDays("the leg pain"),
      numbness: onsetDays("the numbness or tingling"),
      weakness: onsetDays("the weakness"),
      walking: onsetDays("the change in your walking"),
      armOrHand: onsetDays("the arm or hand problem"),
    },
    "Say when each leg, arm or hand problem started",
  ),
  worsening: z.boolean({ error: "Answer yes, no or I don't know" }).nullable(),
};

export type LegSymptom = "legPain" | "numbness" | "weakness" | "walking" | "armOrHand";

type LegsValue = z.output<z.ZodObject<typeof legsShape>>;

/** Which of the leg, arm and hand symptoms the answers say are present (legPain: below the knee). */
export function legSymptomsPresent(
  legs: Pick<LegsValue, "legPain" | "numbnessOrTingling" | "weakness" | "difficultyWalking" | "armOrHandSymptoms">,
): Record<LegSymptom, boolean> {
  return {
    legPain: legs.legPain === "below_knee_one_side" || legs.legPain === "below_knee_both_sides",
    numbness: legs.numbnessOrTingling,
    weakness: legs.weakness !== "none",
    walking: legs.difficultyWalking,
    armOrHand: legs.armOrHandSymptoms,
  };
}

const ONLY_WITH = "Leave this empty: it is asked only";

export const legsSchema = section(legsShape, "Answer the questions about your legs, arms and hands").superRefine(
  (legs, ctx) => {
    const pairs: [boolean, "numbnessLegs" | "armHandSide" | "armHandKind", string, string][] = [
      [
        legs.numbnessOrTingling,
        "numbnessLegs",
        "Choose one leg, both legs or not sure",
        `${ONLY_WITH} when you have numbness or tingling`,
      ],
      [
        legs.armOrHandSymptoms,
        "armHandSide",
        "Choose one arm or hand, both, or not sure",
        `${ONLY_WITH} when you have arm or hand symptoms`,
      ],
      [
        legs.armOrHandSymptoms,
        "armHandKind",
        "Choose what describes it best",
        `${ONLY_WITH} when you have arm or hand symptoms`,
      ],
    ];
    for (const [present, field, missing, extra] of pairs) {
      if (present && legs[field] === null) issue(ctx, [field], missing);
      if (!present && legs[field] !== null) issue(ctx, [field], extra);
    }
    const kinds = legs.walkingKinds;
    if (legs.difficultyWalking) {
      if (kinds === null || kinds.length === 0) issue(ctx, ["walkingKinds"], "Choose what describes your walking");
      else if (new Set(kinds).size !== kinds.length) issue(ctx, ["walkingKinds"], "Choose each answer only once");
      else if (kinds.includes("unsure") && kinds.length > 1) {
        issue(ctx, ["walkingKinds"], 'Choose "I\'m not sure" on its own, or the answers that describe your walking');
      }
    } else if (kinds !== null) {
      issue(ctx, ["walkingKinds"], `${ONLY_WITH} when your walking has changed`);
    }
    const present = legSymptomsPresent(legs);
    for (const symptom of Object.keys(present) as LegSymptom[]) {
      if (!present[symptom] && legs.onsetDays[symptom] !== null) {
        issue(ctx, ["onsetDays", symptom], `${ONLY_WITH} for a symptom you have`);
      }
    }
    const anySymptom =
      legs.legPain !== "none" || present.numbness || present.weakness || present.walking || present.armOrHand;
    if (!anySymptom && legs.worsening !== null) {
      issue(ctx, ["worsening"], `${ONLY_WITH} when you have a leg, arm or hand problem`);
    }
  },
);

export const CAUDA_ITEMS = ["saddleNumbness", "bladderChange", "bowelChange", "sexualFunctionChange"] as const;

export type CaudaItem = (typeof CAUDA_ITEMS)[number];

export const caudaShape = {
  saddleNumbness: yesNoUnsure(),
  bladderChange: yesNoUnsure(),
  bowelChange: yesNoUnsure(),
  sexualFunctionChange: z.enum(["yes", "no", "unsure", "not_applicable"], {
    error: "Answer yes, no, not sure or not applicable",
  }),
  onsetDays: section(
    {
      saddleNumbness: onsetDays("the numbness"),
      bladderChange: onsetDays("the bladder problem"),
      bowelChange: onsetDays("the bowel problem"),
      sexualFunctionChange: onsetDays("the change in sexual function"),
    },
    "Say when each of these problems started",
  ),
  worsening: z.boolean({ error: "Answer yes, no or I don't know" }).nullable(),
};

/** A cauda equina answer that reports a symptom: "yes" or "not sure" (never read as "no"). */
export const caudaReported = (answer: string) => answer === "yes" || answer === "unsure";

export const caudaSchema = section(
  caudaShape,
  "Answer the questions about numbness, bladder, bowel and sexual function",
).superRefine((cauda, ctx) => {
  for (const item of CAUDA_ITEMS) {
    if (!caudaReported(cauda[item]) && cauda.onsetDays[item] !== null) {
      issue(ctx, ["onsetDays", item], `${ONLY_WITH} when you answered yes or not sure`);
    }
  }
  if (!CAUDA_ITEMS.some((item) => caudaReported(cauda[item])) && cauda.worsening !== null) {
    issue(ctx, ["worsening"], "Leave this empty: you answered no to all 4 questions above");
  }
});

export const PREGNANCY_ANSWERS = ["no", "pregnant", "recently_pregnant", "unsure", "not_applicable"] as const;

/** Pregnancy answers after which the warning-signs question is asked. */
export const pregnancyAsksWarningSigns = (pregnancy: string) => pregnancy === "pregnant" || pregnancy === "unsure";

export const historyShape = {
  cancer: yesNo(),
  unexplainedWeightLoss: yesNo(),
  feverChillsOrSweats: yesNo(),
  feelsVeryUnwell: yesNo(),
  newConfusion: yesNo(),
  immunosuppressed: yesNo(),
  ivDrugUse: yesNo(),
  diabetes: yesNo(),
  recentSpinalProcedure: yesNo(),
  recentInfection: yesNo(),
  longTermOralSteroids: yesNo(),
  osteoporosisOrFragilityFracture: yesNo(),
  anticoagulant: yesNoUnsure(),
  pregnancy: z.enum(PREGNANCY_ANSWERS, { error: "Choose an answer about pregnancy" }),
  pregnancyWarningSigns: yesNoUnsure().nullable(),
};

export const historySchema = section(historyShape, "Answer the questions about your health").superRefine(
  (history, ctx) => {
    const asked = pregnancyAsksWarningSigns(history.pregnancy);
    if (asked && history.pregnancyWarningSigns === null) {
      issue(ctx, ["pregnancyWarningSigns"], "Answer yes, no or not sure");
    } else if (!asked && history.pregnancyWarningSigns !== null) {
      issue(ctx, ["pregnancyWarningSigns"], `${ONLY_WITH} when you are, or might be, pregnant`);
    }
  },
);
