import type { FunctionScore, OutlookScore } from "./scores";

/**
 * The version of `triage-rules.md` that grades every new intake; stored with each graded intake.
 * Earlier released versions stay in their own folders (v2026-11/) and in versions.ts, so an intake
 * graded under them is still explained by their texts.
 */
export const RULESET_VERSION = "2026.12";

/** The version of `intake-contract.md` the schema implements; returned with every 201. */
export const CONTRACT_VERSION = "2026.12";

/** The pages after which the form checks for an emergency, in form order (intake-contract.md). */
export const FORM_PAGES = ["vascular-check", "nerve-check", "health-history"] as const;

export type FormPage = (typeof FORM_PAGES)[number];

/**
 * The last page whose answers a rule (or flag) reads: it can be evaluated on an early submission
 * sent from the emergency page after that page or a later one. "complete" = only on a full form.
 */
export type Needs = FormPage | "complete";

import type { Level } from "@/common/vocabulary";

// The levels and their ranks are shared with the database schema (common/vocabulary.ts).
export { LEVELS, levelRank, type Level } from "@/common/vocabulary";

/**
 * One grading rule of a ruleset; `when` reads only the precomputed grading context of its version.
 * `needs` and `wording` are part of the rule's released text (versions.ts fingerprints them).
 */
export type Rule<Ctx = never> = {
  readonly id: string;
  readonly level: Level;
  readonly when: (ctx: Ctx) => boolean;
  /** What the rule means, in words a patient understands. */
  readonly summary: string;
  readonly sources: readonly string[];
  /** The last form page whose answers it reads (2026.12 on; 2026.11 had no early submission). */
  readonly needs?: Needs;
  /** The key of the patient-facing wording it brings (lib/content/wording.ts): a card, a page, advice. */
  readonly wording: string;
};

/** A clinician flag: shown to staff, never changes the level. */
export type Flag<Ctx = never> = {
  readonly id: string;
  /** What staff should consider, in clinical shorthand. */
  readonly summary: string;
  /** `fired` lists the rules that fired (some flags follow rules). */
  readonly when: (ctx: Ctx, fired: readonly FiredRule[]) => boolean;
  readonly needs?: Needs;
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
  /** The ruleset that graded it (RULESET_VERSION for every new grade). */
  rulesetVersion: string;
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
export function defineRule<Ctx>(rule: Rule<Ctx>): Rule<Ctx> {
  return Object.freeze({ ...rule, sources: Object.freeze([...rule.sources]) });
}

/** Freezes a clinician flag. */
export function defineFlag<Ctx>(flag: Flag<Ctx>): Flag<Ctx> {
  return Object.freeze({ ...flag });
}
