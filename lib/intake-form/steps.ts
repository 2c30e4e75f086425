// The pages of the intake form: which questions each asks, when a question applies, what is stored
// for a question that was not asked, and how a page's answers are checked.
import { z } from "zod";
import {
  CAUDA_QUESTIONS,
  CONSENT_QUESTIONS,
  CONTACT_QUESTIONS,
  FUNCTION_SCREEN,
  HISTORY_QUESTIONS,
  INFLAMMATORY_QUESTIONS,
  LEG_PAIN_BOTH_SINCE,
  LEGS_QUESTIONS,
  MILES_MISSING_ERROR,
  MILES_PER_WEEK_QUESTION,
  MILES_RANGE_ERROR,
  OUTLOOK_SCREEN,
  PAIN_QUESTIONS,
  PARENT_PHONE_QUESTION,
  RUNNING_QUESTIONS,
  STEPS,
  UNDER_16_NOTICE,
  VASCULAR_QUESTIONS,
  type StepId,
} from "@/lib/content";
import {
  asksPregnancy,
  CAUDA_ITEMS,
  caudaSchema,
  consentSchema,
  FUNCTION_SECTIONS,
  functionSchema,
  historySchema,
  historyShape,
  inflammatorySchema,
  inflammatoryShape,
  legsSchema,
  legsShape,
  makeContactSchema,
  makeRunningSchema,
  MECHANISM_TRIGGERS,
  outlookSchema,
  painSchema,
  painShape,
  runningSchema,
  vascularSchema,
} from "@/lib/triage";
import type { DraftAnswers, RevealCondition } from "./model";
import { getPath } from "./parse";
import {
  ask,
  page,
  section,
  sectionPart,
  stepContext,
  type Question,
  type QuestionStepId,
  type StepContext,
  type StepSpec,
} from "./step-kit";
import { KM_PER_MILE } from "./units";
import { optionsOf } from "./views";

export { stepContext } from "./step-kit";
export type { QuestionStepId, StepContext, StepSpec } from "./step-kit";

const shownWhen = (name: string, ...values: string[]): RevealCondition[] => [{ name, values }];
const YES = ["yes"];
const REPORTED = ["yes", "unsure"];
const LEG_WEAK = ["one_leg_stable", "one_leg_worsening", "both_legs"];

const legPainOf = (ctx: StepContext) => getPath(ctx.draft, "legs.legPain");
const belowKnee = (ctx: StepContext) =>
  legPainOf(ctx) === "below_knee_one_side" || legPainOf(ctx) === "below_knee_both_sides";
const under16 = (ctx: StepContext) => ctx.age !== null && ctx.age < 16;
const wakesSecondHalf = (ctx: StepContext) => getPath(ctx.draft, "pain.nightPain") === "wakes_second_half";
// Asked unless the answers so far rule it out (a missing sex or age never hides the question).
const pregnancyAsked = (ctx: StepContext) => {
  const sex = getPath(ctx.draft, "contact.sex");
  return sex !== "male" && (ctx.age === null || asksPregnancy(typeof sex === "string" ? sex : "other", ctx.age));
};

