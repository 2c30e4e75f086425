// Ruleset 2026.11 (frozen). No new intake is graded with it: it stays so that intakes graded under
// it are explained by its own rules, and its fixed test vectors (tests/unit/triage/versions.test.ts)
// prove it has not changed. Do not edit; a change to grading is a new version.
import { ageAt } from "../dates";
import type { FiredRule, Grade, GradeOptions, Level, RaisedFlag, Rule } from "../model";
import { levelRank } from "../model";
import type { IntakeAnswers2026_11 } from "./answers";
import type { GradingContext2026_11 } from "./context";
import { deriveContext } from "./context";
import { FLAGS } from "./flags";
import { C1, GRADING_RULES, R1 } from "./rules";

export const VERSION = "2026.11";

const firedEntry = (r: Rule<GradingContext2026_11>): FiredRule =>
  Object.freeze({ id: r.id, level: r.level, summary: r.summary, sources: r.sources });
const GRADING_ENTRIES: readonly FiredRule[] = GRADING_RULES.map(firedEntry);
const C1_ENTRY = firedEntry(C1);
const R1_ENTRY = firedEntry(R1);
const FLAG_ENTRIES: readonly RaisedFlag[] = FLAGS.map((f) => Object.freeze({ id: f.id, summary: f.summary }));

/**
 * Grades 2026.11 answers against ruleset 2026.11: every rule is evaluated, the level is the highest
 * fired, and C1 or R1 stands in when no EMERGENCY, URGENT or SOON rule fired.
 */
export function gradeIntake2026_11(answers: IntakeAnswers2026_11, options: GradeOptions): Grade {
  const age = ageAt(answers.contact.dateOfBirth, options.now, options.timeZone);
  const ctx = deriveContext(answers, age);
  const firedRules: FiredRule[] = [];
  let level: Level = "SELF_CARE";
  let rank = 0;
  for (let i = 0; i < GRADING_RULES.length; i++) {
    const rule = GRADING_RULES[i]!;
    if (!rule.when(ctx)) continue;
    firedRules.push(GRADING_ENTRIES[i]!);
    const r = levelRank[rule.level];
    if (r > rank) {
      rank = r;
      level = rule.level;
    }
  }
  if (rank === 0) {
    const fallback = C1.when(ctx) ? C1_ENTRY : R1_ENTRY;
    firedRules.push(fallback);
    level = fallback.level;
    rank = levelRank[level];
  }
  const flags: RaisedFlag[] = [];
  for (let i = 0; i < FLAGS.length; i++) if (FLAGS[i]!.when(ctx, firedRules)) flags.push(FLAG_ENTRIES[i]!);
  return {
    level,
    levelRank: rank,
    rulesetVersion: VERSION,
    firedRules,
    flags,
    scores: { outlook: ctx.outlook, function: ctx.function },
    age,
  };
}
