// Outcomes after an intake (issue 20): the activities, the check-in's questions and answers, the
// scores against the intake, the "not improving" rules at their boundaries, and the progress chart.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProgressChart } from "@/app/_components/progress-chart";
import { FUNCTION_SCREEN } from "@/lib/content";
import { fieldErrors } from "@/lib/forms";
import {
  ACTIVITIES,
  activitiesSchema,
  baselineFrom,
  checkinAnswersSchema,
  checkinFieldErrors,
  checkinInput,
  checkinQuestions,
  checkinValues,
  improved,
  MAX_ACTIVITIES,
  notImproving,
  OUTCOME_RULES,
  OUTCOME_RULES_VERSION,
  progressSeries,
  scoreCheckin,
  type Baseline,
  type CheckinAnswers,
  type CheckinScore,
  type ProgressPoint,
} from "@/lib/outcomes";

const SAFE = {
  cauda: { saddleNumbness: "no", bladderChange: "no", bowelChange: "no", sexualFunctionChange: "not_applicable" },
  legs: { weakness: "none", difficultyWalking: false },
} as const;

/** A full, valid check-in; `over` replaces top-level parts. */
function answers(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...SAFE,
    pain: { intensity: 3, pattern: "improving" },
    function: { sections: [1, 1, 2, 1, 1, 1, 0, 1, 1, 1] },
    activities: [
      { id: "walking", rating: 7 },
      { id: "sitting_long", rating: 6 },
    ],
    trend: "better",
    ...over,
  };
}

const parse = (input: unknown) => checkinAnswersSchema.parse(input);
const errorsOf = (input: unknown) => {
  const r = checkinAnswersSchema.safeParse(input);
  if (r.success) throw new Error("expected a refusal");
  return fieldErrors(r.error);
};

/** A score with every change given; `over` replaces any of it. */
function score(over: Partial<CheckinScore> = {}): CheckinScore {
  return {
    week: 6,
    pain: 6,
    functionPercent: 40,
    activityMean: 4,
    painChange: 0,
    functionChange: 0,
    activityChange: 0,
    trend: "same",
    ...over,
  };
}

const BASE: Baseline = {
  pain: 6,
  functionPercent: 40,
  activities: [
    { id: "walking", rating: 4 },
    { id: "sitting_long", rating: 3 },
  ],
};

/** A score whose pain and function are `pain` and `fn` against BASE (6 and 40%). */
const at = (week: number, pain: number, fn: number | null, over: Partial<CheckinScore> = {}) =>
  score({
    week,
    pain,
    functionPercent: fn,
    painChange: pain - 6,
    functionChange: fn === null ? null : fn - 40,
    ...over,
  });

const fired = (b: Baseline, scores: CheckinScore[]) => notImproving(b, scores).fired.map((f) => `${f.id}@${f.week}`);

describe("activities", () => {
  it("lists about 12 activities with distinct snake_case ids", () => {
    expect(ACTIVITIES.length).toBeGreaterThanOrEqual(10);
    expect(ACTIVITIES.length).toBeLessThanOrEqual(14);
    for (const a of ACTIVITIES) expect(a.id).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(new Set(ACTIVITIES.map((a) => a.id)).size).toBe(ACTIVITIES.length);
  });

  it("accepts 1 to 3 distinct activities rated 0 to 10", () => {
    expect(activitiesSchema.safeParse([{ id: "walking", rating: 0 }]).success).toBe(true);
    const three = [
      { id: "walking", rating: 0 },
      { id: "lifting", rating: 10 },
      { id: "sleeping", rating: 5 },
    ];
    expect(activitiesSchema.parse(three)).toEqual(three);
  });

  it("refuses none, more than 3, a repeat, an unknown activity and a rating out of range, in the patient's words", () => {
    const refused = (x: unknown) => {
      const r = activitiesSchema.safeParse(x);
      if (r.success) throw new Error("expected a refusal");
      return fieldErrors(r.error);
    };
    expect(refused([])._root).toEqual(["Choose at least one activity that your back makes hard"]);
    const four = ["walking", "lifting", "sleeping", "stairs"].map((id) => ({ id, rating: 5 }));
    expect(refused(four)._root).toEqual([`Choose no more than ${MAX_ACTIVITIES} activities`]);
    expect(
      refused([
        { id: "walking", rating: 5 },
        { id: "walking", rating: 6 },
      ])["1.id"],
    ).toEqual(["You chose this activity twice: choose it once"]);
    expect(refused([{ id: "skydiving", rating: 5 }])["0.id"]).toEqual(["Choose an activity from the list"]);
    expect(refused([{ id: "walking", rating: 11 }])["0.rating"]).toEqual(["Choose a number from 0 to 10"]);
    expect(refused([{ id: "walking", rating: 2.5 }])["0.rating"]).toEqual(["Enter a whole number"]);
    expect(refused([{ id: "walking", rating: 5, note: "x" }])["0.note"]).toBeDefined();
  });
});

