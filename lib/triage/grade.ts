import { deriveContext } from "./context";
import { calendarDate, fullYearsBetween, parseIsoDate } from "./dates";
import { FLAGS } from "./flags";
import { levelRank, RULESET_VERSION } from "./model";
import type { FiredRule, Grade, GradeOptions, Level, RaisedFlag, Rule } from "./model";
import { C1, GRADING_RULES, R1 } from "./rules";
import type { IntakeAnswers } from "./schema";

// Results share these frozen entries instead of copying a rule per grading: plain data, no `when`.
const firedEntry = (r: Rule): FiredRule =>
  Object.freeze({ id: r.id, level: r.level, summary: r.summary, sources: r.sources });
const GRADING_ENTRIES: readonly FiredRule[] = GRADING_RULES.map(firedEntry);
const C1_ENTRY = firedEntry(C1);
const R1_ENTRY = firedEntry(R1);
const FLAG_ENTRIES: readonly RaisedFlag[] = FLAGS.map((f) => Object.freeze({ id: f.id, summary: f.summary }));

/** The patient's age in full years on the calendar date of `now` in `timeZone` (default UTC). */
export function ageAt(dateOfBirth: string, now: Date, timeZone = "UTC"): number {
  const dob = parseIsoDate(dateOfBirth);
  if (dob < 0) throw new RangeError("dateOfBirth is not a YYYY-MM-DD calendar date");
  return fullYearsBetween(dob, calendarDate(now, timeZone));
}

/**
 * Grades valid intake answers (already parsed by intakeAnswersSchema) against ruleset 2026.11:
 * every rule is evaluated, the level is the highest fired, and C1 or R1 stands in when no
 * EMERGENCY, URGENT or SOON rule fired. Pure and synchronous; no validation happens here.
 */
export function gradeIntake(answers: IntakeAnswers, options: GradeOptions): Grade {
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
  for (let i = 0; i < FLAGS.length; i++) if (FLAGS[i]!.when(ctx)) flags.push(FLAG_ENTRIES[i]!);
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
