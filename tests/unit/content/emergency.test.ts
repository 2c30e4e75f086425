// The EMERGENCY cards (triage-rules.md, "What each card must say"): which cards, the first
// instruction, and every "must not". Answers are built with the engine's calm baseline and graded
// by the engine, so each case is a real 2026.12 intake.
import { describe, expect, it } from "vitest";
import {
  ADULT_GOES_TOO,
  CARD_IDS,
  CLINIC_NOT_TOLD_YET,
  CLINIC_TOLD,
  emergencyAdvice,
  emergencyCardIds,
  parseCardIds,
  type EmergencyAdvice,
} from "@/lib/content";
import { RULESETS, type IntakeAnswers } from "@/lib/triage";
import { aged, calm, grade, type Overrides } from "../triage/calm";
import { stringsIn } from "./support";

const V = "2026.12";

/** The advice for answers graded by the engine, as the result page shows it (sent, with 999). */
function adviceFor(
  answers: IntakeAnswers,
  extra: { sent?: boolean; emergencyNumber?: string | null } = {},
): EmergencyAdvice {
  const g = grade(answers);
  expect(g.level, "the case must grade EMERGENCY").toBe("EMERGENCY");
  return emergencyAdvice({
    firedRuleIds: g.firedRules.map((r) => r.id),
    version: V,
    answers,
    age: g.age,
    emergencyNumber: extra.emergencyNumber === undefined ? "999" : extra.emergencyNumber,
    sent: extra.sent ?? true,
  });
}
const textOf = (a: EmergencyAdvice) => stringsIn(a).join("\n");
const at = (age: number, o: Overrides = {}) => aged(age, o);

const AORTIC = () => calm({ vascular: { suddenSevereTearingPain: true } });
const CAUDA = () => calm({ cauda: { bladderChange: "yes", onsetDays: { bladderChange: 2 }, worsening: true } });
const CORD = () =>
  calm({
    legs: {
      armOrHandSymptoms: true,
      armHandKind: "weakness_or_clumsiness",
      onsetDays: { armOrHand: 3 },
      worsening: true,
    },
  });
const CONFUSED = () => calm({ history: { newConfusion: true } });
const FRACTURE = () => calm({ pain: { trigger: "major_trauma", intensity: 7, durationDays: 5 } });
const MSCC = () =>
  calm({ history: { cancer: true }, legs: { numbnessOrTingling: true, onsetDays: { numbness: 5 }, worsening: true } });
// A blood thinner and sudden very severe tummy pain, at 35 (below the aortic-risk age).
const BLEEDING = () =>
  calm({
    history: { anticoagulant: "yes" },
    pain: { onset: "sudden", intensity: 8, durationDays: 3 },
    vascular: { abdominalOrFlankPain: true },
  });