describe("check-in answers", () => {
  it("accepts a full valid check-in", () => {
    const parsed = parse(answers());
    expect(parsed.trend).toBe("better");
    expect(parsed.activities).toHaveLength(2);
    expect(parsed.function.sections).toHaveLength(10);
  });

  it("accepts no activities and skipped function sections", () => {
    expect(
      checkinAnswersSchema.safeParse(answers({ activities: [], function: { sections: Array(10).fill(null) } })).success,
    ).toBe(true);
  });

  it("refuses out-of-range, unknown and repeated activities, and a missing trend, in the patient's words", () => {
    expect(errorsOf(answers({ activities: [{ id: "walking", rating: 11 }] }))["activities.0.rating"]).toEqual([
      "Choose a number from 0 to 10",
    ]);
    expect(errorsOf(answers({ activities: [{ id: "juggling", rating: 3 }] }))["activities.0.id"]).toEqual([
      "Choose an activity from the list",
    ]);
    expect(
      errorsOf(
        answers({
          activities: [
            { id: "walking", rating: 3 },
            { id: "walking", rating: 4 },
          ],
        }),
      )["activities.1.id"],
    ).toEqual(["You chose this activity twice: choose it once"]);
    const four = ["walking", "lifting", "sleeping", "stairs"].map((id) => ({ id, rating: 5 }));
    expect(errorsOf(answers({ activities: four })).activities).toEqual(["Choose no more than 3 activities"]);
    expect(errorsOf(answers({ trend: "much_better" })).trend).toEqual([
      "Choose how you are now, compared with when you filled in the form",
    ]);
    expect(
      errorsOf(answers({ function: { sections: [6, 1, 1, 1, 1, 1, 1, 1, 1, 1] } }))["function.sections.0"],
    ).toEqual(["Choose a score from 0 to 5, or skip this part"]);
    expect(errorsOf(answers({ pain: { intensity: 12, pattern: "stable" } }))["pain.intensity"]).toEqual([
      "Choose a number from 0 to 10",
    ]);
    expect(errorsOf(answers({ extra: 1 })).extra).toBeDefined();
  });
});

