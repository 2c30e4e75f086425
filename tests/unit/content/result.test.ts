// The result page's content per level (what the patient is told, and whether they may book), for
// intakes graded by the engine and for every stored test vector of both released rulesets.
import { describe, expect, it } from "vitest";
import {
  CLINIC_TOLD,
  EARLY_HEADING,
  LEVEL_COPY,
  NO_EXERCISE,
  PREGNANCY_ADVICE,
  resultContent,
  SHOW_A_PARENT,
  WARNING_SIGNS,
  type CardId,
  type ResultContent,
} from "@/lib/content";
import { ruleText, safetyNet, type IntakeAnswers } from "@/lib/triage";
import { aged, calm, early, grade, NOW } from "../triage/calm";
import { resultFor, SAMPLES } from "./samples";
import { stringsIn } from "./support";

/** The content the page builds for answers graded now by the engine. */
function pageFor(answers: IntakeAnswers, { seen = null }: { seen?: readonly CardId[] | null } = {}): ResultContent {
  const g = grade(answers);
  return resultContent({
    version: g.rulesetVersion,
    level: g.level,
    firedRuleIds: g.firedRules.map((r) => r.id),
    answers,
    age: g.age,
    phone: "+44 7700 900123",
    clinicPhone: null,
    emergencyNumber: "999",
    safetyNet: g.level === "EMERGENCY" ? null : safetyNet(answers, { now: NOW }),
    seen,
  });
}
const words = (value: unknown) => stringsIn(value).join("\n");

describe("booking", () => {
  it("offers booking for SOON, ROUTINE and SELF_CARE, never for URGENT or EMERGENCY", () => {
    expect(pageFor(calm()).canBook).toBe(true);
    expect(pageFor(calm({ pain: { durationDays: 60 } })).canBook).toBe(true);
    expect(pageFor(aged(65)).canBook).toBe(true);
    expect(pageFor(calm({ history: { feelsVeryUnwell: true } })).canBook).toBe(false);
    expect(pageFor(calm({ vascular: { suddenSevereTearingPain: true } })).canBook).toBe(false);
  });
});

describe("under 16 (Y1)", () => {
  it("shows the under-16 page, never a booking page, with the safety net as its emergency signs", () => {
    const page = pageFor(aged(14));
    expect(page.level).toBe("SOON");
    expect(page.kind).toBe("under16");
    expect(page.canBook).toBe(false);
    expect(page.under16?.lines).toEqual([
      "This form is for people aged 16 and over.",
      "Please see your GP (family doctor) or a children's (paediatric) service about this back pain within the next few days.",
      SHOW_A_PARENT,
    ]);
    expect(SHOW_A_PARENT).toMatch(/show this page to a parent or carer/);
    expect(page.warnings.goNow.items.slice(0, 5)).toEqual(WARNING_SIGNS.signs);
    expect(page.advice).toEqual([]);
  });

  it("says today when the level is URGENT (Y2), and the clinic still calls", () => {
    const page = pageFor(aged(12, { pain: { nightPain: "wakes_second_half" } }));
    expect(page.level).toBe("URGENT");
    expect(page.canBook).toBe(false);
    expect(page.under16?.lines[1]).toMatch(/about this back pain today\.$/);
    expect(page.heading).toMatch(/today/);
    expect(page.urgent?.ifOpen.points[0]).toMatch(/A clinician will phone you today/);
  });

  it("does not list a sensory symptom alone as an emergency-department sign for a child", () => {
    const page = pageFor(aged(12, { pain: { nightPain: "wakes_second_half" } }));
    expect(page.warnings.sameDay?.items).toContain("New numbness or tingling in an arm or hand");
  });

  it("puts the emergency cards first for a child (Y3), with an adult going with them, then the under-16 text", () => {
    const page = pageFor(aged(10, { pain: { trigger: "major_trauma" } }));
    expect(page.kind).toBe("emergency");
    expect(page.emergency?.cards).toEqual(["fracture"]);
    expect(page.emergency?.closing.join(" ")).toMatch(/an adult should go with you/);
    expect(page.under16AfterEmergency?.[0]).toBe("This form is for people aged 16 and over.");
  });
});

describe("EMERGENCY", () => {
  it("uses the cards, told the clinic (the answers were sent), and shows the fixed warning signs", () => {
    const page = pageFor(calm({ cauda: { saddleNumbness: "yes", onsetDays: { saddleNumbness: 1 } } }));
    expect(page.kind).toBe("emergency");
    expect(page.label).toBe(LEVEL_COPY.EMERGENCY.label);
    expect(page.heading).toBe(page.emergency?.first.heading);
    expect(page.emergency?.closing).toContain(CLINIC_TOLD);
    expect(page.warnings.goNow.items).toEqual(WARNING_SIGNS.signs);
  });
});

