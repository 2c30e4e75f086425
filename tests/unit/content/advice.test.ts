import { describe, expect, it } from "vitest";
import {
  LEVEL_COPY, RUNNING_PAIN_RULES, SELF_CARE_SECTIONS, selfCareAdvice, soonAdvice, STOP_RUNNING, urgentCallText,
  WARNING_SIGNS, WHEN_TO_COME_BACK,
} from "@/lib/content";
import { LEVELS } from "@/lib/triage";

const text = (section: { points: readonly string[] }) => section.points.join(" ");

describe("warning signs", () => {
  it("lists the nerve-compression signs in plain words", () => {
    const signs = WARNING_SIGNS.signs.join(" ");
    expect(signs).toMatch(/between your legs/);
    expect(signs).toMatch(/peeing/);
    expect(signs).toMatch(/bowels/);
    expect(signs).toMatch(/both legs/);
  });

  it("says to go to the emergency department, and to fill the form in again if anything changes", () => {
    expect(WARNING_SIGNS.heading).toMatch(/emergency department/);
    expect(WARNING_SIGNS.refill).toMatch(/fill the form in again/);
  });
});

describe("level copy", () => {
  it("has words for every level the engine grades", () => {
    expect(Object.keys(LEVEL_COPY).sort()).toEqual([...LEVELS].sort());
    for (const level of LEVELS) {
      const copy = LEVEL_COPY[level];
      expect(copy.heading.trim(), level).not.toBe("");
      expect(copy.meaning.trim(), level).not.toBe("");
      expect(copy.doNow.length, level).toBeGreaterThan(0);
    }
  });

  it("gives each level its own text label, so colour is never the only signal", () => {
    const labels = LEVELS.map((level) => LEVEL_COPY[level].label);
    expect(new Set(labels).size).toBe(LEVELS.length);
    for (const label of labels) expect(label).toMatch(/^[A-Z][\w-]+: /);
  });

  it("uses the NHS care card that matches the urgency", () => {
    expect(LEVEL_COPY.EMERGENCY.card).toBe("immediate");
    expect(LEVEL_COPY.URGENT.card).toBe("urgent");
    for (const level of ["SOON", "ROUTINE", "SELF_CARE"] as const) expect(LEVEL_COPY[level].card).toBe("non_urgent");
  });

  it("tells EMERGENCY patients to go now and not to drive", () => {
    expect(LEVEL_COPY.EMERGENCY.heading).toBe("Go to the emergency department now");
    expect(LEVEL_COPY.EMERGENCY.doNow.join(" ")).toContain("Do not drive yourself");
  });

  it("names the patient's phone number in the URGENT call text", () => {
    expect(urgentCallText("+44 7700 900123")).toContain("on +44 7700 900123.");
    expect(urgentCallText("  020 7946 0000 ")).toContain("on 020 7946 0000.");
    expect(LEVEL_COPY.URGENT.heading).toMatch(/phone you today/);
  });

  it("tells SOON patients to book within 7 days", () => {
    expect(LEVEL_COPY.SOON.heading).toContain("7 days");
  });
});

describe("self-care advice", () => {
  it("covers the 6 topics in page order", () => {
    expect(SELF_CARE_SECTIONS.map((s) => s.id)).toEqual([
      "staying_active", "pain_relief", "running_pain_rules", "cross_training", "return_to_running", "when_to_come_back",
    ]);
  });

  it("shows the running sections only to runners", () => {
    expect(selfCareAdvice({ isRunner: false }).map((s) => s.id)).toEqual([
      "staying_active", "pain_relief", "when_to_come_back",
    ]);
    expect(selfCareAdvice({ isRunner: true })).toEqual(SELF_CARE_SECTIONS);
  });

  it("says bed rest slows recovery", () => {
    expect(text(SELF_CARE_SECTIONS[0]!)).toMatch(/bed .*last longer/);
  });

  it("gives no drug names or doses in the pain relief advice", () => {
    const relief = text(SELF_CARE_SECTIONS[1]!);
    expect(relief).toMatch(/pharmacist/);
    expect(relief).toMatch(/[Hh]eat/);
    expect(relief).not.toMatch(/\d+\s*(mg|g|ml|tablets?)\b|paracetamol|ibuprofen|naproxen|codeine/i);
  });

  it("carries the running pain rules", () => {
    const rules = text(RUNNING_PAIN_RULES);
    expect(rules).toMatch(/stronger during a run/);
    expect(rules).toMatch(/dull ache to a sharp pain/);
    expect(rules).toMatch(/24 hours/);
    expect(rules).toMatch(/limp/);
  });

  it("carries the return-to-running steps", () => {
    const back = text(SELF_CARE_SECTIONS[4]!);
    expect(back).toMatch(/brisk pace/);
    expect(back).toMatch(/half to three-quarters/);
    expect(back).toMatch(/flat ground/);
    expect(back).toMatch(/run for 1 minute, then walk/);
    expect(back).toMatch(/not both/);
  });

  it("says when to come back, and to go to the emergency department for a warning sign", () => {
    const back = text(WHEN_TO_COME_BACK);
    expect(back).toMatch(/not better after 2 weeks/);
    expect(back).toMatch(/worse/);
    expect(back).toMatch(/leg/);
    expect(back).toMatch(/warning signs, go to the emergency department/);
  });
});

describe("SOON advice", () => {
  it("replaces the running pain rules with stop-running advice when a bone stress injury is possible", () => {
    const sections = soonAdvice({ isRunner: true, stopRunning: true });
    expect(sections).toContain(STOP_RUNNING);
    expect(sections).not.toContain(RUNNING_PAIN_RULES);
    expect(text(STOP_RUNNING)).toMatch(/Stop running until a clinician has checked you/);
    expect(text(STOP_RUNNING)).toMatch(/swimming/);
  });

  it("gives runners the running pain rules, and non-runners no running advice", () => {
    expect(soonAdvice({ isRunner: true, stopRunning: false })).toContain(RUNNING_PAIN_RULES);
    const nonRunner = soonAdvice({ isRunner: false, stopRunning: false });
    expect(nonRunner.some((s) => s.runnersOnly)).toBe(false);
    expect(nonRunner).not.toContain(STOP_RUNNING);
  });
});
