// Early submissions (triage-rules.md, "Early red-flag interrupt"): only the rules whose pages were
// answered are evaluated, X1 stands in when no EMERGENCY rule fires, and no early submission is ever
// graded below URGENT.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FormPage, IntakeAnswers, Needs } from "@/lib/triage";
import { deriveContext, FLAGS, gradeIntake, GRADING_RULES, levelRank, RULES } from "@/lib/triage";
import { intakeAnswersArbitrary } from "../../support/intake-arbitrary";
import { early, fired, firedInOrder, grade, NOW, schema } from "./calm";

/** The spec's table: the rules that can be evaluated after each page (each row adds to the rows above). */
const EVALUABLE: Record<Needs, string[]> = {
  "vascular-check": ["E6", "E9", "E10", "E14", "U9", "U11", "U12", "U17", "S3a", "S5", "S11", "Y1"],
  "nerve-check": [
    "E1",
    "E2",
    "E3",
    "E7",
    "E8",
    "E11",
    "E13",
    "U4",
    "U5",
    "U6",
    "U7",
    "U8",
    "U13",
    "U14",
    "U19",
    "U23",
    "S2",
    "S9",
    "S12",
    "S13",
    "S14",
  ],
  "health-history": [
    "E4",
    "E5",
    "E12",
    "E15",
    "E16",
    "Y3",
    "U1",
    "U2",
    "U3",
    "U10",
    "U15",
    "U16",
    "U18",
    "U20",
    "U21",
    "S1",
    "S6",
    "S6d",
    "S7",
    "S8",
    "S10",
  ],
  complete: ["U22", "Y2", "S3b", "S3c", "S4", "C1", "R1"],
};

