import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IntakeAnswers } from "@/lib/triage";
import { gradeIntake, LEVELS, levelRank } from "@/lib/triage";
import { intakeAnswersArbitrary } from "../../support/intake-arbitrary";
import { NOW, schema } from "./calm";

const answers = intakeAnswersArbitrary({ now: NOW });
const grade = (a: IntakeAnswers) => gradeIntake(a, { now: NOW });
const RUNS = { numRuns: 400 };

const CAUDA = ["saddleNumbness", "bladderChange", "bowelChange", "sexualFunctionChange"] as const;
const LEGS = ["legPainWorseThanBack", "numbnessOrTingling", "difficultyWalking", "armOrHandSymptoms"] as const;

/** Every intake that differs from `a` by one answer turned from "no"/false to "yes"/true. */
function redFlagFlips(a: IntakeAnswers): [string, IntakeAnswers][] {
  const out: [string, IntakeAnswers][] = [];
  // The onset/worsening answers stay as they are: null is valid whatever the cauda answers are.
  for (const k of CAUDA) if (a.cauda[k] === "no") out.push([`cauda.${k}`, { ...a, cauda: { ...a.cauda, [k]: "yes" } }]);
  for (const [k, v] of Object.entries(a.history)) if (!v) out.push([`history.${k}`, { ...a, history: { ...a.history, [k]: true } }]);
  for (const [k, v] of Object.entries(a.vascular)) if (!v) out.push([`vascular.${k}`, { ...a, vascular: { ...a.vascular, [k]: true } }]);
  for (const k of LEGS) if (!a.legs[k]) out.push([`legs.${k}`, { ...a, legs: { ...a.legs, [k]: true } }]);
  return out;
}

describe("grading properties over valid intakes", () => {
  it("generates only intakes the schema accepts unchanged", () => {
    fc.assert(fc.property(answers, (a) => {
      const parsed = schema.safeParse(a);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      expect(parsed.data).toEqual(a);
    }), RUNS);
  });

  it("always returns a level, which is the highest level among the fired rules", () => {
    fc.assert(fc.property(answers, (a) => {
      const g = grade(a);
      expect(LEVELS).toContain(g.level);
      expect(g.levelRank).toBe(levelRank[g.level]);
      expect(g.firedRules.length).toBeGreaterThan(0);
      expect(Math.max(...g.firedRules.map((r) => levelRank[r.level]))).toBe(g.levelRank);
    }), RUNS);
  });

  it("never lowers the level when one cauda, history, vascular or legs answer turns from no to yes", () => {
    fc.assert(fc.property(answers, (a) => {
      const before = grade(a).levelRank;
      for (const [field, flipped] of redFlagFlips(a)) {
        expect(schema.safeParse(flipped).success, field).toBe(true);
        expect(grade(flipped).levelRank, field).toBeGreaterThanOrEqual(before);
      }
    }), RUNS);
  });

  it("never grades below URGENT when any cauda answer is 'not sure'", () => {
    const withUnsure = fc.tuple(answers, fc.constantFrom(...CAUDA)).map(([a, k]) => ({ ...a, cauda: { ...a.cauda, [k]: "unsure" as const } }));
    fc.assert(fc.property(withUnsure, (a) => {
      expect(schema.safeParse(a).success).toBe(true);
      expect(grade(a).levelRank).toBeGreaterThanOrEqual(levelRank.URGENT);
    }), RUNS);
  });

  it("fires C1 or R1 exactly when no EMERGENCY, URGENT or SOON rule fired, and never both", () => {
    fc.assert(fc.property(answers, (a) => {
      const ids = grade(a).firedRules.map((r) => r.id);
      const fallback = ids.filter((id) => id === "C1" || id === "R1");
      if (fallback.length > 0) expect(ids).toEqual(fallback);
      expect(fallback.length).toBe(ids.length === fallback.length ? 1 : 0);
    }), RUNS);
  });

  it("keeps the outlook and function scores in range", () => {
    fc.assert(fc.property(answers, (a) => {
      const { outlook, function: fn } = grade(a).scores;
      if (outlook !== null) {
        expect(outlook.total).toBeGreaterThanOrEqual(0);
        expect(outlook.total).toBeLessThanOrEqual(9);
        expect(outlook.psychosocial).toBeGreaterThanOrEqual(0);
        expect(outlook.psychosocial).toBeLessThanOrEqual(Math.min(5, outlook.total));
      } else expect(a.outlook).toBeNull();
      if (fn !== null) {
        expect(fn.percent).toBeGreaterThanOrEqual(0);
        expect(fn.percent).toBeLessThanOrEqual(100);
        expect(Math.round(fn.percent * 10) / 10).toBe(fn.percent);
        expect(fn.answeredSections).toBeGreaterThanOrEqual(8);
        expect(fn.answeredSections).toBeLessThanOrEqual(10);
      }
    }), RUNS);
  });

  it("is deterministic: the same answers at the same instant grade the same", () => {
    fc.assert(fc.property(answers, (a) => {
      expect(grade(structuredClone(a))).toEqual(grade(a));
    }), RUNS);
  });
});
