// The 52 public clinical vignettes of ruleset 2026.12 (../shared/clinical/vignettes-public.json,
// copied to tests/fixtures/clinical): every one must grade to its expected level with exactly its
// expected rules, in stored order. The API suite (tests/db/intakes-api.test.ts) sends each one too.
import { describe, expect, it } from "vitest";
import { CONTRACT_VERSION, gradeIntake, levelRank, RULESET_VERSION } from "@/lib/triage";
import vignettes from "../../fixtures/clinical/vignettes-public.json";
import { dobForAge, NOW, schema } from "./calm";

/** A vignette's intake with the "<N years before the grading date>" placeholder made real. */
function intakeOf(v: (typeof vignettes)[number]): unknown {
  const intake = structuredClone(v.intake);
  intake.contact.dateOfBirth = dobForAge(v.ageAtGrading);
  return intake;
}

describe(`public clinical vignettes (ruleset ${RULESET_VERSION}, contract ${CONTRACT_VERSION})`, () => {
  it("covers every level, early submissions and the under-16 route", () => {
    expect(new Set(vignettes.map((v) => v.expectedLevel))).toEqual(
      new Set(["EMERGENCY", "URGENT", "SOON", "ROUTINE", "SELF_CARE"]),
    );
    expect(vignettes.some((v) => v.intake.stoppedAt !== null)).toBe(true);
    expect(vignettes.some((v) => v.ageAtGrading < 16)).toBe(true);
    expect(vignettes).toHaveLength(52);
  });

  describe.each(vignettes.map((v) => [`${v.id} (${v.expectedLevel})`, v] as const))("%s", (_name, v) => {
    it("passes the intake schema unchanged once the date of birth is filled in", () => {
      const intake = intakeOf(v);
      const parsed = schema.safeParse(intake);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      expect(parsed.data).toEqual(intake);
    });

    it(`grades ${v.expectedLevel} and fires exactly ${v.expectedFiredRules.join(", ")}, in stored order`, () => {
      const grade = gradeIntake(schema.parse(intakeOf(v)), { now: NOW });
      expect(grade.level).toBe(v.expectedLevel);
      expect(grade.levelRank).toBe(levelRank[v.expectedLevel as keyof typeof levelRank]);
      expect(grade.firedRules.map((r) => r.id)).toEqual(v.expectedFiredRules);
      expect(grade.age).toBe(v.ageAtGrading);
      expect(grade.rulesetVersion).toBe(RULESET_VERSION);
    });
  });
});
