// The return-to-run programme (issue 20): the seed article's rules as decisions, the check-in
// schema's patient-worded refusals, and the plan's and the exercise cards' words and markup.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExerciseCards } from "@/app/my/_components/exercise-cards";
import { RunPlan } from "@/app/my/_components/run-plan";
import {
  decide,
  EXERCISES,
  FIGURE_KEYS,
  FIGURE_WORDS,
  isRedFlagSign,
  PAIN_WENT,
  PAIN_WENT_WORDS,
  programmeCheckinSchema,
  PROGRAMME_VERSION,
  PURPOSE_WORDS,
  REASON_WORDS,
  STAGES,
  WARNING_SIGN_WORDS,
  WARNING_SIGNS,
  type Decision,
  type ProgrammeCheckin,
  type StageKey,
  type WarningSign,
} from "@/lib/programme";

const CALM: ProgrammeCheckin = {
  painDuring: 1,
  painNextMorning: 1,
  painWent: "stayed",
  goalDone: true,
  warningSigns: [],
};
const checkin = (over: Partial<ProgrammeCheckin> = {}): ProgrammeCheckin => ({ ...CALM, ...over });
const numberOf = (key: StageKey) => STAGES.find((s) => s.key === key)!.number;
const limitOf = (n: number) => STAGES[n - 1]!.painLimit;
const LAST = STAGES.length;
const ALL_STAGES = STAGES.map((s) => s.number);
const BONE_STRESS = WARNING_SIGNS.filter((s) => !isRedFlagSign(s));
const RED_FLAGS = WARNING_SIGNS.filter(isRedFlagSign);

/** Decides a week at `stage` after 1 week there. */
const week = (stage: number, over: Partial<ProgrammeCheckin> = {}, weeksAtStage = 1) =>
  decide({ stage, weeksAtStage, checkin: checkin(over) });

/** Walks the plan from stage 1 with the same answers every week, for up to `weeks` weeks. */
function run(over: Partial<ProgrammeCheckin>, weeks = 20): Decision[] {
  const out: Decision[] = [];
  let stage = 1;
  let weeksAtStage = 1;
  for (let i = 0; i < weeks; i++) {
    const d = decide({ stage, weeksAtStage, checkin: checkin(over) });
    out.push(d);
    if (d.completed || d.action === "stop") break;
    weeksAtStage = d.stage === stage ? weeksAtStage + 1 : 1;
    stage = d.stage;
  }
  return out;
}

describe("the stages follow the seed's order", () => {
  it.each<[string, () => void]>([
    [
      "walking at a quick pace comes before any running (stage 1 is walking)",
      () => {
        expect(STAGES[0]!.key).toBe("walk");
        expect(STAGES[0]!.title).toMatch(/quick pace/i);
        expect(STAGES[0]!.sessions.join(" ")).not.toMatch(/\b(jog|run)/i);
      },
    ],
    [
      "level ground and a slower pace first: every stage before hills keeps to flat ground",
      () => {
        for (const s of STAGES.slice(1, -1)) expect(s.sessions.join(" ") + s.goal, s.key).toMatch(/flat ground/i);
        for (const s of STAGES.slice(0, -1))
          expect(s.sessions.join(" ") + s.goal, s.key).not.toMatch(/\bhills? (efforts|repeats)|up a .*hill/i);
      },
    ],
    [
      "run/walk 1 minute each, then more running in the mix, then continuous easy running",
      () => {
        expect(STAGES.map((s) => s.key)).toEqual([
          "walk",
          "run_walk",
          "run_walk_more",
          "easy_run",
          "previous_distance",
          "hills_speed",
        ]);
        expect(STAGES[1]!.sessions.join(" ")).toMatch(/jog slowly for 1 minute, then walk for 1 minute/);
        expect(STAGES[1]!.sessions.join(" ")).toMatch(/jog a little longer each time/);
      },
    ],
    [
      "hills and speed come last, after the usual distance",
      () => {
        expect(STAGES.at(-1)!.key).toBe("hills_speed");
        expect(numberOf("previous_distance")).toBe(LAST - 1);
      },
    ],
  ])("%s", (_name, check) => check());

  it("numbers the stages 1..n in order", () => {
    expect(STAGES.map((s) => s.number)).toEqual(Array.from({ length: STAGES.length }, (_, i) => i + 1));
  });

  it("allows less pain once the usual distance is back than at the start", () => {
    expect(STAGES[0]!.painLimit).toBe(3);
    expect(STAGES.find((s) => s.key === "previous_distance")!.painLimit).toBe(2);
    expect(STAGES.find((s) => s.key === "hills_speed")!.painLimit).toBe(2);
    for (const s of STAGES) expect(s.minWeeks).toBeGreaterThanOrEqual(1);
  });
});

