import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { intakes, type Intake } from "../schema";
import { ruleFigures, silentComparison, verdictCounts } from "./triage-audit";

type Period = { rulesetVersion: string; since: Date; until: Date };

/** How many intakes graded with `rulesetVersion` in [since, until) each rule fired on. */
export async function firedRuleCounts(db: Db, { rulesetVersion, since, until }: Period) {
  return db
    .select({ id: sql<string>`unnest(${intakes.firedRules})`, fired: sql<number>`count(*)::int` })
    .from(intakes)
    .where(and(eq(intakes.rulesetVersion, rulesetVersion), gte(intakes.createdAt, since), lt(intakes.createdAt, until)))
    .groupBy(sql`1`);
}

/** Intakes graded with `rulesetVersion` in [since, until) per level the engine gave (overrides aside). */
export async function gradedLevelCounts(
  db: Db,
  { rulesetVersion, since, until }: Period,
): Promise<{ level: Intake["level"]; n: number }[]> {
  return db
    .select({ level: intakes.level, n: sql<number>`count(*)::int` })
    .from(intakes)
    .where(and(eq(intakes.rulesetVersion, rulesetVersion), gte(intakes.createdAt, since), lt(intakes.createdAt, until)))
    .groupBy(intakes.level);
}

/**
 * The audit figures of the safety report (`npm run triage:report`) for one ruleset and period: the
 * grades per level and per rule, and the clinicians' verdicts on them (per rule: how many have one,
 * how many were judged right, how many name a confirmed serious diagnosis; overall: right, should
 * have been higher, should have been lower) and the silent pilot's agreement with staff, with the
 * same SQL as the triage audit page (db/queries/triage-audit.ts) read straight from the grades.
 */
export async function auditFigures(db: Db, period: Period) {
  const scope = { rulesetVersion: period.rulesetVersion, from: period.since, to: period.until };
  const [rules, levels, verdicts, silent] = await Promise.all([
    ruleFigures(db, scope),
    gradedLevelCounts(db, period),
    verdictCounts(db, scope),
    silentComparison(db, scope),
  ]);
  const verdict = (v: string) => verdicts.find((r) => r.verdict === v)?.n ?? 0;
  return {
    ...period,
    graded: levels.reduce((n, l) => n + l.n, 0),
    rules,
    levels,
    verdicts: { right: verdict("right"), higher: verdict("higher"), lower: verdict("lower") },
    silent: {
      compared: silent.reduce((n, c) => n + c.n, 0),
      agreed: silent.filter((c) => c.level === c.staffLevel).reduce((n, c) => n + c.n, 0),
    },
  };
}
