// The few facts about a patient that change the wording of a result page (which card, which route,
// which extra lines). Intakes graded under 2026.11 keep their 2026.11 answers, so this reads both
// contract shapes, and an early submission's unanswered sections (null), without ever throwing.
import type { IntakeAnswers, IntakeAnswers2026_11 } from "@/lib/triage";
// The module, not the barrel: client components import lib/content (FORM_TEXT), and the barrel
// would bring the intake schema (zod) into their bundle.
import { deriveContext } from "@/lib/triage/context";

/** Answers as stored with an intake: contract 2026.12, or 2026.11 for intakes graded under 2026.11. */
export type StoredAnswers = IntakeAnswers | IntakeAnswers2026_11;

export type AnswerFacts = {
  /** Under 16: the under-16 route and the children's wording. */
  readonly child: boolean;
  readonly isRunner: boolean;
  /** Pregnant, in the 6 weeks after a pregnancy, or not sure (contract 2026.12 only). */
  readonly pregnant: boolean;
  /** Pregnancy not ruled out: the answer was pregnant, recent or not sure, or it is unknown. */
  readonly mayBePregnant: boolean;
  readonly newConfusion: boolean;
  readonly fever: boolean;
  readonly veryUnwell: boolean;
  readonly majorTrauma: boolean;
  readonly legWeakness: boolean;
  readonly difficultyWalking: boolean;
  readonly legNumbness: boolean;
  readonly fainting: boolean;
  /** aortaRiskAge: 55 or over, or 50 or over and a smoker now or in the past. */
  readonly aortaRiskAge: boolean;
  /** neuroAny of triage-rules.md (any nerve symptom, any onset). */
  readonly neuroAny: boolean;
};

const NONE: AnswerFacts = {
  child: false,
  isRunner: false,
  pregnant: false,
  mayBePregnant: true,
  newConfusion: false,
  fever: false,
  veryUnwell: false,
  majorTrauma: false,
  legWeakness: false,
  difficultyWalking: false,
  legNumbness: false,
  fainting: false,
  aortaRiskAge: false,
  neuroAny: false,
};

const CHILD_AGE = 16;

function facts2026_11(a: IntakeAnswers2026_11, age: number | null): AnswerFacts {
  const legs = a.legs;
  const cauda = a.cauda;
  const cesCore = cauda?.saddleNumbness === "yes" || cauda?.bladderChange === "yes" || cauda?.bowelChange === "yes";
  const radicular = legs?.legPain === "below_knee_one_side" || legs?.legPain === "below_knee_both_sides";
  const weak = legs !== undefined && legs !== null && legs.weakness !== "none";
  return {
    ...NONE,
    child: age !== null && age < CHILD_AGE,
    isRunner: a.running?.isRunner === true,
    mayBePregnant: a.contact?.sex !== "male",
    fever: a.history?.feverChillsOrSweats === true,
    veryUnwell: a.history?.feelsVeryUnwell === true,
    majorTrauma: a.pain?.trigger === "major_trauma",
    legWeakness: weak,
    difficultyWalking: legs?.difficultyWalking === true,
    legNumbness: legs?.numbnessOrTingling === true,
    fainting: a.vascular?.collapseOrFainting === true,
    aortaRiskAge: age !== null && (age >= 55 || (age >= 50 && a.vascular?.smokerOrEx === true)),
    neuroAny: weak || legs?.difficultyWalking === true || legs?.numbnessOrTingling === true || cesCore || radicular,
  };
}

function facts2026_12(a: IntakeAnswers, age: number | null): AnswerFacts {
  const ctx = deriveContext(a, age ?? 0);
  const pregnancy = a.history?.pregnancy ?? null;
  return {
    child: age !== null && age < CHILD_AGE,
    isRunner: a.running?.isRunner === true,
    pregnant: ctx.pregnant,
    mayBePregnant: a.contact.sex !== "male" && pregnancy !== "no" && pregnancy !== "not_applicable",
    newConfusion: a.history?.newConfusion === true,
    fever: a.history?.feverChillsOrSweats === true,
    veryUnwell: a.history?.feelsVeryUnwell === true,
    majorTrauma: ctx.majorTrauma,
    legWeakness: a.legs !== null && a.legs.weakness !== "none",
    difficultyWalking: a.legs?.difficultyWalking === true,
    legNumbness: a.legs?.numbnessOrTingling === true,
    fainting: a.vascular.collapseOrFainting,
    aortaRiskAge: age !== null && ctx.aortaRiskAge,
    neuroAny: ctx.neuroAny,
  };
}

/**
 * The wording facts of stored answers, read with the contract of the intake's ruleset version
 * (`"2026.11"` answers have the 2026.11 shape; every later version the current one). Unknown
 * answers give the cautious defaults (pregnancy not ruled out, nothing else known).
 */
export function answerFacts(
  version: string,
  answers: StoredAnswers | null | undefined,
  age: number | null = null,
): AnswerFacts {
  const child = age !== null && age < CHILD_AGE;
  if (!answers) return { ...NONE, child };
  try {
    return version === "2026.11"
      ? facts2026_11(answers as IntakeAnswers2026_11, age)
      : facts2026_12(answers as IntakeAnswers, age);
  } catch {
    // Answers that do not match their version's contract: never lose the page over them.
    return { ...NONE, child };
  }
}
