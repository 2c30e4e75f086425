// The result page's content per level (what the patient is told, and whether they may book), for
// intakes graded by the engine and for every stored test vector of both released rulesets.
import { describe, expect, it } from "vitest";
import {
  CLINIC_TOLD,
  clinicToldClosed,
  EARLY_HEADING,
  LEVEL_COPY,
  NO_EXERCISE,
  PREGNANCY_ADVICE,
  resultContent,
  SAME_DAY_HEADING,
  SHOW_A_PARENT,
  WARNING_SIGNS,
  type CardId,
  type ClinicHoursNow,
  type ResultContent,
} from "@/lib/content";
import { ruleText, safetyNet, type IntakeAnswers } from "@/lib/triage";
import { aged, calm, early, grade, NOW } from "../triage/calm";
import { HOURS, resultFor, SAMPLES } from "./samples";
import { stringsIn } from "./support";

/** The content the page builds for answers graded now by the engine. */
function pageFor(
  answers: IntakeAnswers,
  {
    seen = null,
    hours,
    outOfHoursPhone,
  }: { seen?: readonly CardId[] | null; hours?: ClinicHoursNow | null; outOfHoursPhone?: string | null } = {},
): ResultContent {
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
    hours,
    outOfHoursPhone,
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

  it("never promises a call while the clinic is closed (URGENT: or closing before the call is due)", () => {
    for (const s of SAMPLES.filter((x) => x.level === "EMERGENCY" || x.level === "URGENT")) {
      // EMERGENCY pages promise no time for the check-up call, so only "closed" changes them.
      for (const hours of HOURS.filter(
        (h) => h.state === "closed" || (h.state === "closing" && s.level === "URGENT"),
      )) {
        const page = resultFor(s, { hours, outOfHoursPhone: "NHS 111" });
        const id = `${s.version} ${s.firedRuleIds.join(",")} ${hours.state}`;
        expect(
          words([page.emergency, page.urgent?.now, page.urgent?.specific, page.urgent?.maternity]),
          id,
        ).not.toMatch(/(call|phone) you (today|soon)|Someone will call you/);
        if (s.level === "URGENT") expect(page.urgent?.now?.id, id).toBe("closed_now");
      }
    }
  });

  it("never tells anyone to drive themselves", () => {
    for (const s of SAMPLES) {
      for (const line of stringsIn(resultFor(s)).filter((l) => /\bdriv/i.test(l)))
        expect(line).toMatch(/[Dd]o not drive/);
    }
  });
});

describe("out of hours (the clinic's hours as the page is shown)", () => {
  const closed: ClinicHoursNow = { state: "closed", opensAt: "tomorrow at 8:00 am" };
  const cauda = () => calm({ cauda: { saddleNumbness: "yes", onsetDays: { saddleNumbness: 1 } } });
  const promisesCall = /(call|phone) you (today|soon)|Someone will call you/;

  it("EMERGENCY, closed: says when the clinic opens and promises no call from it", () => {
    const page = pageFor(cauda(), { hours: closed });
    expect(page.emergency?.closing).toContain(
      "The clinic has been told, but it is closed now and opens again tomorrow at 8:00 am. Do not wait for a call from the clinic: get help now.",
    );
    expect(page.emergency?.closing).toContain(clinicToldClosed("tomorrow at 8:00 am"));
    expect(page.emergency?.closing).not.toContain(CLINIC_TOLD);
    expect(words(page)).not.toMatch(promisesCall);
    expect(clinicToldClosed(null)).toBe(
      "The clinic has been told, but it is closed now. Do not wait for a call from the clinic: get help now.",
    );
  });

  it("EMERGENCY, open: the clinic will call to check, but do not wait for that call", () => {
    const page = pageFor(cauda(), { hours: { state: "open", ackMinutes: 120 } });
    expect(page.emergency?.closing).toContain(CLINIC_TOLD);
  });

  it("URGENT, closed: one section for now, with the out-of-hours number, and no call promised today", () => {
    const page = pageFor(calm({ history: { cancer: true }, pain: { nightPain: "wakes_second_half" } }), {
      hours: closed,
      outOfHoursPhone: "NHS 111",
    });
    expect(page.urgent?.now?.title).toBe("The clinic is closed now");
    expect(page.urgent?.now?.points).toContain("Do not wait until the clinic opens. Call NHS 111 now.");
    expect(words([page.urgent?.now, page.urgent?.specific, page.urgent?.maternity])).not.toMatch(promisesCall);
  });

  it("X1 with the cards seen, closed: the cards say the clinic is closed too", () => {
    const page = pageFor(early("nerve-check"), { seen: ["cauda"], hours: closed });
    expect(page.early?.cards?.closing).toContain(clinicToldClosed("tomorrow at 8:00 am"));
  });

  it("names the out-of-hours number in the same-day heading, or NHS 111 when none is set", () => {
    const answers = aged(12, { pain: { nightPain: "wakes_second_half" } });
    expect(
      pageFor(answers, { outOfHoursPhone: "the on-call clinician at +1 212 555 0199" }).warnings.sameDay?.heading,
    ).toBe("Get help the same day: call the clinic, or the on-call clinician at +1 212 555 0199 when it is closed");
    expect(pageFor(answers, { outOfHoursPhone: null }).warnings.sameDay?.heading).toBe(SAME_DAY_HEADING);
  });
});