describe("decide: one row per seed rule", () => {
  type Row = [string, number, Partial<ProgrammeCheckin>, Partial<Decision>];
  const rows: Row[] = [
    [
      "a calm week on the walking stage moves on to run/walk",
      1,
      {},
      { action: "progress", stage: 2, reasons: ["all_clear"] },
    ],
    [
      "pain moving back towards the spine keeps going, even at the limit",
      2,
      { painWent: "towards_spine", painDuring: 3, painNextMorning: 3 },
      { action: "progress", stage: 3, reasons: ["all_clear"] },
    ],
    [
      "spreading pain stops on the first stage",
      1,
      { painWent: "spread_down_leg", painDuring: 0, painNextMorning: 0 },
      { action: "stop", stage: 1, reasons: ["spreading_pain"], staffReview: true },
    ],
    [
      "morning pain over the limit stops and asks for review",
      3,
      { painNextMorning: 4 },
      { action: "stop", stage: 3, reasons: ["morning_pain_over_limit"], staffReview: true },
    ],
    [
      "morning pain of 3 is over the limit once the usual distance is the goal",
      5,
      { painNextMorning: 3 },
      { action: "stop", stage: 5, reasons: ["morning_pain_over_limit"] },
    ],
    [
      "pain during over the limit steps back a stage",
      4,
      { painDuring: 4 },
      { action: "step_back", stage: 3, reasons: ["pain_during_over_limit"], staffReview: false },
    ],
    [
      "pain during over the limit on stage 1 repeats it (never below 1)",
      1,
      { painDuring: 9 },
      { action: "repeat", stage: 1, reasons: ["pain_during_over_limit"] },
    ],
    [
      "a goal not done repeats the stage",
      3,
      { goalDone: false },
      { action: "repeat", stage: 3, reasons: ["goal_not_done"] },
    ],
    [
      "a bone-stress sign stops",
      4,
      { warningSigns: ["sore_spot_on_bone"] },
      { action: "stop", stage: 4, reasons: ["bone_stress_sign"], staffReview: true },
    ],
    [
      "a red-flag sign stops",
      2,
      { warningSigns: ["saddle_numbness"] },
      { action: "stop", stage: 2, reasons: ["red_flag_sign"], staffReview: true },
    ],
    [
      "every stop reason that applies is listed, red flag first",
      3,
      {
        warningSigns: ["limp", "bladder_bowel_change"],
        painWent: "spread_down_leg",
        painNextMorning: 7,
        painDuring: 8,
      },
      {
        action: "stop",
        stage: 3,
        reasons: ["red_flag_sign", "bone_stress_sign", "spreading_pain", "morning_pain_over_limit"],
      },
    ],
    [
      "the last stage completes the plan and keeps its number",
      LAST,
      {},
      { action: "progress", stage: LAST, completed: true, reasons: ["completed"] },
    ],
    [
      "hills and speed open only after an all-clear week at the usual distance",
      numberOf("previous_distance"),
      { painDuring: 2, painNextMorning: 2 },
      { action: "progress", stage: numberOf("hills_speed") },
    ],
    [
      "pain of 3 at the usual distance does not open hills and speed",
      numberOf("previous_distance"),
      { painDuring: 3 },
      { action: "step_back", stage: numberOf("easy_run") },
    ],
  ];
  it.each(rows)("%s", (_name, stage, over, expected) => {
    expect(week(stage, over)).toMatchObject({ completed: false, staffReview: expected.action === "stop", ...expected });
  });

  it.each(ALL_STAGES)("spreading pain stops at stage %i, whatever the scores", (stage) => {
    const d = week(stage, { painWent: "spread_down_leg", painDuring: 0, painNextMorning: 0 });
    expect(d).toMatchObject({ action: "stop", stage, staffReview: true, completed: false });
    expect(d.message).toMatch(/stop running/i);
  });

  it.each(ALL_STAGES)("centralising pain at the limit keeps going at stage %i", (stage) => {
    const l = limitOf(stage);
    const d = week(stage, { painWent: "towards_spine", painDuring: l, painNextMorning: l });
    expect(d.action).toBe("progress");
    expect(d.message).toMatch(/good sign/);
  });

  it.each([...BONE_STRESS, ...RED_FLAGS])("the sign %s stops at every stage, even with no pain", (sign) => {
    for (const stage of ALL_STAGES) {
      const d = week(stage, { warningSigns: [sign], painDuring: 0, painNextMorning: 0, painWent: "none" });
      expect(d).toMatchObject({ action: "stop", stage, staffReview: true });
      expect(d.reasons).toEqual([isRedFlagSign(sign) ? "red_flag_sign" : "bone_stress_sign"]);
    }
  });

  it("sends red flags to emergency care the same day, without naming a diagnosis", () => {
    const d = week(2, { warningSigns: ["bladder_bowel_change"] });
    expect(d.message).toMatch(/medical help today/);
    expect(d.message).toMatch(/emergency department now/);
  });

  it("tells the patient to keep walking gently and that we will be in touch on other stops", () => {
    for (const over of [{ painWent: "spread_down_leg" as const }, { painNextMorning: 9 }]) {
      expect(week(3, over).message).toMatch(/stop running.*keep walking gently.*we will be in touch/i);
    }
  });

  it("repeats a stage when too few weeks have passed, listing every repeat reason", () => {
    expect(week(2, {}, 0)).toMatchObject({ action: "repeat", stage: 2, reasons: ["too_soon"] });
    expect(week(2, { goalDone: false }, 0).reasons).toEqual(["goal_not_done", "too_soon"]);
  });

  it("checks rules in order: stop beats step back beats repeat", () => {
    expect(week(3, { painDuring: 9, painNextMorning: 9, goalDone: false }).action).toBe("stop");
    expect(week(3, { painDuring: 9, goalDone: false })).toMatchObject({
      action: "step_back",
      reasons: ["pain_during_over_limit"],
    });
  });

  it("flags staff review exactly when it stops, and never steps below stage 1", () => {
    const pains = [0, 2, 3, 4, 10];
    for (const stage of ALL_STAGES)
      for (const painDuring of pains)
        for (const painNextMorning of pains)
          for (const painWent of PAIN_WENT)
            for (const goalDone of [true, false])
              for (const warningSigns of [[], ["limp"], ["new_leg_weakness"]] as WarningSign[][])
                for (const weeksAtStage of [0, 1, 3]) {
                  const d = decide({
                    stage,
                    weeksAtStage,
                    checkin: { painDuring, painNextMorning, painWent, goalDone, warningSigns },
                  });
                  expect(d.staffReview).toBe(d.action === "stop");
                  expect(d.stage).toBeGreaterThanOrEqual(1);
                  expect(d.stage).toBeLessThanOrEqual(LAST);
                  expect(d.completed).toBe(d.reasons.includes("completed"));
                  expect(d.reasons.length).toBeGreaterThan(0);
                  expect(d.message.length).toBeGreaterThan(0);
                  const step = { progress: d.completed ? 0 : 1, repeat: 0, stop: 0, step_back: -1 }[d.action];
                  expect(d.stage).toBe(stage + step);
                }
  });

  it("reaches hills and speed only by an all-clear week at the usual distance", () => {
    for (const stage of ALL_STAGES)
      for (const p of [0, 1, 2, 3, 4])
        for (const goalDone of [true, false]) {
          const d = week(stage, { painDuring: p, painNextMorning: p, goalDone });
          if (d.stage === numberOf("hills_speed") && stage !== numberOf("hills_speed")) {
            expect(stage).toBe(numberOf("previous_distance"));
            expect(d.reasons).toEqual(["all_clear"]);
          }
        }
  });

  it("takes a calm runner through every stage in order and completes in 6 weeks", () => {
    const weeks = run({});
    expect(weeks.map((d) => d.stage)).toEqual([2, 3, 4, 5, 6, 6]);
    expect(weeks.at(-1)!.completed).toBe(true);
    expect(weeks.at(-1)!.message).toMatch(/finished the plan/);
  });

  it("reads a stage number out of range as the nearest stage", () => {
    expect(week(0).stage).toBe(2);
    expect(week(99)).toMatchObject({ completed: true, stage: LAST });
    expect(week(Number.NaN).stage).toBe(2);
  });

  it("fails safe when a score is not a number", () => {
    expect(week(2, { painNextMorning: Number.NaN }).action).toBe("stop");
    expect(week(2, { painDuring: Number.NaN }).action).toBe("step_back");
  });
});