const LEG_QUESTIONS: Question[] = [
  ask("legs.legPainWorseThanBack", LEGS_QUESTIONS.legPainWorseThanBack, {
    when: (ctx) => legPainOf(ctx) !== "none",
    notAsked: false,
  }),
  ask("legs.onsetDays.legPain", LEGS_QUESTIONS.onsetDays.legPain, {
    when: belowKnee,
    notAsked: null,
    copy: (ctx) =>
      legPainOf(ctx) === "below_knee_both_sides" ? LEG_PAIN_BOTH_SINCE : LEGS_QUESTIONS.onsetDays.legPain,
  }),
  ask("legs.numbnessOrTingling", LEGS_QUESTIONS.numbnessOrTingling),
  ask("legs.numbnessLegs", LEGS_QUESTIONS.numbnessLegs, {
    revealWhen: shownWhen("legs.numbnessOrTingling", ...YES),
    notAsked: null,
  }),
  ask("legs.onsetDays.numbness", LEGS_QUESTIONS.onsetDays.numbness, {
    revealWhen: shownWhen("legs.numbnessOrTingling", ...YES),
    notAsked: null,
  }),
  ask("legs.weakness", LEGS_QUESTIONS.weakness),
  ask("legs.onsetDays.weakness", LEGS_QUESTIONS.onsetDays.weakness, {
    revealWhen: shownWhen("legs.weakness", ...LEG_WEAK),
    notAsked: null,
  }),
  ask("legs.difficultyWalking", LEGS_QUESTIONS.difficultyWalking),
  ask("legs.walkingKinds", LEGS_QUESTIONS.walkingKinds, {
    revealWhen: shownWhen("legs.difficultyWalking", ...YES),
    notAsked: null,
  }),
  ask("legs.onsetDays.walking", LEGS_QUESTIONS.onsetDays.walking, {
    revealWhen: shownWhen("legs.difficultyWalking", ...YES),
    notAsked: null,
  }),
  ask("legs.armOrHandSymptoms", LEGS_QUESTIONS.armOrHandSymptoms),
  ask("legs.armHandSide", LEGS_QUESTIONS.armHandSide, {
    revealWhen: shownWhen("legs.armOrHandSymptoms", ...YES),
    notAsked: null,
  }),
  ask("legs.armHandKind", LEGS_QUESTIONS.armHandKind, {
    revealWhen: shownWhen("legs.armOrHandSymptoms", ...YES),
    notAsked: null,
  }),
  ask("legs.onsetDays.armOrHand", LEGS_QUESTIONS.onsetDays.armOrHand, {
    revealWhen: shownWhen("legs.armOrHandSymptoms", ...YES),
    notAsked: null,
  }),
  // Asked once, after the last leg, arm or hand question, when any of them is present.
  ask("legs.worsening", LEGS_QUESTIONS.worsening, {
    notAsked: null,
    revealWhen: (ctx) =>
      legPainOf(ctx) !== undefined && legPainOf(ctx) !== "none"
        ? undefined
        : [
            { name: "legs.numbnessOrTingling", values: YES },
            { name: "legs.weakness", values: LEG_WEAK },
            { name: "legs.difficultyWalking", values: YES },
            { name: "legs.armOrHandSymptoms", values: YES },
          ],
  }),
];

const CAUDA_PAGE: Question[] = [
  ...CAUDA_ITEMS.flatMap((item) => [
    ask(`cauda.${item}`, CAUDA_QUESTIONS[item]),
    ask(`cauda.onsetDays.${item}`, CAUDA_QUESTIONS.onsetDays[item], {
      revealWhen: shownWhen(`cauda.${item}`, ...REPORTED),
      notAsked: null,
    }),
  ]),
  ask("cauda.worsening", CAUDA_QUESTIONS.worsening, {
    revealWhen: CAUDA_ITEMS.map((item) => ({ name: `cauda.${item}`, values: REPORTED })),
    notAsked: null,
  }),
];

const RECENT_ILLNESS = [
  "feverChillsOrSweats",
  "feelsVeryUnwell",
  "newConfusion",
  "unexplainedWeightLoss",
  "recentInfection",
  "recentSpinalProcedure",
  "ivDrugUse",
];
const HEALTH = [
  "cancer",
  "immunosuppressed",
  "longTermOralSteroids",
  "diabetes",
  "osteoporosisOrFragilityFracture",
  "anticoagulant",
];

const RUNNER = shownWhen("running.isRunner", ...YES);
/** The running checks for a clinic that asks in miles: the answer is km by then, the words are in miles. */
const MILES_RUNNING = makeRunningSchema(
  z
    .number({ error: MILES_MISSING_ERROR })
    .min(0, { error: MILES_RANGE_ERROR })
    .max(500, { error: MILES_RANGE_ERROR })
    .nullable(),
);
const runnersOnly = (key: keyof typeof RUNNING_QUESTIONS, notAsked: unknown) =>
  ask(`running.${key}`, RUNNING_QUESTIONS[key], { revealWhen: RUNNER, notAsked });

const draftSection = (ctx: StepContext, name: string) => ctx.draft[name];

/** The pain section is asked on two pages: each checks its own answers with the section's cross-field rules. */
const painPage = (ctx: StepContext, keys: (section: string) => string[]) =>
  z.strictObject({ pain: sectionPart(painShape, keys("pain"), painSchema, draftSection(ctx, "pain")) });

type InflammatoryKey = keyof typeof INFLAMMATORY_QUESTIONS;
/** The inflammatory screen in two pages: how the back behaves, then joints, skin and family. */
const INFLAMMATORY_FIRST: InflammatoryKey[] = [
  "onsetAge",
  "morningStiffnessOver30Min",
  "wakingSecondHalfOfNight",
  "improvesWithMovement",
  "buttockPain",
  "nsaidResponse48h",
];
const INFLAMMATORY_SECOND: InflammatoryKey[] = [
  "arthritisHistory",
  "enthesitisHistory",
  "psoriasisHistory",
  "familyHistorySpa",
];

