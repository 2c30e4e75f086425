// The URGENT page (triage-rules.md, "URGENT outside staffed hours", "Rule-specific URGENT pages",
// "Pregnancy"): both routes, and the one out-of-hours action chosen from the fired rules.
import { describe, expect, it } from "vitest";
import { ARM_OR_HAND, BLOOD_THINNER, BONE_STRESS, urgentAdvice, urgentRoute, type UrgentInput } from "@/lib/content";
import type { IntakeAnswers } from "@/lib/triage";
import { aged, calm, early, grade } from "../triage/calm";
import { stringsIn } from "./support";

const V = "2026.12";

/** The URGENT page for answers graded by the engine. */
function pageFor(answers: IntakeAnswers, extra: Partial<UrgentInput> = {}) {
  const g = grade(answers);
  expect(g.level, "the case must grade URGENT").toBe("URGENT");
  const firedRuleIds = g.firedRules.map((r) => r.id);
  return {
    firedRuleIds,
    page: urgentAdvice({
      firedRuleIds,
      version: V,
      answers,
      age: g.age,
      phone: "+44 7700 900123",
      clinicPhone: "020 7946 0000",
      emergencyNumber: "999",
      ...extra,
    }),
  };
}
const text = (value: unknown) => stringsIn(value).join("\n");

describe("both routes, while staffed hours are not known", () => {
  it("says a clinician will phone today on the patient's number if the clinic is open", () => {
    const { page } = pageFor(calm({ history: { feelsVeryUnwell: true } }));
    expect(page.ifOpen.title).toBe("If the clinic is open now");
    expect(page.ifOpen.points[0]).toMatch(/A clinician will phone you today on \+44 7700 900123\./);
    expect(page.ifOpen.points.join(" ")).toMatch(/call the clinic on 020 7946 0000/);
    expect(page.ifOpen.points.join(" ")).toMatch(/go to an emergency department\. Do not wait for our call/);
  });

  it("says nobody will phone until the clinic opens if it is closed or closes within 2 hours, then one action", () => {
    const { page } = pageFor(calm({ history: { feelsVeryUnwell: true } }));
    expect(page.ifClosed.title).toBe("If the clinic is closed, or closes in the next 2 hours");
    expect(page.ifClosed.points).toEqual([
      "Nobody from the clinic will phone you until it opens.",
      "Go to an emergency department now. Do not drive yourself.",
    ]);
  });
});

