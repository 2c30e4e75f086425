// Every released ruleset's rule texts, kept per version (triage-rules.md: "a graded intake keeps the
// version and the rule ids it was graded with forever"). A stored grade is explained by the texts of
// the version that made it: the staff case page, the staff API and the patient's result page look
// rules up here by (version, id). Grading always uses the current version (RULESET_VERSION).
// tests/unit/triage/versions.test.ts fingerprints each released version's table and grades fixed
// test vectors with its engine, so a change to a released version fails; a change needs a new version.
import { FLAGS } from "./flags";
import type { Flag, Level, Needs, Rule } from "./model";
import { CONTRACT_VERSION, RULESET_VERSION } from "./model";
import { RULES } from "./rules";
import { FLAGS as FLAGS_2026_11 } from "./v2026-11/flags";
import { RULES as RULES_2026_11 } from "./v2026-11/rules";

/** A rule as released: what it is called, what it means and where the patient's wording comes from. */
export type RuleText = {
  readonly id: string;
  readonly level: Level;
  readonly summary: string;
  readonly sources: readonly string[];
  /** The key of the patient-facing wording (lib/content/wording.ts). */
  readonly wording: string;
  /** The last form page the rule reads (absent before 2026.12, which had no early submission). */
  readonly needs: Needs | null;
};

export type FlagText = { readonly id: string; readonly summary: string };

export type Ruleset = {
  readonly version: string;
  /** The intake contract its answers follow. */
  readonly contractVersion: string;
  /** Every rule in stored order. */
  readonly rules: readonly RuleText[];
  readonly flags: readonly FlagText[];
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each version's rules read their own context
const textOf = (r: Rule<any>): RuleText =>
  Object.freeze({
    id: r.id,
    level: r.level,
    summary: r.summary,
    sources: r.sources,
    wording: r.wording,
    needs: r.needs ?? null,
  });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const flagTextOf = (f: Flag<any>): FlagText => Object.freeze({ id: f.id, summary: f.summary });

/** The released rulesets, oldest first; the last is the one that grades. */
export const RULESETS: readonly Ruleset[] = Object.freeze([
  {
    version: "2026.11",
    contractVersion: "2026.11",
    rules: RULES_2026_11.map(textOf),
    flags: FLAGS_2026_11.map(flagTextOf),
  },
  {
    version: RULESET_VERSION,
    contractVersion: CONTRACT_VERSION,
    rules: RULES.map(textOf),
    flags: FLAGS.map(flagTextOf),
  },
]);

const BY_VERSION: ReadonlyMap<string, Ruleset> = new Map(RULESETS.map((r) => [r.version, r]));
const RULE_INDEX: ReadonlyMap<string, ReadonlyMap<string, RuleText>> = new Map(
  RULESETS.map((r) => [r.version, new Map(r.rules.map((rule) => [rule.id, rule]))]),
);
const FLAG_INDEX: ReadonlyMap<string, ReadonlyMap<string, FlagText>> = new Map(
  RULESETS.map((r) => [r.version, new Map(r.flags.map((flag) => [flag.id, flag]))]),
);

/** A released ruleset, or null for a version this code never released. */
export function ruleset(version: string): Ruleset | null {
  return BY_VERSION.get(version) ?? null;
}

/** A rule's text as released in `version`, or null when that version has no such rule. */
export function ruleText(version: string, id: string): RuleText | null {
  return RULE_INDEX.get(version)?.get(id) ?? null;
}

/** A flag's text as released in `version`, or null. */
export function flagText(version: string, id: string): FlagText | null {
  return FLAG_INDEX.get(version)?.get(id) ?? null;
}

/** The contract an intake graded under `version` was written to (the current one for unknown versions). */
export function contractVersionOf(version: string): string {
  return ruleset(version)?.contractVersion ?? CONTRACT_VERSION;
}
