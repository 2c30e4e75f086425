import { and, eq, gte, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { intakes, type Intake } from "../schema";

/** Intakes per local day and level since `since` (days in `timeZone`, as "YYYY-MM-DD"). */
export async function intakesPerDay(
  db: Db,
  { since, timeZone }: { since: Date; timeZone: string },
): Promise<{ day: string; level: Intake["level"]; n: number }[]> {
  const day = sql<string>`to_char(${intakes.createdAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  return (
    db
      .select({ day, level: intakes.level, n: sql<number>`count(*)::int` })
      .from(intakes)
      .where(gte(intakes.createdAt, since))
      // By position: the zone is a parameter, and $1 in the select list is not "the same" as $3 here.
      .groupBy(sql`1`, sql`2`)
  );
}

/** The median minutes from submission to acknowledgement per level, for cases since `since`. */
export async function medianAcknowledgeMinutes(
  db: Db,
  { since }: { since: Date },
): Promise<{ level: Intake["level"]; minutes: number; cases: number }[]> {
  const rows = await db
    .select({
      level: intakes.level,
      minutes: sql<number>`percentile_cont(0.5) within group (order by extract(epoch from ${intakes.acknowledgedAt} - ${intakes.createdAt}) / 60)`,
      cases: sql<number>`count(*)::int`,
    })
    .from(intakes)
    .where(and(eq(intakes.escalated, true), isNotNull(intakes.acknowledgedAt), gte(intakes.createdAt, since)))
    .groupBy(intakes.level);
  return rows.map((r) => ({ ...r, minutes: Number(r.minutes) }));
}
