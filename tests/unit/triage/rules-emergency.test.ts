// The EMERGENCY rules of ruleset 2026.12, each against the words of its "fires when" cell.
import { describe, expect, it } from "vitest";
import { aged, calm, fired, grade } from "./calm";

describe("calm baseline", () => {
  it("grades the calm baseline SELF_CARE through C1 alone", () => {
    expect(fired(calm())).toEqual(["C1"]);
  });
});

describe("E1 — cauda equina symptom, new or worsening", () => {
  it.each(["saddleNumbness", "bladderChange", "bowelChange"] as const)("grades a new %s as EMERGENCY", (item) => {
    const g = grade(calm({ cauda: { [item]: "yes", onsetDays: { [item]: 2 }, worsening: false } }));
    expect(g.level).toBe("EMERGENCY");
    expect(g.firedRules.map((r) => r.id)).toEqual(["E1"]);
  });

  it("counts a symptom of 14 days as new, of 15 days not, and an unknown onset as new", () => {
    const at = (days: number | null) =>
      calm({ cauda: { bladderChange: "yes", onsetDays: { bladderChange: days }, worsening: false } });
    expect(fired(at(14))).toContain("E1");
    expect(fired(at(15))).not.toContain("E1");
    expect(fired(at(null))).toContain("E1");
  });

  it("reads 'don't know' whether it is getting worse as getting worse", () => {
    const old = (worsening: boolean | null) =>
      calm({ cauda: { saddleNumbness: "yes", onsetDays: { saddleNumbness: 60 }, worsening } });
    expect(fired(old(null))).toContain("E1");
    expect(fired(old(true))).toContain("E1");
    expect(fired(old(false))).toEqual(["U5"]);
  });

  it("is not hidden by an older symptom: the newest one decides", () => {
    const a = calm({
      cauda: {
        saddleNumbness: "yes",
        bladderChange: "yes",
        onsetDays: { saddleNumbness: 200, bladderChange: 3 },
        worsening: false,
      },
    });
    expect(fired(a)).toContain("E1");
  });

  it("counts a new 'not sure' sexual change towards 'new' once a core symptom is there", () => {
    const a = calm({
      cauda: {
        saddleNumbness: "yes",
        sexualFunctionChange: "unsure",
        onsetDays: { saddleNumbness: 100, sexualFunctionChange: 5 },
        worsening: false,
      },
    });
    expect(fired(a)).toContain("E1");
  });

  it("does not fire for a sexual function change alone", () => {
    expect(
      fired(calm({ cauda: { sexualFunctionChange: "yes", onsetDays: { sexualFunctionChange: 1 }, worsening: false } })),
    ).not.toContain("E1");
  });
});

describe("E2 — weakness in both legs", () => {
  it("fires for weakness in both legs, not for one leg getting worse", () => {
    expect(fired(calm({ legs: { weakness: "both_legs" } }))).toContain("E2");
    expect(fired(calm({ legs: { weakness: "one_leg_worsening" } }))).not.toContain("E2");
  });
});

describe("E3 — sexual change with bilateral leg symptoms, new or worsening", () => {
  const sexual = (days: number | null, worsening: boolean | null) => ({
    sexualFunctionChange: "yes" as const,
    onsetDays: { sexualFunctionChange: days },
    worsening,
  });
  it("fires with pain below both knees, weakness in both legs, or numbness in both legs (or not sure which)", () => {
    expect(
      fired(calm({ cauda: sexual(3, false), legs: { legPain: "below_knee_both_sides", onsetDays: { legPain: 200 } } })),
    ).toContain("E3");
    expect(
      fired(
        calm({
          cauda: sexual(3, false),
          legs: { numbnessOrTingling: true, numbnessLegs: "unsure", onsetDays: { numbness: 200 } },
        }),
      ),
    ).toContain("E3");
  });

  it("does not fire when the sexual change is old and not getting worse, nor with one leg", () => {
    expect(
      fired(
        calm({ cauda: sexual(100, false), legs: { legPain: "below_knee_both_sides", onsetDays: { legPain: 200 } } }),
      ),
    ).not.toContain("E3");
    expect(
      fired(calm({ cauda: sexual(3, false), legs: { legPain: "below_knee_one_side", onsetDays: { legPain: 3 } } })),
    ).not.toContain("E3");
  });

  it("reads 'not applicable' (not sexually active) as no", () => {
    const a = calm({
      cauda: { sexualFunctionChange: "not_applicable" },
      legs: { legPain: "below_knee_both_sides", onsetDays: { legPain: 3 } },
    });
    expect(fired(a)).not.toContain("E3");
    expect(fired(a)).not.toContain("U7");
  });
});

