// Every rule of ruleset 2026.12 in stored order (triage-rules.md, "Rules"): E1–E16, Y3, U1–U23, Y2,
// S1–S14 (S3a, S3b, S3c, S6d in place), Y1, then X1, C1 or R1.
import type { GradingContext } from "./context";
import type { Rule } from "./model";
import { EMERGENCY_RULES } from "./rules-emergency";
import { C1, R1, SOON_RULES, X1 } from "./rules-soon";
import { URGENT_RULES } from "./rules-urgent";

export * from "./rules-emergency";
export * from "./rules-soon";
export * from "./rules-urgent";

/** The rules that set the level (every E, U, S and Y rule), in stored order. */
export const GRADING_RULES: readonly Rule<GradingContext>[] = Object.freeze([
  ...EMERGENCY_RULES,
  ...URGENT_RULES,
  ...SOON_RULES,
]);

/** All 62 rules in stored order; X1 applies to early submissions, C1 and R1 only when no grading rule fired. */
export const RULES: readonly Rule<GradingContext>[] = Object.freeze([...GRADING_RULES, X1, C1, R1]);
