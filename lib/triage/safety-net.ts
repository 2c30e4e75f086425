// The rule-aware same-day safety net (triage-rules.md, "Same-day safety net"): for each symptom the
// result page lists, the patient's own answers are graded again with that symptom added (keeping the
// more serious answer where the patient already has one). A symptom that would make the grade
// EMERGENCY is listed under "go to an emergency department now"; the others under "get help the same
// day". Pure: the engine grades, nothing is stored.
import { gradeIntake } from "./grade";
import type { GradeOptions } from "./model";
import type { IntakeAnswers } from "./schema";

export const SAFETY_NET_SYMPTOMS = [
  "SN_FEVER",
  "SN_UNWELL",
  "SN_CONFUSION",
  "SN_LEG_WEAK",
  "SN_WALK",
  "SN_ARM_WEAK",
  "SN_ARM_TINGLE",
  "SN_BOTH_LEGS",
  "SN_NIGHT",
] as const;

export type SafetyNetSymptom = (typeof SAFETY_NET_SYMPTOMS)[number];

export type SafetyNet = {
  /** Symptoms that would make this patient's grade EMERGENCY: go to an emergency department now. */
  readonly goNow: readonly SafetyNetSymptom[];
  /** The others: get help the same day. */
  readonly sameDay: readonly SafetyNetSymptom[];
};

type Legs = NonNullable<IntakeAnswers["legs"]>;
type ArmKind = NonNullable<Legs["armHandKind"]>;

// How serious each arm or hand kind is; "not sure" is graded as weakness or clumsiness.
const ARM_KIND_RANK: Readonly<Record<ArmKind, number>> = {
  night_tingling_only: 0,
  numbness_or_tingling: 1,
  weakness_or_clumsiness: 2,
  unsure: 2,
};

function withLegs(a: IntakeAnswers, change: (legs: Legs) => Legs): IntakeAnswers {
  return a.legs === null ? a : { ...a, legs: { ...change(a.legs), worsening: true } };
}

function withArm(a: IntakeAnswers, kind: ArmKind): IntakeAnswers {
  return withLegs(a, (l) => {
    const keep = l.armOrHandSymptoms && l.armHandKind !== null && ARM_KIND_RANK[l.armHandKind] >= ARM_KIND_RANK[kind];
    return {
      ...l,
      armOrHandSymptoms: true,
      armHandKind: keep ? l.armHandKind : kind,
      armHandSide: l.armHandSide === "both_sides" || l.armHandSide === "unsure" ? l.armHandSide : "one_side",
      onsetDays: { ...l.onsetDays, armOrHand: 0 },
    };
  });
}

/** The patient's answers with one safety-net symptom added (the overlay of the spec's table). */
export function withSymptom(a: IntakeAnswers, symptom: SafetyNetSymptom): IntakeAnswers {
  const history = (change: Partial<NonNullable<IntakeAnswers["history"]>>) =>
    a.history === null ? a : { ...a, history: { ...a.history, ...change } };
  switch (symptom) {
    case "SN_FEVER":
      return history({ feverChillsOrSweats: true });
    case "SN_UNWELL":
      return history({ feelsVeryUnwell: true });
    case "SN_CONFUSION":
      return history({ newConfusion: true });
    case "SN_LEG_WEAK":
      return withLegs(a, (l) => ({
        ...l,
        weakness: l.weakness === "both_legs" ? "both_legs" : "one_leg_worsening",
        onsetDays: { ...l.onsetDays, weakness: 0 },
      }));
    case "SN_WALK":
      return withLegs(a, (l) => {
        const kinds = l.walkingKinds ?? [];
        const walkingKinds =
          kinds.includes("unsure") || kinds.includes("unsteady") ? kinds : [...kinds, "unsteady" as const];
        return { ...l, difficultyWalking: true, walkingKinds, onsetDays: { ...l.onsetDays, walking: 0 } };
      });
    case "SN_ARM_WEAK":
      return withArm(a, "weakness_or_clumsiness");
    case "SN_ARM_TINGLE":
      return withArm(a, "numbness_or_tingling");
    case "SN_BOTH_LEGS":
      return withLegs(a, (l) => ({
        ...l,
        numbnessOrTingling: true,
        numbnessLegs: "both_legs",
        onsetDays: { ...l.onsetDays, numbness: 0 },
      }));
    case "SN_NIGHT":
      return { ...a, pain: { ...a.pain, nightPain: "constant_unrelieved" } };
  }
}

/**
 * The safety net for an intake graded under ruleset 2026.12 below EMERGENCY. An early submission
 * (graded X1) lists every symptom under "go now": the patient already saw an emergency page.
 */
export function safetyNet(answers: IntakeAnswers, options: GradeOptions): SafetyNet {
  if (answers.stoppedAt !== null) return { goNow: [...SAFETY_NET_SYMPTOMS], sameDay: [] };
  const goNow: SafetyNetSymptom[] = [];
  const sameDay: SafetyNetSymptom[] = [];
  for (const symptom of SAFETY_NET_SYMPTOMS) {
    (gradeIntake(withSymptom(answers, symptom), options).level === "EMERGENCY" ? goNow : sameDay).push(symptom);
  }
  return { goNow, sameDay };
}
