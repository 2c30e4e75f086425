// The safety checks the safety report runs on the current ruleset (triage-rules.md, "Safety checks
// the product keeps running"): the public vignettes, the released test vectors and the properties
// that are cheap to run on a fixed, seeded sample of generated intakes. Pure: the caller loads the
// fixtures and generates the intakes; nothing here reads a file, the clock or the environment.
import type { FormPage, IntakeAnswers, Level } from "@/lib/triage";
import {
  deriveContext,
  FORM_PAGES,
  gradeIntake,
  hasRedFlagItem,
  levelRank,
  makeIntakeAnswersSchema,
  SAFETY_NET_SYMPTOMS,
  safetyNet,
  withSymptom,
} from "@/lib/triage";
import { moreWorrying } from "./more-worrying";

/** One public vignette as tests/fixtures/clinical/vignettes-public.json holds it. */
export type PublicVignette = {
  readonly id: string;
  readonly ageAtGrading: number;
  readonly expectedLevel: string;
  readonly expectedFiredRules: readonly string[];
  /** The intake, its date of birth a "<N years before the grading date>" placeholder. */
  readonly intake: unknown;
};

/** A released version's fixed test vectors (tests/fixtures/clinical/vectors-<version>.json). */
export type TestVectors = {
  readonly rulesetVersion: string;
  readonly gradedAt: string;
  readonly timeZone: string;
  readonly vectors: readonly {
    readonly answers: unknown;
    readonly level: string;
    readonly firedRules: readonly string[];
    readonly flags: readonly string[];
  }[];
};

export type CheckResult = {
  readonly name: string;
  readonly cases: number;
  readonly failed: number;
  /** The first few failures, described without any answer value. */
  readonly failures: readonly string[];
};

const SHOWN_FAILURES = 10;

/** Counts cases and keeps the first failures' descriptions. */
class Tally {
  cases = 0;
  failed = 0;
  readonly failures: string[] = [];
  constructor(readonly name: string) {}
  check(ok: boolean, describe: () => string) {
    this.cases++;
    if (ok) return;
    this.failed++;
    if (this.failures.length < SHOWN_FAILURES) this.failures.push(describe());
  }
  result(): CheckResult {
    return { name: this.name, cases: this.cases, failed: this.failed, failures: [...this.failures] };
  }
}

/** A date of birth giving exactly `age` full years on the UTC calendar date of `now`. */
function dobForAge(age: number, now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear() - age, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
}

/** Grades every public vignette at `now`: it must pass the schema and fire exactly its expected rules, in order. */
export function runVignettes(vignettes: readonly PublicVignette[], now: Date): CheckResult {
  const schema = makeIntakeAnswersSchema({ now });
  const tally = new Tally("Public vignettes: expected level and exactly the expected rules, in stored order");
  for (const v of vignettes) {
    const intake = structuredClone(v.intake) as { contact: { dateOfBirth: string } };
    intake.contact.dateOfBirth = dobForAge(v.ageAtGrading, now);
    const parsed = schema.safeParse(intake);
    if (!parsed.success) {
      tally.check(false, () => `${v.id}: the intake schema refuses it (${parsed.error.issues.length} issues)`);
      continue;
    }
    const g = gradeIntake(parsed.data, { now });
    const got = g.firedRules.map((r) => r.id).join(", ");
    tally.check(
      g.level === v.expectedLevel && got === v.expectedFiredRules.join(", "),
      () => `${v.id}: expected ${v.expectedLevel} (${v.expectedFiredRules.join(", ")}), got ${g.level} (${got})`,
    );
  }
  return tally.result();
}

/** Grades a version's fixed test vectors with the current engine: level, rules and flags must match. */
export function runVectors(file: TestVectors): CheckResult {
  const now = new Date(file.gradedAt);
  const tally = new Tally(`Fixed test vectors of ${file.rulesetVersion}: level, rules and flags`);
  for (const [i, v] of file.vectors.entries()) {
    const g = gradeIntake(v.answers as IntakeAnswers, { now, timeZone: file.timeZone });
    const got = `${g.level} [${g.firedRules.map((r) => r.id).join(", ")}] {${g.flags.map((f) => f.id).join(", ")}}`;
    const want = `${v.level} [${v.firedRules.join(", ")}] {${v.flags.join(", ")}}`;
    tally.check(got === want, () => `vector ${i}: expected ${want}, got ${got}`);
  }
  return tally.result();
}

/** The answers up to `page` as an early submission sent from the emergency page after it. */
function earlyAt(a: IntakeAnswers, page: FormPage): IntakeAnswers {
  const later = { inflammatory: null, running: null, outlook: null, function: null };
  if (page === "health-history") return { ...a, ...later, stoppedAt: page };
  if (page === "nerve-check") return { ...a, ...later, history: null, stoppedAt: page };
  return { ...a, ...later, history: null, legs: null, cauda: null, stoppedAt: page };
}

type Sign = readonly [string, (a: IntakeAnswers) => IntakeAnswers];

const caudaSign = (item: "saddleNumbness" | "bladderChange" | "bowelChange") => (a: IntakeAnswers) => ({
  ...a,
  cauda: {
    ...a.cauda!,
    [item]: "yes",
    onsetDays: { ...a.cauda!.onsetDays, [item]: 0 },
    worsening: a.cauda!.worsening ?? null,
  },
});

