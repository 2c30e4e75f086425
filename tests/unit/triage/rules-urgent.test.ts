// The URGENT rules of ruleset 2026.12, each against the words of its "fires when" cell.
import { describe, expect, it } from "vitest";
import { aged, calm, fired, firedInOrder, grade } from "./calm";

const female = (
  age: number,
  pregnancy: "pregnant" | "recently_pregnant" | "unsure" | "no",
  extra: Record<string, unknown> = {},
) =>
  aged(age, {
    contact: { sex: "female" },
    ...extra,
    history: {
      pregnancy,
      pregnancyWarningSigns: pregnancy === "pregnant" || pregnancy === "unsure" ? "no" : null,
      ...(extra.history as object),
    },
  });

describe("U1 — fever, or injecting drugs or a spinal procedure with severe or upper back pain", () => {
  it("fires for a fever alone", () => {
    expect(fired(calm({ history: { feverChillsOrSweats: true } }))).toEqual(["U1"]);
  });

  it("fires for a recent spinal procedure with 7/10 pain or upper back pain, not with 6/10 low back pain", () => {
    expect(fired(calm({ history: { recentSpinalProcedure: true }, pain: { intensity: 7 } }))).toContain("U1");
    expect(fired(calm({ history: { ivDrugUse: true }, pain: { locations: ["thoracic"] } }))).toContain("U1");
    expect(fired(calm({ history: { recentSpinalProcedure: true }, pain: { intensity: 6 } }))).toEqual(["S10"]);
  });

  it("leaves a recent infection with severe pain to U16", () => {
    const ids = fired(calm({ history: { recentInfection: true }, pain: { intensity: 7 } }));
    expect(ids).not.toContain("U1");
    expect(ids).toContain("U16");
  });
});

describe("U2 — cancer with worrying pain", () => {
  it.each([
    ["upper back pain", { pain: { locations: ["thoracic"] } }],
    ["pain getting worse", { pain: { pattern: "worsening" } }],
    ["night pain that wakes", { pain: { nightPain: "wakes_second_half" } }],
    ["pain on coughing", { pain: { worseOnCoughSneezeStrain: true } }],
    ["8/10 pain", { pain: { intensity: 8 } }],
  ] as const)("fires with %s", (_name, overrides) => {
    expect(fired(calm({ ...overrides, history: { cancer: true } }))).toContain("U2");
  });
});

describe("U3 — a possible fragility fracture", () => {
  it("fires for a minor fall from 65, in any sex, without sudden onset", () => {
    expect(fired(aged(65, { pain: { trigger: "minor_fall", dangerousMechanism: false } }))).toContain("U3");
    expect(fired(aged(64, { pain: { trigger: "minor_fall", dangerousMechanism: false } }))).not.toContain("U3");
  });

  it("fires for sudden 7/10 pain after lifting at 70, or with osteoporosis at any age", () => {
    expect(fired(aged(70, { pain: { trigger: "lifting", onset: "sudden", intensity: 7 } }))).toContain("U3");
    expect(
      fired(
        calm({
          pain: { trigger: "none", onset: "sudden", intensity: 7 },
          history: { osteoporosisOrFragilityFracture: true },
        }),
      ),
    ).toContain("U3");
  });

  it("counts a jolt in running as low-energy from 50, or with fragile bone", () => {
    const jolt = { trigger: "running" as const, dangerousMechanism: false, onset: "sudden" as const, intensity: 8 };
    expect(fired(aged(50, { pain: jolt, history: { longTermOralSteroids: true } }))).toContain("U3");
    expect(fired(calm({ pain: jolt, history: { longTermOralSteroids: true } }))).toContain("U3");
    expect(fired(aged(72, { pain: jolt }))).toContain("U3");
  });
});

describe("U4, U5, U6, U7, U8 — nerve symptoms", () => {
  it("U4: one leg getting weaker", () => {
    expect(fired(calm({ legs: { weakness: "one_leg_worsening", onsetDays: { weakness: 200 } } }))).toContain("U4");
  });

  it("U5: an old, stable core cauda symptom", () => {
    expect(fired(calm({ cauda: { bowelChange: "yes", onsetDays: { bowelChange: 40 }, worsening: false } }))).toEqual([
      "U5",
    ]);
  });

  it("U6: pain below both knees only when new or getting worse (old and stable is S12)", () => {
    expect(fired(calm({ legs: { legPain: "below_knee_both_sides", onsetDays: { legPain: 90 } } }))).toContain("U6");
    const old = calm({ legs: { legPain: "below_knee_both_sides", onsetDays: { legPain: 91 } } });
    expect(fired(old)).not.toContain("U6");
    expect(fired(old)).toContain("S12");
    expect(grade(old).level).toBe("SOON");
  });

  it("U7: a sexual change; U8: any 'not sure' cauda answer", () => {
    expect(
      fired(
        calm({ cauda: { sexualFunctionChange: "yes", onsetDays: { sexualFunctionChange: 100 }, worsening: false } }),
      ),
    ).toContain("U7");
    expect(
      fired(
        calm({ cauda: { sexualFunctionChange: "unsure", onsetDays: { sexualFunctionChange: 100 }, worsening: false } }),
      ),
    ).toEqual(["U8"]);
  });
});