describe("which cards", () => {
  it("orders the cards aortic, bleeding, fracture, spinal cord, cancer, infection, cauda equina", () => {
    expect(CARD_IDS).toEqual(["aortic", "bleeding", "fracture", "cord", "mscc", "infection", "cauda"]);
  });

  it("has a card for every EMERGENCY rule of every released ruleset", () => {
    for (const { version, rules } of RULESETS) {
      for (const rule of rules.filter((r) => r.level === "EMERGENCY")) {
        expect(
          emergencyCardIds({ firedRuleIds: [rule.id], version, answers: null }),
          `${version} ${rule.id}`,
        ).not.toEqual([]);
      }
    }
  });

  it("reads each rule's card from the intake's own version, and ignores ids that version never had", () => {
    expect(emergencyCardIds({ firedRuleIds: ["E6"], version: "2026.11", answers: null })).toEqual(["aortic"]);
    expect(
      emergencyCardIds({ firedRuleIds: ["E16", "U1", "S3b", "C1", "constructor"], version: "2026.11", answers: null }),
    ).toEqual([]);
    expect(emergencyCardIds({ firedRuleIds: ["E16"], version: V, answers: null })).toEqual(["bleeding"]);
  });

  it("puts the main card first whatever order the rules come in", () => {
    expect(emergencyCardIds({ firedRuleIds: ["E1", "E5", "E8", "E9"], version: V, answers: null })).toEqual([
      "aortic",
      "cord",
      "infection",
      "cauda",
    ]);
  });

  it("gives a child (Y3) the card of each emergency sign: infection, fracture, spinal cord", () => {
    const ids = (o: Overrides) => {
      const a = at(12, o);
      return emergencyCardIds({ firedRuleIds: grade(a).firedRules.map((r) => r.id), version: V, answers: a, age: 12 });
    };
    expect(ids({ history: { feverChillsOrSweats: true } })).toContain("infection");
    expect(ids({ history: { feelsVeryUnwell: true } })).toContain("infection");
    expect(ids({ pain: { trigger: "major_trauma" } })).toContain("fracture");
    expect(ids({ legs: { weakness: "one_leg_stable", onsetDays: { weakness: 200 } } })).toContain("cord");
    expect(ids({ history: { feverChillsOrSweats: true }, pain: { trigger: "major_trauma" } })).toEqual(
      expect.arrayContaining(["fracture", "infection"]),
    );
  });
});

describe("the aortic card", () => {
  it("starts with calling an ambulance now, with a call button", () => {
    const a = adviceFor(AORTIC());
    expect(a.cards[0]).toBe("aortic");
    expect(a.first.heading).toBe("Call an ambulance now");
    expect(a.first.lines[0]).toBe("Call 999 now and ask for an ambulance.");
    expect(a.first.ambulance).toBe(true);
    expect(a.call).toEqual({ label: "Call 999", href: "tel:999" });
  });

  it("never mentions a taxi and never sends the patient to the emergency department by themselves", () => {
    const text = textOf(adviceFor(AORTIC()));
    expect(text).not.toMatch(/taxi/i);
    expect(text).not.toMatch(/go to (an|the) emergency department/i);
    expect(text).toMatch(/Do not travel by yourself/);
    expect(text).toMatch(/Do not eat or drink/);
    expect(text).toMatch(/Unlock the door/);
    expect(text).toMatch(/call handler .* aneurysm .* blood thinner/);
  });

  it("leads the page when other cards apply too, and their ambulance conditions are dropped (one is on its way)", () => {
    const answers = calm({
      vascular: { suddenSevereTearingPain: true },
      cauda: { bladderChange: "yes", onsetDays: { bladderChange: 2 }, worsening: true },
    });
    const a = adviceFor(answers);
    expect(a.cards).toEqual(["aortic", "cauda"]);
    expect(a.main.id).toBe("aortic");
    expect(a.others.map((o) => o.id)).toEqual(["cauda"]);
    expect(a.others[0]!.tellStaff.join(" ")).toMatch(/cauda equina/);
    expect(a.others[0]!.steps.join(" ")).not.toMatch(/for an ambulance if/);
  });
});

describe("the bleeding card", () => {
  it("starts with its ambulance conditions, otherwise the emergency department, and no driving", () => {
    const a = adviceFor(BLEEDING());
    expect(a.main.id).toBe("bleeding");
    expect(a.first.kind).toBe("call_if");
    expect(a.first.lines[0]).toBe(
      "Call 999 for an ambulance now if your legs are weak, you cannot walk safely, or you feel faint.",
    );
    expect(a.first.lines[1]).toBe("Otherwise, go to an emergency department now. Do not drive yourself.");
    expect(a.first.ambulance).toBe(true);
  });

  it("calls an ambulance now when the patient already said a leg is weak", () => {
    const a = adviceFor(
      calm({
        history: { anticoagulant: "yes" },
        pain: { durationDays: 5 },
        legs: { weakness: "one_leg_stable", onsetDays: { weakness: 2 } },
      }),
    );
    expect(a.main.id).toBe("bleeding");
    expect(a.first).toMatchObject({ kind: "call_now", heading: "Call an ambulance now" });
  });

  it("asks for the medicine's name and last dose, and never suggests stopping it or waiting for the clinic", () => {
    const a = adviceFor(BLEEDING());
    expect(a.main.tellStaff.join(" ")).toMatch(/name of your blood thinner and when you last took it/);
    const text = textOf(a);
    expect(text).toMatch(/Do not stop taking your blood thinner unless a doctor tells you to/);
    expect(text).not.toMatch(/\bstop (taking )?(it|your blood thinner)\b(?! unless)/i);
    expect(text).toMatch(/Do not wait for the clinic/);
  });
});

