import { describe, expect, it } from "vitest";
import { aged, calm, fired, grade } from "./calm";

describe("S1 — possible serious cause in someone older", () => {
  it("fires for weight loss at 50, not at 49 the day before the birthday", () => {
    expect(grade(aged(50, { history: { unexplainedWeightLoss: true } })).level).toBe("SOON");
    expect(fired(aged(50, { history: { unexplainedWeightLoss: true } }))).toEqual(["S1"]);
    expect(fired(aged(50, { history: { unexplainedWeightLoss: true } }, true))).not.toContain("S1");
  });

  it("fires at 50 for constant night pain", () => {
    expect(fired(aged(50, { pain: { nightPain: "constant_unrelieved" } }))).toContain("S1");
  });

  it("fires at 50 for pain worsening for 28 days, not 27", () => {
    expect(fired(aged(50, { pain: { durationDays: 28, pattern: "worsening" } }))).toContain("S1");
    expect(fired(aged(50, { pain: { durationDays: 27, pattern: "worsening" } }))).not.toContain("S1");
  });

  it("fires at any age for weight loss with constant night pain, not for either alone", () => {
    expect(
      fired(aged(30, { history: { unexplainedWeightLoss: true }, pain: { nightPain: "constant_unrelieved" } })),
    ).toContain("S1");
    expect(fired(aged(30, { history: { unexplainedWeightLoss: true } }))).not.toContain("S1");
    expect(fired(aged(30, { pain: { nightPain: "constant_unrelieved" } }))).not.toContain("S1");
  });
});

describe("S2 — significant sciatica", () => {
  const sciatica = { legPain: "below_knee_one_side" } as const;

  it("fires at intensity 7, not 6", () => {
    expect(fired(calm({ legs: sciatica, pain: { intensity: 7 } }))).toEqual(["S2"]);
    expect(fired(calm({ legs: sciatica, pain: { intensity: 6 } }))).not.toContain("S2");
  });

  it("fires for a function score of 42% (severe), not 40% (moderate)", () => {
    expect(fired(calm({ legs: sciatica, function: { sections: [5, 5, 5, 5, 1, 0, 0, 0, 0, 0] } }))).toContain("S2");
    expect(fired(calm({ legs: sciatica, function: { sections: [5, 5, 5, 5, 0, 0, 0, 0, 0, 0] } }))).not.toContain("S2");
  });

  it("fires after 42 days unless improving or centralising, not after 41", () => {
    expect(fired(calm({ legs: sciatica, pain: { durationDays: 42, pattern: "stable" } }))).toContain("S2");
    expect(fired(calm({ legs: sciatica, pain: { durationDays: 41, pattern: "stable" } }))).not.toContain("S2");
    expect(fired(calm({ legs: sciatica, pain: { durationDays: 42, pattern: "improving" } }))).not.toContain("S2");
    expect(fired(calm({ legs: sciatica, pain: { durationDays: 42, pattern: "centralising" } }))).not.toContain("S2");
  });

  it("needs pain below the knee", () => {
    expect(fired(calm({ legs: { legPain: "above_knee" }, pain: { intensity: 9 } }))).not.toContain("S2");
  });
});

describe("S3a — persistent back pain in a young person", () => {
  it("fires at 18 (the day before turning 19), not at 19", () => {
    expect(fired(aged(19, { pain: { durationDays: 21 } }, true))).toEqual(["S3a"]);
    expect(fired(aged(19, { pain: { durationDays: 21 } }))).not.toContain("S3a");
  });

  it("fires after 21 days, not 20", () => {
    expect(fired(aged(15, { pain: { durationDays: 20 } }))).not.toContain("S3a");
  });
});

describe("S3b — possible bone stress injury in a runner", () => {
  const runner = { isRunner: true, kmPerWeek: 50 };
  it.each(["painOnHopping", "lowEnergyOrMenstrualChanges", "priorBoneStressInjury"] as const)(
    "fires for a runner with %s",
    (sign) => {
      expect(fired(calm({ running: { ...runner, [sign]: true } }))).toEqual(["S3b"]);
    },
  );

  it("fires for buttock pain, not for upper back pain only, nor for a non-runner", () => {
    expect(fired(calm({ running: { ...runner, painOnHopping: true }, pain: { locations: ["buttock"] } }))).toContain(
      "S3b",
    );
    expect(
      fired(calm({ running: { ...runner, painOnHopping: true }, pain: { locations: ["thoracic"] } })),
    ).not.toContain("S3b");
    expect(fired(calm({ running: { painOnHopping: true } }))).not.toContain("S3b");
  });

  it.each(["abdomen_or_pelvis", "hip_or_groin", "low_back"] as const)("fires for pain in the %s too", (place) => {
    expect(
      fired(calm({ running: { ...runner, priorBoneStressInjury: true }, pain: { locations: [place] } })),
    ).toContain("S3b");
  });
});