describe("check-in questions", () => {
  const ids = ["walking", "sitting_long"];

  it("asks pain, the trend, each activity, the 10 function sections, then the safety questions", () => {
    const names = checkinQuestions(ids).map((q) => q.name);
    expect(names.slice(0, 4)).toEqual(["pain.intensity", "trend", "activity.walking", "activity.sitting_long"]);
    expect(names.slice(4, 14)).toEqual(Array.from({ length: 10 }, (_, i) => `function.${i}`));
    expect(names.slice(14)).toEqual([
      "cauda.saddleNumbness",
      "cauda.bladderChange",
      "cauda.bowelChange",
      "cauda.sexualFunctionChange",
      "legs.weakness",
      "legs.difficultyWalking",
      "pain.pattern",
    ]);
  });

  it("groups the questions and offers the function screen's own sentences, each section optional", () => {
    const qs = checkinQuestions(ids);
    expect(qs.map((q) => q.group)).toEqual([
      "pain",
      "overall",
      "activities",
      "activities",
      ...Array(10).fill("function"),
      ...Array(7).fill("safety"),
    ]);
    const first = qs.find((q) => q.name === "function.0")!;
    expect(first.optional).toBe(true);
    expect(first.options).toEqual(FUNCTION_SCREEN.sections[0].options.map((words, i) => [String(i), words]));
    expect(qs.find((q) => q.name === "activity.walking")!.options).toHaveLength(11);
    expect(qs.find((q) => q.name === "trend")!.options.map(([v]) => v)).toEqual(["better", "same", "worse"]);
  });

  it("asks only known activities, each once, at most 3", () => {
    const names = checkinQuestions(["walking", "nope", "walking", "lifting", "stairs", "sleeping"])
      .filter((q) => q.group === "activities")
      .map((q) => q.name);
    expect(names).toEqual(["activity.walking", "activity.lifting", "activity.stairs"]);
  });

  it("round-trips a posted form: values to answers", () => {
    const form = new FormData();
    const posted: Record<string, string> = {
      "pain.intensity": "3",
      trend: "better",
      "activity.walking": "7",
      "activity.sitting_long": " 6 ",
      "cauda.saddleNumbness": "no",
      "cauda.bladderChange": "no",
      "cauda.bowelChange": "no",
      "cauda.sexualFunctionChange": "not_applicable",
      "legs.weakness": "none",
      "legs.difficultyWalking": "no",
      "pain.pattern": "improving",
      "function.0": "1",
      "function.1": "1",
      "function.2": "2",
      "function.3": "1",
      "function.4": "1",
      "function.5": "1",
      // function.6 skipped
      "function.7": "1",
      "function.8": "1",
      "function.9": "1",
    };
    for (const [k, v] of Object.entries(posted)) form.set(k, v);
    form.set("unasked", "x");
    const values = checkinValues((n) => form.get(n), ids);
    expect(values["function.6"]).toBe("");
    expect(values).not.toHaveProperty("unasked");
    expect(parse(checkinInput(values, ids))).toEqual(
      answers({ function: { sections: [1, 1, 2, 1, 1, 1, null, 1, 1, 1] } }),
    );
  });

  it("leaves a blank answer missing and names its error after the form's field", () => {
    const values = checkinValues(() => "", ids);
    const input = checkinInput(values, ids) as CheckinAnswers;
    expect(input.function.sections).toEqual(Array(10).fill(null));
    expect(input.activities).toEqual([
      { id: "walking", rating: undefined },
      { id: "sitting_long", rating: undefined },
    ]);
    const r = checkinAnswersSchema.safeParse({ ...input, function: { sections: ["x", ...Array(9).fill(null)] } });
    if (r.success) throw new Error("expected a refusal");
    const errors = checkinFieldErrors(fieldErrors(r.error), ids);
    expect(errors["activity.walking"]).toEqual(["Choose a number from 0 to 10 for how well you can do this now"]);
    expect(errors["activity.sitting_long"]).toBeDefined();
    expect(errors["function.0"]).toEqual(["Choose a score from 0 to 5, or skip this part"]);
    expect(errors.trend).toBeDefined();
    expect(errors["pain.intensity"]).toBeDefined();
  });
});

