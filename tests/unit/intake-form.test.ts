import { describe, expect, it } from "vitest";
import { fieldForPath } from "@/lib/intake-form/errors";
import { askedFields, readStep, reconcileLaterPages } from "@/lib/intake-form/flow";
import { earlyAnswers, emergencySoFar, gradeSoFar } from "@/lib/intake-form/interrupt";
import type { DraftAnswers, FieldView, RawValues } from "@/lib/intake-form/model";
import { answersFromRaw, rawFromAnswers, rawFromForm } from "@/lib/intake-form/parse";
import { reviewSections } from "@/lib/intake-form/review";
import { merge, STEP_SPECS, stepContext, type QuestionStepId } from "@/lib/intake-form/steps";
import { visibleNames } from "@/lib/intake-form/visibility";
import { dateYearsBefore, vignetteIntake } from "../support/answers";

const NOW = new Date("2026-06-15T10:00:00Z");
const clock = { now: NOW, timeZone: "UTC" };
const ctxFor = (draft: DraftAnswers = {}) => stepContext(draft, clock);
const fields = (step: QuestionStepId, draft: DraftAnswers = {}) => STEP_SPECS[step].fields(ctxFor(draft));
const names = (step: QuestionStepId, draft: DraftAnswers = {}) => fields(step, draft).map((f) => f.name);

/** A complete, calm draft (P17: self-care) as the form would have stored it. */
const calm = (): DraftAnswers => structuredClone(vignetteIntake("P17", NOW)) as unknown as DraftAnswers;

/** Posts a page as the browser would: `shown` lists the questions that were on screen. */
const post = (step: QuestionStepId, draft: DraftAnswers, values: RawValues, shown?: string[]) => {
  const ctx = ctxFor(draft);
  const list = shown ?? [...visibleNames(STEP_SPECS[step].fields(ctx), values)];
  return readStep(step, ctx, { ...values, _shown: list.join(",") });
};

const NO_LEG_SYMPTOMS: RawValues = {
  "legs.numbnessOrTingling": "no",
  "legs.weakness": "none",
  "legs.difficultyWalking": "no",
  "legs.armOrHandSymptoms": "no",
};