describe("E4 — cancer with a NEW nerve symptom", () => {
  it.each([
    ["new numbness", { legs: { numbnessOrTingling: true, onsetDays: { numbness: 5 } } }],
    ["new pain below the knee", { legs: { legPain: "below_knee_one_side", onsetDays: { legPain: 30 } } }],
    ["a bladder answer 'not sure'", { cauda: { bladderChange: "unsure", worsening: false } }],
    [
      "an old leg symptom getting worse",
      { legs: { numbnessOrTingling: true, onsetDays: { numbness: 400 }, worsening: true } },
    ],
    [
      "an old leg symptom with 'don't know' if it is getting worse",
      { legs: { numbnessOrTingling: true, onsetDays: { numbness: 400 }, worsening: null } },
    ],
  ] as const)("fires with %s", (_name, overrides) => {
    expect(fired(calm({ ...overrides, history: { cancer: true } }))).toContain("E4");
  });

  it("leaves a long-standing, stable nerve symptom to U18 (URGENT)", () => {
    const a = calm({
      history: { cancer: true },
      legs: { numbnessOrTingling: true, onsetDays: { numbness: 91 }, worsening: false },
    });
    expect(fired(a)).not.toContain("E4");
    expect(fired(a)).toContain("U18");
    expect(grade(a).level).toBe("URGENT");
  });
});

describe("E5 — infection or sepsis", () => {
  it.each([
    [
      "fever with new weakness in one leg getting worse",
      { history: { feverChillsOrSweats: true }, legs: { weakness: "one_leg_worsening", onsetDays: { weakness: 2 } } },
    ],
    [
      "a recent spinal procedure with a 'not sure' bladder answer",
      { history: { recentSpinalProcedure: true }, cauda: { bladderChange: "unsure", worsening: false } },
    ],
    [
      "injecting drugs with new stable weakness in one leg",
      { history: { ivDrugUse: true }, legs: { weakness: "one_leg_stable", onsetDays: { weakness: 10 } } },
    ],
    ["fever with weakened immunity", { history: { feverChillsOrSweats: true, immunosuppressed: true } }],
    ["fever after a spinal procedure", { history: { feverChillsOrSweats: true, recentSpinalProcedure: true } }],
    ["new confusion alone", { history: { newConfusion: true } }],
    [
      "feeling very unwell after a spinal injection, without a fever",
      { history: { feelsVeryUnwell: true, recentSpinalProcedure: true } },
    ],
    ["feeling very unwell with diabetes", { history: { feelsVeryUnwell: true, diabetes: true } }],
    [
      "feeling very unwell when pregnant",
      {
        contact: { sex: "female" },
        history: { feelsVeryUnwell: true, pregnancy: "pregnant", pregnancyWarningSigns: "no" },
      },
    ],
  ] as const)("fires for %s", (_name, overrides) => {
    expect(fired(calm(overrides as never))).toContain("E5");
  });

  it("fires for feeling very unwell at 75, not at 74", () => {
    expect(fired(aged(75, { history: { feelsVeryUnwell: true } }))).toContain("E5");
    expect(fired(aged(74, { history: { feelsVeryUnwell: true } }))).not.toContain("E5");
  });

  it("does not fire for a recent infection with long-standing stable weakness in one leg", () => {
    const a = calm({
      history: { recentInfection: true },
      legs: { weakness: "one_leg_stable", onsetDays: { weakness: 300 } },
    });
    expect(fired(a)).not.toContain("E5");
  });
});