describe("X1: an early submission the server did not confirm", () => {
  const x1 = () => early("nerve-check");

  it("keeps the cards the patient saw at the top of the URGENT page", () => {
    const page = pageFor(x1(), { seen: ["cauda"] });
    expect(page.level).toBe("URGENT");
    expect(page.early?.heading).toBe(EARLY_HEADING);
    expect(EARLY_HEADING).toBe("If you were told to go to an emergency department or call an ambulance, do that now");
    expect(page.early?.cards?.cards).toEqual(["cauda"]);
    expect(page.urgent?.route).toBe("ed");
  });

  it("shows a general notice when the page does not know which cards were seen", () => {
    for (const seen of [null, []] as const) {
      const page = pageFor(x1(), { seen });
      expect(page.early?.heading).toBe(EARLY_HEADING);
      expect(page.early?.cards).toBeNull();
      expect(page.early?.lines.join(" ")).toMatch(/Do not wait for a call from the clinic/);
    }
  });

  it("lists every safety-net symptom under go now", () => {
    const page = pageFor(x1());
    expect(page.warnings.sameDay).toBeNull();
  });

  it("has no early notice on other URGENT pages", () => {
    expect(pageFor(calm({ history: { feelsVeryUnwell: true } }), { seen: ["aortic"] }).early).toBeNull();
  });
});

describe("pregnancy", () => {
  const pregnant = (o = {}) =>
    aged(30, { contact: { sex: "female" }, history: { pregnancy: "pregnant", pregnancyWarningSigns: "no" }, ...o });

  it("adds the pregnancy advice to the ROUTINE page: midwife, pharmacist, and the preterm labour signs", () => {
    const page = pageFor(pregnant());
    expect(page.level).toBe("ROUTINE");
    expect(page.advice).toContain(PREGNANCY_ADVICE);
    const advice = words(PREGNANCY_ADVICE);
    expect(advice).toMatch(/Tell your midwife about your back pain/);
    expect(advice).toMatch(/pharmacist or your midwife before you take any painkiller/);
    expect(advice).toMatch(/less than 37 weeks pregnant, call your maternity unit straight away/);
    expect(advice).toMatch(/comes and goes/);
    expect(advice).toMatch(/period pains/);
    expect(advice).toMatch(/Fluid leaking/);
    expect(advice).toMatch(/bleeding/);
    expect(advice).toMatch(/baby moving less than usual/);
  });

  it("does not add it for a patient who is not pregnant", () => {
    expect(pageFor(aged(30, { contact: { sex: "female" }, pain: { durationDays: 60 } })).advice).not.toContain(
      PREGNANCY_ADVICE,
    );
  });
});

describe("SOON", () => {
  it("gives the rule-specific advice of the fired rules", () => {
    const page = pageFor(calm({ history: { cancer: true }, legs: { legPain: "above_knee" } }));
    expect(page.level).toBe("SOON");
    expect(page.advice).toContain(NO_EXERCISE);
  });
});

describe("explaining the grade with the intake's own ruleset", () => {
  it("uses the rule texts of the version that graded the intake", () => {
    const base = {
      level: "EMERGENCY",
      answers: null,
      age: 60,
      phone: "1",
      clinicPhone: null,
      emergencyNumber: null,
      safetyNet: null,
      seen: null,
    } as const;
    const old = resultContent({ ...base, version: "2026.11", firedRuleIds: ["E6"] });
    const now = resultContent({ ...base, version: "2026.12", firedRuleIds: ["E6"] });
    expect(old.reasons).toEqual([ruleText("2026.11", "E6")!.summary]);
    expect(now.reasons).toEqual([ruleText("2026.12", "E6")!.summary]);
    expect(old.reasons).not.toEqual(now.reasons);
  });

  it("skips ids its version never had", () => {
    const page = resultContent({
      version: "2026.11",
      level: "URGENT",
      firedRuleIds: ["U1", "U21"],
      answers: null,
      age: 40,
      phone: "1",
      clinicPhone: null,
      emergencyNumber: null,
      safetyNet: null,
      seen: null,
    });
    expect(page.reasons).toEqual([ruleText("2026.11", "U1")!.summary]);
  });
});

describe("every stored test vector of both rulesets", () => {
  it.each(["2026.11", "2026.12"])("renders every %s vector", (version) => {
    const samples = SAMPLES.filter((s) => s.version === version);
    expect(samples.length).toBeGreaterThan(50);
    for (const s of samples) {
      const page = resultFor(s);
      const id = `${s.version} ${s.firedRuleIds.join(",")}`;
      expect(page.level, id).toBe(s.level);
      expect(page.canBook, id).toBe(
        ["SOON", "ROUTINE", "SELF_CARE"].includes(s.level) && !s.firedRuleIds.includes("Y1"),
      );
      expect(page.warnings.goNow.items.slice(0, 5), id).toEqual(WARNING_SIGNS.signs);
      expect(page.reasons.length, id).toBe(s.firedRuleIds.length);
      if (s.level === "EMERGENCY") {
        expect(page.emergency?.cards.length, id).toBeGreaterThan(0);
        if (page.emergency?.cards[0] === "aortic")
          expect(page.emergency.first.heading, id).toBe("Call an ambulance now");
        expect(words(page), id).not.toMatch(/taxi/i);
      }
      if (s.level === "URGENT") expect(page.urgent, id).not.toBeNull();
      if (version === "2026.11") expect(page.warnings.sameDay, id).toBeNull();
    }
  });

  it("never tells anyone to drive themselves", () => {
    for (const s of SAMPLES) {
      for (const line of stringsIn(resultFor(s)).filter((l) => /\bdriv/i.test(l)))
        expect(line).toMatch(/[Dd]o not drive/);
    }
  });
});