describe("programmeCheckinSchema", () => {
  const ok = { painDuring: 2, painNextMorning: 1, painWent: "towards_spine", goalDone: true, warningSigns: ["limp"] };
  const messages = (value: unknown) => {
    const r = programmeCheckinSchema.safeParse(value);
    expect(r.success).toBe(false);
    return r.error!.issues.map((i) => i.message);
  };

  it("accepts a full answer, with or without warning signs", () => {
    expect(programmeCheckinSchema.parse(ok)).toEqual(ok);
    expect(programmeCheckinSchema.parse({ ...ok, warningSigns: [] }).warningSigns).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["pain above 10", { painDuring: 11 }, "Choose a number from 0 to 10"],
    ["pain below 0", { painNextMorning: -1 }, "Choose a number from 0 to 10"],
    ["pain that is not a whole number", { painDuring: 2.5 }, "Enter a whole number"],
    ["pain missing", { painDuring: undefined }, "Choose a number from 0 to 10 for your pain while you were active"],
    ["an unknown place for the pain", { painWent: "elsewhere" }, "Choose where your pain went"],
    ["a goal answer that is not yes or no", { goalDone: "yes" }, "Answer yes or no"],
    ["an unknown warning sign", { warningSigns: ["headache"] }, "Choose signs from the list"],
    ["a warning sign twice", { warningSigns: ["limp", "limp"] }, "Tick each sign only once"],
    ["an unknown field", { extra: 1 }, 'This form does not ask for "extra"'],
  ])("refuses %s with a patient-worded message", (_name, over, message) => {
    expect(messages({ ...ok, ...over })).toContain(message);
  });

  it("refuses something that is not an object", () => {
    expect(messages("hello")).toEqual(["Answer the questions about this week"]);
  });
});