describe("reading the intake form", () => {
  it("joins the three date boxes into a calendar date and splits it back", () => {
    const about = fields("about-you");
    const answers = answersFromRaw(about, {
      "contact.dateOfBirth.day": "4",
      "contact.dateOfBirth.month": "5",
      "contact.dateOfBirth.year": "1988",
    });
    expect(answers.contact).toEqual({ dateOfBirth: "1988-05-04" });
    expect(rawFromAnswers(about, answers)).toMatchObject({
      "contact.dateOfBirth.day": "4",
      "contact.dateOfBirth.month": "5",
      "contact.dateOfBirth.year": "1988",
    });
  });

  it("asks for the privacy notice on the first page, before any health question", () => {
    expect(names("about-you")).toContain("consent.privacyNotice");
    const answers = answersFromRaw(fields("about-you"), { "consent.privacyNotice": "yes" });
    expect(answers.consent).toEqual({ privacyNotice: true });
  });

  it("turns yes/no radios into booleans and 'I don't know' into null", () => {
    const answers = answersFromRaw(fields("nerve-check"), {
      "cauda.saddleNumbness": "yes",
      "cauda.bladderChange": "no",
      "cauda.bowelChange": "unsure",
      "cauda.sexualFunctionChange": "not_applicable",
      "cauda.onsetDays.saddleNumbness": "3",
      "cauda.onsetDays.bowelChange.unknown": "yes",
      "cauda.worsening": "unknown",
    });
    expect(answers.cauda).toMatchObject({
      saddleNumbness: "yes",
      bladderChange: "no",
      bowelChange: "unsure",
      sexualFunctionChange: "not_applicable",
      onsetDays: { saddleNumbness: 3, bowelChange: null },
      worsening: null,
    });
  });

  it("reads tick boxes whether one or several were ticked, and shows them ticked again", () => {
    const form = new FormData();
    form.append("legs.walkingKinds", "unsteady");
    form.append("legs.walkingKinds", "heavy_after_distance");
    expect(rawFromForm(form)["legs.walkingKinds"]).toEqual(["unsteady", "heavy_after_distance"]);
    const legs = fields("legs", { legs: { legPain: "none" } });
    expect(answersFromRaw(legs, { "legs.walkingKinds": "unsure" }).legs).toMatchObject({ walkingKinds: ["unsure"] });
    expect(answersFromRaw(legs, rawFromForm(form)).legs).toMatchObject({
      walkingKinds: ["unsteady", "heavy_after_distance"],
    });
    expect(rawFromAnswers(legs, { legs: { walkingKinds: ["one_leg_gives_way"] } })["legs.walkingKinds"]).toEqual([
      "one_leg_gives_way",
    ]);
  });

  it("passes text that is not a number on to validation instead of guessing", () => {
    const reading = post("this-episode", { pain: { locations: ["low_back"] } }, { "pain.durationDays": "two weeks" });
    expect(reading.kind).toBe("invalid");
    expect(reading.kind !== "saved" && reading.fieldErrors["pain.durationDays"]).toBeTruthy();
  });

  it("maps the body map to pain places, including the hip or groin, and how far down the legs pain goes", () => {
    const answers = answersFromRaw(fields("where-it-hurts"), {
      regions: ["low_back", "hip_or_groin", "right_lower_leg", "bogus"],
    });
    expect(answers).toMatchObject({
      pain: { locations: ["low_back", "hip_or_groin"] },
      legs: { legPain: "below_knee_one_side" },
    });
    expect(rawFromAnswers(fields("where-it-hurts"), answers).regions).toEqual([
      "low_back",
      "hip_or_groin",
      "right_lower_leg",
    ]);
  });

  it("merges a page's answers into the draft field by field", () => {
    const draft = { pain: { locations: ["low_back"] }, legs: { legPain: "none" } };
    expect(merge(draft, { pain: { durationDays: 3 } })).toEqual({
      pain: { locations: ["low_back"], durationDays: 3 },
      legs: { legPain: "none" },
    });
    expect(merge({ outlook: { items: [] } }, { outlook: null })).toEqual({ outlook: null });
  });
});

describe("the contract 2026.12 page order", () => {
  it("asks the blood vessel questions before the nerve questions, and splits long pages into screens", () => {
    expect(Object.keys(STEP_SPECS)).toEqual([
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
    ]);
    expect(names("vascular-check")).toEqual(
      expect.arrayContaining(["vascular.suddenSevereTearingPain", "vascular.knownAaa"]),
    );
    expect([...names("more-questions"), ...names("joints")].every((n) => n.startsWith("inflammatory."))).toBe(true);
  });

  it("asks at most 7 questions on a page before any follow-up (the recovery outlook is one 9-item screen)", () => {
    const female30 = { contact: { sex: "female", dateOfBirth: dateYearsBefore(NOW, 30) }, legs: { legPain: "none" } };
    const count = (f: FieldView) =>
      f.kind === "function" ? f.sections.length : f.kind === "outlook" ? f.items.length + 1 : 1;
    for (const step of Object.keys(STEP_SPECS) as QuestionStepId[]) {
      const shown = askedFields(step, ctxFor(female30), {}).reduce((n, f) => n + count(f), 0);
      expect(shown, step).toBeLessThanOrEqual(step === "recovery-outlook" ? 9 : 7);
    }
  });
});

