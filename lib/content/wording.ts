// Each released rule names the patient wording it brings (its `wording` key, see lib/triage
// versions.ts). The result pages look the key up through the intake's own ruleset version, so an
// intake graded under 2026.11 is worded with the keys 2026.11 released, never the current rules.
// The module, not the barrel, for the same reason as facts.ts.
import { ruleText } from "@/lib/triage/versions";

/** The wording keys of the fired rules, in the order the rules fired, without repeats. Unknown ids are skipped. */
export function wordingKeys(version: string, firedRuleIds: readonly string[]): string[] {
  const keys: string[] = [];
  for (const id of firedRuleIds) {
    const key = ruleText(version, id)?.wording;
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Whether any fired rule brings one of these wording keys. */
export function bringsWording(version: string, firedRuleIds: readonly string[], ...keys: readonly string[]): boolean {
  const fired = wordingKeys(version, firedRuleIds);
  return keys.some((key) => fired.includes(key));
}

/** The plain-words summaries of the fired rules, as released in `version` (the "why we said this" list). */
export function ruleSummaries(version: string, firedRuleIds: readonly string[]): string[] {
  return firedRuleIds.flatMap((id) => {
    const summary = ruleText(version, id)?.summary;
    return summary ? [summary] : [];
  });
}

/** Whether a rule with this id fired and is part of `version` (ids are only meaningful within a version). */
export function firedIn(version: string, firedRuleIds: readonly string[], id: string): boolean {
  return firedRuleIds.includes(id) && ruleText(version, id) !== null;
}
