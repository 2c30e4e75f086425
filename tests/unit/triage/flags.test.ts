import { describe, expect, it } from "vitest";
import { FLAG_AXSPA3, FLAG_NG12, FLAG_OUTLOOK_HIGH, FLAG_STOP_RUNNING, FLAG_VASC, FLAGS } from "@/lib/triage";
import { aged, calm, early, flagged, grade } from "./calm";

describe("clinician flags", () => {
  it("raises no flag for the calm baseline, and lists the 7 flags in spec order", () => {
    expect(flagged(calm())).toEqual([]);
    expect(FLAGS.map((f) => f.id)).toEqual([
      "FLAG_VASC",
      "FLAG_AXSPA3",
      "FLAG_NG12",
      "FLAG_STOP_RUNNING",
      "FLAG_OUTLOOK_HIGH",
      "FLAG_ANTICOAGULANT",
      "FLAG_EARLY_NOT_CONFIRMED",
    ]);
  });

  it("FLAG_VASC: raised for calf pain on walking relieved by standing; the pain rules out self-care (a vascular red-flag item)", () => {
    const g = grade(calm({ vascular: { calfPainOnWalkingRelievedByStanding: true } }));
    expect(g.flags).toEqual([{ id: "FLAG_VASC", summary: FLAG_VASC.summary }]);
    expect(g.level).toBe("ROUTINE");
  });

  it("FLAG_ANTICOAGULANT: raised for a blood thinner, or 'not sure', without ruling out self-care", () => {
    for (const anticoagulant of ["yes", "unsure"] as const) {
      const g = grade(calm({ history: { anticoagulant } }));
      expect(g.flags.map((f) => f.id)).toEqual(["FLAG_ANTICOAGULANT"]);
      expect(g.level).toBe("SELF_CARE");
    }
  });

  it("FLAG_EARLY_NOT_CONFIRMED: raised when an early submission fires no EMERGENCY rule (X1)", () => {
    expect(flagged(early("nerve-check"))).toEqual(["FLAG_EARLY_NOT_CONFIRMED"]);
    expect(flagged(early("vascular-check", { vascular: { suddenSevereTearingPain: true } }))).toEqual([]);
  });

  describe("FLAG_AXSPA3", () => {
    const three = { onsetAge: 40, wakingSecondHalfOfNight: true, buttockPain: true, arthritisHistory: true };
    it("is raised with exactly 3 features after 91 days, and S4 does not fire", () => {
      const g = grade(aged(48, { inflammatory: three, pain: { durationDays: 91 } }));
      expect(g.flags.map((f) => f.id)).toEqual([FLAG_AXSPA3.id]);
      expect(g.firedRules.map((r) => r.id)).toEqual(["R1"]);
    });

    it("is not raised with 4 features (S4 instead), 2 features, after 90 days, or for onset at 45", () => {
      expect(
        flagged(aged(48, { inflammatory: { ...three, enthesitisHistory: true }, pain: { durationDays: 91 } })),
      ).toEqual([]);
      expect(
        flagged(aged(48, { inflammatory: { ...three, arthritisHistory: false }, pain: { durationDays: 91 } })),
      ).toEqual([]);
      expect(flagged(aged(48, { inflammatory: three, pain: { durationDays: 90 } }))).toEqual([]);
      expect(flagged(aged(48, { inflammatory: { ...three, onsetAge: 45 }, pain: { durationDays: 91 } }))).toEqual([]);
    });
  });

  describe("FLAG_NG12", () => {
    it("is raised at 60 with 42 days of pain, not at 59 the day before the birthday, not at 41 days", () => {
      expect(flagged(aged(60, { pain: { durationDays: 42 } }))).toEqual([FLAG_NG12.id]);
      expect(flagged(aged(60, { pain: { durationDays: 42 } }, true))).toEqual([]);
      expect(flagged(aged(60, { pain: { durationDays: 41 } }))).toEqual([]);
    });

    it("is raised at 60 for unexplained weight loss", () => {
      expect(flagged(aged(60, { history: { unexplainedWeightLoss: true } }))).toContain(FLAG_NG12.id);
    });
  });

  describe("FLAG_STOP_RUNNING", () => {
    it("is raised when S3a fires and when S3b fires, not otherwise for runners", () => {
      expect(flagged(aged(16, { pain: { durationDays: 21 } }))).toEqual([FLAG_STOP_RUNNING.id]);
      expect(flagged(calm({ running: { isRunner: true, painOnHopping: true } }))).toEqual([FLAG_STOP_RUNNING.id]);
      expect(flagged(calm({ running: { isRunner: true, kmPerWeek: 30, painOnExtension: true } }))).toEqual([]);
    });

    it("is raised when S3c (pain arching backwards at 18 or under) or U22 (a runner's groin pain with a limp) fires", () => {
      expect(flagged(aged(17, { running: { painOnExtension: true } }))).toEqual([FLAG_STOP_RUNNING.id]);
      expect(
        flagged(
          calm({
            pain: { locations: ["hip_or_groin"] },
            running: { isRunner: true, limpOrPainOnWalking: true, lowEnergyOrMenstrualChanges: true },
          }),
        ),
      ).toEqual([FLAG_STOP_RUNNING.id]);
    });
  });

  describe("FLAG_OUTLOOK_HIGH", () => {
    const items = (psychosocialAgreed: number) =>
      [true, true, false, false, ...[0, 1, 2, 3].map((i) => i < psychosocialAgreed)] as [
        boolean,
        boolean,
        boolean,
        boolean,
        boolean,
        boolean,
        boolean,
        boolean,
      ];

    it("is raised for a psychosocial score of 4, not 3", () => {
      expect(flagged(calm({ outlook: { items: items(4), bothersomeness: "slightly" } }))).toEqual([
        FLAG_OUTLOOK_HIGH.id,
      ]);
      expect(flagged(calm({ outlook: { items: items(3), bothersomeness: "slightly" } }))).toEqual([]);
    });

    it("counts the item-9 point towards the psychosocial score", () => {
      expect(flagged(calm({ outlook: { items: items(3), bothersomeness: "very_much" } }))).toEqual([
        FLAG_OUTLOOK_HIGH.id,
      ]);
    });
  });
});