describe("follow-up questions, decided by the server when JavaScript is off", () => {
  it("shows a follow-up only when its answer applies, for radios, choices and tick boxes alike", () => {
    const legs = fields("legs", { legs: { legPain: "none" } });
    const base = visibleNames(legs, NO_LEG_SYMPTOMS);
    expect(base.has("legs.numbnessLegs")).toBe(false);
    expect(base.has("legs.worsening")).toBe(false);
    const numb = visibleNames(legs, { ...NO_LEG_SYMPTOMS, "legs.numbnessOrTingling": "yes" });
    expect(numb.has("legs.numbnessLegs") && numb.has("legs.onsetDays.numbness") && numb.has("legs.worsening")).toBe(
      true,
    );
    const weak = visibleNames(legs, { ...NO_LEG_SYMPTOMS, "legs.weakness": "one_leg_stable" });
    expect(weak.has("legs.onsetDays.weakness") && weak.has("legs.worsening")).toBe(true);
    const cauda = visibleNames(fields("nerve-check"), { "cauda.bowelChange": "unsure" });
    expect([...cauda].filter((n) => n.includes("onsetDays") || n.endsWith("worsening"))).toEqual([
      "cauda.onsetDays.bowelChange",
      "cauda.worsening",
    ]);
  });

  it("comes back with the new follow-ups, and no errors about them, when an answer brings questions not yet seen", () => {
    const draft = { legs: { legPain: "none" } };
    const base = ["legs.numbnessOrTingling", "legs.weakness", "legs.difficultyWalking", "legs.armOrHandSymptoms"];
    const reading = post("legs", draft, { ...NO_LEG_SYMPTOMS, "legs.numbnessOrTingling": "yes" }, base);
    expect(reading.kind).toBe("more");
    if (reading.kind !== "more") return;
    expect(reading.added).toEqual(["legs.numbnessLegs", "legs.onsetDays.numbness", "legs.worsening"]);
    expect(reading.fieldErrors).toEqual({});
    expect(reading.values["legs.numbnessOrTingling"]).toBe("yes");
  });

  it("still reports errors on the questions the patient saw, beside the new follow-ups", () => {
    const base = ["legs.numbnessOrTingling", "legs.weakness", "legs.difficultyWalking", "legs.armOrHandSymptoms"];
    const reading = post("legs", { legs: { legPain: "none" } }, { "legs.numbnessOrTingling": "yes" }, base);
    expect(reading.kind === "more" && Object.keys(reading.fieldErrors).sort()).toEqual([
      "legs.armOrHandSymptoms",
      "legs.difficultyWalking",
      "legs.weakness",
    ]);
  });

  it("saves once the follow-ups were shown and answered, with 'I don't know' as null", () => {
    const reading = post(
      "legs",
      { legs: { legPain: "none" } },
      {
        ...NO_LEG_SYMPTOMS,
        "legs.numbnessOrTingling": "yes",
        "legs.numbnessLegs": "unsure",
        "legs.onsetDays.numbness.unknown": "yes",
        "legs.worsening": "unknown",
      },
    );
    expect(reading).toMatchObject({
      kind: "saved",
      answers: {
        legs: {
          numbnessLegs: "unsure",
          onsetDays: { numbness: null, legPain: null, weakness: null },
          worsening: null,
          walkingKinds: null,
        },
      },
    });
  });

  it("ignores answers to questions that were hidden, and stores what the contract says for them", () => {
    // A stale tick from an earlier visit is still in the (hidden) boxes: it must not be stored.
    const reading = post(
      "legs",
      { legs: { legPain: "none" } },
      { ...NO_LEG_SYMPTOMS, "legs.walkingKinds": "unsteady", "legs.worsening": "yes" },
    );
    expect(reading).toMatchObject({
      kind: "saved",
      answers: {
        legs: {
          legPainWorseThanBack: false,
          numbnessLegs: null,
          walkingKinds: null,
          armHandSide: null,
          armHandKind: null,
          worsening: null,
          onsetDays: { legPain: null, numbness: null, weakness: null, walking: null, armOrHand: null },
        },
      },
    });
  });

  it("asks when leg pain started, from when both legs hurt, only when it goes below the knee", () => {
    const both = fields("legs", { legs: { legPain: "below_knee_both_sides" } });
    expect(both.find((f) => f.name === "legs.onsetDays.legPain")?.label).toMatch(/both legs/);
    expect(names("legs", { legs: { legPain: "above_knee" } })).not.toContain("legs.onsetDays.legPain");
    // Leg pain is a leg symptom: the trend is asked without any other.
    expect(visibleNames(both, NO_LEG_SYMPTOMS).has("legs.worsening")).toBe(true);
  });

  it('accepts "I\'m not sure" about walking only on its own', () => {
    const reading = post(
      "legs",
      { legs: { legPain: "none" } },
      {
        ...NO_LEG_SYMPTOMS,
        "legs.difficultyWalking": "yes",
        "legs.walkingKinds": ["unsure", "unsteady"],
        "legs.onsetDays.walking": "4",
        "legs.worsening": "no",
      },
    );
    expect(reading.kind === "invalid" && reading.fieldErrors["legs.walkingKinds"]?.[0]).toMatch(/not sure/i);
  });

  it("stores the nerve-check follow-ups as null when all four answers are no", () => {
    const reading = post(
      "nerve-check",
      {},
      {
        "cauda.saddleNumbness": "no",
        "cauda.bladderChange": "no",
        "cauda.bowelChange": "no",
        "cauda.sexualFunctionChange": "not_applicable",
      },
    );
    expect(reading).toMatchObject({
      kind: "saved",
      answers: {
        cauda: {
          onsetDays: { saddleNumbness: null, bladderChange: null, bowelChange: null, sexualFunctionChange: null },
          worsening: null,
        },
      },
    });
  });

  it("asks when each nerve symptom started, one by one", () => {
    const reading = post(
      "nerve-check",
      {},
      {
        "cauda.saddleNumbness": "no",
        "cauda.bladderChange": "yes",
        "cauda.bowelChange": "unsure",
        "cauda.sexualFunctionChange": "no",
      },
      ["cauda.saddleNumbness", "cauda.bladderChange", "cauda.bowelChange", "cauda.sexualFunctionChange"],
    );
    expect(reading.kind === "more" && reading.added).toEqual([
      "cauda.onsetDays.bladderChange",
      "cauda.onsetDays.bowelChange",
      "cauda.worsening",
    ]);
  });

  it("asks about a dangerous way of getting hurt only after a fall, a run or a sport injury", () => {
    const values: RawValues = {
      "pain.durationDays": "2",
      "pain.onset": "sudden",
      "pain.trigger": "minor_fall",
      "pain.intensity": "6",
      "pain.pattern": "stable",
      "pain.nightPain": "none",
      "pain.worseOnCoughSneezeStrain": "no",
      "pain.previousEpisodes": "no",
    };
    const draft = { pain: { locations: ["low_back"] } };
    expect(post("this-episode", draft, { ...values, "pain.dangerousMechanism": "yes" })).toMatchObject({
      kind: "saved",
      answers: { pain: { dangerousMechanism: true } },
    });
    expect(
      post("this-episode", draft, { ...values, "pain.trigger": "lifting", "pain.dangerousMechanism": "yes" }),
    ).toMatchObject({ kind: "saved", answers: { pain: { dangerousMechanism: null } } });
  });

  it("asks about pregnancy only of women and people of other sex aged 12 to 59", () => {
    const person = (sex: string, age: number) => ({ contact: { sex, dateOfBirth: dateYearsBefore(NOW, age) } });
    expect(names("health-history", person("female", 30))).toContain("history.pregnancy");
    expect(names("health-history", person("other", 12))).toContain("history.pregnancy");
    expect(names("health-history", person("male", 30))).not.toContain("history.pregnancy");
    expect(names("health-history", person("female", 60))).not.toContain("history.pregnancy");
    const answers: RawValues = {
      "history.cancer": "no",
      "history.immunosuppressed": "no",
      "history.longTermOralSteroids": "no",
      "history.diabetes": "no",
      "history.osteoporosisOrFragilityFracture": "no",
      "history.anticoagulant": "unsure",
    };
    expect(post("health-history", person("male", 30), answers)).toMatchObject({
      kind: "saved",
      answers: { history: { anticoagulant: "unsure", pregnancy: "not_applicable", pregnancyWarningSigns: null } },
    });
    const pregnant = post("health-history", person("female", 30), { ...answers, "history.pregnancy": "pregnant" }, [
      ...Object.keys(answers),
      "history.pregnancy",
    ]);
    expect(pregnant.kind === "more" && pregnant.added).toEqual(["history.pregnancyWarningSigns"]);
  });

  it("asks runners the running questions, and everyone aged 18 or under about arching backwards", () => {
    const adult = { contact: { dateOfBirth: dateYearsBefore(NOW, 40) } };
    expect(post("running", adult, { "running.isRunner": "no" })).toMatchObject({
      kind: "saved",
      answers: {
        running: {
          kmPerWeek: null,
          painOnHopping: false,
          limpOrPainOnWalking: false,
          painOnExtension: false,
          priorBoneStressInjury: false,
        },
      },
    });
    const teen = { contact: { dateOfBirth: dateYearsBefore(NOW, 17) } };
    const shown = [...visibleNames(fields("running", teen), { "running.isRunner": "no" })];
    expect(shown).toEqual(["running.isRunner", "running.painOnExtension"]);
    expect(post("running", teen, { "running.isRunner": "no", "running.painOnExtension": "yes" })).toMatchObject({
      kind: "saved",
      answers: { running: { painOnExtension: true, limpOrPainOnWalking: false } },
    });
  });

  it("never asks runners to hop to test", () => {
    const hop = fields("running").find((f) => f.name === "running.painOnHopping")!;
    expect(`${hop.label} ${hop.hint}`).toMatch(/do not hop/i);
  });

  it("tells a patient under 16 right after the date of birth, and asks for a parent's phone number", () => {
    const about = fields("about-you");
    const dob = (age: number) => {
      const [y, m, d] = dateYearsBefore(NOW, age).split("-");
      return { "contact.dateOfBirth.day": d!, "contact.dateOfBirth.month": m!, "contact.dateOfBirth.year": y! };
    };
    expect(visibleNames(about, dob(14)).has("under16")).toBe(true);
    expect(visibleNames(about, dob(16)).has("under16")).toBe(false);
    expect(names("about-you").indexOf("under16")).toBe(names("about-you").indexOf("contact.dateOfBirth") + 1);
    const phone = fields("about-you", { contact: { dateOfBirth: dateYearsBefore(NOW, 14) } }).find(
      (f) => f.name === "contact.phone",
    );
    expect(phone?.label).toMatch(/parent or carer/);
  });
});

