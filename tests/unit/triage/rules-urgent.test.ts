import { describe, expect, it } from "vitest";
import { aged, calm, fired, grade } from "./calm";

describe("U1 — signs of infection", () => {
  it("grades fever, chills or sweats alone as URGENT", () => {
    const g = grade(calm({ history: { feverChillsOrSweats: true } }));
    expect(g.level).toBe("URGENT");
    expect(g.firedRules.map((r) => r.id)).toEqual(["U1"]);
  });

  it.each(["ivDrugUse", "recentInfectionOrSpinalProcedure"] as const)("fires for %s at intensity 7, not 6", (risk) => {
    expect(fired(calm({ history: { [risk]: true }, pain: { intensity: 7 } }))).toContain("U1");
    expect(fired(calm({ history: { [risk]: true }, pain: { intensity: 6 } }))).not.toContain("U1");
  });
});

describe("U2 — cancer history with worrying pain", () => {
  it.each([
    ["thoracic pain", { pain: { locations: ["thoracic"] } }],
    ["worsening pain", { pain: { pattern: "worsening" } }],
    ["constant night pain", { pain: { nightPain: "constant_unrelieved" } }],
    ["pain worse on coughing", { pain: { worseOnCoughSneezeStrain: true } }],
    ["intensity 8", { pain: { intensity: 8 } }],
  ] as const)("fires for cancer with %s", (_name, overrides) => {
    expect(fired(calm({ history: { cancer: true }, ...overrides }))).toContain("U2");
  });

  it("does not fire for cancer with intensity 7, nor for thoracic pain without cancer", () => {
    expect(fired(calm({ history: { cancer: true }, pain: { intensity: 7 } }))).not.toContain("U2");
    expect(fired(calm({ pain: { locations: ["thoracic"] } }))).not.toContain("U2");
  });
});

describe("U3 — possible fragility fracture", () => {
  const sudden = { onset: "sudden", intensity: 7, trigger: "lifting" } as const;

  it("fires at age 70, not at 69 the day before the birthday", () => {
    expect(fired(aged(70, { pain: sudden }))).toContain("U3");
    expect(fired(aged(70, { pain: sudden }, true))).not.toContain("U3");
  });

  it("fires at intensity 7, not 6, unless the trigger is a minor fall", () => {
    expect(fired(calm({ pain: sudden, history: { osteoporosisOrFragilityFracture: true } }))).toContain("U3");
    expect(fired(calm({ pain: { ...sudden, intensity: 6 }, history: { osteoporosisOrFragilityFracture: true } }))).not.toContain("U3");
    expect(fired(calm({ pain: { ...sudden, intensity: 2, trigger: "minor_fall" }, history: { longTermOralSteroids: true } }))).toContain("U3");
  });

  it("does not fire for gradual onset, nor after a high-energy trigger", () => {
    expect(fired(calm({ pain: { ...sudden, onset: "gradual" }, history: { longTermOralSteroids: true } }))).not.toContain("U3");
    expect(fired(calm({ pain: { ...sudden, trigger: "sport_impact" }, history: { longTermOralSteroids: true } }))).not.toContain("U3");
  });
});

describe("U4 — progressive weakness in one leg", () => {
  it("fires for weakness getting worse, not for stable weakness", () => {
    expect(grade(calm({ legs: { weakness: "one_leg_worsening" } })).level).toBe("URGENT");
    expect(fired(calm({ legs: { weakness: "one_leg_worsening" } }))).toContain("U4");
    expect(fired(calm({ legs: { weakness: "one_leg_stable" } }))).not.toContain("U4");
  });
});

describe("U5 — older, stable cauda equina symptoms", () => {
  it("grades a bladder change that began 15 days ago and is not worsening as URGENT", () => {
    const g = grade(calm({ cauda: { bladderChange: "yes", symptomOnsetDays: 15, worsening: false } }));
    expect(g.level).toBe("URGENT");
    expect(g.firedRules.map((r) => r.id)).toEqual(["U5"]);
  });

  it("does not fire at 14 days, nor when the symptoms are getting worse", () => {
    expect(fired(calm({ cauda: { saddleNumbness: "yes", symptomOnsetDays: 14 } }))).not.toContain("U5");
    expect(fired(calm({ cauda: { saddleNumbness: "yes", symptomOnsetDays: 15, worsening: true } }))).not.toContain("U5");
  });
});

describe("U6 — pain below both knees", () => {
  it("fires for pain below both knees, not below one", () => {
    expect(fired(calm({ legs: { legPain: "below_knee_both_sides" } }))).toContain("U6");
    expect(fired(calm({ legs: { legPain: "below_knee_one_side" } }))).not.toContain("U6");
  });
});

describe("U7 — change in sexual function", () => {
  it("grades an isolated sexual function change as URGENT, and an unsure answer through U8 instead", () => {
    expect(grade(calm({ cauda: { sexualFunctionChange: "yes" } })).firedRules.map((r) => r.id)).toEqual(["U7"]);
    expect(fired(calm({ cauda: { sexualFunctionChange: "unsure" } }))).toEqual(["U8"]);
  });
});

describe("U8 — not sure is never no", () => {
  it.each(["saddleNumbness", "bladderChange", "bowelChange", "sexualFunctionChange"] as const)(
    "grades 'not sure' about %s as URGENT",
    (field) => {
      const g = grade(calm({ cauda: { [field]: "unsure" } }));
      expect(g.level).toBe("URGENT");
      expect(g.firedRules.map((r) => r.id)).toEqual(["U8"]);
    },
  );
});

describe("U9 — major trauma", () => {
  it("fires for major trauma, not for a minor fall or a sport impact", () => {
    expect(fired(calm({ pain: { trigger: "major_trauma" } }))).toEqual(["U9"]);
    expect(fired(calm({ pain: { trigger: "minor_fall" } }))).not.toContain("U9");
    expect(fired(calm({ pain: { trigger: "sport_impact" } }))).not.toContain("U9");
  });
});