describe("scoring", () => {
  const intake = { pain: { intensity: 6, pattern: "stable" }, function: { sections: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2] } };

  it("takes the baseline from the intake's pain and function screen, and the rated activities", () => {
    expect(baselineFrom(intake, [{ id: "walking", rating: 4 }])).toEqual({
      pain: 6,
      functionPercent: 40,
      activities: [{ id: "walking", rating: 4 }],
    });
  });

  it("gives nulls for a skipped or unscorable function screen and for no activities", () => {
    expect(baselineFrom({ ...intake, function: null }, null).functionPercent).toBeNull();
    const seven = { sections: [2, 2, 2, 2, 2, 2, 2, null, null, null] };
    expect(baselineFrom({ ...intake, function: seven }, null)).toEqual({
      pain: 6,
      functionPercent: null,
      activities: [],
    });
    // 8 answered sections are enough, as at intake
    expect(
      baselineFrom({ ...intake, function: { sections: [2, 2, 2, 2, 2, 2, 2, 2, null, null] } }, null),
    ).toMatchObject({ functionPercent: 40 });
  });

  it("never throws on a malformed row", () => {
    const empty = { pain: null, functionPercent: null, activities: [] };
    for (const bad of [
      null,
      undefined,
      7,
      "x",
      [],
      { pain: "6" },
      { pain: { intensity: 11 } },
      { function: { sections: "x" } },
    ])
      expect(baselineFrom(bad, null)).toEqual(empty);
    const hostile = Object.defineProperty({}, "pain", {
      get() {
        throw new Error("boom");
      },
    });
    expect(baselineFrom(hostile, null)).toEqual(empty);
    expect(
      baselineFrom(intake, [
        { id: "walking", rating: 12 },
        { id: "lifting", rating: 5 },
        { id: "lifting", rating: 6 },
        null as never,
      ]).activities,
    ).toEqual([{ id: "lifting", rating: 5 }]);
  });

  it("scores a check-in: changes are later minus baseline", () => {
    const s = scoreCheckin(BASE, 6, parse(answers()));
    expect(s).toEqual({
      week: 6,
      pain: 3,
      functionPercent: 20,
      activityMean: 6.5,
      painChange: -3,
      functionChange: -20,
      activityChange: 3,
      trend: "better",
    });
  });

  it("scores function percent from the sections answered, and null with fewer than 8", () => {
    const six = scoreCheckin(BASE, 6, parse(answers({ function: { sections: [5, 5, 5, 5, 5, 5, 5, 5, 5, null] } })));
    expect(six.functionPercent).toBe(100);
    expect(six.functionChange).toBe(60);
    const few = scoreCheckin(
      BASE,
      6,
      parse(answers({ function: { sections: [1, 1, 1, 1, 1, 1, 1, null, null, null] } })),
    );
    expect(few.functionPercent).toBeNull();
    expect(few.functionChange).toBeNull();
  });

  it("leaves a change null when the baseline is missing", () => {
    const s = scoreCheckin({ pain: null, functionPercent: null, activities: [] }, 2, parse(answers()));
    expect(s).toMatchObject({ painChange: null, functionChange: null, activityChange: null, activityMean: 6.5 });
  });

  it("compares activities over those rated both times, to one decimal", () => {
    const baseline: Baseline = {
      ...BASE,
      activities: [
        { id: "walking", rating: 3 },
        { id: "lifting", rating: 4 },
        { id: "sleeping", rating: 4 },
      ],
    };
    const s = scoreCheckin(
      baseline,
      12,
      parse(
        answers({
          activities: [
            { id: "walking", rating: 5 },
            { id: "lifting", rating: 6 },
            { id: "sleeping", rating: 6 },
          ],
        }),
      ),
    );
    expect(s.activityChange).toBe(2);
    expect(s.activityMean).toBe(5.7);
    const other = scoreCheckin(baseline, 12, parse(answers({ activities: [{ id: "stairs", rating: 9 }] })));
    expect(other.activityChange).toBeNull();
  });

  it("makes a progress series from the form (week 0) and each check-in in week order", () => {
    const series = progressSeries(BASE, [at(12, 2, 10, { activityMean: 8 }), at(2, 5, 35, { activityMean: 4.5 })]);
    expect(series).toEqual([
      { label: "At the form", week: 0, pain: 6, functionPercent: 40, activityMean: 3.5 },
      { label: "At 2 weeks", week: 2, pain: 5, functionPercent: 35, activityMean: 4.5 },
      { label: "At 12 weeks", week: 12, pain: 2, functionPercent: 10, activityMean: 8 },
    ]);
  });
});