const inflammatoryPage = (ctx: StepContext, keys: (section: string) => string[]) =>
  z.strictObject({
    inflammatory: sectionPart(
      inflammatoryShape,
      keys("inflammatory"),
      inflammatorySchema,
      draftSection(ctx, "inflammatory"),
    ).superRefine((answers, refine) => {
      const onsetAge = (answers as { onsetAge?: number | null }).onsetAge;
      if (ctx.age !== null && typeof onsetAge === "number" && onsetAge > ctx.age) {
        refine.addIssue({
          code: "custom",
          path: ["onsetAge"],
          message: `This age cannot be more than your age now (${ctx.age})`,
        });
      }
    }),
  });

/** The daily-function screen's sections asked on each of its two pages. */
export const FUNCTION_PAGE_SECTIONS = FUNCTION_SECTIONS / 2;

/** The sections the daily-function page starting at `first` asks. */
export const functionRange = (first: number) => ({ first, end: first + FUNCTION_PAGE_SECTIONS });

/** The sections a daily-function page does not ask are kept as the draft has them (null when not answered). */
function keptSections(ctx: StepContext): (number | null)[] {
  const stored = getPath(ctx.draft, "function.sections");
  return Array.from({ length: FUNCTION_SECTIONS }, (_, i) => {
    const v = Array.isArray(stored) ? stored[i] : null;
    return typeof v === "number" ? v : null;
  });
}

function functionPage(id: QuestionStepId, first: number): StepSpec {
  const { end } = functionRange(first);
  return page(
    id,
    [
      {
        name: "function",
        field: (ctx) => ({
          kind: "function",
          name: "function",
          label: FUNCTION_SCREEN.name,
          hint: FUNCTION_SCREEN.intro,
          first,
          kept: keptSections(ctx),
          sections: FUNCTION_SCREEN.sections
            .slice(first, end)
            .map((s) => ({ title: s.title, label: s.label, options: [...s.options] })),
        }),
      },
    ],
    () => z.strictObject({ function: functionSchema }),
  );
}

