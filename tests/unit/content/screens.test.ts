import { describe, expect, it } from "vitest";
import { FORM_TEXT, FUNCTION_SCREEN, getStep, OUTLOOK_SCREEN, stepNumber, STEPS } from "@/lib/content";
import { FUNCTION_SECTIONS } from "@/lib/triage";
import { allText } from "./support";

// Short fragments of the licensed instruments' wording; our screens must not reuse them.
const INSTRUMENT_FRAGMENTS = [
  "pain prevents me",
  "look after myself normally",
  "sleep is never disturbed",
  "travel anywhere without pain",
  "sit in any chair",
  "social life is normal",
  "heavy weights without extra pain",
  "walking any distance",
  "except to receive treatment",
  "a condition like mine",
  "going through my mind",
  "never going to get any better",
  "things i used to enjoy",
  "dressed more slowly than usual",
];

describe("daily function screen", () => {
  it("has one section per contract entry, in the contract's topic order", () => {
    expect(FUNCTION_SCREEN.sections).toHaveLength(FUNCTION_SECTIONS);
    expect(FUNCTION_SCREEN.sections.map((s) => s.id)).toEqual([
      "pain_intensity",
      "personal_care",
      "lifting",
      "walking",
      "sitting",
      "standing",
      "sleeping",
      "social_life",
      "travelling",
      "work_or_home",
    ]);
  });

  it.each(FUNCTION_SCREEN.sections.map((s) => [s.id, s] as const))(
    "gives %s exactly 6 distinct options",
    (_id, section) => {
      expect(section.options).toHaveLength(6);
      expect(new Set(section.options).size).toBe(6);
      for (const option of section.options) expect(option.trim()).not.toBe("");
      expect(section.label).toMatch(/\?$/);
    },
  );
});

describe("recovery outlook screen", () => {
  it("has 8 agree or disagree statements and a 5-step bothersomeness question", () => {
    expect(OUTLOOK_SCREEN.items).toHaveLength(8);
    expect(new Set(OUTLOOK_SCREEN.items).size).toBe(8);
    expect(OUTLOOK_SCREEN.answers).toEqual({ agree: "Agree", disagree: "Disagree" });
    expect(Object.keys(OUTLOOK_SCREEN.bothersomeness.options)).toEqual([
      "not_at_all",
      "slightly",
      "moderately",
      "very_much",
      "extremely",
    ]);
  });
});

describe("screen names and wording", () => {
  it("never names the licensed instruments", () => {
    for (const text of allText()) {
      expect(text).not.toMatch(/start\s*back|oswestry|\bODI\b|\bSBST\b/i);
    }
  });

  it("does not reuse known phrases of the licensed instruments", () => {
    const screens = [FUNCTION_SCREEN, OUTLOOK_SCREEN].flatMap((s) => JSON.stringify(s).toLowerCase());
    for (const fragment of INSTRUMENT_FRAGMENTS) expect(screens.join(" "), fragment).not.toContain(fragment);
  });

  it("uses the project's names for the 2 screens and says the wording is our own", () => {
    expect(OUTLOOK_SCREEN.name).toBe("Recovery outlook screen");
    expect(FUNCTION_SCREEN.name).toBe("Daily function screen");
    expect(FORM_TEXT.ownWording).toMatch(/wrote these questions ourselves/);
  });
});

describe("form steps", () => {
  it("lists the pages in the order of contract 2026.12: the blood vessel page before the nerve questions", () => {
    expect(STEPS.map((s) => s.id)).toEqual([
      "about-you",
      "where-it-hurts",
      "this-episode",
      "how-it-feels",
      "vascular-check",
      "legs",
      "nerve-check",
      "recent-illness",
      "health-history",
      "more-questions",
      "joints",
      "running",
      "recovery-outlook",
      "daily-function",
      "daily-function-more",
      "check-answers",
    ]);
  });

  it('keeps the nerve check\'s promise about "not sure"', () => {
    expect(getStep("nerve-check").intro).toMatch(/We will never treat that as a no/);
  });

  it("lets the patient skip only the 2 optional screens (the daily-function screen spans 2 pages)", () => {
    expect(STEPS.filter((s) => s.optional).map((s) => s.id)).toEqual([
      "recovery-outlook",
      "daily-function",
      "daily-function-more",
    ]);
  });

  it("keeps progress bar titles short and gives every page a heading", () => {
    for (const step of STEPS) {
      expect(step.title.length, step.id).toBeLessThanOrEqual(20);
      expect(step.heading.trim(), step.id).not.toBe("");
    }
  });

  it("finds a step and its number", () => {
    expect(getStep("nerve-check").title).toBe("Nerve check");
    expect(stepNumber("about-you")).toBe(1);
    expect(stepNumber("check-answers")).toBe(STEPS.length);
    expect(FORM_TEXT.stepOf(stepNumber("vascular-check"), STEPS.length)).toBe("Step 5 of 16");
  });
});