describe("U9–U12 — trauma, feeling very unwell, tummy pain, collapse", () => {
  it("U9: a dangerous mechanism counts as major trauma", () => {
    expect(fired(calm({ pain: { trigger: "running", dangerousMechanism: true, durationDays: 20 } }))).toEqual(["U9"]);
  });

  it("U10: feeling very unwell, without a fever", () => {
    expect(fired(calm({ history: { feelsVeryUnwell: true } }))).toEqual(["U10"]);
  });

  it("U11: tummy pain that was sudden or 8/10", () => {
    expect(fired(calm({ vascular: { abdominalOrFlankPain: true }, pain: { onset: "sudden" } }))).toEqual(["U11"]);
    expect(fired(calm({ pain: { locations: ["abdomen_or_pelvis"], intensity: 8 } }))).toContain("U11");
    expect(fired(calm({ vascular: { abdominalOrFlankPain: true } }))).toEqual(["R1"]);
  });

  it("U12: collapse or fainting", () => {
    expect(fired(calm({ vascular: { collapseOrFainting: true } }))).toEqual(["U12"]);
  });
});

describe("U13 — numbness in both legs, new or getting worse", () => {
  it("fires for both legs or 'not sure which', not for one leg or years-old stable numbness", () => {
    expect(
      fired(calm({ legs: { numbnessOrTingling: true, numbnessLegs: "both_legs", onsetDays: { numbness: 10 } } })),
    ).toContain("U13");
    expect(
      fired(calm({ legs: { numbnessOrTingling: true, numbnessLegs: "unsure", onsetDays: { numbness: 10 } } })),
    ).toContain("U13");
    expect(
      fired(calm({ legs: { numbnessOrTingling: true, numbnessLegs: "one_leg", onsetDays: { numbness: 10 } } })),
    ).not.toContain("U13");
    const years = calm({
      legs: { numbnessOrTingling: true, numbnessLegs: "both_legs", onsetDays: { numbness: 1000 } },
    });
    expect(fired(years)).toEqual(["S12"]);
  });
});

describe("U14 — walking with a weak leg, or a new foot that catches", () => {
  it("fires for walking difficulty with one weak leg, or a new giving-way leg", () => {
    expect(
      fired(
        calm({
          legs: { difficultyWalking: true, weakness: "one_leg_stable", onsetDays: { walking: 300, weakness: 300 } },
        }),
      ),
    ).toContain("U14");
    expect(
      fired(
        calm({ legs: { difficultyWalking: true, walkingKinds: ["one_leg_gives_way"], onsetDays: { walking: 20 } } }),
      ),
    ).toContain("U14");
    expect(
      fired(
        calm({ legs: { difficultyWalking: true, walkingKinds: ["one_leg_gives_way"], onsetDays: { walking: 300 } } }),
      ),
    ).not.toContain("U14");
  });
});

describe("U15 — pregnancy with a warning feature", () => {
  it.each([
    ["tummy pain", { vascular: { abdominalOrFlankPain: true } }],
    [
      "tummy or pelvis on the map, in the last 14 days",
      { pain: { locations: ["abdomen_or_pelvis"], durationDays: 14 } },
    ],
    ["sudden pain", { pain: { onset: "sudden" } }],
    ["7/10 pain", { pain: { intensity: 7 } }],
    ["a fever", { history: { feverChillsOrSweats: true } }],
  ] as const)("fires for a pregnant woman with %s", (_name, extra) => {
    expect(fired(female(30, "pregnant", extra))).toContain("U15");
  });

  it("fires for a warning sign, or 'not sure' about one, and counts 'might be pregnant' as pregnant", () => {
    expect(
      fired(
        aged(30, { contact: { sex: "female" }, history: { pregnancy: "pregnant", pregnancyWarningSigns: "unsure" } }),
      ),
    ).toContain("U15");
    expect(fired(female(30, "unsure", { pain: { intensity: 7 } }))).toContain("U15");
    expect(fired(female(30, "recently_pregnant", { pain: { intensity: 7 } }))).toContain("U15");
  });

  it("leaves long-standing pelvic girdle pain without another feature ROUTINE", () => {
    const a = female(30, "pregnant", { pain: { locations: ["low_back", "abdomen_or_pelvis"], durationDays: 60 } });
    expect(fired(a)).toEqual(["R1"]);
  });
});