describe("S3c — pain arching backwards at 18 or under", () => {
  it("fires at 18 for runners and non-runners, not at 19", () => {
    expect(fired(aged(18, { running: { painOnExtension: true } }))).toEqual(["S3c"]);
    expect(fired(aged(15, { running: { isRunner: true, painOnExtension: true } }))).toEqual(["S3c", "Y1"]);
    expect(fired(aged(19, { running: { isRunner: true, painOnExtension: true } }))).toEqual(["C1"]);
  });
});

describe("S4 — inflammatory back pain (NICE NG65)", () => {
  const three = { wakingSecondHalfOfNight: true, improvesWithMovement: true, nsaidResponse48h: true };
  const four = { ...three, psoriasisHistory: true };
  // Old enough that any onset age under test is possible (onset cannot come after today's age).
  const adult = (o: Parameters<typeof aged>[1]) => aged(48, o);

  it("fires for onset at 44 with 4 features after 91 days, not for onset at 45", () => {
    expect(fired(adult({ inflammatory: { onsetAge: 44, ...four }, pain: { durationDays: 91 } }))).toEqual(["S4"]);
    expect(fired(adult({ inflammatory: { onsetAge: 45, ...four }, pain: { durationDays: 91 } }))).not.toContain("S4");
  });

  it("does not fire after 90 days, nor with 3 features, nor with an unknown onset age", () => {
    expect(fired(adult({ inflammatory: { onsetAge: 44, ...four }, pain: { durationDays: 90 } }))).not.toContain("S4");
    expect(fired(adult({ inflammatory: { onsetAge: 44, ...three }, pain: { durationDays: 91 } }))).not.toContain("S4");
    expect(
      fired(adult({ inflammatory: { onsetAge: null, ...four, buttockPain: true }, pain: { durationDays: 91 } })),
    ).not.toContain("S4");
  });

  it("counts onset before 35 as a feature: onset at 34 fires with 3 others, 35 does not", () => {
    expect(fired(adult({ inflammatory: { onsetAge: 34, ...three }, pain: { durationDays: 91 } }))).toContain("S4");
    expect(fired(adult({ inflammatory: { onsetAge: 35, ...three }, pain: { durationDays: 91 } }))).not.toContain("S4");
  });

  it("does not count morning stiffness as a feature", () => {
    const a = adult({
      inflammatory: { onsetAge: 40, ...three, morningStiffnessOver30Min: true },
      pain: { durationDays: 91 },
    });
    expect(fired(a)).not.toContain("S4");
  });
});

describe("S5 — first ever back pain at 60 or over", () => {
  it("fires at 60, not at 59 the day before the birthday", () => {
    expect(fired(aged(60, { pain: { previousEpisodes: false } }))).toEqual(["S5"]);
    expect(fired(aged(60, { pain: { previousEpisodes: false } }, true))).not.toContain("S5");
  });

  it("does not fire after earlier episodes; fires for a first episode in any part of the back", () => {
    expect(fired(aged(65, { pain: { previousEpisodes: true } }))).not.toContain("S5");
    expect(fired(aged(65, { pain: { previousEpisodes: false, locations: ["thoracic"] } }))).toContain("S5");
    expect(fired(aged(65, { pain: { previousEpisodes: false, locations: ["buttock"] } }))).toContain("S5");
  });
});

describe("S6 — weakened immunity or fragile bones", () => {
  it.each(["immunosuppressed", "longTermOralSteroids", "osteoporosisOrFragilityFracture"] as const)(
    "fires for %s",
    (risk) => {
      expect(fired(calm({ history: { [risk]: true } }))).toEqual(["S6"]);
    },
  );
});

describe("S6d — diabetes with new severe pain", () => {
  it("fires at 42 days, not 43", () => {
    expect(fired(calm({ history: { diabetes: true }, pain: { durationDays: 42, intensity: 7 } }))).toEqual(["S6d"]);
    expect(fired(calm({ history: { diabetes: true }, pain: { durationDays: 43, intensity: 7 } }))).not.toContain("S6d");
  });

  it("fires at intensity 7, not 6", () => {
    expect(fired(calm({ history: { diabetes: true }, pain: { intensity: 6 } }))).not.toContain("S6d");
  });
});

