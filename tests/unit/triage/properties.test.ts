// Properties of ruleset 2026.12 over generated intakes (triage-rules.md, "Safety checks the product
// keeps running"): monotonicity, the three principles, early submissions, C1 and the warning signs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IntakeAnswers } from "@/lib/triage";
import { CAUDA_ITEMS, gradeIntake, hasRedFlagItem, deriveContext, LEVELS, levelRank } from "@/lib/triage";
import { intakeAnswersArbitrary } from "../../support/intake-arbitrary";
import { NOW, schema } from "./calm";

const complete = intakeAnswersArbitrary({ now: NOW });
const anyShape = intakeAnswersArbitrary({ now: NOW, early: true });
const grade = (a: IntakeAnswers) => gradeIntake(a, { now: NOW });
const rankOf = (a: IntakeAnswers) => grade(a).levelRank;
const ids = (a: IntakeAnswers) => grade(a).firedRules.map((r) => r.id);
const RUNS = { numRuns: 400 };

type Legs = NonNullable<IntakeAnswers["legs"]>;
type Cauda = NonNullable<IntakeAnswers["cauda"]>;
type History = NonNullable<IntakeAnswers["history"]>;

/**
 * Every intake that differs from `a` by one answer made more worrying: a yes/no red flag from no to
 * yes, a "no" to "not sure" or "yes", a symptom added (with calm follow-ups: one leg, an old onset,
 * not getting worse), an onset made unknown or more recent, a trend made worse or unknown, a leg or
 * pain answer moved to a more serious option. Each is a valid intake.
 */
