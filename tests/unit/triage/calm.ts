// A calm baseline intake under contract 2026.12 (grades SELF_CARE through C1, fires nothing else)
// plus overrides, so each rule test changes only the answers that rule reads. Every built intake
// passes the schema.
import type { FormPage, IntakeAnswers } from "@/lib/triage";
import { gradeIntake, makeIntakeAnswersSchema } from "@/lib/triage";

/** The fixed grading instant of the unit tests: midday UTC, 20 November 2026. */
export const NOW = new Date("2026-11-20T12:00:00Z");

export const schema = makeIntakeAnswersSchema({ now: NOW });

/**
 * A date of birth giving exactly `age` on NOW; with `birthdayTomorrow` the person is born one day
 * later, so they are still `age - 1` today (the day before the birthday).
 */
export function dobForAge(age: number, { birthdayTomorrow = false } = {}): string {
  const day = NOW.getUTCDate() + (birthdayTomorrow ? 1 : 0);
  return new Date(Date.UTC(NOW.getUTCFullYear() - age, NOW.getUTCMonth(), day)).toISOString().slice(0, 10);
}

/** Any part of an answer (objects nest; arrays may be readonly so `as const` tables work). */
type DeepPartial<T> = T extends readonly (infer E)[]
  ? readonly E[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
export type Overrides = { [K in keyof IntakeAnswers]?: DeepPartial<IntakeAnswers[K]> };

/** The calm intake: a 35-year-old man, a first week of mild improving low back pain, nothing else. */
export const CALM: IntakeAnswers = {
  contact: {
    firstName: "Sam",
    lastName: "Calm",
    email: "sam@example.test",
    phone: "+44 7700 900123",
    dateOfBirth: dobForAge(35),
    sex: "male",
  },
  consent: { privacyNotice: true },
  stoppedAt: null,
  pain: {
    locations: ["low_back"],
    durationDays: 10,
    onset: "gradual",
    trigger: "none",
    dangerousMechanism: null,
    intensity: 3,
    pattern: "improving",
    nightPain: "none",
    worseOnCoughSneezeStrain: false,
    previousEpisodes: true,
  },
  vascular: {
    suddenSevereTearingPain: false,
    collapseOrFainting: false,
    knownAaa: false,
    smokerOrEx: false,
    abdominalOrFlankPain: false,
    calfPainOnWalkingRelievedByStanding: false,
  },
  legs: {
    legPain: "none",
    legPainWorseThanBack: false,
    numbnessOrTingling: false,
    numbnessLegs: null,
    weakness: "none",
    difficultyWalking: false,
    walkingKinds: null,
    armOrHandSymptoms: false,
    armHandSide: null,
    armHandKind: null,
    onsetDays: { legPain: null, numbness: null, weakness: null, walking: null, armOrHand: null },
    worsening: null,
  },
  cauda: {
    saddleNumbness: "no",
    bladderChange: "no",
    bowelChange: "no",
    sexualFunctionChange: "no",
    onsetDays: { saddleNumbness: null, bladderChange: null, bowelChange: null, sexualFunctionChange: null },
    worsening: null,
  },
  history: {
    cancer: false,
    unexplainedWeightLoss: false,
    feverChillsOrSweats: false,
    feelsVeryUnwell: false,
    newConfusion: false,
    immunosuppressed: false,
    ivDrugUse: false,
    diabetes: false,
    recentSpinalProcedure: false,
    recentInfection: false,
    longTermOralSteroids: false,
    osteoporosisOrFragilityFracture: false,
    anticoagulant: "no",
    pregnancy: "not_applicable",
    pregnancyWarningSigns: null,
  },
  inflammatory: {
    onsetAge: null,
    wakingSecondHalfOfNight: false,
    buttockPain: false,
    improvesWithMovement: false,
    nsaidResponse48h: false,
    familyHistorySpa: false,
    arthritisHistory: false,
    enthesitisHistory: false,
    psoriasisHistory: false,
    morningStiffnessOver30Min: false,
  },
  running: {
    isRunner: false,
    kmPerWeek: null,
    recentLoadIncrease: false,
    painOnHopping: false,
    limpOrPainOnWalking: false,
    painOnExtension: false,
    lowEnergyOrMenstrualChanges: false,
    priorBoneStressInjury: false,
  },
  outlook: null,
  function: null,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `base` with `change` merged in, object by object (onsetDays included); arrays and nulls replace. */
function mergeDeep(base: unknown, change: unknown): unknown {
  if (!isObject(base) || !isObject(change)) return change;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(change)) out[k] = mergeDeep(base[k], v);
  return out;
}

/** The answers with `overrides` merged in, not validated (for tests of the schema's refusals). */
export function unchecked(overrides: Overrides = {}, base: IntakeAnswers = CALM): IntakeAnswers {
  return mergeDeep(structuredClone(base), overrides) as IntakeAnswers;
}

/**
 * The calm intake with `overrides` merged section by section; throws if the result is not valid.
 * Follow-up answers the contract requires (which legs, walking kinds, arm side and kind, the
 * pregnancy answer for women and "other" of 12–59) get calm defaults when an override needs them.
 */
export function calm(overrides: Overrides = {}): IntakeAnswers {
  const merged = unchecked(overrides);
  const legs = merged.legs;
  if (legs !== null && overrides.legs !== null) {
    const o = overrides.legs ?? {};
    if (legs.numbnessOrTingling && !("numbnessLegs" in o)) legs.numbnessLegs = "one_leg";
    if (legs.difficultyWalking && !("walkingKinds" in o)) legs.walkingKinds = ["heavy_after_distance"];
    if (legs.armOrHandSymptoms && !("armHandSide" in o)) legs.armHandSide = "one_side";
    if (legs.armOrHandSymptoms && !("armHandKind" in o)) legs.armHandKind = "night_tingling_only";
    const anySymptom =
      legs.legPain !== "none" ||
      legs.numbnessOrTingling ||
      legs.weakness !== "none" ||
      legs.difficultyWalking ||
      legs.armOrHandSymptoms;
    if (anySymptom && !("worsening" in o)) legs.worsening = false;
  }
  const history = merged.history;
  if (history !== null && !(overrides.history && "pregnancy" in overrides.history)) {
    const age = Number(NOW.toISOString().slice(0, 4)) - Number(merged.contact.dateOfBirth.slice(0, 4));
    if (merged.contact.sex !== "male" && age >= 12 && age <= 59) history.pregnancy = "no";
  }
  return schema.parse(merged);
}

/** A calm intake for someone aged `age` (or one day short of it). */
export function aged(age: number, overrides: Overrides = {}, birthdayTomorrow = false): IntakeAnswers {
  return calm({ ...overrides, contact: { ...overrides.contact, dateOfBirth: dobForAge(age, { birthdayTomorrow }) } });
}

/** An early submission: the calm answers up to `page`, later sections null, `stoppedAt` = page. */
export function early(page: FormPage, overrides: Overrides = {}): IntakeAnswers {
  const nulls: Overrides = { stoppedAt: page, inflammatory: null, running: null, outlook: null, function: null };
  if (page !== "health-history") nulls.history = null;
  if (page === "vascular-check") Object.assign(nulls, { legs: null, cauda: null });
  return schema.parse(mergeDeep(unchecked(overrides), nulls));
}

/** Grades at NOW (UTC). */
export const grade = (answers: IntakeAnswers) => gradeIntake(answers, { now: NOW });

/** The ids of the rules that fire, in stored order. */
export const firedInOrder = (answers: IntakeAnswers) => grade(answers).firedRules.map((r) => r.id);

/** The ids of the rules that fire, sorted. */
export const fired = (answers: IntakeAnswers) => firedInOrder(answers).sort();

/** The ids of the flags raised. */
export const flagged = (answers: IntakeAnswers) => grade(answers).flags.map((f) => f.id);
