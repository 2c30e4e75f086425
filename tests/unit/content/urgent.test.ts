// The URGENT page (triage-rules.md, "URGENT outside staffed hours", "Rule-specific URGENT pages",
// "Pregnancy"): both routes, and the one out-of-hours action chosen from the fired rules.
import { describe, expect, it } from "vitest";
import {
  ARM_OR_HAND,
  BLOOD_THINNER,
  BONE_STRESS,
  MATERNITY,
  minutesInWords,
  urgentAdvice,
  urgentCallText,
  urgentRoute,
  type UrgentInput,
} from "@/lib/content";
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

describe("the clinic's hours as the page is shown", () => {
  const unwell = () => calm({ history: { feelsVeryUnwell: true } }); // route "ed"
  const nightPain = () => calm({ history: { cancer: true }, pain: { nightPain: "wakes_second_half" } }); // route "111"
  const closed = { state: "closed", opensAt: "tomorrow at 8:00 am" } as const;
  const promisesToday = /(call|phone) you today/;

  it("open: a clinician phones within the acknowledgement time, during opening hours; no both routes", () => {
    const { page } = pageFor(unwell(), { hours: { state: "open", ackMinutes: 120 } });
    expect(page.now).toEqual({
      id: "open_now",
      title: "The clinic is open now",
      points: [
        "A clinician will phone you within 2 hours, during opening hours, on +44 7700 900123. If this number is wrong, call the clinic to give us the right one.",
        "Keep your phone with you. Answer calls, even from numbers you do not know.",
        "If no one has called you within 2 hours, call the clinic on 020 7946 0000.",
        "If a warning sign appears or you get worse, go to an emergency department. Do not wait for our call.",
      ],
    });
  });

  it("closed, out-of-hours route: when it opens, nobody phones before then, the out-of-hours number and the emergency number", () => {
    const { page } = pageFor(nightPain(), { hours: closed, outOfHoursPhone: " NHS 111 " });
    expect(page.route).toBe("111");
    expect(page.now).toEqual({
      id: "closed_now",
      title: "The clinic is closed now",
      points: [
        "The clinic is closed now. It opens again tomorrow at 8:00 am.",
        "Nobody from the clinic will phone you until it opens.",
        "Do not wait until the clinic opens. Call NHS 111 now.",
        "If you get worse, or you get any of the warning signs below, call 999 or go to an emergency department now.",
      ],
    });
  });

  it("closed with no out-of-hours number set: NHS 111 or the patient's own doctor, as before", () => {
    const { page } = pageFor(nightPain(), { hours: closed, outOfHoursPhone: null, emergencyNumber: null });
    expect(page.now?.points.slice(2)).toEqual([
      "Do not wait until the clinic opens. Call NHS 111 now (in the UK), or your own doctor's out-of-hours service.",
      "If you get worse, or you get any of the warning signs below, call the emergency number or go to an emergency department now.",
    ]);
  });

  it("closed, emergency-department route: the one action stays going now", () => {
    const { page } = pageFor(unwell(), { hours: { state: "closed", opensAt: null }, outOfHoursPhone: "NHS 111" });
    expect(page.now?.points).toEqual([
      "The clinic is closed now.",
      "Nobody from the clinic will phone you until it opens.",
      "Go to an emergency department now. Do not drive yourself.",
    ]);
  });

  it("closing before the acknowledgement time is up: when it closes and opens, and the out-of-hours action", () => {
    const { page } = pageFor(nightPain(), {
      hours: { state: "closing", closesAt: "today at 6:00 pm", opensAt: "on Monday 7 December at 8:00 am" },
      outOfHoursPhone: "the on-call clinician at +1 212 555 0199",
    });
    expect(page.now?.title).toBe("The clinic closes soon");
    expect(page.now?.points).toEqual([
      "The clinic closes today at 6:00 pm, so a clinician may not be able to phone you before then.",
      "It opens again on Monday 7 December at 8:00 am.",
      "Nobody from the clinic will phone you while it is closed.",
      "Do not wait until the clinic opens. Call the on-call clinician at +1 212 555 0199 now.",
      "If you get worse, or you get any of the warning signs below, call 999 or go to an emergency department now.",
    ]);
  });

  it("promises no call today anywhere while closed: the maternity, arm or hand and bone-stress lines wait for opening", () => {
    const maternity = pageFor(
      aged(30, {
        contact: { sex: "female" },
        history: { pregnancy: "pregnant", pregnancyWarningSigns: "yes", feverChillsOrSweats: true },
      }),
      { hours: closed },
    ).page;
    expect(maternity.maternity?.points).toContain("The clinic will also phone you after it opens.");
    const arm = pageFor(
      calm({
        legs: {
          armOrHandSymptoms: true,
          armHandKind: "numbness_or_tingling",
          armHandSide: "one_side",
          onsetDays: { armOrHand: 5 },
        },
      }),
      { hours: closed },
    ).page;
    expect(arm.specific[0]?.points[0]).toBe(
      "A clinician will call you after the clinic opens to check your arm or hand symptoms.",
    );
    const bone = pageFor(
      calm({
        pain: { locations: ["hip_or_groin"] },
        running: { isRunner: true, kmPerWeek: 30, limpOrPainOnWalking: true, priorBoneStressInjury: true },
      }),
      { hours: { state: "closing", closesAt: "today at 6:00 pm", opensAt: null } },
    ).page;
    expect(bone.specific.at(-1)?.points.at(-1)).toBe("A clinician will call you after the clinic opens.");
    for (const page of [maternity, arm, bone]) {
      expect(text([page.now, page.maternity, page.specific])).not.toMatch(promisesToday);
    }
  });

  it("keeps the rule-specific sections as they are while the clinic is open", () => {
    const { page } = pageFor(
      calm({
        pain: { locations: ["hip_or_groin"] },
        running: { isRunner: true, kmPerWeek: 30, limpOrPainOnWalking: true, priorBoneStressInjury: true },
      }),
      { hours: { state: "open", ackMinutes: 90 } },
    );
    expect(page.specific).toContain(BONE_STRESS);
    expect(page.now?.points[0]).toMatch(
      /^A clinician will phone you within 1 hour and 30 minutes, during opening hours,/,
    );
  });

  it("gives both routes, with the out-of-hours number, when the hours are not known", () => {
    const { page } = pageFor(nightPain(), { outOfHoursPhone: "NHS 111" });
    expect(page.now).toBeNull();
    expect(page.ifOpen.points[0]).toBe(urgentCallText("+44 7700 900123"));
    expect(page.ifClosed.points).toEqual([
      "Nobody from the clinic will phone you until it opens.",
      "Call NHS 111 now.",
    ]);
    expect(pageFor(nightPain(), { hours: null }).page.maternity).toBeNull();
    expect(MATERNITY.points).toContain("The clinic will also phone you.");
  });

  it("words the acknowledgement time in hours and minutes", () => {
    expect([15, 1, 60, 61, 90, 120, 1440].map(minutesInWords)).toEqual([
      "15 minutes",
      "1 minute",
      "1 hour",
      "1 hour and 1 minute",
      "1 hour and 30 minutes",
      "2 hours",
      "24 hours",
    ]);
  });
});