describe("S7 — cancer history", () => {
  it("grades a history of cancer with calm pain as SOON", () => {
    const g = grade(calm({ history: { cancer: true } }));
    expect(g.level).toBe("SOON");
    expect(g.firedRules.map((r) => r.id)).toEqual(["S7"]);
  });
});

describe("S8 — possible fracture in a woman over 50", () => {
  const sudden = { onset: "sudden", intensity: 7, trigger: "none" } as const;
  it("fires at 50, not at 49 the day before the birthday", () => {
    expect(fired(aged(50, { contact: { sex: "female" }, pain: sudden }))).toEqual(["S8"]);
    expect(fired(aged(50, { contact: { sex: "female" }, pain: sudden }, true))).not.toContain("S8");
  });

  it("does not fire at intensity 6 or for men; fires for sex 'other', after a jolt while running, and after a minor fall", () => {
    expect(fired(aged(55, { contact: { sex: "female" }, pain: { ...sudden, intensity: 6 } }))).not.toContain("S8");
    expect(fired(aged(55, { contact: { sex: "male" }, pain: sudden }))).not.toContain("S8");
    expect(fired(aged(55, { contact: { sex: "other" }, pain: sudden }))).toContain("S8");
    expect(
      fired(
        aged(55, { contact: { sex: "female" }, pain: { ...sudden, trigger: "running", dangerousMechanism: false } }),
      ),
    ).toContain("S8");
    expect(
      fired(
        aged(55, {
          contact: { sex: "female" },
          pain: { intensity: 7, onset: "gradual", trigger: "minor_fall", dangerousMechanism: false },
        }),
      ),
    ).toContain("S8");
  });

  it("does not fire after a dangerous mechanism (major trauma is E7/U9)", () => {
    expect(
      fired(
        aged(55, { contact: { sex: "female" }, pain: { ...sudden, trigger: "minor_fall", dangerousMechanism: true } }),
      ),
    ).not.toContain("S8");
  });
});

describe("S9–S14 — floors under the nerve and vascular rules", () => {
  it("S9: stable weakness in one leg is at least SOON (2026.11 said SELF_CARE)", () => {
    const a = calm({ legs: { weakness: "one_leg_stable", onsetDays: { weakness: 200 } } });
    expect(fired(a)).toEqual(["S9"]);
    expect(grade(a).level).toBe("SOON");
  });

  it.each(["ivDrugUse", "recentSpinalProcedure", "recentInfection"] as const)("S10: %s alone is SOON", (risk) => {
    expect(fired(calm({ history: { [risk]: true } }))).toEqual(["S10"]);
  });

  it("S11: a known aneurysm is at least SOON", () => {
    expect(fired(calm({ vascular: { knownAaa: true }, pain: { durationDays: 200 } }))).toEqual(["S11"]);
  });

  it("S12: pain below both knees or numbness in both legs, however old", () => {
    expect(
      fired(calm({ legs: { numbnessOrTingling: true, numbnessLegs: "both_legs", onsetDays: { numbness: 3000 } } })),
    ).toEqual(["S12"]);
    expect(fired(calm({ legs: { legPain: "below_knee_both_sides", onsetDays: { legPain: 3000 } } }))).toEqual(["S12"]);
  });

  it("S13: any change in walking; S14: any arm or hand symptom", () => {
    expect(
      fired(
        calm({
          legs: { difficultyWalking: true, walkingKinds: ["heavy_after_distance"], onsetDays: { walking: 300 } },
        }),
      ),
    ).toEqual(["S13"]);
    expect(
      fired(
        calm({
          legs: {
            armOrHandSymptoms: true,
            armHandKind: "night_tingling_only",
            armHandSide: "one_side",
            onsetDays: { armOrHand: 5 },
          },
        }),
      ),
    ).toEqual(["S14"]);
  });
});

describe("Y1 — the under-16 route", () => {
  it("fires for everyone under 16 and never at 16", () => {
    expect(fired(aged(15))).toEqual(["Y1"]);
    expect(grade(aged(15)).level).toBe("SOON");
    expect(fired(aged(16))).toEqual(["C1"]);
    expect(fired(aged(16, {}, true))).toEqual(["Y1"]);
  });
});
