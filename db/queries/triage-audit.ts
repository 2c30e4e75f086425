// The triage audit (issue 22, item 2): how each rule of a ruleset version performed on the clinic's
// own patients, computed in SQL over the whole history. A grade's verdict is its current one (not
// superseded); the level is the engine's grade, overrides aside. Closed days come from a rollup
// (triage_audit_days, one row per day, level and rule; built here on first need, forgotten by
// triggers when a grade or verdict on the day changes: migration 0023); the rest (today, and the
// hour after midnight) is read from the grades themselves with the same SQL.
import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lt, min, ne, sql, type SQL } from "drizzle-orm";
import { SERIOUS_DIAGNOSES, type Level } from "@/common/vocabulary";
import type { Db } from "../client";
import { gradeVerdicts, intakes, triageAuditBuilt, triageAuditDays } from "../schema";

/** Which grades the audit reads: one ruleset version, created in [from, to), optionally one level. */
export type TriageAuditScope = { rulesetVersion: string; from?: Date; to?: Date; level?: Level };

function inScope({ rulesetVersion, from, to, level }: TriageAuditScope, withLevel = true): SQL | undefined {
  return and(
    eq(intakes.rulesetVersion, rulesetVersion),
    from ? gte(intakes.createdAt, from) : undefined,
    to ? lt(intakes.createdAt, to) : undefined,
    withLevel && level ? eq(intakes.level, level) : undefined,
  );
}

const current = (on: SQL) => and(on, isNull(gradeVerdicts.supersededAt));

/**
 * Per rule that fired in scope: grades it fired on, how many have a verdict, how many were judged
 * right, and how many with a verdict name a confirmed serious diagnosis (the PPV's numerator).
 */
export async function ruleFigures(db: Db, scope: TriageAuditScope) {
  const rule = sql<string>`r.id`;
  return db
    .select({
      id: rule,
      fired: sql<number>`count(*)::int`,
      withVerdict: sql<number>`count(${gradeVerdicts.verdict})::int`,
      right: sql<number>`(count(*) filter (where ${gradeVerdicts.verdict} = 'right'))::int`,
      serious: sql<number>`(count(*) filter (where ${inArray(gradeVerdicts.diagnosis, [...SERIOUS_DIAGNOSES])}))::int`,
    })
    .from(intakes)
    .innerJoin(sql`unnest(${intakes.firedRules}) as r(id)`, sql`true`)
    .leftJoin(gradeVerdicts, current(eq(gradeVerdicts.intakeId, intakes.id)))
    .where(inScope(scope))
    .groupBy(rule)
    .orderBy(rule);
}

/**
 * Grades in scope per period (a month or an ISO week, in the clinic's zone; `period` is its first
 * day) and level. The level filter is left out: one level's share would always be 100 %.
 */
export async function levelsOverTime(
  db: Db,
  scope: TriageAuditScope,
  { unit, timeZone }: { unit: "month" | "week"; timeZone: string },
) {
  return db
    .select({
      period: sql<string>`to_char(date_trunc(${unit}, ${intakes.createdAt} at time zone ${timeZone}), 'YYYY-MM-DD')`,
      level: intakes.level,
      n: sql<number>`count(*)::int`,
    })
    .from(intakes)
    .where(inScope(scope, false))
    .groupBy(sql`1`, sql`2`)
    .orderBy(sql`1`, sql`2`);
}

/** Grades in scope with a current verdict, per verdict. */
export async function verdictCounts(db: Db, scope: TriageAuditScope) {
  return db
    .select({ verdict: gradeVerdicts.verdict, n: sql<number>`count(*)::int` })
    .from(gradeVerdicts)
    .innerJoin(intakes, eq(intakes.id, gradeVerdicts.intakeId))
    .where(and(isNull(gradeVerdicts.supersededAt), inScope(scope)))
    .groupBy(gradeVerdicts.verdict)
    .orderBy(gradeVerdicts.verdict);
}

/**
 * Under-triage: grades in scope whose current verdict says "should have been higher", the most
 * recently judged first. Walks grade_verdicts_higher_idx newest first and reads only the grades it
 * lists (ordering by the grade's own date meant reading thousands of grades from the table).
 */
