// Ruleset 2026.12: the derived values of triage-rules.md ("Derived values"), each computed once per
// grading so that no rule recomputes another's work. Names follow the spec. On an early submission
// the sections of unanswered pages are null; the values derived from them are then false, and no
// rule that reads them is evaluated (each rule's `needs`, checked by tests).
import type { IntakeAnswers } from "./schema";
import type { FunctionScore, OutlookScore } from "./scores";
import { scoreFunction, scoreFunctionForSelfCare, scoreOutlook } from "./scores";

type Answered<K extends keyof IntakeAnswers> = NonNullable<IntakeAnswers[K]>;

export type GradingContext = {
  readonly answers: IntakeAnswers;
  /** Full years from the date of birth to the grading date. */
  readonly age: number;
  // The sections, for the rules' convenience. On an early submission the unanswered ones are null
  // at run time: a rule reads one only when its `needs` page was answered.
  readonly legs: Answered<"legs">;
  readonly cauda: Answered<"cauda">;
  readonly history: Answered<"history">;
  readonly inflammatory: Answered<"inflammatory">;
  readonly running: Answered<"running">;

  /** cesCore: saddle, bladder or bowel answered "yes". */
  readonly cesCore: boolean;
  /** cesCoreAny: saddle, bladder or bowel answered "yes" or "not sure". */
  readonly cesCoreAny: boolean;
  /** cesUnsure: any of the four cauda answers is "not sure". */
  readonly cesUnsure: boolean;
  /** cesYes(sexualFunctionChange). */
  readonly sexualYes: boolean;
  /** cesRecent: a reported cauda symptom began ≤ 14 days ago, or the patient does not know when. */
  readonly cesRecent: boolean;
  /** cesWorse: a cauda symptom is reported and its trend is not "no" ("don't know" = getting worse). */
  readonly cesWorse: boolean;
  readonly radicular: boolean;
  readonly bilateralLeg: boolean;
  readonly legsWorse: boolean;
  /** new(y) of triage-rules.md: present and (onset unknown or ≤ 90 days, or legsWorse). */
  readonly newLegPain: boolean;
  readonly newNumbness: boolean;
  readonly newWeakness: boolean;
  readonly newWalking: boolean;
  readonly newArm: boolean;
  readonly walkUnsteady: boolean;
  readonly walkOneLeg: boolean;
  readonly armCordKind: boolean;
  readonly armTingling: boolean;
  readonly armBoth: boolean;
  readonly cordNew: boolean;
  readonly neuroAny: boolean;
  readonly neuroNew: boolean;
  readonly newDeficit: boolean;
  readonly legDeteriorating: boolean;
  readonly deficit14: boolean;
  readonly infectionSigns: boolean;
  readonly anticoagulant: boolean;
  readonly pregnant: boolean;
  readonly pregnancyWarning: boolean;
  readonly majorTrauma: boolean;
  readonly lowEnergyTrigger: boolean;
  readonly tummy: boolean;
  readonly aortaRiskAge: boolean;
  readonly painWorse: boolean;
  readonly thoracic: boolean;
  /** How many of the NICE NG65 inflammatory features are present (for S4 and FLAG_AXSPA3). */
  readonly axspaFeatures: number;
  /** The S4 preconditions: onset age known and under 45, and more than 90 days of pain. */
  readonly axspaEligible: boolean;
  readonly outlook: OutlookScore | null;
  readonly function: FunctionScore | null;
  /** functionForSelfCare: the function percent from 5 answered sections (C1 only), or null. */
  readonly functionForSelfCare: number | null;
};

const AXSPA_ONSET_MAX = 45;
const AXSPA_EARLY_ONSET = 35;
const AXSPA_MIN_DAYS = 90;
const NEW_DAYS = 90;
const RECENT_DAYS = 14;