describe("E6 — known aneurysm with new, sudden or tummy pain", () => {
  it("fires within 28 days, or when sudden, or with tummy pain; a long stable pain is S11 (SOON)", () => {
    expect(fired(calm({ vascular: { knownAaa: true }, pain: { durationDays: 28 } }))).toContain("E6");
    expect(fired(calm({ vascular: { knownAaa: true }, pain: { durationDays: 100, onset: "sudden" } }))).toContain("E6");
    expect(
      fired(
        calm({
          vascular: { knownAaa: true },
          pain: { durationDays: 100, locations: ["low_back", "abdomen_or_pelvis"] },
        }),
      ),
    ).toContain("E6");
    const longStanding = calm({ vascular: { knownAaa: true }, pain: { durationDays: 29 } });
    expect(fired(longStanding)).toEqual(["S11"]);
  });
});

describe("E7 — major trauma", () => {
  it("fires with pain 7+, nerve symptoms, age 65+ or within 2 days; the mechanism check counts as major trauma", () => {
    const trauma = { trigger: "major_trauma" as const, durationDays: 10 };
    expect(fired(calm({ pain: { ...trauma, intensity: 7 } }))).toContain("E7");
    expect(fired(calm({ pain: { ...trauma, durationDays: 2 } }))).toContain("E7");
    expect(fired(aged(65, { pain: trauma }))).toContain("E7");
    expect(fired(calm({ pain: { ...trauma, intensity: 6 } }))).toEqual(["U9"]);
    expect(fired(calm({ pain: { trigger: "sport_impact", dangerousMechanism: true, intensity: 8 } }))).toContain("E7");
    expect(fired(calm({ pain: { trigger: "sport_impact", dangerousMechanism: false, intensity: 8 } }))).not.toContain(
      "E7",
    );
  });

  it("grades major trauma at 70 with moderate pain as EMERGENCY (2026.11 said URGENT)", () => {
    expect(grade(aged(70, { pain: { trigger: "major_trauma", intensity: 4, durationDays: 20 } })).level).toBe(
      "EMERGENCY",
    );
  });
});

describe("E8 — a new spinal cord picture", () => {
  const arm = (
    kind: "weakness_or_clumsiness" | "numbness_or_tingling" | "night_tingling_only" | "unsure",
    side: "one_side" | "both_sides" | "unsure",
    onset: number | null = 5,
  ) => ({
    armOrHandSymptoms: true,
    armHandKind: kind,
    armHandSide: side,
    onsetDays: { armOrHand: onset },
  });
  it.each([
    ["new weakness or clumsiness in one hand", arm("weakness_or_clumsiness", "one_side")],
    ["a 'not sure' kind of arm symptom", arm("unsure", "one_side")],
    ["new tingling in both hands", arm("numbness_or_tingling", "both_sides")],
    ["new tingling in 'not sure which' hands", arm("numbness_or_tingling", "unsure")],
  ] as const)("fires for %s", (_name, legs) => {
    expect(fired(calm({ legs }))).toContain("E8");
  });

  it("fires for new unsteady walking even when a leg is weak (the weak leg does not explain it away)", () => {
    const a = calm({
      legs: {
        difficultyWalking: true,
        walkingKinds: ["unsteady"],
        weakness: "one_leg_stable",
        onsetDays: { walking: 10, weakness: 100 },
      },
    });
    expect(fired(a)).toContain("E8");
  });

  it("does not fire for night-time tingling in one hand, nor for one-sided tingling without leg cord features", () => {
    expect(fired(calm({ legs: arm("night_tingling_only", "one_side") }))).not.toContain("E8");
    expect(fired(calm({ legs: arm("numbness_or_tingling", "one_side") }))).not.toContain("E8");
  });

  it("fires for hand tingling together with leg cord features", () => {
    const a = calm({
      legs: {
        ...arm("night_tingling_only", "one_side"),
        difficultyWalking: true,
        walkingKinds: ["heavy_after_distance"],
        onsetDays: { armOrHand: 5, walking: 200 },
      },
    });
    expect(fired(a)).toContain("E8");
  });

  it("does not fire for long-standing stable arm weakness (U19) or legs that tire after a distance", () => {
    expect(fired(calm({ legs: arm("weakness_or_clumsiness", "one_side", 200) }))).not.toContain("E8");
    expect(
      fired(
        calm({ legs: { difficultyWalking: true, walkingKinds: ["heavy_after_distance"], onsetDays: { walking: 5 } } }),
      ),
    ).not.toContain("E8");
  });
});