describe("words", () => {
  /** Every message decide can give, on every stage and one out of range, "too soon" included. */
  const MESSAGES = [...ALL_STAGES, 0]
    .flatMap((stage) =>
      [
        {},
        { goalDone: false },
        { painDuring: 9 },
        { painNextMorning: 9 },
        { warningSigns: ["limp"] as WarningSign[] },
        { warningSigns: ["unwell_with_fever"] as WarningSign[] },
        { painWent: "towards_spine" as const },
      ].map((over) => week(stage, over).message),
    )
    .concat(ALL_STAGES.map((stage) => week(stage, {}, 0).message));
  const texts = [
    PROGRAMME_VERSION,
    ...STAGES.flatMap((s) => [s.title, s.goal, ...s.sessions]),
    ...Object.values(PAIN_WENT_WORDS),
    ...Object.values(WARNING_SIGN_WORDS),
    ...Object.values(REASON_WORDS),
    ...Object.values(FIGURE_WORDS),
    ...Object.values(PURPOSE_WORDS),
    ...EXERCISES.flatMap((e) => [e.id, e.name, e.dose, e.stopIf, ...e.steps]),
    ...MESSAGES,
  ];

  it("has no empty or untrimmed text", () => {
    for (const t of texts) {
      expect(t, JSON.stringify(t)).not.toBe("");
      expect(t, JSON.stringify(t)).toBe(t.trim());
    }
  });

  it("has 2 to 4 session lines per stage, and words for every pain place, sign and reason", () => {
    for (const s of STAGES) expect(s.sessions.length, s.key).toBeGreaterThanOrEqual(2);
    for (const s of STAGES) expect(s.sessions.length, s.key).toBeLessThanOrEqual(4);
    expect(Object.keys(PAIN_WENT_WORDS).sort()).toEqual([...PAIN_WENT].sort());
    expect(Object.keys(WARNING_SIGN_WORDS).sort()).toEqual([...WARNING_SIGNS].sort());
    expect(RED_FLAGS).toEqual(["saddle_numbness", "bladder_bowel_change", "new_leg_weakness", "unwell_with_fever"]);
  });

  it("keeps sentences short and numbers as digits", () => {
    for (const t of texts) {
      for (const sentence of t.split(/(?<=[.!?])\s+/))
        expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(35);
      expect(t, t).not.toMatch(/\b(two|three(?!-quarters)|four|five|six|seven|eight|nine|ten|twenty|thirty)\b/i);
    }
  });

  it("gives 1 or 2 sentence messages", () => {
    for (const t of MESSAGES) expect(t.split(/(?<=[.!?])\s+/).length, t).toBeLessThanOrEqual(2);
  });

  it("has 6 to 8 exercise cards covering core, hip and flexibility, each with its own drawing", () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(6);
    expect(EXERCISES.length).toBeLessThanOrEqual(8);
    expect(new Set(EXERCISES.map((e) => e.purpose))).toEqual(new Set(["core", "hip", "flexibility"]));
    expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(EXERCISES.length);
    expect(EXERCISES.map((e) => e.figure).sort()).toEqual([...FIGURE_KEYS].sort());
    for (const e of EXERCISES) {
      expect(e.steps.length, e.id).toBeGreaterThanOrEqual(3);
      expect(e.stopIf, e.id).toMatch(/^Stop if /);
    }
  });
});

