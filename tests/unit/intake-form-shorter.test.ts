import { describe, expect, it } from "vitest";
import { askedFields, readStep, reconcileLaterPages } from "@/lib/intake-form/flow";
import type { DraftAnswers } from "@/lib/intake-form/model";
import { rawFromAnswers } from "@/lib/intake-form/parse";
import { changeHref, checkAnswersHref, parseRowKey, reviewRowId } from "@/lib/intake-form/return-to";
import { reviewSections } from "@/lib/intake-form/review";
import { merge, STEP_SPECS, stepContext } from "@/lib/intake-form/steps";
import { checkIntake } from "@/lib/intakes/check";
import { gradeIntake } from "@/lib/triage";
import { VIGNETTES, vignetteIntake } from "../support/answers";

const NOW = new Date("2026-06-15T10:00:00Z");
const clock = { now: NOW, timeZone: "UTC" };
const draftOf = (id: string) => structuredClone(vignetteIntake(id, NOW)) as unknown as DraftAnswers;
const withNight = (draft: DraftAnswers, nightPain: string) => merge(draft, { pain: { nightPain } });

/** Sends the "more questions" page as the patient would answer it, from the answers in `draft`. */
function sendMoreQuestions(draft: DraftAnswers) {
  const ctx = stepContext(draft, clock);
  const fields = askedFields("more-questions", ctx);
  const raw = rawFromAnswers(fields, draft);
  return readStep("more-questions", ctx, { ...raw, _shown: fields.map((f) => f.name).join(",") });
}

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
      const reading = sendMoreQuestions(intake);
      if (reading.kind !== "saved") throw new Error(`${v.id}: ${reading.kind}`);
      expect(reading.answers.inflammatory, v.id).toEqual(intake.inflammatory);
      const checked = checkIntake(merge(intake, reading.answers), clock);
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