describe("E9 — sudden severe tearing pain", () => {
  it("grades tearing pain alone as EMERGENCY, without collapse (2026.11 said ROUTINE)", () => {
    const g = grade(calm({ vascular: { suddenSevereTearingPain: true } }));
    expect(g.level).toBe("EMERGENCY");
    expect(g.firedRules.map((r) => r.id)).toEqual(["E9"]);
  });
});

describe("E10 — sudden pain at aortic-risk age", () => {
  it("fires at 55, or 50 for a smoker, with sudden pain and tummy pain, fainting or very severe upper back pain", () => {
    expect(fired(aged(55, { pain: { onset: "sudden" }, vascular: { abdominalOrFlankPain: true } }))).toContain("E10");
    expect(
      fired(aged(50, { pain: { onset: "sudden" }, vascular: { abdominalOrFlankPain: true, smokerOrEx: true } })),
    ).toContain("E10");
    expect(fired(aged(54, { pain: { onset: "sudden" }, vascular: { abdominalOrFlankPain: true } }))).not.toContain(
      "E10",
    );
    expect(fired(aged(60, { pain: { onset: "sudden" }, vascular: { collapseOrFainting: true } }))).toContain("E10");
    expect(fired(aged(60, { pain: { onset: "sudden", locations: ["thoracic"], intensity: 8 } }))).toContain("E10");
    expect(fired(aged(60, { pain: { onset: "sudden", locations: ["thoracic"], intensity: 7 } }))).not.toContain("E10");
    expect(fired(aged(60, { pain: { onset: "gradual" }, vascular: { abdominalOrFlankPain: true } }))).not.toContain(
      "E10",
    );
  });
});

describe("E11 — 'not sure' cauda answer with bilateral leg symptoms", () => {
  it("fires when new, not when old and stable", () => {
    const legs = { legPain: "below_knee_both_sides" as const, onsetDays: { legPain: 200 } };
    expect(
      fired(calm({ cauda: { saddleNumbness: "unsure", onsetDays: { saddleNumbness: 3 }, worsening: false }, legs })),
    ).toContain("E11");
    expect(
      fired(calm({ cauda: { saddleNumbness: "unsure", onsetDays: { saddleNumbness: 100 }, worsening: false }, legs })),
    ).not.toContain("E11");
  });
});

describe("E12 — major trauma with fragile bone", () => {
  it("fires with osteoporosis or steroid tablets", () => {
    expect(
      fired(
        calm({
          pain: { trigger: "major_trauma", durationDays: 20 },
          history: { osteoporosisOrFragilityFracture: true },
        }),
      ),
    ).toContain("E12");
    expect(
      fired(
        calm({
          pain: { trigger: "minor_fall", dangerousMechanism: true, durationDays: 20 },
          history: { longTermOralSteroids: true },
        }),
      ),
    ).toContain("E12");
  });
});

