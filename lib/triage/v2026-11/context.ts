// Ruleset 2026.11 (frozen): the derived values its rules read. Do not change: a change needs a new version.
import type { FunctionScore, OutlookScore } from "../scores";
import { scoreFunction, scoreOutlook } from "../scores";
import type { IntakeAnswers2026_11 as IntakeAnswers } from "./answers";

/**
 * Everything the rules read: the answers plus the derived values of `triage-rules.md`, each
 * computed once per grading so that no rule recomputes another's work.
 */
export type GradingContext2026_11 = {
  readonly answers: IntakeAnswers;
  /** Full years from the date of birth to the grading date. */
  readonly age: number;
  /** Saddle numbness, bladder change or bowel change answered "yes". */
  readonly cesCore: boolean;
  /** Any of the four cauda answers is "unsure". */
  readonly cesUnsure: boolean;
  /** Cauda symptoms began at most 14 days ago, or the patient does not know when. */
  readonly cesRecent: boolean;
  readonly cesWorse: boolean;
  /** Leg pain below the knee, on one side or both. */
  readonly radicular: boolean;
  readonly neuroAny: boolean;
  readonly newDeficit: boolean;
  readonly infectionSigns: boolean;
  /** Trigger none, lifting or minor fall: a fracture from little force suggests fragile bone. */
  readonly lowEnergyTrigger: boolean;
  /** How many of the NICE NG65 inflammatory features are present (for S4 and FLAG_AXSPA3). */
  readonly axspaFeatures: number;
  /** The S4 preconditions: onset age known and under 45, and more than 90 days of pain. */
  readonly axspaEligible: boolean;
  readonly outlook: OutlookScore | null;
  readonly function: FunctionScore | null;
};

const AXSPA_ONSET_MAX = 45;
const AXSPA_EARLY_ONSET = 35;
const AXSPA_MIN_DAYS = 90;

function countAxspaFeatures(a: IntakeAnswers): number {
  const i = a.inflammatory;
  let n = i.onsetAge !== null && i.onsetAge < AXSPA_EARLY_ONSET ? 1 : 0;
  if (i.wakingSecondHalfOfNight) n++;
  if (i.buttockPain) n++;
  if (i.improvesWithMovement) n++;
  if (i.nsaidResponse48h) n++;
  if (i.familyHistorySpa) n++;
  if (i.arthritisHistory) n++;
  if (i.enthesitisHistory) n++;
  if (i.psoriasisHistory) n++;
  return n;
}

/** Builds the grading context for valid answers and the patient's age on the grading date. */
export function deriveContext(answers: IntakeAnswers, age: number): GradingContext2026_11 {
  const { cauda, legs } = answers;
  const cesCore = cauda.saddleNumbness === "yes" || cauda.bladderChange === "yes" || cauda.bowelChange === "yes";
  const weak = legs.weakness !== "none";
  const radicular = legs.legPain === "below_knee_one_side" || legs.legPain === "below_knee_both_sides";
  const trigger = answers.pain.trigger;
  const onsetAge = answers.inflammatory.onsetAge;
  return {
    answers,
    age,
    cesCore,
    cesUnsure:
      cauda.saddleNumbness === "unsure" ||
      cauda.bladderChange === "unsure" ||
      cauda.bowelChange === "unsure" ||
      cauda.sexualFunctionChange === "unsure",
    cesRecent: cauda.symptomOnsetDays === null || cauda.symptomOnsetDays <= 14,
    cesWorse: cauda.worsening === true,
    radicular,
    neuroAny: weak || legs.difficultyWalking || legs.numbnessOrTingling || cesCore || radicular,
    newDeficit: weak || legs.difficultyWalking || cesCore,
    infectionSigns: answers.history.feverChillsOrSweats,
    lowEnergyTrigger: trigger === "none" || trigger === "lifting" || trigger === "minor_fall",
    axspaFeatures: countAxspaFeatures(answers),
    axspaEligible: onsetAge !== null && onsetAge < AXSPA_ONSET_MAX && answers.pain.durationDays > AXSPA_MIN_DAYS,
    outlook: scoreOutlook(answers.outlook),
    function: scoreFunction(answers.function),
  };
}