export async function listUnderTriage(db: Db, scope: TriageAuditScope, limit: number) {
  return db
    .select({
      id: intakes.id,
      createdAt: intakes.createdAt,
      level: intakes.level,
      overrideLevel: intakes.overrideLevel,
      firedRules: intakes.firedRules,
      diagnosis: gradeVerdicts.diagnosis,
      verdictAt: gradeVerdicts.recordedAt,
    })
    .from(gradeVerdicts)
    .innerJoin(intakes, eq(intakes.id, gradeVerdicts.intakeId))
    .where(and(eq(gradeVerdicts.verdict, "higher"), isNull(gradeVerdicts.supersededAt), inScope(scope)))
    .orderBy(desc(gradeVerdicts.recordedAt), desc(intakes.createdAt), desc(intakes.id))
    .limit(limit);
}

export type UnderTriageRow = Awaited<ReturnType<typeof listUnderTriage>>[number];

/** Silent-pilot grades in scope that staff triaged by hand: engine level × staff level. */
export async function silentComparison(db: Db, scope: TriageAuditScope) {
  return db
    .select({ level: intakes.level, staffLevel: sql<Level>`${intakes.staffLevel}`, n: count() })
    .from(intakes)
    .where(and(eq(intakes.silent, true), isNotNull(intakes.staffLevel), inScope(scope)))
    .groupBy(intakes.level, intakes.staffLevel)
    .orderBy(intakes.level, intakes.staffLevel);
}

/** The ruleset versions that graded at least one intake (a skip scan: one index probe per version). */
export async function gradedRulesetVersions(db: Db): Promise<string[]> {
  const rows = await db.execute<{ v: string }>(sql`
    with recursive v as (
      (select ruleset_version as v from ${intakes} order by ruleset_version limit 1)
      union all
      select (select ruleset_version from ${intakes} where ruleset_version > v.v order by ruleset_version limit 1)
      from v where v.v is not null
    )
    select v from v where v is not null`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: { v: string }[] }).rows;
  return list.map((r) => r.v);
}

const SERIOUS_SQL = sql.join(
  SERIOUS_DIAGNOSES.map((d) => sql`${d}`),
  sql`, `,
);

/** A ruleset's rolled-up days in a zone: [fromDay, toDay], local dates, both included. */
export type RolledUpDays = { zone: string; rulesetVersion: string; fromDay: string; toDay: string; level?: Level };

const dateArray = (days: readonly string[]) => sql`${`{${days.join(",")}}`}::date[]`;

/** When the ruleset graded its first intake (null: never). */
export async function firstGradedAt(db: Db, rulesetVersion: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(intakes.createdAt) })
    .from(intakes)
    .where(eq(intakes.rulesetVersion, rulesetVersion));
  return row?.at ?? null;
}

/** The days in [fromDay, toDay] not rolled up yet. */
export async function missingDays(db: Db, { zone, rulesetVersion, fromDay, toDay }: RolledUpDays) {
  const rows = await db.execute<{ day: string }>(sql`
    select d::date::text as day from generate_series(${fromDay}::date, ${toDay}::date, interval '1 day') as d
    where not exists (select 1 from ${triageAuditBuilt} b
      where b.zone = ${zone} and b.ruleset_version = ${rulesetVersion} and b.day = d::date)
    order by 1`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: { day: string }[] }).rows;
  return list.map((r) => r.day);
}

/**
 * Rolls up `days` (local dates in `zone`, closed; `from`/`to` the instants they span): per day,
 * level and rule, the grades and their current verdicts. Under the writers' advisory locks, and
 * only the days still missing once they are held.
 */