describe("E13 — a core cauda symptom of any age with a deteriorating leg", () => {
  it("fires for an old, stable bladder change with new numbness in a leg", () => {
    const a = calm({
      cauda: { bladderChange: "yes", onsetDays: { bladderChange: 300 }, worsening: false },
      legs: { numbnessOrTingling: true, onsetDays: { numbness: 7 } },
    });
    expect(fired(a)).toContain("E13");
    expect(fired(a)).not.toContain("E1");
  });

  it("fires when the pain spreads down the leg, not for an old stable leg symptom", () => {
    const cauda = { bladderChange: "yes" as const, onsetDays: { bladderChange: 300 }, worsening: false };
    expect(fired(calm({ cauda, pain: { pattern: "peripheralising" } }))).toContain("E13");
    expect(fired(calm({ cauda, legs: { numbnessOrTingling: true, onsetDays: { numbness: 300 } } }))).not.toContain(
      "E13",
    );
  });
});

describe("E14 — very severe tummy or side pain at aortic-risk age", () => {
  it("fires within 14 days at 8/10, whatever the onset", () => {
    expect(
      fired(aged(60, { vascular: { abdominalOrFlankPain: true }, pain: { intensity: 8, durationDays: 14 } })),
    ).toContain("E14");
    expect(
      fired(aged(60, { vascular: { abdominalOrFlankPain: true }, pain: { intensity: 8, durationDays: 15 } })),
    ).not.toContain("E14");
    expect(
      fired(aged(60, { vascular: { abdominalOrFlankPain: true }, pain: { intensity: 7, durationDays: 5 } })),
    ).not.toContain("E14");
  });
});

describe("E15 — fever with tummy or side pain", () => {
  it("fires with either the tummy question or tummy/pelvis on the body map", () => {
    expect(fired(calm({ history: { feverChillsOrSweats: true }, vascular: { abdominalOrFlankPain: true } }))).toContain(
      "E15",
    );
    expect(
      fired(calm({ history: { feverChillsOrSweats: true }, pain: { locations: ["abdomen_or_pelvis"] } })),
    ).toContain("E15");
  });
});

describe("E16 — blood thinner with new nerve symptoms or sudden severe tummy pain", () => {
  it("fires with a new deficit within 14 days; 'not sure' about the blood thinner counts as yes", () => {
    const legs = { weakness: "one_leg_stable" as const, onsetDays: { weakness: 3 } };
    expect(fired(calm({ history: { anticoagulant: "yes" }, legs, pain: { durationDays: 5 } }))).toContain("E16");
    expect(fired(calm({ history: { anticoagulant: "unsure" }, legs, pain: { durationDays: 5 } }))).toContain("E16");
    expect(fired(calm({ history: { anticoagulant: "yes" }, legs, pain: { durationDays: 15 } }))).not.toContain("E16");
  });

  it("fires with sudden 8/10 tummy pain", () => {
    const a = calm({
      history: { anticoagulant: "yes" },
      pain: { onset: "sudden", intensity: 8, durationDays: 1 },
      vascular: { abdominalOrFlankPain: true },
    });
    expect(fired(a)).toContain("E16");
  });
});

describe("Y3 — children's emergency signs", () => {
  it.each([
    ["a fever", { history: { feverChillsOrSweats: true } }],
    ["feeling very unwell", { history: { feelsVeryUnwell: true } }],
    ["a big fall", { pain: { trigger: "major_trauma", durationDays: 20 } }],
    ["leg weakness", { legs: { weakness: "one_leg_stable", onsetDays: { weakness: 200 } } }],
    [
      "not walking normally",
      { legs: { difficultyWalking: true, walkingKinds: ["heavy_after_distance"], onsetDays: { walking: 200 } } },
    ],
  ] as const)("grades a 10-year-old with %s as EMERGENCY", (_name, overrides) => {
    const a = aged(10, overrides as never);
    expect(fired(a)).toContain("Y3");
    expect(grade(a).level).toBe("EMERGENCY");
  });

  it("does not fire at 16", () => {
    expect(fired(aged(16, { history: { feverChillsOrSweats: true } }))).not.toContain("Y3");
  });
});