describe("not improving rules", () => {
  it("is versioned, with a source for each rule", () => {
    expect(OUTCOME_RULES_VERSION).toBe("2026.12");
    expect(OUTCOME_RULES.map((r) => r.id)).toEqual(["O1", "O2", "O3"]);
    for (const r of OUTCOME_RULES) expect(r.source.length).toBeGreaterThan(10);
    expect(notImproving(BASE, []).version).toBe("2026.12");
  });

  it("O1 fires on 'worse' at any check-in, even the first", () => {
    expect(fired(BASE, [at(2, 3, 20, { trend: "worse" })])).toEqual(["O1@2"]);
    expect(fired(BASE, [at(2, 6, 40, { trend: "same" })])).toEqual([]);
  });

  it("O2 waits for week 6", () => {
    expect(fired(BASE, [at(2, 6, 40)])).toEqual([]);
    expect(fired(BASE, [at(6, 6, 40)])).toEqual(["O2@6"]);
    expect(fired(BASE, [at(12, 6, 40, { activityChange: null })])).toEqual(["O2@12"]);
  });

  it("O2: pain down exactly 2 is enough; down 1 with function better by 9.9 is not", () => {
    expect(fired(BASE, [at(6, 4, 40)])).toEqual([]);
    expect(fired(BASE, [at(6, 5, 30.1)])).toEqual(["O2@6"]);
  });

  it("O2: function better by exactly 10 is enough without any pain change", () => {
    expect(fired(BASE, [at(6, 6, 30)])).toEqual([]);
  });

  it("O2: one measure decides alone when the other is missing on either side", () => {
    const noFunction: Baseline = { ...BASE, functionPercent: null };
    expect(fired(noFunction, [at(6, 4, 10)])).toEqual([]);
    expect(fired(noFunction, [at(6, 5, 10)])).toEqual(["O2@6"]);
    expect(fired(BASE, [at(6, 5, null)])).toEqual(["O2@6"]);
    const noPain: Baseline = { ...BASE, pain: null };
    expect(fired(noPain, [at(6, 9, 30)])).toEqual([]);
    expect(fired(noPain, [at(6, 9, 31)])).toEqual(["O2@6"]);
    expect(fired({ ...noPain, functionPercent: null }, [at(6, 9, 30)])).toEqual([]);
  });

  it("O3 at week 12: activities up exactly 2 is enough, 1.9 is not; nothing without activities", () => {
    expect(fired(BASE, [at(12, 2, 10, { activityChange: 2 })])).toEqual([]);
    expect(fired(BASE, [at(12, 2, 10, { activityChange: 1.9 })])).toEqual(["O3@12"]);
    expect(fired(BASE, [at(6, 2, 10, { activityChange: 0 })])).toEqual([]);
    expect(fired(BASE, [at(12, 2, 10, { activityChange: null })])).toEqual([]);
  });

  it("reports every rule at every check-in, in week order, with staff words", () => {
    const result = notImproving(BASE, [
      at(12, 6, 40, { activityChange: 0 }),
      at(2, 7, 40, { trend: "worse" }),
      at(6, 6, 40),
    ]);
    expect(result.notImproving).toBe(true);
    expect(result.fired.map((f) => `${f.id}@${f.week}`)).toEqual(["O1@2", "O2@6", "O2@12", "O3@12"]);
    expect(result.fired[0]!.summary).toBe(OUTCOME_RULES[0]!.summary);
    expect(notImproving(BASE, [at(2, 5, 38), at(6, 4, 30), at(12, 2, 10, { activityChange: 3 })])).toEqual({
      notImproving: false,
      fired: [],
      version: "2026.12",
    });
  });
});

