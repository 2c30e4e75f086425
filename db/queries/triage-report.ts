import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { intakes, type Intake } from "../schema";

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
 * The audit figures of the safety report (`npm run triage:report`) for one ruleset and period.
 *
 * HOOK (issue 22): the clinician-verdict figures (how many grades have a verdict, the share judged
 * right, the PPV for a confirmed serious diagnosis) are to be added here once the verdict table
 * exists; lib/governance/report.ts renders whatever this returns (extend its AuditFigures type too).
 */
export async function auditFigures(db: Db, period: Period) {
  const [rules, levels] = await Promise.all([firedRuleCounts(db, period), gradedLevelCounts(db, period)]);
  return {
    ...period,
    graded: levels.reduce((n, l) => n + l.n, 0),
    rules,
    levels,
  };
}