describe("U16 — infection risk with severe new or worsening pain", () => {
  it("fires for weakened immunity with 7/10 pain in the last 6 weeks, or getting worse", () => {
    expect(fired(calm({ history: { immunosuppressed: true }, pain: { intensity: 7, durationDays: 42 } }))).toContain(
      "U16",
    );
    expect(
      fired(
        calm({ history: { immunosuppressed: true }, pain: { intensity: 7, durationDays: 100, pattern: "worsening" } }),
      ),
    ).toContain("U16");
    expect(
      fired(calm({ history: { immunosuppressed: true }, pain: { intensity: 7, durationDays: 100 } })),
    ).not.toContain("U16");
  });

  it("fires for diabetes only with severe, new and worsening pain", () => {
    expect(
      fired(calm({ history: { diabetes: true }, pain: { intensity: 7, durationDays: 10, pattern: "worsening" } })),
    ).toContain("U16");
    expect(fired(calm({ history: { diabetes: true }, pain: { intensity: 7, durationDays: 10 } }))).toEqual(["S6d"]);
  });
});

describe("U17 — new severe pain or tummy pain at aortic-risk age", () => {
  it("fires for 8/10 pain in the last 14 days, not after a lift", () => {
    expect(fired(aged(60, { pain: { intensity: 8, durationDays: 14 } }))).toContain("U17");
    expect(fired(aged(60, { pain: { intensity: 8, durationDays: 14, trigger: "lifting" } }))).not.toContain("U17");
    expect(fired(aged(60, { pain: { intensity: 8, durationDays: 15 } }))).not.toContain("U17");
  });

  it("fires for sudden 7/10 pain, and for tummy pain in the last 28 days", () => {
    expect(fired(aged(58, { pain: { onset: "sudden", intensity: 7, durationDays: 3 } }))).toContain("U17");
    expect(fired(aged(58, { vascular: { abdominalOrFlankPain: true }, pain: { durationDays: 28 } }))).toContain("U17");
  });
});

describe("U18–U23", () => {
  it("U19: long-standing arm weakness, new one-sided tingling, or long-standing tingling in both hands", () => {
    const arm = (
      kind: "weakness_or_clumsiness" | "numbness_or_tingling" | "night_tingling_only",
      side: "one_side" | "both_sides",
      days: number,
    ) =>
      calm({ legs: { armOrHandSymptoms: true, armHandKind: kind, armHandSide: side, onsetDays: { armOrHand: days } } });
    expect(firedInOrder(arm("weakness_or_clumsiness", "one_side", 200))).toEqual(["U19", "S14"]);
    expect(firedInOrder(arm("numbness_or_tingling", "one_side", 10))).toEqual(["U19", "S14"]);
    expect(firedInOrder(arm("numbness_or_tingling", "both_sides", 200))).toEqual(["U19", "S14"]);
    expect(firedInOrder(arm("numbness_or_tingling", "one_side", 200))).toEqual(["S14"]);
    expect(firedInOrder(arm("night_tingling_only", "both_sides", 10))).toEqual(["S14"]);
  });

  it("U20: a recent procedure or infection with new stable weakness in one leg", () => {
    expect(
      firedInOrder(
        calm({ history: { recentInfection: true }, legs: { weakness: "one_leg_stable", onsetDays: { weakness: 20 } } }),
      ),
    ).toContain("U20");
  });

  it("U21: a blood thinner with sudden 7/10 pain in the last 14 days", () => {
    expect(
      firedInOrder(
        calm({ history: { anticoagulant: "yes" }, pain: { onset: "sudden", intensity: 7, durationDays: 14 } }),
      ),
    ).toContain("U21");
    expect(
      firedInOrder(
        calm({ history: { anticoagulant: "yes" }, pain: { onset: "gradual", intensity: 9, durationDays: 3 } }),
      ),
    ).not.toContain("U21");
  });

  it("U22: a runner with groin pain, a limp and a bone-stress feature", () => {
    const runner = { isRunner: true, limpOrPainOnWalking: true, priorBoneStressInjury: true };
    expect(firedInOrder(calm({ running: runner, pain: { locations: ["hip_or_groin"] } }))).toEqual(["U22", "S3b"]);
    expect(
      firedInOrder(calm({ running: { ...runner, limpOrPainOnWalking: false }, pain: { locations: ["hip_or_groin"] } })),
    ).toEqual(["S3b"]);
  });

  it("U23: long-standing unsteady walking", () => {
    expect(
      firedInOrder(
        calm({ legs: { difficultyWalking: true, walkingKinds: ["unsteady"], onsetDays: { walking: 200 } } }),
      ),
    ).toEqual(["U23", "S13"]);
  });

  it("Y2: under 16 with a children's red flag", () => {
    expect(firedInOrder(aged(12, { pain: { nightPain: "wakes_second_half" } }))).toEqual(["Y2", "Y1"]);
    expect(firedInOrder(aged(4))).toEqual(["Y2", "Y1"]);
    expect(firedInOrder(aged(12, { inflammatory: { morningStiffnessOver30Min: true } }))).toEqual(["Y2", "Y1"]);
    expect(firedInOrder(aged(12))).toEqual(["Y1"]);
  });
});
