// The triage audit (issue 22, item 2), as the page, the JSON API and the CSV export read it: one
// query string, one scope, one set of figures. Per rule of a ruleset version: grades it fired on,
// how many have a clinician's verdict, the share judged right, and its positive predictive value
// for a confirmed serious diagnosis; the share of each level over time; under-triage case by case;
// and the silent pilot's engine-versus-staff table.
import { z } from "zod";
import { LEVELS, type Level } from "@/common/vocabulary";
import type { Db } from "@/db/client";
import {
  buildDays,
  firstGradedAt,
  gradedRulesetVersions,
  levelsOverTime,
  listUnderTriage,
  missingDays,
  rolledUpLevels,
  rolledUpRuleFigures,
  rolledUpVerdicts,
  ruleFigures,
  silentComparison,
  verdictCounts,
  type RolledUpDays,
  type TriageAuditScope,
  type UnderTriageRow,
} from "@/db/queries/triage-audit";
import { cacheGet } from "@/lib/cache";
import { addLocalDays, DAY, isLocalDate, localDate, localInstant, parseLocalDate } from "@/lib/scheduling/zoned";
import { RULESET_VERSION, ruleset } from "@/lib/triage";
import { VERDICT_ROLES } from "./verdicts";

/** Who may read the audit: the people who judge grades (clinicians and admins). */
export const TRIAGE_AUDIT_ROLES = VERDICT_ROLES;

// A bookmarked or hand-typed filter that does not parse is dropped, not an error.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const localDay = z.string().refine(isLocalDate);

/** The audit's query string: ?ruleset=&from=&to=&level= (dates are whole days in the clinic's zone). */
export const triageAuditQuerySchema = z.object({
  ruleset: optional(z.string().regex(/^[0-9A-Za-z._-]{1,20}$/)),
  from: optional(localDay),
  to: optional(localDay),
  level: optional(z.enum(LEVELS)),
});
export type TriageAuditQuery = z.output<typeof triageAuditQuerySchema>;

/** Parses the query string, reading an empty field as no filter. */
export function parseTriageAuditQuery(params: Record<string, string | undefined>): TriageAuditQuery {
  return triageAuditQuerySchema.parse(Object.fromEntries(Object.entries(params).filter(([, v]) => v?.trim())));
}

