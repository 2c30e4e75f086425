import { describe, expect, it } from "vitest";
import { calm, fired, grade } from "./calm";

describe("calm baseline", () => {
  it("grades the calm baseline SELF_CARE through C1 alone", () => {
    expect(fired(calm())).toEqual(["C1"]);
  });
});

describe("E1 — new or worsening cauda equina symptoms", () => {
  it("grades saddle numbness alone as EMERGENCY", () => {
    const g = grade(calm({ cauda: { saddleNumbness: "yes" } }));
    expect(g.level).toBe("EMERGENCY");
    expect(g.firedRules.map((r) => r.id)).toEqual(["E1"]);
  });

  it.each(["bladderChange", "bowelChange"] as const)("fires for a new %s", (field) => {
    expect(fired(calm({ cauda: { [field]: "yes" } }))).toContain("E1");
  });

  it("fires when symptoms began 14 days ago, not 15 days ago", () => {
    expect(fired(calm({ cauda: { bladderChange: "yes", symptomOnsetDays: 14, worsening: false } }))).toContain("E1");
    expect(fired(calm({ cauda: { bladderChange: "yes", symptomOnsetDays: 15, worsening: false } }))).not.toContain("E1");
  });

  it("fires for older symptoms that are getting worse, not for unknown progress", () => {
    expect(fired(calm({ cauda: { bladderChange: "yes", symptomOnsetDays: 60, worsening: true } }))).toContain("E1");
    expect(fired(calm({ cauda: { bladderChange: "yes", symptomOnsetDays: 60, worsening: null } }))).not.toContain("E1");
  });

  it("does not fire for a sexual function change alone", () => {
    expect(fired(calm({ cauda: { sexualFunctionChange: "yes" } }))).not.toContain("E1");
  });
});

describe("E2 — weakness in both legs", () => {
  it("fires for weakness in both legs, not for weakness in one leg getting worse", () => {
    expect(grade(calm({ legs: { weakness: "both_legs" } })).level).toBe("EMERGENCY");
    expect(fired(calm({ legs: { weakness: "both_legs" } }))).toContain("E2");
    expect(fired(calm({ legs: { weakness: "one_leg_worsening" } }))).not.toContain("E2");
  });
});

describe("E3 — sexual function change with bilateral leg signs", () => {
  it("fires with pain below both knees or weakness in both legs", () => {
    expect(fired(calm({ cauda: { sexualFunctionChange: "yes" }, legs: { legPain: "below_knee_both_sides" } }))).toContain("E3");
    expect(fired(calm({ cauda: { sexualFunctionChange: "yes" }, legs: { weakness: "both_legs" } }))).toContain("E3");
  });

  it("does not fire with pain below one knee, nor for an unsure answer", () => {
    expect(fired(calm({ cauda: { sexualFunctionChange: "yes" }, legs: { legPain: "below_knee_one_side" } }))).not.toContain("E3");
    expect(fired(calm({ cauda: { sexualFunctionChange: "unsure" }, legs: { legPain: "below_knee_both_sides" } }))).not.toContain("E3");
  });
});

describe("E4 — cancer history with any nerve symptom", () => {
  it.each([
    ["numbness", { legs: { numbnessOrTingling: true } }],
    ["pain below the knee", { legs: { legPain: "below_knee_one_side" } }],
    ["stable weakness in one leg", { legs: { weakness: "one_leg_stable" } }],
  ] as const)("fires for cancer with %s", (_name, overrides) => {
    expect(fired(calm({ history: { cancer: true }, ...overrides }))).toContain("E4");
  });

  it("does not fire for cancer with pain above the knee only, nor for nerve symptoms without cancer", () => {
    expect(fired(calm({ history: { cancer: true }, legs: { legPain: "above_knee" } }))).not.toContain("E4");
    expect(fired(calm({ legs: { numbnessOrTingling: true } }))).not.toContain("E4");
  });
});

describe("E5 — possible spinal infection with a deficit, or septic", () => {
  it.each([
    ["fever with new weakness", { history: { feverChillsOrSweats: true }, legs: { weakness: "one_leg_stable" } }],
    ["IV drug use with difficulty walking", { history: { ivDrugUse: true }, legs: { difficultyWalking: true, weakness: "one_leg_stable" } }],
    ["a recent spinal procedure with a bladder change", { history: { recentInfectionOrSpinalProcedure: true }, cauda: { bladderChange: "yes" } }],
    ["fever while feeling very unwell", { history: { feverChillsOrSweats: true, feelsVeryUnwell: true } }],
  ] as const)("fires for %s", (_name, overrides) => {
    expect(fired(calm(overrides))).toContain("E5");
  });

  it("does not fire for fever with numbness only (not a new deficit), nor for feeling unwell without fever", () => {
    expect(fired(calm({ history: { feverChillsOrSweats: true }, legs: { numbnessOrTingling: true } }))).not.toContain("E5");
    expect(fired(calm({ history: { feelsVeryUnwell: true, ivDrugUse: true } }))).not.toContain("E5");
  });
});

describe("E6 — possible aortic aneurysm", () => {
  it.each([
    ["tearing pain with fainting", { vascular: { suddenSevereTearingPain: true, collapseOrFainting: true } }],
    ["tearing pain while very unwell", { vascular: { suddenSevereTearingPain: true }, history: { feelsVeryUnwell: true } }],
    ["a known aneurysm", { vascular: { knownAaa: true } }],
  ] as const)("fires for %s", (_name, overrides) => {
    expect(fired(calm(overrides))).toContain("E6");
  });

  it("does not fire for tearing pain alone, nor for fainting alone", () => {
    expect(fired(calm({ vascular: { suddenSevereTearingPain: true } }))).not.toContain("E6");
    expect(fired(calm({ vascular: { collapseOrFainting: true } }))).not.toContain("E6");
  });
});

describe("E7 — major trauma with severe pain or nerve symptoms", () => {
  it("fires at intensity 7, not 6", () => {
    expect(fired(calm({ pain: { trigger: "major_trauma", intensity: 7 } }))).toContain("E7");
    expect(fired(calm({ pain: { trigger: "major_trauma", intensity: 6 } }))).toEqual(["U9"]);
  });

  it("fires for mild pain with numbness, not for severe pain after a sport impact", () => {
    expect(fired(calm({ pain: { trigger: "major_trauma", intensity: 2 }, legs: { numbnessOrTingling: true } }))).toContain("E7");
    expect(fired(calm({ pain: { trigger: "sport_impact", intensity: 9 } }))).not.toContain("E7");
  });
});

describe("E8 — arm or hand symptoms, or legs not working without weakness", () => {
  it("fires for arm or hand symptoms, and for difficulty walking with no weakness", () => {
    expect(fired(calm({ legs: { armOrHandSymptoms: true } }))).toEqual(["E8"]);
    expect(fired(calm({ legs: { difficultyWalking: true } }))).toContain("E8");
  });

  it("does not fire for difficulty walking with weakness (other rules cover that)", () => {
    expect(fired(calm({ legs: { difficultyWalking: true, weakness: "one_leg_stable" } }))).not.toContain("E8");
  });
});