describe("check your answers", () => {
  it("lists only the questions that were asked, in page order", () => {
    const draft = calm();
    Object.assign(draft.pain as object, { trigger: "lifting", dangerousMechanism: null });
    const sections = reviewSections(draft, clock);
    expect(sections.map((s) => s.step)).toEqual([
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
    ]);
    const rows = sections.flatMap((s) => s.rows.map((r) => r.key));
    expect(rows).toContain("consent.privacyNotice");
    expect(rows).not.toContain("legs.numbnessLegs"); // no numbness
    expect(rows).not.toContain("cauda.worsening"); // all four answered no
    expect(rows).not.toContain("pain.dangerousMechanism");
    expect(rows.every((r) => !r.includes("onsetDays") || r === "legs.onsetDays.legPain" || !r)).toBe(true);
    expect(sections.flatMap((s) => s.rows).every((r) => r.answer !== null)).toBe(true);
  });

  it("hides the pregnancy question from a man and the runners' questions from a non-runner", () => {
    const draft = calm();
    (draft.contact as Record<string, unknown>).sex = "male";
    (draft.history as Record<string, unknown>).pregnancy = "not_applicable";
    const rows = reviewSections(draft, clock).flatMap((s) => s.rows.map((r) => r.key));
    expect(rows).not.toContain("history.pregnancy");
    if (!(draft.running as { isRunner: boolean }).isRunner) expect(rows).not.toContain("running.painOnHopping");
  });

  it("links each answer to the question on its page", () => {
    expect(fieldForPath("legs.onsetDays.numbness")).toEqual({ step: "legs", name: "legs.onsetDays.numbness" });
    expect(fieldForPath("history.anticoagulant")).toEqual({ step: "health-history", name: "history.anticoagulant" });
    expect(fieldForPath("history.newConfusion")).toEqual({ step: "recent-illness", name: "history.newConfusion" });
    expect(fieldForPath("consent.privacyNotice")).toEqual({ step: "about-you", name: "consent.privacyNotice" });
    expect(fieldForPath("pain.locations")).toEqual({ step: "where-it-hurts", name: "regions" });
    expect(fieldForPath("cauda")?.step).toBe("nerve-check");
    expect(fieldForPath("legs.onsetDays")?.step).toBe("legs");
  });
});