export const STEP_SPECS: Record<QuestionStepId, StepSpec> = {
  "about-you": page(
    "about-you",
    [
      ask("contact.firstName", CONTACT_QUESTIONS.firstName, { extra: { autoComplete: "given-name" } }),
      ask("contact.lastName", CONTACT_QUESTIONS.lastName, { extra: { autoComplete: "family-name" } }),
      ask("contact.dateOfBirth", CONTACT_QUESTIONS.dateOfBirth),
      {
        name: "under16",
        field: (ctx) => ({
          kind: "notice",
          name: "under16",
          label: UNDER_16_NOTICE.title,
          points: UNDER_16_NOTICE.points,
          revealWhen: [{ name: "contact.dateOfBirth", ageUnder: 16, today: ctx.today }],
        }),
      },
      ask("contact.sex", CONTACT_QUESTIONS.sex),
      ask("contact.email", CONTACT_QUESTIONS.email, { extra: { inputType: "email", autoComplete: "email" } }),
      ask("contact.phone", CONTACT_QUESTIONS.phone, {
        copy: (ctx) => (under16(ctx) ? PARENT_PHONE_QUESTION : CONTACT_QUESTIONS.phone),
        extra: { inputType: "tel", autoComplete: "tel" },
      }),
      ask("consent.privacyNotice", CONSENT_QUESTIONS.privacyNotice),
    ],
    (ctx) =>
      z.strictObject({ contact: makeContactSchema({ now: ctx.now, timeZone: ctx.timeZone }), consent: consentSchema }),
  ),
  "where-it-hurts": page(
    "where-it-hurts",
    [{ name: "regions", field: () => ({ kind: "regions", name: "regions", label: "Choose every place that hurts" }) }],
    () =>
      z.strictObject({
        pain: z.strictObject({ locations: painShape.locations }),
        legs: z.strictObject({ legPain: legsShape.legPain }),
      }),
  ),
  "this-episode": page(
    "this-episode",
    [
      ...section("pain", PAIN_QUESTIONS, ["durationDays", "onset", "trigger"]),
      ask("pain.dangerousMechanism", PAIN_QUESTIONS.dangerousMechanism, {
        revealWhen: shownWhen("pain.trigger", ...MECHANISM_TRIGGERS),
        notAsked: null,
      }),
      ...section("pain", PAIN_QUESTIONS, ["previousEpisodes"]),
    ],
    painPage,
  ),
  "how-it-feels": page(
    "how-it-feels",
    section("pain", PAIN_QUESTIONS, ["intensity", "pattern", "nightPain", "worseOnCoughSneezeStrain"]),
    painPage,
  ),
  "vascular-check": page(
    "vascular-check",
    section("vascular", VASCULAR_QUESTIONS, Object.keys(VASCULAR_QUESTIONS)),
    () => z.strictObject({ vascular: vascularSchema }),
  ),
  legs: page("legs", LEG_QUESTIONS, (ctx, keys) =>
    z.strictObject({ legs: sectionPart(legsShape, keys("legs"), legsSchema, draftSection(ctx, "legs")) }),
  ),
  "nerve-check": page("nerve-check", CAUDA_PAGE, () => z.strictObject({ cauda: caudaSchema })),
  "recent-illness": page("recent-illness", section("history", HISTORY_QUESTIONS, RECENT_ILLNESS), (ctx, keys) =>
    z.strictObject({
      history: sectionPart(historyShape, keys("history"), historySchema, draftSection(ctx, "history")),
    }),
  ),
  "health-history": page(
    "health-history",
    [
      ...section("history", HISTORY_QUESTIONS, HEALTH),
      ask("history.pregnancy", HISTORY_QUESTIONS.pregnancy, { when: pregnancyAsked, notAsked: "not_applicable" }),
      ask("history.pregnancyWarningSigns", HISTORY_QUESTIONS.pregnancyWarningSigns, {
        when: pregnancyAsked,
        revealWhen: shownWhen("history.pregnancy", "pregnant", "unsure"),
        notAsked: null,
      }),
    ],
    (ctx, keys) =>
      z.strictObject({
        history: sectionPart(historyShape, keys("history"), historySchema, draftSection(ctx, "history")),
      }),
  ),
  "more-questions": page(
    "more-questions",
    INFLAMMATORY_FIRST.map((key) =>
      key === "wakingSecondHalfOfNight"
        ? // Already answered on the pain page by "It wakes me in the second half of the night" (same
          // words): not asked again then. Any other night answer leaves it open ("it settles when I
          // change position" may still wake them), so it is asked.
          ask("inflammatory.wakingSecondHalfOfNight", INFLAMMATORY_QUESTIONS.wakingSecondHalfOfNight, {
            when: (ctx) => !wakesSecondHalf(ctx),
            derive: () => true,
          })
        : ask(`inflammatory.${key}`, INFLAMMATORY_QUESTIONS[key]),
    ),
    inflammatoryPage,
  ),
  joints: page(
    "joints",
    INFLAMMATORY_SECOND.map((key) => ask(`inflammatory.${key}`, INFLAMMATORY_QUESTIONS[key])),
    inflammatoryPage,
  ),
  running: page(
    "running",
    [
      ask("running.isRunner", RUNNING_QUESTIONS.isRunner),
      ask("running.kmPerWeek", RUNNING_QUESTIONS.kmPerWeek, {
        revealWhen: RUNNER,
        notAsked: null,
        copy: (ctx) => (ctx.distanceUnit === "mi" ? MILES_PER_WEEK_QUESTION : RUNNING_QUESTIONS.kmPerWeek),
        extra: (ctx) => (ctx.distanceUnit === "mi" ? { storedPerShown: KM_PER_MILE } : {}),
      }),
      runnersOnly("recentLoadIncrease", false),
      runnersOnly("painOnHopping", false),
      runnersOnly("limpOrPainOnWalking", false),
      // Asked of runners, and of everyone aged 18 or under (S3c).
      ask("running.painOnExtension", RUNNING_QUESTIONS.painOnExtension, {
        revealWhen: (ctx) => (ctx.age !== null && ctx.age <= 18 ? undefined : RUNNER),
        notAsked: false,
      }),
      runnersOnly("lowEnergyOrMenstrualChanges", false),
      runnersOnly("priorBoneStressInjury", false),
    ],
    (ctx) => z.strictObject({ running: ctx.distanceUnit === "mi" ? MILES_RUNNING : runningSchema }),
  ),
  "recovery-outlook": page(
    "recovery-outlook",
    [
      {
        name: "outlook",
        field: () => ({
          kind: "outlook",
          name: "outlook",
          label: OUTLOOK_SCREEN.name,
          hint: OUTLOOK_SCREEN.intro,
          items: [...OUTLOOK_SCREEN.items],
          agree: OUTLOOK_SCREEN.answers.agree,
          disagree: OUTLOOK_SCREEN.answers.disagree,
          bothersomeness: optionsOf(OUTLOOK_SCREEN.bothersomeness.options),
          bothersomenessLabel: OUTLOOK_SCREEN.bothersomeness.label,
        }),
      },
    ],
    () => z.strictObject({ outlook: outlookSchema }),
  ),
  "daily-function": functionPage("daily-function", 0),
  "daily-function-more": functionPage("daily-function-more", FUNCTION_PAGE_SECTIONS),
};

