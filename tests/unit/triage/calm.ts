// A calm baseline intake (grades SELF_CARE through C1, fires nothing else) plus overrides, so
// each rule test changes only the answers that rule reads. Every built intake passes the schema.
import type { IntakeAnswers } from "@/lib/triage";
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

type Sections = Omit<IntakeAnswers, "outlook" | "function" | "notes">;
/** Any answers of a section; arrays may be readonly so `as const` tables work. */
type Partly<T> = { [F in keyof T]?: T[F] extends (infer E)[] ? readonly E[] : T[F] };
export type Overrides = { [K in keyof Sections]?: Partly<Sections[K]> } & {
  outlook?: IntakeAnswers["outlook"];
  function?: IntakeAnswers["function"];
  notes?: string;
};

const CALM: IntakeAnswers = {
  contact: {
    firstName: "Sam", lastName: "Calm", email: "sam@example.test", phone: "+44 7700 900123",
    dateOfBirth: dobForAge(35), sex: "male",
  },
  consent: { privacyNotice: true },
  pain: {
    locations: ["low_back"], durationDays: 10, onset: "gradual", trigger: "none", intensity: 3, pattern: "improving",
    nightPain: "none", worseOnCoughSneezeStrain: false, previousEpisodes: true,
  },
  legs: {
    legPain: "none", legPainWorseThanBack: false, numbnessOrTingling: false, weakness: "none",
    difficultyWalking: false, armOrHandSymptoms: false,
  },
  cauda: {
    saddleNumbness: "no", bladderChange: "no", bowelChange: "no", sexualFunctionChange: "no",
    symptomOnsetDays: null, worsening: null,
  },
  history: {
    cancer: false, unexplainedWeightLoss: false, feverChillsOrSweats: false, feelsVeryUnwell: false,
    immunosuppressed: false, ivDrugUse: false, diabetes: false, recentInfectionOrSpinalProcedure: false,
    longTermOralSteroids: false, osteoporosisOrFragilityFracture: false,
  },
  vascular: {
    suddenSevereTearingPain: false, collapseOrFainting: false, knownAaa: false, smokerOrEx: false,
    abdominalOrFlankPain: false, calfPainOnWalkingRelievedByStanding: false,
  },
  inflammatory: {
    onsetAge: null, wakingSecondHalfOfNight: false, buttockPain: false, improvesWithMovement: false,
    nsaidResponse48h: false, familyHistorySpa: false, arthritisHistory: false, enthesitisHistory: false,
    psoriasisHistory: false, morningStiffnessOver30Min: false,
  },
  running: {
    isRunner: false, kmPerWeek: null, recentLoadIncrease: false, painOnHopping: false, painOnExtension: false,
    lowEnergyOrMenstrualChanges: false, priorBoneStressInjury: false,
  },
  outlook: null,
  function: null,
};

/** The calm intake with `overrides` merged section by section; throws if the result is not valid. */
export function calm(overrides: Overrides = {}): IntakeAnswers {
  const merged: Record<string, unknown> = structuredClone(CALM);
  for (const [key, value] of Object.entries(overrides) as [string, unknown][]) {
    const base = merged[key];
    // Sections merge answer by answer; outlook and function (null in the baseline) are replaced.
    merged[key] = typeof value === "object" && value !== null && typeof base === "object" && base !== null
      ? { ...base, ...value }
      : value;
  }
  return schema.parse(merged);
}

/** A calm intake for someone aged `age` (or one day short of it). */
export function aged(age: number, overrides: Overrides = {}, birthdayTomorrow = false): IntakeAnswers {
  return calm({ ...overrides, contact: { ...overrides.contact, dateOfBirth: dobForAge(age, { birthdayTomorrow }) } });
}

/** Grades at NOW (UTC). */
export const grade = (answers: IntakeAnswers) => gradeIntake(answers, { now: NOW });

/** The ids of the rules that fire, sorted. */
export const fired = (answers: IntakeAnswers) => grade(answers).firedRules.map((r) => r.id).sort();

/** The ids of the flags raised. */
export const flagged = (answers: IntakeAnswers) => grade(answers).flags.map((f) => f.id);
