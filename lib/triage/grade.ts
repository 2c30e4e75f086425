import type { GradingContext } from "./context";
import { deriveContext } from "./context";
import { ageAt } from "./dates";
import { FLAGS } from "./flags";
import { levelRank, RULESET_VERSION } from "./model";
import type { FiredRule, Grade, GradeOptions, Level, Needs, RaisedFlag, Rule } from "./model";
import { C1, GRADING_RULES, R1, X1 } from "./rules";
import type { IntakeAnswers } from "./schema";

export { ageAt } from "./dates";

// Results share these frozen entries instead of copying a rule per grading: plain data, no `when`.
const firedEntry = (r: Rule<GradingContext>): FiredRule =>
  Object.freeze({ id: r.id, level: r.level, summary: r.summary, sources: r.sources });
const GRADING_ENTRIES: readonly FiredRule[] = GRADING_RULES.map(firedEntry);
const X1_ENTRY = firedEntry(X1);
const C1_ENTRY = firedEntry(C1);
const R1_ENTRY = firedEntry(R1);
const FLAG_ENTRIES: readonly RaisedFlag[] = FLAGS.map((f) => Object.freeze({ id: f.id, summary: f.summary }));

/** How far through the form each `needs` value is: a rule runs when the answers reach its page. */
const PAGE_DEPTH: Readonly<Record<Needs, number>> = {
  "vascular-check": 1,
  "nerve-check": 2,
  "health-history": 3,
  complete: 4,
};
const GRADING_DEPTHS: readonly number[] = GRADING_RULES.map((r) => PAGE_DEPTH[r.needs ?? "complete"]);
const GRADING_RANKS: readonly number[] = GRADING_RULES.map((r) => levelRank[r.level]);
const FLAG_DEPTHS: readonly number[] = FLAGS.map((f) => PAGE_DEPTH[f.needs ?? "complete"]);
const EMERGENCY_RANK = levelRank.EMERGENCY;

/** The depth of the pages an intake answered: a completed form, or the page it was sent after. */
export function answeredDepth(answers: Pick<IntakeAnswers, "stoppedAt">): number {
  return PAGE_DEPTH[answers.stoppedAt ?? "complete"];
}

/**
 * Grades valid intake answers (already parsed by intakeAnswersSchema) against ruleset 2026.12:
 * every rule whose pages were answered is evaluated, the level is the highest fired. On a completed
 * form C1 or R1 stands in when no E, U, S or Y rule fired; on an early submission (`stoppedAt`) X1
 * fires when no EMERGENCY rule did, so it is never graded below URGENT. Pure and synchronous; no
 * validation happens here.
 */
export function gradeIntake(answers: IntakeAnswers, options: GradeOptions): Grade {
  const age = ageAt(answers.contact.dateOfBirth, options.now, options.timeZone);
  const ctx = deriveContext(answers, age);
  const depth = answeredDepth(answers);
  const firedRules: FiredRule[] = [];
  let level: Level = "SELF_CARE";
  let rank = 0;
  for (let i = 0; i < GRADING_RULES.length; i++) {
    if (GRADING_DEPTHS[i]! > depth) continue;
    if (!GRADING_RULES[i]!.when(ctx)) continue;
    const entry = GRADING_ENTRIES[i]!;
    firedRules.push(entry);
    const r = GRADING_RANKS[i]!;
    if (r > rank) {
      rank = r;
      level = entry.level;
    }
  }
  if (answers.stoppedAt !== null) {
    if (rank < EMERGENCY_RANK) {
      firedRules.push(X1_ENTRY);
      level = X1_ENTRY.level;
      rank = levelRank[level];
    }
  } else if (rank === 0) {
    const fallback = C1.when(ctx) ? C1_ENTRY : R1_ENTRY;
    firedRules.push(fallback);
    level = fallback.level;
    rank = levelRank[level];
  }
  const flags: RaisedFlag[] = [];
  for (let i = 0; i < FLAGS.length; i++) {
    if (FLAG_DEPTHS[i]! <= depth && FLAGS[i]!.when(ctx, firedRules)) flags.push(FLAG_ENTRIES[i]!);
  }
  return {
    level,
    levelRank: rank,
    rulesetVersion: RULESET_VERSION,
    firedRules,
    flags,
    scores: { outlook: ctx.outlook, function: ctx.function },
    age,
  };
}