describe("which rules an early submission evaluates", () => {
  it("gives every rule the page of the spec's early-interrupt table (X1 can fire after any page)", () => {
    for (const [page, ids] of Object.entries(EVALUABLE)) {
      expect(
        RULES.filter((r) => r.needs === page && r.id !== "X1")
          .map((r) => r.id)
          .sort(),
        page,
      ).toEqual([...ids].sort());
    }
    expect(RULES.find((r) => r.id === "X1")?.needs).toBe("vascular-check");
  });

  it("evaluates the vascular-check rules on the answers of the first three pages", () => {
    const g = grade(early("vascular-check", { vascular: { suddenSevereTearingPain: true } }));
    expect(g.level).toBe("EMERGENCY");
    expect(g.firedRules.map((r) => r.id)).toEqual(["E9"]);
  });

  it("fires X1 (URGENT) and FLAG_EARLY_NOT_CONFIRMED when no EMERGENCY rule fires from the pages answered", () => {
    for (const page of ["vascular-check", "nerve-check", "health-history"] as const) {
      const g = grade(early(page));
      expect(g.level, page).toBe("URGENT");
      expect(
        g.firedRules.map((r) => r.id),
        page,
      ).toEqual(["X1"]);
      expect(
        g.flags.map((f) => f.id),
        page,
      ).toEqual(["FLAG_EARLY_NOT_CONFIRMED"]);
    }
  });

  it("keeps the other fired rules and adds X1 after them", () => {
    expect(
      firedInOrder(early("nerve-check", { pain: { trigger: "major_trauma", intensity: 5, durationDays: 10 } })),
    ).toEqual(["U9", "X1"]);
  });

  it("does not fire X1 when an EMERGENCY rule confirms the emergency", () => {
    const g = grade(
      early("nerve-check", { cauda: { bladderChange: "yes", onsetDays: { bladderChange: 1 }, worsening: null } }),
    );
    expect(g.level).toBe("EMERGENCY");
    expect(
      fired(
        early("nerve-check", { cauda: { bladderChange: "yes", onsetDays: { bladderChange: 1 }, worsening: null } }),
      ),
    ).toEqual(["E1"]);
  });

  it("never evaluates C1 or R1 on an early submission", () => {
    fc.assert(
      fc.property(intakeAnswersArbitrary({ now: NOW, early: true }), (a) => {
        const ids = gradeIntake(a, { now: NOW }).firedRules.map((r) => r.id);
        if (a.stoppedAt !== null) {
          expect(ids).not.toContain("C1");
          expect(ids).not.toContain("R1");
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("an early submission is never refused and grades at least URGENT", () => {
  for (const page of ["vascular-check", "nerve-check", "health-history"] as const) {
    it(`after ${page}`, () => {
      fc.assert(
        fc.property(intakeAnswersArbitrary({ now: NOW, only: page }), (a) => {
          expect(schema.safeParse(a).success).toBe(true);
          const g = gradeIntake(a, { now: NOW });
          expect(g.levelRank).toBeGreaterThanOrEqual(levelRank.URGENT);
          expect(g.firedRules.some((r) => r.id === "X1")).toBe(g.level !== "EMERGENCY");
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe("every rule reads only the sections of the pages its `needs` names", () => {
  // A section a rule may read, by the last page answered: later sections are re-drawn at random and
  // the rule's answer must not change.
  const PAGE_SECTIONS: Record<Needs, (keyof IntakeAnswers)[]> = {
    "vascular-check": ["legs", "cauda", "history", "inflammatory", "running", "outlook", "function"],
    "nerve-check": ["history", "inflammatory", "running", "outlook", "function"],
    "health-history": ["inflammatory", "running", "outlook", "function"],
    complete: [],
  };
  const pairs = fc.tuple(intakeAnswersArbitrary({ now: NOW }), intakeAnswersArbitrary({ now: NOW }));
  /** `a` with the sections it may not read taken from `b` (contact kept, so the cross-field rules hold). */
  function swapLater(a: IntakeAnswers, b: IntakeAnswers, needs: Needs): IntakeAnswers | null {
    const out = { ...a } as Record<string, unknown>;
    for (const key of PAGE_SECTIONS[needs]) out[key] = b[key];
    const parsed = schema.safeParse(out);
    return parsed.success ? parsed.data : null; // e.g. b's pregnancy answer does not fit a's sex
  }

  // "S2 reads the function screen only when collected" (the table's note): on an early submission it
  // is null, so S2 is evaluable after nerve-check; the function screen is the one section it may read.
  const ALSO_READS: Record<string, (keyof IntakeAnswers)[]> = { S2: ["function"] };

  it.each(GRADING_RULES.map((r) => [r.id, r] as const))("%s", (_id, rule) => {
    const needs = rule.needs ?? "complete";
    fc.assert(
      fc.property(pairs, ([a, b0]) => {
        const b = { ...b0 } as Record<string, unknown>;
        for (const key of ALSO_READS[rule.id] ?? []) b[key] = a[key];
        const c = swapLater(a, b as IntakeAnswers, needs);
        if (c === null) return;
        const age = gradeIntake(a, { now: NOW }).age;
        expect(rule.when(deriveContext(c, age))).toBe(rule.when(deriveContext(a, age)));
      }),
      { numRuns: 400 },
    );
  });

  it.each(FLAGS.map((f) => [f.id, f] as const))("%s", (_id, flag) => {
    const needs = flag.needs ?? "complete";
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const c = swapLater(a, b, needs);
        if (c === null) return;
        const ga = gradeIntake(a, { now: NOW });
        expect(flag.when(deriveContext(c, ga.age), ga.firedRules)).toBe(
          flag.when(deriveContext(a, ga.age), ga.firedRules),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("grades an early submission exactly as the complete form would on the rules it can evaluate", () => {
    fc.assert(
      fc.property(
        intakeAnswersArbitrary({ now: NOW }),
        fc.constantFrom<FormPage>("vascular-check", "nerve-check", "health-history"),
        (a0, page) => {
          const a = { ...a0, function: null }; // S2 reads it when collected; an early submission never has it
          const cut: IntakeAnswers = {
            ...a,
            stoppedAt: page,
            inflammatory: null,
            running: null,
            outlook: null,
            function: null,
          };
          if (page !== "health-history") cut.history = null;
          if (page === "vascular-check") Object.assign(cut, { legs: null, cauda: null });
          const depth = { "vascular-check": 1, "nerve-check": 2, "health-history": 3 }[page];
          const allowed = new Set(
            RULES.filter(
              (r) =>
                ({ "vascular-check": 1, "nerve-check": 2, "health-history": 3, complete: 4 })[r.needs ?? "complete"] <=
                depth,
            ).map((r) => r.id),
          );
          const full = gradeIntake(a, { now: NOW })
            .firedRules.map((r) => r.id)
            .filter((id) => allowed.has(id) && id !== "X1");
          const early = gradeIntake(cut, { now: NOW })
            .firedRules.map((r) => r.id)
            .filter((id) => id !== "X1");
          expect(early).toEqual(full);
        },
      ),
      { numRuns: 400 },
    );
  });
});
