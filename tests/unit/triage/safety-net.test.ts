// The rule-aware same-day safety net (triage-rules.md, "Same-day safety net").
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeIntake, SAFETY_NET_SYMPTOMS, safetyNet, withSymptom } from "@/lib/triage";
import { intakeAnswersArbitrary } from "../../support/intake-arbitrary";
import { aged, calm, early, NOW, schema } from "./calm";

const net = (a: Parameters<typeof safetyNet>[0]) => safetyNet(a, { now: NOW });

describe("same-day safety net", () => {
  it("for the calm intake, sends new confusion and new spinal-cord signs to the emergency department; the rest are same-day", () => {
    const n = net(calm());
    expect(n.goNow).toEqual(["SN_CONFUSION", "SN_WALK", "SN_ARM_WEAK"]);
    expect(n.sameDay).toEqual(["SN_FEVER", "SN_UNWELL", "SN_LEG_WEAK", "SN_ARM_TINGLE", "SN_BOTH_LEGS", "SN_NIGHT"]);
  });

  it("is worked out per patient: a fever goes under 'go now' for someone on immunosuppressants", () => {
    expect(net(calm({ history: { immunosuppressed: true } })).goNow).toContain("SN_FEVER");
    expect(net(calm()).goNow).not.toContain("SN_FEVER");
  });

  it("sends a cancer patient to the emergency department for any new nerve symptom", () => {
    const n = net(calm({ history: { cancer: true } }));
    for (const id of ["SN_LEG_WEAK", "SN_WALK", "SN_ARM_WEAK", "SN_ARM_TINGLE", "SN_BOTH_LEGS"] as const)
      expect(n.goNow).toContain(id);
  });

  it("lists a sensory symptom alone as a same-day sign for a child, and a weak leg or fever as go-now (Y3)", () => {
    const n = net(aged(12));
    expect(n.goNow).toEqual(
      expect.arrayContaining(["SN_FEVER", "SN_UNWELL", "SN_CONFUSION", "SN_LEG_WEAK", "SN_WALK"]),
    );
    expect(n.sameDay).toContain("SN_BOTH_LEGS");
  });

  it("lists every symptom under 'go now' for an early submission graded X1", () => {
    expect(net(early("nerve-check"))).toEqual({ goNow: [...SAFETY_NET_SYMPTOMS], sameDay: [] });
  });

  it("lists a symptom under 'go now' exactly when the engine grades the answers with it EMERGENCY", () => {
    fc.assert(
      fc.property(intakeAnswersArbitrary({ now: NOW }), (a) => {
        const n = net(a);
        expect([...n.goNow, ...n.sameDay].sort()).toEqual([...SAFETY_NET_SYMPTOMS].sort());
        for (const id of SAFETY_NET_SYMPTOMS) {
          const overlaid = withSymptom(a, id);
          expect(gradeIntake(overlaid, { now: NOW }).level === "EMERGENCY", id).toBe(n.goNow.includes(id));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("overlays valid answers that keep the more serious answer the patient already gave", () => {
    fc.assert(
      fc.property(intakeAnswersArbitrary({ now: NOW }), (a) => {
        for (const id of SAFETY_NET_SYMPTOMS) {
          const parsed = schema.safeParse(withSymptom(a, id));
          expect(parsed.success ? [] : parsed.error.issues, id).toEqual([]);
        }
        const legs = a.legs!;
        if (legs.weakness === "both_legs") expect(withSymptom(a, "SN_LEG_WEAK").legs!.weakness).toBe("both_legs");
        if (legs.armHandKind === "weakness_or_clumsiness")
          expect(withSymptom(a, "SN_ARM_TINGLE").legs!.armHandKind).toBe("weakness_or_clumsiness");
        if (legs.armHandSide === "both_sides")
          expect(withSymptom(a, "SN_ARM_WEAK").legs!.armHandSide).toBe("both_sides");
      }),
      { numRuns: 150 },
    );
  });
});
