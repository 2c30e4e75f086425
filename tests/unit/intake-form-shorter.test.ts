import { describe, expect, it } from "vitest";
import { askedFields, readStep, reconcileLaterPages } from "@/lib/intake-form/flow";
import type { DraftAnswers } from "@/lib/intake-form/model";
import { rawFromAnswers } from "@/lib/intake-form/parse";
import { changeHref, checkAnswersHref, parseRowKey, reviewRowId } from "@/lib/intake-form/return-to";
import { reviewSections } from "@/lib/intake-form/review";
import { fieldForPath } from "@/lib/intake-form/errors";
import {
  merge,
  optionalStepSkipped,
  skipOptionalStep,
  STEP_SPECS,
  stepContext,
  withSplitPagesDone,
} from "@/lib/intake-form/steps";
import { checkIntake } from "@/lib/intakes/check";
import { gradeIntake } from "@/lib/triage";
import { VIGNETTES, vignetteIntake } from "../support/answers";

const NOW = new Date("2026-06-15T10:00:00Z");
const clock = { now: NOW, timeZone: "UTC" };
const draftOf = (id: string) => structuredClone(vignetteIntake(id, NOW)) as unknown as DraftAnswers;
const withNight = (draft: DraftAnswers, nightPain: string) => merge(draft, { pain: { nightPain } });

/** Sends a page as the patient would answer it, from the answers in `draft`. */
function sendPage(stepId: "more-questions" | "joints", draft: DraftAnswers) {
  const ctx = stepContext(draft, clock);
  const fields = askedFields(stepId, ctx);
  const raw = rawFromAnswers(fields, draft);
  return readStep(stepId, ctx, { ...raw, _shown: fields.map((f) => f.name).join(",") });
}
const sendMoreQuestions = (draft: DraftAnswers) => sendPage("more-questions", draft);