describe("the out-of-hours action per rule", () => {
  it("U15: contact the maternity unit now, whatever else fired", () => {
    const answers = aged(30, {
      contact: { sex: "female" },
      history: { pregnancy: "pregnant", pregnancyWarningSigns: "yes", feverChillsOrSweats: true },
    });
    const { firedRuleIds, page } = pageFor(answers);
    expect(firedRuleIds).toEqual(expect.arrayContaining(["U1", "U15"]));
    expect(page.route).toBe("maternity");
    expect(page.heading).toBe("Contact your maternity unit now");
    expect(page.ifClosed.points).toContain("Contact your maternity unit now.");
    const maternity = text(page.maternity);
    expect(maternity).toMatch(/maternity triage, or the early pregnancy unit/);
    expect(maternity).toMatch(
      /waters break, your baby is moving less than usual, you are bleeding, or you have a fever or feel very unwell/,
    );
    expect(maternity).toMatch(/The clinic will also phone you/);
    expect(text(page.ambulance)).toMatch(/bleeding heavily, you collapse or faint, or the pain is severe and constant/);
  });

  it("U17: the emergency department, and an ambulance if the pain becomes severe or you feel faint", () => {
    const { firedRuleIds, page } = pageFor(aged(60, { pain: { intensity: 8, durationDays: 3 } }));
    expect(firedRuleIds).toContain("U17");
    expect(page.route).toBe("ed");
    expect(text(page.ambulance)).toMatch(/Call 999 for an ambulance if the pain becomes severe or you feel faint/);
  });

  it("U11: the emergency department with the ambulance line at aortic-risk age, NHS 111 below it", () => {
    const tummy = { vascular: { abdominalOrFlankPain: true }, pain: { intensity: 8, durationDays: 40 } } as const;
    const older = pageFor(aged(56, tummy));
    expect(older.firedRuleIds).toContain("U11");
    expect(older.page.route).toBe("ed");
    expect(text(older.page.ambulance)).toMatch(/pain becomes severe or you feel faint/);
    const younger = pageFor(aged(30, tummy));
    expect(younger.firedRuleIds).toEqual(expect.arrayContaining(["U11"]));
    expect(younger.page.route).toBe("111");
    expect(younger.page.ambulance).toBeNull();
  });

  it("U2 (cancer with night pain): NHS 111 or the patient's own doctor's out-of-hours service", () => {
    const { firedRuleIds, page } = pageFor(
      calm({ history: { cancer: true }, pain: { nightPain: "wakes_second_half" } }),
    );
    expect(firedRuleIds).toContain("U2");
    expect(page.route).toBe("111");
    expect(page.ifClosed.points).toContain("Call NHS 111 now (in the UK), or your own doctor's out-of-hours service.");
  });

  it("U1, U10, U16: the emergency department plus the sepsis signs that mean an ambulance", () => {
    const { page } = pageFor(calm({ history: { feverChillsOrSweats: true } }));
    expect(page.route).toBe("ed");
    expect(text(page.ambulance)).toMatch(
      /confused or very sleepy, struggle to breathe or faint, or your skin looks blotchy, blue or grey/,
    );
  });

  it("Y2: the emergency department with nerve symptoms, NHS 111 without", () => {
    const numb = pageFor(aged(12, { legs: { numbnessOrTingling: true, onsetDays: { numbness: 3 } } }));
    expect(numb.firedRuleIds).toContain("Y2");
    expect(numb.page.route).toBe("ed");
    const night = pageFor(aged(12, { pain: { nightPain: "wakes_second_half" } }));
    expect(night.firedRuleIds).toEqual(["Y2", "Y1"]);
    expect(night.page.route).toBe("111");
  });

  it("X1 (an early submission no emergency rule confirmed): the emergency department", () => {
    const { firedRuleIds, page } = pageFor(early("vascular-check"));
    expect(firedRuleIds).toContain("X1");
    expect(page.route).toBe("ed");
  });

  it("routes a 2026.11 intake by the wording its own rules released", () => {
    expect(urgentRoute({ firedRuleIds: ["U1"], version: "2026.11", answers: null, age: 40 })).toBe("ed");
    expect(urgentRoute({ firedRuleIds: ["U2"], version: "2026.11", answers: null, age: 40 })).toBe("111");
    expect(urgentRoute({ firedRuleIds: ["U15"], version: "2026.11", answers: null, age: 40 })).toBe("111");
  });
});

describe("rule-specific URGENT advice", () => {
  it("U19: go now if the hand becomes weak or clumsy, the tingling spreads, or walking changes", () => {
    const { firedRuleIds, page } = pageFor(
      calm({
        legs: {
          armOrHandSymptoms: true,
          armHandKind: "numbness_or_tingling",
          armHandSide: "one_side",
          onsetDays: { armOrHand: 5 },
        },
      }),
    );
    expect(firedRuleIds).toContain("U19");
    expect(page.specific).toContain(ARM_OR_HAND);
    expect(page.route).toBe("111");
    expect(text(ARM_OR_HAND)).toMatch(
      /hand becomes weak or clumsy, or the tingling spreads to your other hand or your legs/,
    );
    expect(text(ARM_OR_HAND)).toMatch(/walking changes/);
  });

  it("U21: name the blood thinner, never stop it without a doctor, go now for weakness, numbness, tummy pain or faintness", () => {
    const { firedRuleIds, page } = pageFor(
      calm({ history: { anticoagulant: "unsure" }, pain: { onset: "sudden", intensity: 7, durationDays: 10 } }),
    );
    expect(firedRuleIds).toContain("U21");
    expect(page.specific).toContain(BLOOD_THINNER);
    expect(page.route).toBe("ed");
    expect(text(BLOOD_THINNER)).toMatch(/which blood thinner you take, and when you last took it/);
    expect(text(BLOOD_THINNER)).toMatch(/Do not stop taking it unless a doctor tells you to/);
  });

  it("U22: stop running, no weight-bearing exercise, crutches for a limp", () => {
    const { firedRuleIds, page } = pageFor(
      calm({
        pain: { locations: ["hip_or_groin"] },
        running: { isRunner: true, kmPerWeek: 30, limpOrPainOnWalking: true, priorBoneStressInjury: true },
      }),
    );
    expect(firedRuleIds).toContain("U22");
    expect(page.specific).toContain(BONE_STRESS);
    expect(text(BONE_STRESS)).toMatch(/Stop running now/);
    expect(text(BONE_STRESS)).toMatch(/weight through your legs/);
    expect(text(BONE_STRESS)).toMatch(/crutches/);
  });

  it("gives no rule-specific sections when none of those rules fired", () => {
    expect(pageFor(calm({ history: { feelsVeryUnwell: true } })).page.specific).toEqual([]);
  });
});
