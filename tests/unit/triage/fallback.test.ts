import { describe, expect, it } from "vitest";
import type { IntakeAnswers } from "@/lib/triage";
import { C1, deriveContext, R1 } from "@/lib/triage";
import { calm, dobForAge, fired, grade } from "./calm";

type Sections = NonNullable<IntakeAnswers["function"]>["sections"];
const outlookWith = (agreed: number, bothersomeness: "moderately" | "extremely" = "moderately") => ({
  items: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => i < agreed) as NonNullable<IntakeAnswers["outlook"]>["items"],
  bothersomeness,
});

describe("C1 — self-care", () => {
  it("grades recent, mild, settling back pain as SELF_CARE", () => {
    const g = grade(calm());
    expect(g.level).toBe("SELF_CARE");
    expect(g.levelRank).toBe(1);
    expect(g.firedRules).toEqual([{ id: "C1", level: "SELF_CARE", summary: C1.summary, sources: C1.sources }]);
  });

  it("holds at 41 days, not 42", () => {
    expect(fired(calm({ pain: { durationDays: 41 } }))).toEqual(["C1"]);
    expect(fired(calm({ pain: { durationDays: 42 } }))).toEqual(["R1"]);
  });

  it("holds at intensity 6, not 7", () => {
    expect(fired(calm({ pain: { intensity: 6 } }))).toEqual(["C1"]);
    expect(fired(calm({ pain: { intensity: 7 } }))).toEqual(["R1"]);
  });

  it.each(["improving", "centralising", "stable"] as const)("holds when the pain is %s", (pattern) => {
    expect(fired(calm({ pain: { pattern } }))).toEqual(["C1"]);
  });

  it.each(["worsening", "peripheralising"] as const)("does not hold when the pain is %s", (pattern) => {
    expect(fired(calm({ pain: { pattern } }))).toEqual(["R1"]);
  });

  it("does not hold for pain below the knee, even when mild", () => {
    expect(fired(calm({ legs: { legPain: "below_knee_one_side" } }))).toEqual(["R1"]);
    expect(fired(calm({ legs: { legPain: "above_knee" } }))).toEqual(["C1"]);
  });

  it("holds for an outlook total of 3, not 4 (item 9 counts)", () => {
    expect(fired(calm({ outlook: outlookWith(3) }))).toEqual(["C1"]);
    expect(fired(calm({ outlook: outlookWith(4) }))).toEqual(["R1"]);
    expect(fired(calm({ outlook: outlookWith(3, "extremely") }))).toEqual(["R1"]);
  });

  it("holds for a function score of 20%, not 22%", () => {
    expect(fired(calm({ function: { sections: [5, 5, 0, 0, 0, 0, 0, 0, 0, 0] } }))).toEqual(["C1"]);
    expect(fired(calm({ function: { sections: [5, 5, 1, 0, 0, 0, 0, 0, 0, 0] } }))).toEqual(["R1"]);
  });

  it("does not score a function screen with fewer than 8 answers, but 5 to 7 answers over 20% still rule out self-care", () => {
    const heavy: Sections = [5, 5, 5, 5, 5, 5, 5, null, null, null];
    const g = grade(calm({ function: { sections: heavy } }));
    expect(g.scores.function).toBeNull();
    expect(g.firedRules.map((r) => r.id)).toEqual(["R1"]);
    const light: Sections = [1, 1, 1, 1, 1, null, null, null, null, null];
    expect(fired(calm({ function: { sections: light } }))).toEqual(["C1"]);
    const four: Sections = [5, 5, 5, 5, null, null, null, null, null, null];
    expect(fired(calm({ function: { sections: four } }))).toEqual(["C1"]);
  });
});

describe("R1 — routine", () => {
  it("grades persistent back pain without red flags as ROUTINE", () => {
    const g = grade(calm({ pain: { durationDays: 120 } }));
    expect(g.level).toBe("ROUTINE");
    expect(g.levelRank).toBe(2);
    expect(g.firedRules).toEqual([{ id: "R1", level: "ROUTINE", summary: R1.summary, sources: R1.sources }]);
  });

  it("neither C1 nor R1 fires beside an EMERGENCY, URGENT or SOON rule", () => {
    for (const a of [
      calm({ history: { cancer: true } }),
      calm({ pain: { trigger: "major_trauma" } }),
      calm({ legs: { weakness: "both_legs" } }),
    ]) {
      const ids = fired(a);
      expect(ids).not.toContain("C1");
      expect(ids).not.toContain("R1");
    }
  });

  it("holds exactly when C1 does not", () => {
    for (const a of [calm(), calm({ pain: { durationDays: 50 } }), calm({ pain: { pattern: "worsening" } })]) {
      const ctx = deriveContext(a, 35);
      expect(R1.when(ctx)).toBe(!C1.when(ctx));
    }
  });
});

describe("C1 — the red-flag items (principle 3)", () => {
  it.each([
    ["numbness in one leg", { legs: { numbnessOrTingling: true, onsetDays: { numbness: 400 } } }],
    ["a sexual change answered 'not sure'", { cauda: { sexualFunctionChange: "unsure", worsening: false } }],
    ["new confusion", { history: { newConfusion: true } }],
    ["upper back pain at 50", { contact: { dateOfBirth: dobForAge(50) }, pain: { locations: ["thoracic"] } }],
    ["a recent infection", { history: { recentInfection: true } }],
    ["tummy or pelvis on the body map", { pain: { locations: ["abdomen_or_pelvis"] } }],
    ["calf pain on walking relieved by standing", { vascular: { calfPainOnWalkingRelievedByStanding: true } }],
    ["a dangerous mechanism", { pain: { trigger: "minor_fall", dangerousMechanism: true } }],
    ["pregnancy", { contact: { sex: "female" }, history: { pregnancy: "pregnant", pregnancyWarningSigns: "no" } }],
  ] as const)("%s rules out self-care", (_name, overrides) => {
    expect(fired(calm(overrides as never))).not.toContain("C1");
  });

  it.each([
    ["smoking", { vascular: { smokerOrEx: true } }],
    ["diabetes", { history: { diabetes: true } }],
    ["a blood thinner", { history: { anticoagulant: "yes" } }],
    ["night pain in the second half of the night", { pain: { nightPain: "wakes_second_half" } }],
    ["pain on coughing", { pain: { worseOnCoughSneezeStrain: true } }],
    ["leg pain above the knee", { legs: { legPain: "above_knee" } }],
    ["not sexually active", { cauda: { sexualFunctionChange: "not_applicable" } }],
    ["upper back pain at 49", { contact: { dateOfBirth: dobForAge(49) }, pain: { locations: ["thoracic"] } }],
  ] as const)("%s alone does not rule out self-care", (_name, overrides) => {
    expect(fired(calm(overrides as never))).toEqual(["C1"]);
  });
});
