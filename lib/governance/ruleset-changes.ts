// What changed between two released rulesets, computed from their released texts (versions.ts), so
// the safety report never relies on a hand-written change list.
import type { Level, Ruleset, RuleText } from "@/lib/triage";

/** The parts of a rule's released text the report compares. */
export type RuleField = "level" | "summary" | "sources" | "wording" | "needs";

export type ChangedRule = {
  readonly id: string;
  readonly fields: readonly RuleField[];
  readonly before: RuleText;
  readonly after: RuleText;
};

export type RulesetChanges = {
  readonly from: string;
  readonly to: string;
  readonly added: readonly RuleText[];
  readonly removed: readonly RuleText[];
  /** Rules kept under the same id whose level, summary, sources or wording key changed. */
  readonly changed: readonly ChangedRule[];
  /**
   * Rules that state the last form page they read for the first time (the previous version had no
   * early submission): listed once, not as a change of each rule.
   */
  readonly pageIntroduced: readonly string[];
  /** Rules kept under the same id with the same level, summary, sources and wording key. */
  readonly sameText: readonly string[];
  readonly flagsAdded: readonly string[];
  readonly flagsRemoved: readonly string[];
};

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function changedFields(before: RuleText, after: RuleText): RuleField[] {
  const fields: RuleField[] = [];
  if (before.level !== after.level) fields.push("level");
  if (before.summary !== after.summary) fields.push("summary");
  if (!sameList(before.sources, after.sources)) fields.push("sources");
  if (before.wording !== after.wording) fields.push("wording");
  if (before.needs !== null && before.needs !== after.needs) fields.push("needs");
  return fields;
}

/** The rules added, removed and changed from `previous` to `current`, in `current`'s stored order. */
export function rulesetChanges(previous: Ruleset, current: Ruleset): RulesetChanges {
  const before = new Map(previous.rules.map((r) => [r.id, r]));
  const afterIds = new Set(current.rules.map((r) => r.id));
  const added: RuleText[] = [];
  const changed: ChangedRule[] = [];
  const pageIntroduced: string[] = [];
  const sameText: string[] = [];
  for (const rule of current.rules) {
    const old = before.get(rule.id);
    if (!old) {
      added.push(rule);
      continue;
    }
    if (old.needs === null && rule.needs !== null) pageIntroduced.push(rule.id);
    const fields = changedFields(old, rule);
    if (fields.length > 0) changed.push({ id: rule.id, fields, before: old, after: rule });
    else sameText.push(rule.id);
  }
  const flagIds = (r: Ruleset) => new Set(r.flags.map((f) => f.id));
  const oldFlags = flagIds(previous);
  const newFlags = flagIds(current);
  return {
    from: previous.version,
    to: current.version,
    added,
    removed: previous.rules.filter((r) => !afterIds.has(r.id)),
    changed,
    pageIntroduced,
    sameText,
    flagsAdded: [...newFlags].filter((id) => !oldFlags.has(id)),
    flagsRemoved: [...oldFlags].filter((id) => !newFlags.has(id)),
  };
}

/** "URGENT → EMERGENCY" for a level change, or the level when it stayed. */
export const levelChange = (before: Level, after: Level) => (before === after ? after : `${before} → ${after}`);
