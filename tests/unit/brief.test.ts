// The case page's pre-visit brief, built from real public vignettes through the schema and the
// grading engine exactly as an intake is stored.
import { describe, expect, it } from "vitest";
import { buildBrief } from "@/lib/staff/brief";
import { duration, plural } from "@/lib/staff/format";
import { gradeIntake } from "@/lib/triage";
import { VIGNETTES } from "../support/answers";
import { dobForAge, NOW, schema } from "./triage/calm";

type Raw = Record<string, Record<string, unknown>> & { notes?: string };

/** A vignette as the database stores it: the validated answers, the level, rule and flag ids, and the scores. */
function stored(id: string, change: (a: Raw) => void = () => {}) {
  const v = VIGNETTES.find((x) => x.id === id)!;
  const raw = structuredClone(v.intake) as unknown as Raw;
  raw.contact!.dateOfBirth = dobForAge(v.ageAtGrading);
  change(raw);
  const answers = schema.parse(raw);
  const grade = gradeIntake(answers, { now: NOW });
  return {
    level: grade.level,
    rulesetVersion: grade.rulesetVersion,
    firedRules: grade.firedRules.map((r) => r.id),
    flags: grade.flags.map((f) => f.id),
    // Through JSON, as the jsonb columns give them back.
    scores: JSON.parse(JSON.stringify(grade.scores)) as unknown,
    answers: JSON.parse(JSON.stringify(answers)) as unknown,
  };
}

const brief = (id: string, change?: (a: Raw) => void) => buildBrief(stored(id, change))!;

describe("the pre-visit brief", () => {
  it("says why an emergency was graded so, and lists the other rules as amber without repeating them", () => {
    const b = brief("P01");
    expect(b.why.map((r) => r.id)).toEqual(["E1"]);
    expect(b.why[0]!.text).toMatch(/bladder or bowel/);
    expect(b.amber.map((r) => r.id)).toEqual(["S2"]);
    expect(b.red).toEqual([]);
  });

  it("puts rules at EMERGENCY or URGENT below the graded level among the red flags", () => {
    const b = brief("P02");
    expect(b.why.map((r) => r.id)).toEqual(["E9", "E10", "E14"]);
    expect(b.red.map((r) => r.id)).toEqual(["U3", "U10", "U11", "U17"]);
  });

  it("lists the positive answers with the timing asked after them, and leaves the plain no answers out", () => {
    const b = brief("P01");
    const words = b.positives.map((p) => `${p.question} → ${p.answer}`);
    expect(words).toContain("Have you had any new problems with peeing? → Yes");
    // The day of the intake reads "today", never "0 days ago".
    expect(words).toContain("When did the problem with peeing start? → today");
    expect(words).toContain("Are any of these problems getting worse? → I don't know");
    expect(words.some((w) => w.endsWith("→ No"))).toBe(false);
    // A "don't know" to how old they were is not a symptom.
    expect(words.some((w) => w.startsWith("How old were you"))).toBe(false);
  });

  it("folds the pages where every answer was no, and keeps the others open", () => {
    const b = brief("P01");
    const folded = b.sections.filter((s) => s.allNo).map((s) => s.step);
    expect(folded).toEqual(["vascular-check", "recent-illness", "health-history", "joints", "running"]);
    expect(b.sections.find((s) => s.step === "nerve-check")!.allNo).toBe(false);
    expect(b.notAsked).toEqual(["Recovery outlook", "Daily life"]);
  });

  it("marks where it hurts from the stored places, and says when the leg's side was not recorded", () => {
    const b = brief("P01");
    // The full answers say the same, never a side the answers do not hold.
    const where = b.sections.find((s) => s.step === "where-it-hurts")!.rows[0]!;
    expect(where.answer).toBe("Lower back, Tummy or pelvis, One leg, below the knee (which leg is not recorded)");
    expect(b.places).toEqual({
      marked: ["low_back", "abdomen_or_pelvis"],
      sideUnknown: ["left_lower_leg", "right_lower_leg"],
      list: ["Lower back", "Tummy or pelvis", "One leg, below the knee (which leg is not recorded)"],
    });
  });

  it("puts the scores into words with the bands of the spec", () => {
    const b = brief("P18");
    expect(b.scores.outlook).toMatch(/^(low|medium|high) risk, \d of 9 \(\d of 5 on the worry and mood items\)$/);
    expect(b.scores.function).toMatch(/^\d+(\.\d)? %, (minimal|moderate|severe|crippling|bed-bound)$/);
    const low = brief("P18", (a) => {
      a.outlook = { items: [true, false, false, false, false, false, false, false], bothersomeness: "slightly" };
      a.function = { sections: [1, 0, 1, 0, 1, 0, 1, 0, 1, 0] };
    });
    expect(low.scores).toEqual({
      outlook: "low risk, 1 of 9 (0 of 5 on the worry and mood items)",
      function: "10 %, minimal",
    });
    expect(brief("P01").scores.outlook).toBe("not collected (the patient skipped it)");
    const partial = brief("P18", (a) => {
      a.function = { sections: [1, 1, 1, 1, 1, 1, 1, null, null, null] };
    });
    expect(partial.scores.function).toBe("not scored: 7 of 10 parts answered (at least 8 are needed)");
  });

  it("carries the patient's own note and the runner's load change", () => {
    const b = brief("P07", (a) => {
      a.notes = "  It started after my first marathon.  ";
    });
    expect(b.note).toBe("It started after my first marathon.");
    expect(b.running).toMatch(
      /^Runs (\d+(\.\d)? km \(\d+(\.\d)? miles\) a week|\(distance not given\)); (a sharp rise|no sharp rise)/,
    );
    expect(brief("P01").note).toBeNull();
    expect(brief("P01").running).toBe("Not a runner.");
  });

  it("shows nothing of an erased patient's answers", () => {
    expect(buildBrief(stored("P01"), { erased: true })).toBeNull();
  });
});

describe("plurals", () => {
  it("says 1 day and 2 days", () => {
    expect(plural(1, "day")).toBe("1 day");
    expect(plural(2, "day")).toBe("2 days");
    expect(plural(0, "appointment")).toBe("0 appointments");
    expect(duration(49 * 3_600_000)).toBe("2 days");
  });

  it("corrects the form's '1 days ago' in the brief's answers", () => {
    const b = brief("P01", (a) => {
      (a.cauda!.onsetDays as Record<string, unknown>).bladderChange = 1;
    });
    expect(b.positives.map((p) => p.answer)).toContain("1 day ago");
  });
});