/** The filters as the page's links and the audit rows keep them (the ruleset always named). */
export function triageAuditFilters(q: TriageAuditQuery): Record<string, string> {
  const { from, to, level } = q;
  return Object.fromEntries(
    Object.entries({ ruleset: q.ruleset ?? RULESET_VERSION, from, to, level }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  );
}

/** The query as a database scope: "from" and "to" are whole days in the clinic's zone. */
export function triageAuditScope(q: TriageAuditQuery, timeZone: string): TriageAuditScope {
  return {
    rulesetVersion: q.ruleset ?? RULESET_VERSION,
    from: q.from ? localInstant(q.from, "00:00", timeZone) : undefined,
    to: q.to ? localInstant(addLocalDays(q.to, 1), "00:00", timeZone) : undefined,
    level: q.level,
  };
}

/** Weeks for a range of up to about three months, else months. */
export function trendUnit(q: TriageAuditQuery, today: string): "week" | "month" {
  if (!q.from) return "month";
  return parseLocalDate(q.to ?? today) - parseLocalDate(q.from) <= 92 * DAY ? "week" : "month";
}

/** A share, or null when there is nothing to divide by (shown as "–"). */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export type RuleFigure = {
  id: string;
  /** The rule's level and words in its own version; null for an id that version never released. */
  level: Level | null;
  summary: string | null;
  fired: number;
  withVerdict: number;
  right: number;
  /** Of those with a verdict, how many name a confirmed serious diagnosis. */
  serious: number;
  rightShare: number | null;
  ppv: number | null;
};

export type TrendPeriod = { start: string; counts: Record<Level, number>; total: number };

export type TriageAudit = {
  ruleset: string;
  /** Whether this code released that version (its rule texts are known). */
  released: boolean;
  versions: string[];
  graded: number;
  verdicts: { right: number; higher: number; lower: number };
  rules: RuleFigure[];
  levels: { level: Level; n: number; share: number | null }[];
  trend: { unit: "week" | "month"; periods: TrendPeriod[] };
  underTriage: { total: number; shown: UnderTriageRow[] };
  silent: {
    compared: number;
    agreed: number;
    agreement: number | null;
    cells: { level: Level; staffLevel: Level; n: number }[];
  };
};

const zeroLevels = (): Record<Level, number> => Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;

const HOUR = 3_600_000;
const later = (a: string | undefined, b: string) => (a && a > b ? a : b);
const earlier = (a: string | undefined, b: string) => (a && a < b ? a : b);

/** How long the triage audit page reuses its figures in this process (readTriageAuditForPage). */
export const TRIAGE_AUDIT_PAGE_TTL_MS = 60_000;

/**
 * The figures for the triage audit page: read at most once a minute per query in this process
 * (the read is 20–50 ms at a million grades; a page a clinician reloads, or ten at once, share it),
 * with when they were read. A verdict or a hand-triaged level recorded in this process drops them
 * (cache group "audit": recordVerdict, recordStaffLevel), so its own change shows at once; new grades show within the minute.
 * The CSV export and the JSON API read afresh every time.
 */
export function readTriageAuditForPage(
  db: Db,
  query: TriageAuditQuery,
  { timeZone, underTriageLimit }: { timeZone: string; underTriageLimit: number },
): Promise<TriageAudit & { readAt: Date }> {
  return cacheGet(
    db,
    "audit",
    JSON.stringify([query, timeZone, underTriageLimit]),
    async () => {
      const readAt = new Date();
      return { ...(await readTriageAudit(db, query, { timeZone, now: readAt, underTriageLimit })), readAt };
    },
    TRIAGE_AUDIT_PAGE_TTL_MS,
  );
}

/**
 * Every figure of the audit for one query (nothing recorded: the caller audits the view). Closed
 * days (ended an hour ago or more, in the clinic's zone) come from the rollup, which this builds
 * for any day it lacks; the rest from the grades themselves.
 */
export async function readTriageAudit(
  db: Db,
  query: TriageAuditQuery,
  { timeZone, now, underTriageLimit }: { timeZone: string; now: Date; underTriageLimit: number },
): Promise<TriageAudit> {
  const scope = triageAuditScope(query, timeZone);
  const unit = trendUnit(query, localDate(now, timeZone));
  const lastClosed = addLocalDays(localDate(new Date(now.getTime() - HOUR), timeZone), -1);
  const openFrom = localInstant(addLocalDays(lastClosed, 1), "00:00", timeZone);
  const first = await firstGradedAt(db, scope.rulesetVersion);
  const days: RolledUpDays | null = first
    ? {
        zone: timeZone,
        rulesetVersion: scope.rulesetVersion,
        fromDay: later(query.from, localDate(first, timeZone)),
        toDay: earlier(query.to, lastClosed),
        level: scope.level,
      }
    : null;
  const rolled = days && days.fromDay <= days.toDay ? days : null;
  if (rolled) {
    const missing = await missingDays(db, rolled);
    if (missing.length)
      await buildDays(db, {
        zone: timeZone,
        rulesetVersion: scope.rulesetVersion,
        days: missing,
        from: localInstant(missing[0]!, "00:00", timeZone),
        to: localInstant(addLocalDays(missing.at(-1)!, 1), "00:00", timeZone),
      });
  }
  // What the rollup does not hold yet: from the end of the last closed day.
  const open: TriageAuditScope = { ...scope, from: scope.from && scope.from > openFrom ? scope.from : openFrom };
  const none = Promise.resolve([]);
  const [rolledRules, openRules, rolledTrend, openTrend, rolledVerdicts, openVerdicts, under, silentRows, versions] =
    await Promise.all([
      rolled ? rolledUpRuleFigures(db, rolled) : none,
      ruleFigures(db, open),
      rolled ? rolledUpLevels(db, rolled, unit) : none,
      levelsOverTime(db, open, { unit, timeZone }),
      rolled ? rolledUpVerdicts(db, rolled) : Promise.resolve({ right: 0, higher: 0, lower: 0 }),
      verdictCounts(db, open),
      listUnderTriage(db, scope, underTriageLimit),
      silentComparison(db, scope),
      gradedRulesetVersions(db),
    ]);

  const byId = new Map<string, { fired: number; withVerdict: number; right: number; serious: number }>();
  for (const r of [...rolledRules, ...openRules]) {
    const f = byId.get(r.id) ?? { fired: 0, withVerdict: 0, right: 0, serious: 0 };
    byId.set(r.id, {
      fired: f.fired + r.fired,
      withVerdict: f.withVerdict + r.withVerdict,
      right: f.right + r.right,
      serious: f.serious + r.serious,
    });
  }
  const released = ruleset(scope.rulesetVersion);
  const releasedIds = new Set(released?.rules.map((r) => r.id) ?? []);
  const ids = [...releasedIds, ...[...byId.keys()].filter((id) => !releasedIds.has(id)).sort()];
  const rules = ids.map((id): RuleFigure => {
    const f = byId.get(id) ?? { fired: 0, withVerdict: 0, right: 0, serious: 0 };
    const text = released?.rules.find((r) => r.id === id) ?? null;
    return {
      id,
      level: text?.level ?? null,
      summary: text?.summary ?? null,
      ...f,
      rightShare: share(f.right, f.withVerdict),
      ppv: share(f.serious, f.withVerdict),
    };
  });

  const periods = new Map<string, TrendPeriod>();
  const totals = zeroLevels();
  for (const r of [...rolledTrend, ...openTrend]) {
    const p = periods.get(r.period) ?? { start: r.period, counts: zeroLevels(), total: 0 };
    p.counts[r.level] += r.n;
    p.total += r.n;
    periods.set(r.period, p);
    totals[r.level] += r.n;
  }
  const graded = LEVELS.reduce((n, l) => n + totals[l], 0);

  const verdicts = { ...rolledVerdicts };
  for (const v of openVerdicts) verdicts[v.verdict] += v.n;

  const cells = silentRows.map((r) => ({ level: r.level, staffLevel: r.staffLevel, n: r.n }));
  const compared = cells.reduce((n, c) => n + c.n, 0);
  const agreed = cells.filter((c) => c.level === c.staffLevel).reduce((n, c) => n + c.n, 0);

  return {
    ruleset: scope.rulesetVersion,
    released: released !== null,
    versions: [...new Set([RULESET_VERSION, ...versions])].sort().reverse(),
    graded,
    verdicts,
    rules,
    levels: LEVELS.map((level) => ({ level, n: totals[level], share: share(totals[level], graded) })),
    trend: { unit, periods: [...periods.values()].sort((a, b) => a.start.localeCompare(b.start)) },
    underTriage: { total: verdicts.higher, shown: under },
    silent: { compared, agreed, agreement: share(agreed, compared), cells },
  };
}