describe("improved", () => {
  it("counts pain down by 2 or function better by 10", () => {
    expect(improved(BASE, at(6, 4, 40))).toBe(true);
    expect(improved(BASE, at(6, 5, 39))).toBe(false);
    expect(improved(BASE, at(6, 6, 30))).toBe(true);
    expect(improved(BASE, at(6, 7, 30))).toBe(true);
  });

  it("counts the patient's 'better' only when neither pain nor function went up", () => {
    expect(improved(BASE, at(6, 6, 40, { trend: "better" }))).toBe(true);
    expect(improved(BASE, at(6, 5, 41, { trend: "better" }))).toBe(false);
    expect(improved(BASE, at(6, 7, 35, { trend: "better" }))).toBe(false);
    expect(improved(BASE, at(6, 6, 40, { trend: "same" }))).toBe(false);
  });

  it("is null when neither pain nor function can be compared", () => {
    expect(
      improved({ pain: null, functionPercent: null, activities: [] }, at(6, 2, 10, { trend: "better" })),
    ).toBeNull();
    expect(improved({ ...BASE, pain: null }, at(6, 2, null))).toBeNull();
    expect(improved({ ...BASE, pain: null }, at(6, 2, 30))).toBe(true);
  });
});

describe("ProgressChart", () => {
  const points: ProgressPoint[] = [
    { label: "At the form", week: 0, pain: 6, functionPercent: 42.2, activityMean: 3.3 },
    { label: "At 2 weeks", week: 2, pain: 5, functionPercent: null, activityMean: 4 },
    { label: "At 6 weeks", week: 6, pain: 3, functionPercent: 20, activityMean: 6.5 },
  ];
  const render = (p: ProgressPoint[]) =>
    renderToStaticMarkup(createElement(ProgressChart, { points: p, title: "Your progress" }));
  const text = (html: string) => html.replace(/<[^>]+>/g, "|");

  it("describes the change in words, in the SVG's title and description", () => {
    const html = render(points);
    const svg = /<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"[^>]*>/.exec(html);
    expect(svg).not.toBeNull();
    const [titleId, descId] = svg![1]!.split(" ");
    expect(html).toContain(`<title id="${titleId}">Your progress</title>`);
    expect(html).toContain(
      `<desc id="${descId}">Pain 6 at the form, 3 at 6 weeks. Daily function 42.2% at the form, 20% at 6 weeks. Chosen activities 3.3 at the form, 6.5 at 6 weeks.</desc>`,
    );
    expect(html).toContain("Daily function (lower is better)");
    expect(html).toContain('viewBox="0 0 360 220"');
    expect(html).toContain('width="100%"');
  });

  it("gives the same numbers in a table with a caption and header scopes", () => {
    const html = render(points);
    const table = html.slice(html.indexOf("<table"), html.indexOf("</table>"));
    expect(table).toContain("<caption>Your progress: the numbers</caption>");
    expect(table.match(/<th scope="col">/g)).toHaveLength(4);
    const rows = [...table.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1).map((m) => text(m[1]!).split("|").filter(Boolean));
    expect(rows).toEqual([
      ["At the form", "6", "42.2%", "3.3"],
      ["At 2 weeks", "5", "Not answered", "4"],
      ["At 6 weeks", "3", "20%", "6.5"],
    ]);
    expect(table).toContain('<th scope="row">At 6 weeks</th>');
  });

  it("draws each series with its own marker shape and dash, and never an inline style", () => {
    const html = render(points);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html.match(/<circle/g)!.length).toBeGreaterThanOrEqual(3);
    expect(html.match(/<rect/g)!.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('stroke-dasharray="7 4"');
    expect(html).toContain('stroke-dasharray="2 4"');
  });

  it("says so in a sentence when there is nothing to show", () => {
    for (const p of [[], [{ label: "At the form", week: 0, pain: null, functionPercent: null, activityMean: null }]]) {
      const html = render(p);
      expect(html).not.toContain("<svg");
      expect(html).not.toContain("<table");
      expect(html).toContain("There are no answers to show yet.");
      expect(html).not.toMatch(/\sstyle=/);
    }
  });
});