describe("changing an earlier answer", () => {
  it("asks the new questions of a later page, and stores 'not asked' for the ones that no longer apply", () => {
    const before = calm();
    (before.legs as Record<string, unknown>).legPain = "none";
    Object.assign(before.legs as object, {
      legPainWorseThanBack: false,
      worsening: null,
      onsetDays: { legPain: null, numbness: null, weakness: null, walking: null, armOrHand: null },
    });
    const steps = ["about-you", "where-it-hurts", "this-episode", "vascular-check", "legs", "nerve-check"];
    const after = merge(before, { legs: { legPain: "below_knee_both_sides" } });
    const out = reconcileLaterPages(before, after, steps, clock);
    expect(out.completedSteps).not.toContain("legs");
    expect(out.answers.legs).not.toHaveProperty("legPainWorseThanBack");
    expect((out.answers.legs as { onsetDays: object }).onsetDays).not.toHaveProperty("legPain");
    const back = reconcileLaterPages(after, merge(out.answers, { legs: { legPain: "none" } }), steps, clock);
    expect(back.answers.legs).toMatchObject({ legPainWorseThanBack: false, onsetDays: { legPain: null } });
  });
});

describe("the early red-flag interrupt", () => {
  const upToVascular = (tearing: boolean): DraftAnswers => {
    const draft = calm();
    for (const later of ["legs", "cauda", "history", "inflammatory", "running", "outlook", "function"])
      delete draft[later];
    (draft.vascular as Record<string, unknown>).suddenSevereTearingPain = tearing;
    return draft;
  };

  it("sends a patient with sudden tearing pain to the emergency page right after the blood vessel page", () => {
    const emergency = emergencySoFar(upToVascular(true), clock);
    expect(emergency?.page).toBe("vascular-check");
    expect(emergency?.grade.level).toBe("EMERGENCY");
    expect(emergency?.grade.firedRules.map((r) => r.id)).toContain("E9");
  });

  it("lets a calm patient carry on to the next page", () => {
    expect(emergencySoFar(upToVascular(false), clock)).toBeNull();
    expect(gradeSoFar(upToVascular(false), clock)?.page).toBe("vascular-check");
    expect(emergencySoFar(calm(), clock)).toBeNull();
  });

  it("checks again after the nerve check, with the nerve answers", () => {
    const draft = calm();
    for (const later of ["history", "inflammatory", "running"]) delete draft[later];
    Object.assign(draft.cauda as object, {
      bladderChange: "yes",
      onsetDays: { saddleNumbness: null, bladderChange: 2, bowelChange: null, sexualFunctionChange: null },
      worsening: null,
    });
    const emergency = emergencySoFar(draft, clock);
    expect(emergency?.page).toBe("nerve-check");
    expect(emergency?.grade.firedRules.map((r) => r.id)).toContain("E1");
  });

  it("sends the answers so far with stoppedAt and the later sections null", () => {
    const early = earlyAnswers({ ...upToVascular(true), _form: { regions: [] } }, "vascular-check");
    expect(early).toMatchObject({
      stoppedAt: "vascular-check",
      consent: { privacyNotice: true },
      legs: null,
      cauda: null,
      history: null,
      inflammatory: null,
      running: null,
      outlook: null,
      function: null,
    });
    expect(early).not.toHaveProperty("_form");
  });
});