describe("the fracture card", () => {
  it("says stay still and call an ambulance for numbness, weakness or severe pain on moving; otherwise go now, not a minor injuries unit", () => {
    const a = adviceFor(FRACTURE());
    expect(a.main.id).toBe("fracture");
    expect(a.first.kind).toBe("call_if");
    expect(a.first.lines[0]).toMatch(
      /^If you have numbness or weakness, or moving causes severe pain, stay still and call 999 for an ambulance now\.$/,
    );
    expect(a.first.lines[1]).toMatch(
      /go to an emergency department now, not a minor injuries unit\. Do not drive yourself\./,
    );
    expect(textOf(a)).toMatch(/Do not try to walk it off/);
  });

  it("calls an ambulance now when the injured patient has numbness", () => {
    const a = adviceFor(
      calm({
        pain: { trigger: "major_trauma", intensity: 7 },
        legs: { numbnessOrTingling: true, onsetDays: { numbness: 1 } },
      }),
    );
    expect(a.first).toMatchObject({ kind: "call_now", heading: "Stay still and call an ambulance now" });
  });
});

describe("the spinal cord card", () => {
  it("sends the patient to the emergency department now, with an ambulance if walking is unsafe", () => {
    const a = adviceFor(CORD());
    expect(a.main.id).toBe("cord");
    expect(a.first.heading).toBe("Go to an emergency department now");
    expect(a.first.lines).toContain("Do not drive yourself.");
    expect(a.first.lines.join(" ")).toMatch(/ambulance if you cannot walk safely/);
    expect(a.main.tellStaff.join(" ")).toMatch(/new arm or hand symptoms/);
  });

  it("never names cauda equina or the nerves at the bottom of the spine", () => {
    const text = textOf(adviceFor(CORD()));
    expect(text).not.toMatch(/cauda/i);
    expect(text).not.toMatch(/bottom of your spine/i);
  });
});

describe("the cancer (metastatic spinal cord compression) card", () => {
  it("starts with the cancer team's helpline and the emergency department, not waiting for a call back", () => {
    const a = adviceFor(MSCC());
    expect(a.main.id).toBe("mscc");
    expect(a.first.heading).toBe("Go to an emergency department now");
    expect(a.first.lines[0]).toMatch(/24-hour helpline from your cancer team/);
    expect(a.first.lines.join(" ")).toMatch(/do not wait for a call back/);
    expect(a.main.tellStaff.join(" ")).toMatch(/had cancer, and which kind/);
    expect(textOf(a)).toMatch(/lie flat and call 999/);
  });

  it("calls an ambulance now when the legs are weak", () => {
    const a = adviceFor(
      calm({ history: { cancer: true }, legs: { weakness: "one_leg_stable", onsetDays: { weakness: 4 } } }),
    );
    expect(a.main.id).toBe("mscc");
    expect(a.first.kind).toBe("call_now");
  });
});