export async function buildDays(
  db: Db,
  {
    zone,
    rulesetVersion,
    days,
    from,
    to,
  }: { zone: string; rulesetVersion: string; days: string[]; from: Date; to: Date },
): Promise<void> {
  if (days.length === 0) return;
  await db.transaction(async (tx) => {
    // A local day spans at most three UTC days: lock each, in order, as the triggers do.
    await tx.execute(sql`
      select pg_advisory_xact_lock(k) from (
        select distinct hashtext('triage_audit:' || ${rulesetVersion} || ':' || (d + o)::text) as k
        from unnest(${dateArray(days)}) as d cross join (values (-1), (0), (1)) as x(o) order by 1
      ) as keys`);
    await tx.execute(sql`
      with missing as (
        insert into ${triageAuditBuilt} (zone, ruleset_version, day)
        select ${zone}, ${rulesetVersion}, d from unnest(${dateArray(days)}) as d
        on conflict do nothing
        returning day
      )
      insert into ${triageAuditDays} (zone, ruleset_version, day, level, rule, n, with_verdict, "right", higher, lower, serious)
      select ${zone}, ${rulesetVersion}, g.day, g.level, r.rule, count(*), count(v.verdict),
        count(*) filter (where v.verdict = 'right'), count(*) filter (where v.verdict = 'higher'),
        count(*) filter (where v.verdict = 'lower'), count(*) filter (where v.diagnosis in (${SERIOUS_SQL}))
      from (
        select i.id, i.level, i.fired_rules, (i.created_at at time zone ${zone})::date as day
        from ${intakes} i
        where i.ruleset_version = ${rulesetVersion} and i.created_at >= ${from.toISOString()}::timestamptz
          and i.created_at < ${to.toISOString()}::timestamptz
      ) as g
      join missing m on m.day = g.day
      cross join lateral unnest(array[''] || g.fired_rules) as r(rule)
      left join ${gradeVerdicts} v on v.intake_id = g.id and v.superseded_at is null
      group by g.day, g.level, r.rule`);
  });
}

const inDays = ({ zone, rulesetVersion, fromDay, toDay, level }: RolledUpDays, withLevel = true) =>
  and(
    eq(triageAuditDays.zone, zone),
    eq(triageAuditDays.rulesetVersion, rulesetVersion),
    gte(triageAuditDays.day, fromDay),
    sql`${triageAuditDays.day} <= ${toDay}`,
    withLevel && level ? eq(triageAuditDays.level, level) : undefined,
  );

/** ruleFigures over rolled-up days. */
export async function rolledUpRuleFigures(db: Db, days: RolledUpDays) {
  return db
    .select({
      id: triageAuditDays.rule,
      fired: sql<number>`sum(${triageAuditDays.n})::int`,
      withVerdict: sql<number>`sum(${triageAuditDays.withVerdict})::int`,
      right: sql<number>`sum(${triageAuditDays.right})::int`,
      serious: sql<number>`sum(${triageAuditDays.serious})::int`,
    })
    .from(triageAuditDays)
    .where(and(inDays(days), ne(triageAuditDays.rule, "")))
    .groupBy(triageAuditDays.rule)
    .orderBy(triageAuditDays.rule);
}

/** levelsOverTime over rolled-up days (each day lies wholly in one week or month of its zone). */
export async function rolledUpLevels(db: Db, days: RolledUpDays, unit: "month" | "week") {
  return db
    .select({
      period: sql<string>`to_char(date_trunc(${unit}, ${triageAuditDays.day}::timestamp), 'YYYY-MM-DD')`,
      level: triageAuditDays.level,
      n: sql<number>`sum(${triageAuditDays.n})::int`,
    })
    .from(triageAuditDays)
    .where(and(inDays(days, false), eq(triageAuditDays.rule, "")))
    .groupBy(sql`1`, sql`2`)
    .orderBy(sql`1`, sql`2`);
}

/** verdictCounts over rolled-up days. */
export async function rolledUpVerdicts(db: Db, days: RolledUpDays) {
  const [row] = await db
    .select({
      right: sql<number>`coalesce(sum(${triageAuditDays.right}), 0)::int`,
      higher: sql<number>`coalesce(sum(${triageAuditDays.higher}), 0)::int`,
      lower: sql<number>`coalesce(sum(${triageAuditDays.lower}), 0)::int`,
    })
    .from(triageAuditDays)
    .where(and(inDays(days), eq(triageAuditDays.rule, "")));
  return row ?? { right: 0, higher: 0, lower: 0 };
}