function moreWorrying(a: IntakeAnswers): [string, IntakeAnswers][] {
  const out: [string, IntakeAnswers][] = [];
  const legs = (l: Partial<Legs>) => ({ ...a, legs: { ...a.legs!, ...l } });
  const cauda = (c: Partial<Cauda>) => ({ ...a, cauda: { ...a.cauda!, ...c } });
  const history = (h: Partial<History>) => ({ ...a, history: { ...a.history!, ...h } });
  for (const [k, v] of Object.entries(a.vascular))
    if (!v) out.push([`vascular.${k}`, { ...a, vascular: { ...a.vascular, [k]: true } }]);
  if (a.pain.dangerousMechanism === false)
    out.push(["pain.dangerousMechanism", { ...a, pain: { ...a.pain, dangerousMechanism: true } }]);
  if (a.pain.nightPain !== "constant_unrelieved")
    out.push(["pain.nightPain", { ...a, pain: { ...a.pain, nightPain: "constant_unrelieved" } }]);
  if (a.legs !== null) {
    const l = a.legs;
    const anySymptom =
      l.legPain !== "none" ||
      l.numbnessOrTingling ||
      l.weakness !== "none" ||
      l.difficultyWalking ||
      l.armOrHandSymptoms;
    const trend = anySymptom ? l.worsening : false;
    if (!l.numbnessOrTingling)
      out.push([
        "legs.numbness",
        legs({
          numbnessOrTingling: true,
          numbnessLegs: "one_leg",
          onsetDays: { ...l.onsetDays, numbness: 1000 },
          worsening: trend,
        }),
      ]);
    if (l.numbnessLegs === "one_leg") out.push(["legs.numbnessLegs", legs({ numbnessLegs: "both_legs" })]);
    if (!l.difficultyWalking)
      out.push([
        "legs.walking",
        legs({
          difficultyWalking: true,
          walkingKinds: ["heavy_after_distance"],
          onsetDays: { ...l.onsetDays, walking: 1000 },
          worsening: trend,
        }),
      ]);
    if (!l.armOrHandSymptoms)
      out.push([
        "legs.arm",
        legs({
          armOrHandSymptoms: true,
          armHandSide: "one_side",
          armHandKind: "night_tingling_only",
          onsetDays: { ...l.onsetDays, armOrHand: 1000 },
          worsening: trend,
        }),
      ]);
    if (l.weakness === "none")
      out.push([
        "legs.weakness",
        legs({ weakness: "one_leg_stable", onsetDays: { ...l.onsetDays, weakness: 1000 }, worsening: trend }),
      ]);
    if (l.weakness === "one_leg_stable") out.push(["legs.weakness+", legs({ weakness: "one_leg_worsening" })]);
    if (l.weakness === "one_leg_worsening") out.push(["legs.weakness++", legs({ weakness: "both_legs" })]);
    if (l.worsening === false)
      out.push(["legs.worsening", legs({ worsening: true })], ["legs.worsening?", legs({ worsening: null })]);
    for (const [k, v] of Object.entries(l.onsetDays)) {
      if (v !== null) out.push([`legs.onsetDays.${k}`, legs({ onsetDays: { ...l.onsetDays, [k]: null } })]);
      if (v !== null && v > 0)
        out.push([`legs.onsetDays.${k}-`, legs({ onsetDays: { ...l.onsetDays, [k]: Math.floor(v / 2) } })]);
    }
  }
  if (a.cauda !== null) {
    const c = a.cauda;
    const anyReported = CAUDA_ITEMS.some((item) => c[item] === "yes" || c[item] === "unsure");
    for (const item of CAUDA_ITEMS) {
      if (c[item] === "no" || c[item] === "not_applicable") {
        for (const answer of ["yes", "unsure"] as const) {
          out.push([
            `cauda.${item}=${answer}`,
            cauda({
              [item]: answer,
              onsetDays: { ...c.onsetDays, [item]: 1000 },
              worsening: anyReported ? c.worsening : false,
            }),
          ]);
        }
      }
      if (c[item] === "unsure") out.push([`cauda.${item}=yes`, cauda({ [item]: "yes" })]);
      const onset = c.onsetDays[item];
      if (onset !== null) out.push([`cauda.onsetDays.${item}`, cauda({ onsetDays: { ...c.onsetDays, [item]: null } })]);
    }
    if (c.worsening === false)
      out.push(["cauda.worsening", cauda({ worsening: true })], ["cauda.worsening?", cauda({ worsening: null })]);
  }
  if (a.history !== null) {
    const h = a.history;
    for (const [k, v] of Object.entries(h)) if (v === false) out.push([`history.${k}`, history({ [k]: true })]);
    if (h.anticoagulant === "no")
      out.push(
        ["history.anticoagulant", history({ anticoagulant: "unsure" })],
        ["history.anticoagulant=yes", history({ anticoagulant: "yes" })],
      );
    if (h.pregnancy === "no") out.push(["history.pregnancy", history({ pregnancy: "recently_pregnant" })]);
    if (h.pregnancyWarningSigns === "no")
      out.push(["history.pregnancyWarningSigns", history({ pregnancyWarningSigns: "unsure" })]);
  }
  return out;
}