describe("the infection card", () => {
  it("calls an ambulance now when the patient has new confusion", () => {
    const a = adviceFor(CONFUSED());
    expect(a.main.id).toBe("infection");
    expect(a.first).toMatchObject({ kind: "call_now", heading: "Call an ambulance now", ambulance: true });
    expect(a.first.lines[0]).toBe("Call 999 now and ask for an ambulance.");
  });

  it("otherwise sends the patient to the emergency department, with the sepsis signs that mean an ambulance", () => {
    const a = adviceFor(calm({ history: { feverChillsOrSweats: true, immunosuppressed: true } }));
    expect(a.first.heading).toBe("Go to an emergency department now");
    expect(a.first.lines.join(" ")).toMatch(
      /ambulance if you become confused or very sleepy, struggle to breathe or faint, or your skin looks blotchy, blue or grey/,
    );
  });

  it("never says a fever is needed, and asks about pregnancy, cancer treatment and infection risks", () => {
    const text = textOf(adviceFor(CONFUSED()));
    expect(text).toMatch(/serious even without a fever/);
    expect(text).toMatch(/pregnant or gave birth in the last 6 weeks/);
    expect(text).toMatch(/chemotherapy or acute oncology helpline/);
    expect(text).toMatch(/injecting drugs/);
  });

  it("puts the ambulance first even when it is not the main card", () => {
    const answers = calm({
      history: { newConfusion: true },
      legs: { armOrHandSymptoms: true, armHandKind: "weakness_or_clumsiness", onsetDays: { armOrHand: 3 } },
    });
    const a = adviceFor(answers);
    expect(a.main.id).toBe("cord");
    expect(a.first).toMatchObject({ kind: "call_now", heading: "Call an ambulance now" });
    expect(a.others.map((o) => o.id)).toEqual(["infection"]);
  });

  it("uses the children's sepsis signs for a child, and says an adult should go with them", () => {
    const a = adviceFor(at(10, { history: { feverChillsOrSweats: true } }));
    const text = textOf(a);
    expect(a.main.id).toBe("infection");
    expect(text).toMatch(/rash that does not fade/);
    expect(text).toMatch(/breathing fast/);
    expect(text).toMatch(/unusually sleepy or hard to wake/);
    expect(text).toMatch(/not feeding or drinking/);
    expect(a.closing).toContain(ADULT_GOES_TOO);
  });
});

describe("the cauda equina card", () => {
  it("sends the patient to A&E now, not a minor injuries unit, urgent treatment centre or GP", () => {
    const a = adviceFor(CAUDA());
    expect(a.main.id).toBe("cauda");
    expect(a.first.heading).toBe("Go to an emergency department now");
    expect(a.first.lines[0]).toMatch(/A&E, not a minor injuries unit, an urgent treatment centre or your GP/);
    expect(a.first.lines.join(" ")).toMatch(
      /ambulance if you cannot pass urine at all, cannot walk, or cannot get there safely/,
    );
    expect(a.main.tellStaff.join(" ")).toMatch(/I have warning signs of cauda equina syndrome/);
    expect(a.main.tellStaff.join(" ")).toMatch(/when each one started/);
    expect(textOf(a)).toMatch(/do not book an appointment instead/);
  });

  it("names the spinal cord too for weakness in both legs (E2) or a not-sure answer with both legs (E11)", () => {
    const e2 = adviceFor(calm({ legs: { weakness: "both_legs", onsetDays: { weakness: 2 } } }));
    expect(e2.cards).toContain("cauda");
    expect(stringsIn(e2.main).join(" ")).toMatch(/spinal cord/);
    expect(stringsIn(adviceFor(CAUDA()).main).join(" ")).not.toMatch(/spinal cord/);
  });

  it("tells a woman who may be pregnant to go to the emergency department, not only the maternity unit", () => {
    const woman = adviceFor(
      calm({
        contact: { sex: "female" },
        history: { pregnancy: "pregnant", pregnancyWarningSigns: "no" },
        cauda: { bladderChange: "yes", onsetDays: { bladderChange: 2 } },
      }),
    );
    expect(textOf(woman)).toMatch(
      /If you are pregnant, go to the emergency department, not only to the maternity unit/,
    );
    expect(textOf(adviceFor(CAUDA()))).not.toMatch(/pregnant, go to/);
  });
});