const FUNCTION_FIRST: Partial<Record<QuestionStepId, number>> = {
  "daily-function": 0,
  "daily-function-more": FUNCTION_PAGE_SECTIONS,
};

/**
 * "Skip" on an optional page: the recovery outlook is one screen (stored as null); the daily-function
 * screen spans two pages, so skipping one leaves its sections empty and keeps the other page's
 * answers (the screen is null when no section is answered).
 */
export function skipOptionalStep(stepId: QuestionStepId, answers: DraftAnswers): DraftAnswers {
  const first = FUNCTION_FIRST[stepId];
  if (first === undefined) return { ...answers, outlook: null };
  const { end } = functionRange(first);
  const sections = keptSections(stepContext(answers)).map((v, i) => (i >= first && i < end ? null : v));
  return { ...answers, function: sections.some((v) => v !== null) ? { sections } : null };
}

/** Whether the patient skipped this optional page (every question on it left empty). */
export function optionalStepSkipped(stepId: QuestionStepId, answers: DraftAnswers): boolean {
  if (stepId === "recovery-outlook") return answers.outlook === null;
  const first = FUNCTION_FIRST[stepId];
  if (first === undefined) return false;
  if (answers.function === null) return true;
  const stored = getPath(answers, "function.sections");
  if (!Array.isArray(stored)) return false;
  const { end } = functionRange(first);
  return stored.slice(first, end).every((v) => v === null);
}

/** Pages split out of one page (contract 2026.12's form, December 2026): the old page asked both. */
const SPLIT_FROM: [done: QuestionStepId, added: QuestionStepId, answered: readonly string[]][] = [
  [
    "this-episode",
    "how-it-feels",
    ["pain.intensity", "pain.pattern", "pain.nightPain", "pain.worseOnCoughSneezeStrain"],
  ],
  [
    "more-questions",
    "joints",
    [
      "inflammatory.arthritisHistory",
      "inflammatory.enthesitisHistory",
      "inflammatory.psoriasisHistory",
      "inflammatory.familyHistorySpa",
    ],
  ],
];

/**
 * A draft saved before a page was split: its patient answered the new page's questions on the old
 * page, so the new page counts as done (else they would be walked through every later page again).
 * Only when every question the new page asks has an answer: a draft of today's form that has done
 * the first page only is left as it is.
 */
export function withSplitPagesDone(completedSteps: readonly string[], answers: DraftAnswers): string[] {
  const out = [...completedSteps];
  for (const [done, added, answered] of SPLIT_FROM)
    if (out.includes(done) && !out.includes(added) && answered.every((name) => getPath(answers, name) !== undefined))
      out.splice(out.indexOf(done) + 1, 0, added);
  return out;
}

/** The step that comes after this one. */
export function nextStepId(id: StepId): StepId {
  const i = STEPS.findIndex((s) => s.id === id);
  return STEPS[Math.min(i + 1, STEPS.length - 1)]!.id;
}

/** The step before this one, or null on the first. */
export function previousStepId(id: StepId): StepId | null {
  const i = STEPS.findIndex((s) => s.id === id);
  return i > 0 ? STEPS[i - 1]!.id : null;
}

/** Whether a URL segment names a question step. */
export function isQuestionStep(id: string): id is QuestionStepId {
  return Object.hasOwn(STEP_SPECS, id);
}

/** Section-wise merge: later answers replace earlier ones field by field. */
export function merge(base: DraftAnswers, patch: DraftAnswers): DraftAnswers {
  const out: DraftAnswers = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const prev = out[key];
    out[key] =
      value &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      prev &&
      typeof prev === "object" &&
      !Array.isArray(prev)
        ? { ...(prev as object), ...(value as object) }
        : value;
  }
  return out;
}