/** The nerve-compression warning signs every result page lists (triage-rules.md, "Levels"). */
const WARNING_SIGNS: readonly Sign[] = [
  ["numbness between the legs", caudaSign("saddleNumbness")],
  ["bladder change", caudaSign("bladderChange")],
  ["bowel change", caudaSign("bowelChange")],
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

const levelName = (rank: number) => (Object.keys(levelRank) as Level[]).find((l) => levelRank[l] === rank) ?? rank;

/**
 * The property checks on `intakes` (generated valid intakes, graded at `now`). Each intake is
 * validated first, as the API and the form do; variants that the schema refuses count as failures.
 */
export function runPropertyChecks(intakes: readonly IntakeAnswers[], now: Date): CheckResult[] {
  const schema = makeIntakeAnswersSchema({ now });
  const grade = (a: IntakeAnswers) => gradeIntake(a, { now });
  const valid = new Tally("Generated intakes pass the intake schema");
  const highest = new Tally("The level is the highest level of the fired rules");
  const monotone = new Tally("Monotonicity: one more-worrying answer never lowers the level (intake × change)");
  const earlyUrgent = new Tally("An early submission is never refused and grades at least URGENT (intake × page)");
  const unsure = new Tally("A 'not sure' cauda equina answer grades at least URGENT (intake × item)");
  const signs = new Tally("Every nerve-compression warning sign grades EMERGENCY (intake × sign)");
  const net = new Tally(
    "The safety net lists a symptom under 'go now' exactly when it grades EMERGENCY (intake × symptom)",
  );
  const selfCare = new Tally("C1 (self-care) never fires with a red-flag item");
  const accepts = (a: IntakeAnswers, label: string, tally: Tally) => {
    const ok = schema.safeParse(a).success;
    if (!ok) tally.check(false, () => `${label}: the schema refuses the variant`);
    return ok;
  };

  for (const [i, a] of intakes.entries()) {
    const parsed = schema.safeParse(a);
    valid.check(parsed.success, () => `intake #${i}: the schema refuses it`);
    if (!parsed.success) continue;
    const g = grade(parsed.data);
    const top = Math.max(0, ...g.firedRules.map((r) => levelRank[r.level]));
    highest.check(
      g.firedRules.length > 0 && top === g.levelRank,
      () => `intake #${i}: ${g.level}, highest rule ${levelName(top)}`,
    );
    for (const [change, worse] of moreWorrying(parsed.data)) {
      if (!accepts(worse, `intake #${i} + ${change}`, monotone)) continue;
      const after = grade(worse).levelRank;
      monotone.check(after >= g.levelRank, () => `intake #${i} + ${change}: ${g.level} → ${levelName(after)}`);
    }
    if (parsed.data.stoppedAt !== null) {
      earlyUrgent.check(g.levelRank >= levelRank.URGENT, () => `intake #${i} (${parsed.data.stoppedAt}): ${g.level}`);
      continue;
    }
    const ctx = deriveContext(parsed.data, g.age);
    const fired = g.firedRules.map((r) => r.id);
    selfCare.check(!(fired.includes("C1") && hasRedFlagItem(ctx)), () => `intake #${i}: C1 fired with a red-flag item`);
    for (const page of FORM_PAGES) {
      const e = earlyAt(parsed.data, page);
      if (!accepts(e, `intake #${i} sent after ${page}`, earlyUrgent)) continue;
      const level = grade(e).level;
      earlyUrgent.check(levelRank[level] >= levelRank.URGENT, () => `intake #${i} sent after ${page}: ${level}`);
    }
    for (const item of ["saddleNumbness", "bladderChange", "bowelChange", "sexualFunctionChange"] as const) {
      const c = parsed.data.cauda!;
      const u = { ...parsed.data, cauda: { ...c, [item]: "unsure" as const, worsening: c.worsening ?? false } };
      if (!accepts(u, `intake #${i} ${item} not sure`, unsure)) continue;
      const level = grade(u).level;
      unsure.check(levelRank[level] >= levelRank.URGENT, () => `intake #${i} ${item} not sure: ${level}`);
    }
    for (const [name, add] of WARNING_SIGNS) {
      const b = add(parsed.data);
      if (!accepts(b, `intake #${i} + ${name}`, signs)) continue;
      const level = grade(b).level;
      signs.check(level === "EMERGENCY", () => `intake #${i} + ${name}: ${level}`);
    }
    const n = safetyNet(parsed.data, { now });
    for (const id of SAFETY_NET_SYMPTOMS) {
      const emergency = grade(withSymptom(parsed.data, id)).level === "EMERGENCY";
      net.check(
        emergency === n.goNow.includes(id),
        () => `intake #${i} ${id}: go now ${n.goNow.includes(id)}, grades EMERGENCY ${emergency}`,
      );
    }
  }
  return [valid, highest, monotone, earlyUrgent, unsure, signs, net, selfCare].map((t) => t.result());
}

/** The spec's safety checks this report does not run, and where they run instead. */
export const CHECKS_NOT_RUN_HERE: readonly { readonly check: string; readonly where: string }[] = [
  {
    check: "Every rule reads only the sections listed in the early-interrupt table",
    where: "tests/unit/triage/early.test.ts",
  },
  {
    check: "'Not sure' graded exactly as the most serious answer; 'don't know' timing as recent (principles 1 and 2)",
    where: "tests/unit/triage/properties.test.ts",
  },
];