function countAxspaFeatures(i: Answered<"inflammatory">): number {
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

/** cesAny(x): "yes" or "not sure" ("not_applicable" on the sexual item is read as "no"). */
const reported = (answer: string) => answer === "yes" || answer === "unsure";
/** An onset that counts as recent: unknown (null) or at most `limit` days. */
const within = (onset: number | null, limit: number) => onset === null || onset <= limit;
/** new(y): the symptom is present and began ≤ 90 days ago (or unknown), or the symptoms are getting worse. */
const isNew = (present: boolean, onset: number | null, legsWorse: boolean) =>
  present && (legsWorse || within(onset, NEW_DAYS));

/** Builds the grading context for valid answers and the patient's age on the grading date. */
export function deriveContext(answers: IntakeAnswers, age: number): GradingContext {
  const { pain, vascular, legs, cauda, history, inflammatory } = answers;

  // Cauda equina items.
  let cesCore = false;
  let cesCoreAny = false;
  let cesUnsure = false;
  let sexualYes = false;
  let cesRecent = false;
  let cesAnyItem = false;
  let coreRecent14 = false;
  if (cauda !== null) {
    const { saddleNumbness: s, bladderChange: b, bowelChange: w, sexualFunctionChange: x, onsetDays: o } = cauda;
    cesCore = s === "yes" || b === "yes" || w === "yes";
    cesCoreAny = reported(s) || reported(b) || reported(w);
    cesUnsure = s === "unsure" || b === "unsure" || w === "unsure" || x === "unsure";
    sexualYes = x === "yes";
    const sRecent = reported(s) && within(o.saddleNumbness, RECENT_DAYS);
    const bRecent = reported(b) && within(o.bladderChange, RECENT_DAYS);
    const wRecent = reported(w) && within(o.bowelChange, RECENT_DAYS);
    coreRecent14 = sRecent || bRecent || wRecent;
    cesRecent = coreRecent14 || (reported(x) && within(o.sexualFunctionChange, RECENT_DAYS));
    cesAnyItem = cesCoreAny || reported(x);
  }
  const cesWorse = cauda !== null && cesAnyItem && cauda.worsening !== false;

  // Leg, arm and hand items.
  let radicular = false;
  let bilateralLeg = false;
  let legsWorse = false;
  let newLegPain = false;
  let newNumbness = false;
  let newWeakness = false;
  let newWalking = false;
  let newArm = false;
  let walkUnsteady = false;
  let walkOneLeg = false;
  let armCordKind = false;
  let armTingling = false;
  let armBoth = false;
  let cordNew = false;
  let legDeteriorating = false;
  let legDeficit14 = false;
  let weakAny = false;
  let weakSerious = false;
  // With no leg, arm or hand symptom (most patients) every value below stays false, but one.
  if (legs !== null) legDeteriorating = pain.pattern === "peripheralising";
  if (
    legs !== null &&
    (legs.legPain !== "none" ||
      legs.numbnessOrTingling ||
      legs.weakness !== "none" ||
      legs.difficultyWalking ||
      legs.armOrHandSymptoms)
  ) {
    const o = legs.onsetDays;
    radicular = legs.legPain === "below_knee_one_side" || legs.legPain === "below_knee_both_sides";
    const bothBelowKnee = legs.legPain === "below_knee_both_sides";
    weakAny = legs.weakness !== "none";
    weakSerious = legs.weakness === "both_legs" || legs.weakness === "one_leg_worsening";
    const numbnessBoth = legs.numbnessLegs === "both_legs" || legs.numbnessLegs === "unsure";
    bilateralLeg = bothBelowKnee || legs.weakness === "both_legs" || numbnessBoth;
    legsWorse = legs.worsening !== false || legs.weakness === "one_leg_worsening";
    newLegPain = isNew(radicular, o.legPain, legsWorse);
    newNumbness = isNew(legs.numbnessOrTingling, o.numbness, legsWorse);
    newWeakness = isNew(weakAny, o.weakness, legsWorse);
    newWalking = isNew(legs.difficultyWalking, o.walking, legsWorse);
    newArm = isNew(legs.armOrHandSymptoms, o.armOrHand, legsWorse);
    const kinds = legs.walkingKinds;
    if (legs.difficultyWalking && kinds !== null) {
      const unsureKind = kinds.includes("unsure");
      walkUnsteady = unsureKind || kinds.includes("unsteady");
      walkOneLeg = unsureKind || kinds.includes("one_leg_gives_way");
    }
    const kind = legs.armHandKind;
    armCordKind = legs.armOrHandSymptoms && (kind === "weakness_or_clumsiness" || kind === "unsure");
    armTingling = kind === "numbness_or_tingling";
    const armSensory = kind === "numbness_or_tingling" || kind === "night_tingling_only";
    armBoth = legs.armHandSide === "both_sides" || legs.armHandSide === "unsure";
    const legCordFeatures = bilateralLeg || weakAny || legs.difficultyWalking;
    cordNew =
      (newArm && (armCordKind || (armTingling && armBoth) || (armSensory && legCordFeatures))) ||
      (walkUnsteady && newWalking);
    const recentWeakness = weakAny && within(o.weakness, RECENT_DAYS);
    const recentNumbness = legs.numbnessOrTingling && within(o.numbness, RECENT_DAYS);
    const recentWalking = legs.difficultyWalking && within(o.walking, RECENT_DAYS);
    const recentArm = legs.armOrHandSymptoms && within(o.armOrHand, RECENT_DAYS);
    legDeteriorating =
      legDeteriorating ||
      legs.weakness === "one_leg_worsening" ||
      legsWorse ||
      recentWeakness ||
      recentNumbness ||
      recentWalking ||
      (bothBelowKnee && within(o.legPain, RECENT_DAYS));
    legDeficit14 = weakSerious || recentWeakness || recentWalking || recentNumbness || recentArm;
  }
  const neuroAny =
    weakAny ||
    (legs !== null && (legs.difficultyWalking || legs.numbnessOrTingling || legs.armOrHandSymptoms)) ||
    cesCoreAny ||
    radicular;
  const neuroNew = cesCoreAny || newLegPain || newNumbness || newWeakness || newWalking || newArm;
  const newDeficit = weakSerious || ((walkUnsteady || walkOneLeg) && newWalking) || newArm || cesCoreAny;

  // Health history.
  const infectionSigns = history !== null && history.feverChillsOrSweats;
  const fragileBone = history !== null && (history.osteoporosisOrFragilityFracture || history.longTermOralSteroids);
  const majorTrauma = pain.trigger === "major_trauma" || pain.dangerousMechanism === true;
  const trigger = pain.trigger;
  const lowEnergyTrigger =
    !majorTrauma &&
    (trigger === "none" ||
      trigger === "lifting" ||
      trigger === "minor_fall" ||
      ((trigger === "running" || trigger === "sport_impact") && (age >= 50 || fragileBone)));

  return {
    answers,
    age,
    legs: legs as Answered<"legs">,
    cauda: cauda as Answered<"cauda">,
    history: history as Answered<"history">,
    inflammatory: inflammatory as Answered<"inflammatory">,
    running: answers.running as Answered<"running">,
    cesCore,
    cesCoreAny,
    cesUnsure,
    sexualYes,
    cesRecent,
    cesWorse,
    radicular,
    bilateralLeg,
    legsWorse,
    newLegPain,
    newNumbness,
    newWeakness,
    newWalking,
    newArm,
    walkUnsteady,
    walkOneLeg,
    armCordKind,
    armTingling,
    armBoth,
    cordNew,
    neuroAny,
    neuroNew,
    newDeficit,
    legDeteriorating,
    deficit14: legDeficit14 || coreRecent14,
    infectionSigns,
    anticoagulant: history !== null && history.anticoagulant !== "no",
    pregnant:
      history !== null &&
      (history.pregnancy === "pregnant" || history.pregnancy === "recently_pregnant" || history.pregnancy === "unsure"),
    pregnancyWarning:
      history !== null && (history.pregnancyWarningSigns === "yes" || history.pregnancyWarningSigns === "unsure"),
    majorTrauma,
    lowEnergyTrigger,
    tummy: vascular.abdominalOrFlankPain || pain.locations.includes("abdomen_or_pelvis"),
    aortaRiskAge: age >= 55 || (age >= 50 && vascular.smokerOrEx),
    painWorse: pain.pattern === "worsening" || pain.pattern === "peripheralising",
    thoracic: pain.locations.includes("thoracic"),
    axspaFeatures: inflammatory === null ? 0 : countAxspaFeatures(inflammatory),
    axspaEligible:
      inflammatory !== null &&
      inflammatory.onsetAge !== null &&
      inflammatory.onsetAge < AXSPA_ONSET_MAX &&
      pain.durationDays > AXSPA_MIN_DAYS,
    outlook: scoreOutlook(answers.outlook),
    function: scoreFunction(answers.function),
    functionForSelfCare: scoreFunctionForSelfCare(answers.function),
  };
}