describe("every EMERGENCY page", () => {
  const all = [AORTIC, BLEEDING, FRACTURE, CORD, MSCC, CONFUSED, CAUDA].map((make) => adviceFor(make()));

  it("never suggests driving yourself", () => {
    for (const a of all) {
      for (const line of stringsIn(a).filter((l) => /\bdriv/i.test(l)))
        expect(line).toMatch(/Do not (drive|travel)|do not drive/);
    }
  });

  it("says to take this page, that the clinic has been told and will call, and not to wait for that call", () => {
    for (const a of all) {
      expect(a.closing[0]).toMatch(/Take this page with you/);
      expect(a.closing).toContain(CLINIC_TOLD);
      expect(CLINIC_TOLD).toMatch(/do not wait for that call/);
    }
  });

  it("before the answers are sent, says the clinic is told only if they are sent, and not to wait for its call", () => {
    const a = adviceFor(CAUDA(), { sent: false });
    expect(a.closing).toContain(CLINIC_NOT_TOLD_YET);
    expect(a.closing).not.toContain(CLINIC_TOLD);
    expect(CLINIC_NOT_TOLD_YET).toMatch(/only if you send your answers/);
    expect(CLINIC_NOT_TOLD_YET).toMatch(/Do not wait for a call from the clinic before you get help/);
  });

  it('uses the clinic\'s emergency number, or the words "the emergency number" when none is set', () => {
    const none = adviceFor(AORTIC(), { emergencyNumber: null });
    expect(none.first.lines[0]).toBe("Call the emergency number now and ask for an ambulance.");
    expect(none.call).toEqual({ label: "Call the emergency number", href: null });
    const spaced = adviceFor(AORTIC(), { emergencyNumber: " 112 " });
    expect(spaced.first.lines[0]).toBe("Call 112 now and ask for an ambulance.");
    expect(spaced.call.href).toBe("tel:112");
    expect(textOf(none)).not.toMatch(/call {2}|Call {2}/);
  });

  it("says each extra step once, even when several cards share it", () => {
    const a = adviceFor(
      calm({
        pain: { trigger: "major_trauma", intensity: 7 },
        legs: { armOrHandSymptoms: true, armHandKind: "weakness_or_clumsiness", onsetDays: { armOrHand: 3 } },
      }),
    );
    expect(a.cards).toEqual(["fracture", "cord"]);
    const steps = [...a.first.lines, ...a.main.steps, ...a.others.flatMap((o) => o.steps)];
    expect(steps.filter((s) => s === "Do not wait for the clinic to call you.")).toHaveLength(1);
  });

  it("falls back to general emergency advice when no card is known", () => {
    const a = emergencyAdvice({ firedRuleIds: ["E99"], version: V, answers: null, emergencyNumber: "999", sent: true });
    expect(a.main.id).toBe("general");
    expect(a.first.heading).toBe("Go to an emergency department now");
  });
});

describe("the cards a patient saw (X1 `seen`)", () => {
  it("keeps known card ids only, in the spec's order, without repeats", () => {
    expect(parseCardIds("cauda,aortic,bogus,,AORTIC, cord ,cauda")).toEqual(["aortic", "cord", "cauda"]);
    expect(parseCardIds(["infection", "mscc,<script>"])).toEqual(["mscc", "infection"]);
    expect(parseCardIds(undefined)).toEqual([]);
    expect(parseCardIds("")).toEqual([]);
    expect(parseCardIds("__proto__,constructor")).toEqual([]);
  });

  it("shows exactly those cards when asked", () => {
    const a = emergencyAdvice({
      firedRuleIds: ["X1"],
      version: V,
      answers: CORD(),
      emergencyNumber: "999",
      sent: true,
      cards: ["cauda", "aortic"],
    });
    expect(a.cards).toEqual(["aortic", "cauda"]);
    expect(a.first.heading).toBe("Call an ambulance now");
  });
});
