import type { GradingContext } from "./context";
import type { FunctionScore, OutlookScore } from "./scores";

/** The version of `triage-rules.md` this code implements; stored with every graded intake. */
export const RULESET_VERSION = "2026.11";

/** Urgency levels, most urgent first. */
export const LEVELS = ["EMERGENCY", "URGENT", "SOON", "ROUTINE", "SELF_CARE"] as const;

export type Level = (typeof LEVELS)[number];

/** Numeric rank of each level, stored beside the level so staff lists can sort most urgent first. */
export const levelRank: Readonly<Record<Level, number>> = Object.freeze({
  EMERGENCY: 5,
  URGENT: 4,
  SOON: 3,
  ROUTINE: 2,
  SELF_CARE: 1,
});

/** One grading rule of the ruleset; `when` reads only the precomputed grading context. */
export type Rule = {
  readonly id: string;
  readonly level: Level;
  readonly when: (ctx: GradingContext) => boolean;
  /** What the rule means, in words a patient understands. */
  readonly summary: string;
  readonly sources: readonly string[];
};

/** A clinician flag: shown to staff, never changes the level. */
export type Flag = {
  readonly id: string;
  /** What staff should consider, in clinical shorthand. */
  readonly summary: string;
  readonly when: (ctx: GradingContext) => boolean;
};

/** A rule as it appears in a grading result: plain data, safe to serialise and store. */
export type FiredRule = {
  readonly id: string;
  readonly level: Level;
  readonly summary: string;
  readonly sources: readonly string[];
};

/** A flag as it appears in a grading result. */
export type RaisedFlag = {
  readonly id: string;
  readonly summary: string;
};

/** The outcome of grading one intake. */
export type Grade = {
  level: Level;
  levelRank: number;
  rulesetVersion: typeof RULESET_VERSION;
  /** Every rule that fired, in ruleset order. */
  firedRules: FiredRule[];
  flags: RaisedFlag[];
  scores: { outlook: OutlookScore | null; function: FunctionScore | null };
  /** Age in full years on the grading date. */
  age: number;
};

/** Options for grading: the grading instant and the clinic's time zone (IANA name). */
export type GradeOptions = {
  now: Date;
  /** Which calendar day `now` falls on, for the age; defaults to "UTC". */
  timeZone?: string;
};

/** Freezes a rule (and its sources) so no caller can change the ruleset at run time. */
export function defineRule(rule: Rule): Rule {
  return Object.freeze({ ...rule, sources: Object.freeze([...rule.sources]) });
}

/** Freezes a clinician flag. */
export function defineFlag(flag: Flag): Flag {
  return Object.freeze({ ...flag });
}