describe("components", () => {
  const plan = (props: Parameters<typeof RunPlan>[0]) => renderToStaticMarkup(createElement(RunPlan, props));
  const items = (html: string) => html.split(/<li class="[^"]*stage/).slice(1);

  it("marks this week's stage and the done ones in words", () => {
    const html = plan({ currentStage: 3 });
    expect(html.startsWith("<ol")).toBe(true);
    const li = items(html);
    expect(li).toHaveLength(STAGES.length);
    expect(html.match(/aria-current="step"/g)).toHaveLength(1);
    expect(li[2]).toMatch(/aria-current="step"/);
    expect(li[2]).toContain("This week");
    expect(li[0]).toContain("Done");
    expect(li[1]).toContain("Done");
    expect(li[3]).not.toMatch(/Done|This week/);
    for (const s of STAGES) expect(html).toContain(s.title);
  });

  it("shows no current stage before the start, and every stage done once completed", () => {
    expect(plan({ currentStage: null })).not.toMatch(/aria-current|This week|>Done</);
    const done = plan({ currentStage: LAST, completed: true });
    expect(done).not.toMatch(/aria-current|This week/);
    expect(done.match(/>Done</g)).toHaveLength(STAGES.length);
  });

  it("draws a labelled figure, numbered steps, the dose and when to stop on every card", () => {
    const html = renderToStaticMarkup(createElement(ExerciseCards));
    expect(html.match(/<svg[^>]*role="img"[^>]*aria-label="[^"]+"/g)).toHaveLength(EXERCISES.length);
    expect(html.match(/<ol/g)).toHaveLength(EXERCISES.length);
    for (const e of EXERCISES) expect(html).toContain(e.name);
    expect(html.match(/Stop if /g)).toHaveLength(EXERCISES.length);
  });

  it("uses no inline styles (the CSP blocks them)", () => {
    const html = plan({ currentStage: 2 }) + renderToStaticMarkup(createElement(ExerciseCards));
    expect(html).not.toMatch(/\sstyle=/);
  });
});
