import { describe, expect, it } from "vitest";
import { answersFromRaw, rawFromAnswers } from "@/lib/intake-form/parse";
import { merge, STEP_SPECS } from "@/lib/intake-form/steps";

const fields = (step: keyof typeof STEP_SPECS, draft = {}) => STEP_SPECS[step].fields(draft);

describe("reading the intake form", () => {
  it("joins the three date boxes into a calendar date and splits it back", () => {
    const about = fields("about-you");
    const answers = answersFromRaw(about, { "contact.dateOfBirth.day": "4", "contact.dateOfBirth.month": "5", "contact.dateOfBirth.year": "1988" });
    expect(answers).toEqual({ contact: { dateOfBirth: "1988-05-04" } });
    expect(rawFromAnswers(about, answers)).toMatchObject({ "contact.dateOfBirth.day": "4", "contact.dateOfBirth.month": "5", "contact.dateOfBirth.year": "1988" });
  });

  it("turns yes/no radios into booleans and 'I don't know' into null", () => {
    const cauda = fields("nerve-check");
    const answers = answersFromRaw(cauda, {
      "cauda.saddleNumbness": "yes", "cauda.bladderChange": "no", "cauda.bowelChange": "unsure", "cauda.sexualFunctionChange": "no",
      "cauda.symptomOnsetDays.unknown": "yes", "cauda.worsening": "unknown",
    });
    expect(answers.cauda).toEqual({
      saddleNumbness: "yes", bladderChange: "no", bowelChange: "unsure", sexualFunctionChange: "no", symptomOnsetDays: null, worsening: null,
    });
  });

  it("passes text that is not a number on to validation instead of guessing", () => {
    const answers = answersFromRaw(fields("this-episode"), { "pain.durationDays": "two weeks" });
    expect((answers.pain as Record<string, unknown>).durationDays).toBe("two weeks");
    expect(STEP_SPECS["this-episode"].schema("UTC").safeParse(answers).success).toBe(false);
  });

  it("maps the body map to pain places and how far down the legs pain goes, keeping the side", () => {
    const answers = answersFromRaw(fields("where-it-hurts"), { regions: ["low_back", "right_lower_leg", "bogus"] });
    expect(answers).toMatchObject({ pain: { locations: ["low_back"] }, legs: { legPain: "below_knee_one_side" } });
    expect(rawFromAnswers(fields("where-it-hurts"), answers).regions).toEqual(["low_back", "right_lower_leg"]);
  });

  it("stores nerve follow-ups as null when all four answers are no, as the contract requires", () => {
    const spec = STEP_SPECS["nerve-check"];
    const read = { cauda: { saddleNumbness: "no", bladderChange: "no", bowelChange: "no", sexualFunctionChange: "no", symptomOnsetDays: 3, worsening: true } };
    const normalized = spec.normalize!(read, {});
    expect(normalized.cauda).toMatchObject({ symptomOnsetDays: null, worsening: null });
    expect(spec.schema("UTC").safeParse(normalized).success).toBe(true);
  });

  it("answers the running details as no for non-runners", () => {
    const spec = STEP_SPECS.running;
    const normalized = spec.normalize!({ running: { isRunner: false, kmPerWeek: 30 } }, {});
    expect(spec.schema("UTC").safeParse(normalized).success).toBe(true);
    expect(normalized.running).toMatchObject({ kmPerWeek: null, painOnHopping: false });
  });

  it("skips 'is leg pain worse than back pain' when there is no leg pain", () => {
    const draft = { legs: { legPain: "none" } };
    expect(fields("legs", draft).map((f) => f.name)).not.toContain("legs.legPainWorseThanBack");
    expect(fields("legs", { legs: { legPain: "above_knee" } }).map((f) => f.name)).toContain("legs.legPainWorseThanBack");
    expect(STEP_SPECS.legs.normalize!({ legs: {} }, draft)).toEqual({ legs: { legPainWorseThanBack: false } });
  });

  it("merges a page's answers into the draft field by field", () => {
    const draft = { pain: { locations: ["low_back"] }, legs: { legPain: "none" } };
    expect(merge(draft, { pain: { durationDays: 3 } })).toEqual({ pain: { locations: ["low_back"], durationDays: 3 }, legs: { legPain: "none" } });
    expect(merge({ outlook: { items: [] } }, { outlook: null })).toEqual({ outlook: null });
  });
});