describe('"Change" on check your answers returns to the changed row', () => {
  it("links each row to its question with the row to come back to", () => {
    expect(changeHref("legs", "legs.weakness", "legs-weakness")).toBe(
      "/intake/legs?return=check&row=legs.weakness#legs-weakness",
    );
    expect(checkAnswersHref("legs.weakness")).toBe("/intake/check-answers#row-legs-weakness");
    expect(checkAnswersHref("recovery-outlook")).toBe("/intake/check-answers#row-recovery-outlook");
  });

  it("goes to the top of check your answers when the row is missing or not a row", () => {
    for (const bad of [undefined, "", ["legs.weakness", "x"], "a#b", "javascript:alert(1)", "x".repeat(101), "../x"])
      expect(checkAnswersHref(bad), String(bad)).toBe("/intake/check-answers");
    expect(parseRowKey("outlook.items.3")).toBe("outlook.items.3");
  });

  it("gives every row of a full intake its own id", () => {
    const draft = draftOf("P13");
    Object.assign(draft, {
      outlook: { items: [true, false, true, false, false, false, false, false], bothersomeness: "moderately" },
      function: { sections: [2, 1, 2, 1, 1, 2, 1, null, 1, 2] },
    });
    const ids = reviewSections(draft, clock).flatMap((s) => s.rows.map((r) => reviewRowId(r.key)));
    expect(ids.length).toBeGreaterThan(40);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("night waking is asked once", () => {
  it('does not ask again whether pain wakes them in the second half of the night after "it wakes me" on the pain page', () => {
    const wakes = withNight(draftOf("P15"), "wakes_second_half");
    const asked = askedFields("more-questions", stepContext(wakes, clock)).map((f) => f.name);
    expect(asked).not.toContain("inflammatory.wakingSecondHalfOfNight");
    expect(asked).toContain("inflammatory.buttockPain");
    expect(sendMoreQuestions(wakes)).toMatchObject({
      kind: "saved",
      answers: { inflammatory: { wakingSecondHalfOfNight: true } },
    });
    const rows = reviewSections(wakes, clock).flatMap((s) => s.rows.map((r) => r.key));
    expect(rows.filter((r) => /night/i.test(r))).toEqual(["pain.nightPain"]);
  });

  it("still asks it after any other night answer, which does not say whether they wake in the early hours", () => {
    for (const night of ["none", "constant_unrelieved"]) {
      const draft = withNight(draftOf("P15"), night);
      const asked = STEP_SPECS["more-questions"].fields(stepContext(draft, clock)).map((f) => f.name);
      expect(asked, night).toContain("inflammatory.wakingSecondHalfOfNight");
      const yes = merge(draft, { inflammatory: { wakingSecondHalfOfNight: true } });
      expect(sendMoreQuestions(yes), night).toMatchObject({
        kind: "saved",
        answers: { inflammatory: { wakingSecondHalfOfNight: true } },
      });
    }
  });

  it("asks it again when the pain page answer changes after the later page was answered", () => {
    const steps = ["about-you", "where-it-hurts", "this-episode", "more-questions"];
    const before = withNight(draftOf("P15"), "wakes_second_half");
    const saved = sendMoreQuestions(before);
    if (saved.kind !== "saved") throw new Error(saved.kind);
    const done = merge(before, saved.answers);
    const out = reconcileLaterPages(done, withNight(done, "none"), steps, clock);
    expect(out.completedSteps).not.toContain("more-questions");
    expect(out.answers.inflammatory).not.toHaveProperty("wakingSecondHalfOfNight");
    const back = reconcileLaterPages(out.answers, withNight(out.answers, "wakes_second_half"), steps, clock);
    expect(back.answers.inflammatory).toMatchObject({ wakingSecondHalfOfNight: true });
  });

  it("stores and grades every vignette as before when the form fills the answer in", () => {
    for (const v of VIGNETTES) {
      const intake = draftOf(v.id);
      if (intake.inflammatory === null) continue;
      // The inflammatory screen spans two pages: each stores its own answers.
      const first = sendMoreQuestions(intake);
      if (first.kind !== "saved") throw new Error(`${v.id}: ${first.kind}`);
      const second = sendPage("joints", intake);
      if (second.kind !== "saved") throw new Error(`${v.id}: ${second.kind}`);
      const sent = merge(first.answers, second.answers);
      expect(sent.inflammatory, v.id).toEqual(intake.inflammatory);
      const checked = checkIntake(merge(intake, sent), clock);
      if (!checked.ok) throw new Error(`${v.id}: ${JSON.stringify(checked.fieldErrors)}`);
      const grade = gradeIntake(checked.answers, clock);
      expect(grade.level, v.id).toBe(v.expectedLevel);
      expect(
        grade.firedRules.map((r) => r.id),
        v.id,
      ).toEqual(v.expectedFiredRules);
    }
  });
});

describe("running distance in the clinic's unit", () => {
  const runner = () => merge(draftOf("P19"), { running: { isRunner: true } });
  const send = (draft: DraftAnswers, distanceUnit: "km" | "mi", km: string) => {
    const ctx = stepContext(draft, { ...clock, distanceUnit });
    const fields = askedFields("running", ctx);
    const raw = { ...rawFromAnswers(fields, draft), "running.kmPerWeek": km };
    return readStep("running", ctx, { ...raw, _shown: fields.map((f) => f.name).join(",") });
  };

  it("asks a New York runner in miles and stores kilometres", () => {
    const ctx = stepContext(runner(), { ...clock, distanceUnit: "mi" });
    const field = askedFields("running", ctx).find((f) => f.name === "running.kmPerWeek")!;
    expect(field.label).toMatch(/miles/);
    const sent = send(runner(), "mi", "25");
    expect(sent).toMatchObject({ kind: "saved", answers: { running: { kmPerWeek: 40.2 } } });
    // Shown back in miles, on the page and on check your answers.
    const stored = merge(runner(), { running: { kmPerWeek: 40.2 } });
    expect(rawFromAnswers([field], stored)["running.kmPerWeek"]).toBe("25");
    const rows = reviewSections(stored, { ...clock, distanceUnit: "mi" }).flatMap((s) => s.rows);
    expect(rows.find((r) => r.key === "running.kmPerWeek")?.answer).toBe("25 miles a week");
  });

  it("keeps kilometres for a clinic that uses them, and words a too-large distance in the patient's unit", () => {
    expect(send(runner(), "km", "40")).toMatchObject({ kind: "saved", answers: { running: { kmPerWeek: 40 } } });
    expect(send(runner(), "mi", "400")).toMatchObject({
      kind: "invalid",
      fieldErrors: { "running.kmPerWeek": ["Enter a distance from 0 to 310 miles a week"] },
    });
    expect(send(runner(), "km", "600")).toMatchObject({
      kind: "invalid",
      fieldErrors: { "running.kmPerWeek": ["Enter a distance from 0 to 500 km a week"] },
    });
  });
});

describe("the daily-function screen on two pages", () => {
  const withFunction = (sections: (number | null)[] | null) =>
    Object.assign(draftOf("P13"), { function: sections === null ? null : { sections } });

  it("asks 5 sections on each page and stores all 10 together", () => {
    const first = askedFields("daily-function", stepContext(withFunction(null), clock));
    const second = askedFields("daily-function-more", stepContext(withFunction(null), clock));
    expect(first.flatMap((f) => (f.kind === "function" ? f.sections.map((s) => s.title) : []))).toHaveLength(5);
    expect(second.flatMap((f) => (f.kind === "function" ? f.sections.map((s) => s.title) : []))).toHaveLength(5);
    const afterFirst = withFunction([1, 2, 0, 1, 3, null, null, null, null, null]);
    const ctx = stepContext(afterFirst, clock);
    const sent = readStep("daily-function-more", ctx, {
      "function.sections.5": "2",
      "function.sections.9": "4",
      _shown: "function",
    });
    expect(sent).toMatchObject({
      kind: "saved",
      answers: { function: { sections: [1, 2, 0, 1, 3, 2, null, null, null, 4] } },
    });
  });

  it("skipping the second page keeps the first page's answers; skipping both stores nothing", () => {
    const answered = withFunction([1, 2, 0, 1, 3, null, null, null, null, null]);
    const skippedSecond = skipOptionalStep("daily-function-more", answered);
    expect(skippedSecond.function).toEqual({ sections: [1, 2, 0, 1, 3, null, null, null, null, null] });
    expect(optionalStepSkipped("daily-function-more", skippedSecond)).toBe(true);
    expect(optionalStepSkipped("daily-function", skippedSecond)).toBe(false);
    const sections = reviewSections(skippedSecond, clock);
    expect(sections.find((s) => s.step === "daily-function")?.rows).toHaveLength(5);
    expect(sections.find((s) => s.step === "daily-function-more")?.skipped).toBe(true);
    const none = skipOptionalStep("daily-function-more", skipOptionalStep("daily-function", withFunction(null)));
    expect(none.function).toBeNull();
  });

  it("sends an error about a later section to the page that asks it", () => {
    expect(fieldForPath("function.sections.2")).toEqual({ step: "daily-function", name: "function" });
    expect(fieldForPath("function.sections.7")).toEqual({ step: "daily-function-more", name: "function" });
  });
});

describe("a draft saved before the pages were split", () => {
  it("counts the new page as done when the old page already asked its questions, and only then", () => {
    const full = draftOf("P15");
    const old = ["about-you", "where-it-hurts", "this-episode", "vascular-check"];
    expect(withSplitPagesDone(old, full)).toEqual([
      "about-you",
      "where-it-hurts",
      "this-episode",
      "how-it-feels",
      "vascular-check",
    ]);
    // Today's form after its first pain page: "how it feels" is still to come.
    const halfway = merge(structuredClone(full), {});
    delete (halfway.pain as Record<string, unknown>).intensity;
    expect(withSplitPagesDone(old, halfway)).toEqual(old);
    expect(withSplitPagesDone(["more-questions"], full)).toEqual(["more-questions", "joints"]);
  });
});