describe("grading properties over valid intakes", () => {
  it("generates only intakes the schema accepts unchanged, complete forms and early submissions alike", () => {
    fc.assert(
      fc.property(anyShape, (a) => {
        const parsed = schema.safeParse(a);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
        expect(parsed.data).toEqual(a);
      }),
      RUNS,
    );
  });

  it("always returns a level, which is the highest level among the fired rules", () => {
    fc.assert(
      fc.property(anyShape, (a) => {
        const g = grade(a);
        expect(LEVELS).toContain(g.level);
        expect(g.levelRank).toBe(levelRank[g.level]);
        expect(g.firedRules.length).toBeGreaterThan(0);
        expect(Math.max(...g.firedRules.map((r) => levelRank[r.level]))).toBe(g.levelRank);
      }),
      RUNS,
    );
  });

  it("never lowers the level when one answer becomes more worrying (monotonicity)", () => {
    fc.assert(
      fc.property(anyShape, (a) => {
        const before = rankOf(a);
        for (const [change, worse] of moreWorrying(a)) {
          const parsed = schema.safeParse(worse);
          expect(parsed.success ? [] : parsed.error.issues, change).toEqual([]);
          expect(rankOf(worse), change).toBeGreaterThanOrEqual(before);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never grades below URGENT when a cauda answer or a pregnancy warning sign is 'not sure' (principle 1)", () => {
    const withUnsure = fc.tuple(complete, fc.constantFrom(...CAUDA_ITEMS)).map(([a, item]) => ({
      ...a,
      cauda: { ...a.cauda!, [item]: "unsure" as const, worsening: a.cauda!.worsening ?? false },
    }));
    fc.assert(
      fc.property(withUnsure, (a) => {
        expect(schema.safeParse(a).success).toBe(true);
        expect(rankOf(a)).toBeGreaterThanOrEqual(levelRank.URGENT);
      }),
      RUNS,
    );
    const pregnant = complete
      .filter((a) => a.history!.pregnancyWarningSigns !== null)
      .map((a) => ({ ...a, history: { ...a.history!, pregnancyWarningSigns: "unsure" as const } }));
    fc.assert(
      fc.property(pregnant, (a) => {
        expect(rankOf(a)).toBeGreaterThanOrEqual(levelRank.URGENT);
      }),
      { numRuns: 100 },
    );
  });

  it("grades 'not sure' exactly as the most serious answer of its question (principle 1)", () => {
    fc.assert(
      fc.property(complete, (a) => {
        const l = a.legs!;
        const same = (change: string, x: IntakeAnswers, y: IntakeAnswers) => expect(ids(x), change).toEqual(ids(y));
        const legs = (p: Partial<Legs>): IntakeAnswers => ({ ...a, legs: { ...l, ...p } });
        if (l.numbnessOrTingling)
          same("numbnessLegs", legs({ numbnessLegs: "unsure" }), legs({ numbnessLegs: "both_legs" }));
        if (l.armOrHandSymptoms) {
          same("armHandSide", legs({ armHandSide: "unsure" }), legs({ armHandSide: "both_sides" }));
          same("armHandKind", legs({ armHandKind: "unsure" }), legs({ armHandKind: "weakness_or_clumsiness" }));
        }
        if (l.difficultyWalking) {
          same(
            "walkingKinds",
            legs({ walkingKinds: ["unsure"] }),
            legs({ walkingKinds: ["unsteady", "one_leg_gives_way", "heavy_after_distance"] }),
          );
        }
        const h = a.history!;
        same(
          "anticoagulant",
          { ...a, history: { ...h, anticoagulant: "unsure" } },
          { ...a, history: { ...h, anticoagulant: "yes" } },
        );
        if (h.pregnancyWarningSigns !== null) {
          same(
            "pregnancyWarningSigns",
            { ...a, history: { ...h, pregnancyWarningSigns: "unsure" } },
            { ...a, history: { ...h, pregnancyWarningSigns: "yes" } },
          );
          const other = h.pregnancy === "unsure" ? "pregnant" : "unsure";
          same("pregnancy", { ...a, history: { ...h, pregnancy: other } }, a);
        }
      }),
      RUNS,
    );
  });

  it("grades 'don't know' timing as recent and a 'don't know' trend as getting worse (principles 1 and 2)", () => {
    fc.assert(
      fc.property(complete, (a) => {
        const l = a.legs!;
        const c = a.cauda!;
        if (l.worsening !== null) {
          expect(ids({ ...a, legs: { ...l, worsening: null } })).toEqual(
            ids({ ...a, legs: { ...l, worsening: true } }),
          );
        }
        if (c.worsening !== null) {
          expect(ids({ ...a, cauda: { ...c, worsening: null } })).toEqual(
            ids({ ...a, cauda: { ...c, worsening: true } }),
          );
        }
        for (const [k, v] of Object.entries(l.onsetDays)) {
          if (v === null) continue;
          expect(ids({ ...a, legs: { ...l, onsetDays: { ...l.onsetDays, [k]: null } } }), k).toEqual(
            ids({ ...a, legs: { ...l, onsetDays: { ...l.onsetDays, [k]: 0 } } }),
          );
        }
        for (const [k, v] of Object.entries(c.onsetDays)) {
          if (v === null) continue;
          expect(ids({ ...a, cauda: { ...c, onsetDays: { ...c.onsetDays, [k]: null } } }), k).toEqual(
            ids({ ...a, cauda: { ...c, onsetDays: { ...c.onsetDays, [k]: 0 } } }),
          );
        }
      }),
      RUNS,
    );
  });

  it("never fires C1 with any red-flag item, and fires C1 or R1 exactly when no E, U, S or Y rule fired (principle 3)", () => {
    fc.assert(
      fc.property(complete, (a) => {
        const fired = ids(a);
        const fallback = fired.filter((id) => id === "C1" || id === "R1");
        if (fired.includes("C1")) expect(hasRedFlagItem(deriveContext(a, grade(a).age))).toBe(false);
        expect(fallback.length).toBe(fired.length === fallback.length ? 1 : 0);
        expect(fired).not.toContain("X1");
      }),
      RUNS,
    );
  });

  it("keeps the outlook and function scores in range", () => {
    fc.assert(
      fc.property(complete, (a) => {
        const { outlook, function: fn } = grade(a).scores;
        if (outlook !== null) {
          expect(outlook.total).toBeGreaterThanOrEqual(0);
          expect(outlook.total).toBeLessThanOrEqual(9);
          expect(outlook.psychosocial).toBeLessThanOrEqual(Math.min(5, outlook.total));
        } else expect(a.outlook).toBeNull();
        if (fn !== null) {
          expect(fn.percent).toBeGreaterThanOrEqual(0);
          expect(fn.percent).toBeLessThanOrEqual(100);
          expect(fn.answeredSections).toBeGreaterThanOrEqual(8);
        }
      }),
      RUNS,
    );
  });

  it("is deterministic: the same answers at the same instant grade the same", () => {
    fc.assert(
      fc.property(anyShape, (a) => {
        expect(grade(structuredClone(a))).toEqual(grade(a));
      }),
      RUNS,
    );
  });
});

describe("the nerve-compression warning signs every result page lists", () => {
  // Only symptoms that grade EMERGENCY for every patient may be in the fixed list (triage-rules.md, "Levels").
  const SIGNS: [string, (a: IntakeAnswers) => IntakeAnswers][] = [
    [
      "numbness or tingling between the legs",
      (a) => ({
        ...a,
        cauda: {
          ...a.cauda!,
          saddleNumbness: "yes",
          onsetDays: { ...a.cauda!.onsetDays, saddleNumbness: 0 },
          worsening: a.cauda!.worsening ?? null,
        },
      }),
    ],
    [
      "new difficulty passing urine, leaking or not feeling it",
      (a) => ({
        ...a,
        cauda: {
          ...a.cauda!,
          bladderChange: "yes",
          onsetDays: { ...a.cauda!.onsetDays, bladderChange: 0 },
          worsening: a.cauda!.worsening ?? null,
        },
      }),
    ],
    [
      "loss of bowel control or feeling",
      (a) => ({
        ...a,
        cauda: {
          ...a.cauda!,
          bowelChange: "yes",
          onsetDays: { ...a.cauda!.onsetDays, bowelChange: 0 },
          worsening: a.cauda!.worsening ?? null,
        },
      }),
    ],
    [
      "weakness in both legs",
      (a) => ({
        ...a,
        legs: {
          ...a.legs!,
          weakness: "both_legs",
          onsetDays: { ...a.legs!.onsetDays, weakness: 0 },
          worsening: a.legs!.worsening ?? null,
        },
      }),
    ],
  ];
  it.each(SIGNS)("%s grades EMERGENCY added to any intake", (_sign, add) => {
    fc.assert(
      fc.property(complete, (a) => {
        const b = add(a);
        expect(schema.safeParse(b).success).toBe(true);
        expect(grade(b).level).toBe("EMERGENCY");
      }),
      RUNS,
    );
  });
});
