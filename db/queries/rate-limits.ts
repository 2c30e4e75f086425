import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { rateLimits } from "../schema";
import { preparedPerDb } from "./prepared";

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts one request in the current fixed window of `bucket` and says whether it is within
 * `limit`. The counter lives in the database, so the limit holds across app instances; the
 * database clock decides the window, so instances with skewed clocks agree.
 */
export async function hitRateLimit(
  db: Db,
  { bucket, limit, windowSeconds = 60 }: { bucket: string; limit: number; windowSeconds?: number },
): Promise<RateLimitResult> {
  const rows = await preparedHit(db).execute({ bucket, windowSeconds });
  const row = rows[0]!;
  if (Math.random() < 0.02) await pruneRateLimits(db); // old windows are never read again
  return {
    allowed: row.count <= limit,
    count: row.count,
    retryAfterSeconds: Math.max(1, Number(row.retryAfter)),
  };
}

function buildHit(db: Db) {
  const seconds = sql`${sql.placeholder("windowSeconds")}::int`;
  return db
    .insert(rateLimits)
    .values({
      bucket: sql.placeholder("bucket"),
      windowStart: sql`to_timestamp(floor(extract(epoch from now()) / ${seconds}) * ${seconds})`,
      count: 1,
    })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({
      count: rateLimits.count,
      retryAfter: sql<string>`ceil(extract(epoch from (${rateLimits.windowStart} + make_interval(secs => ${seconds}) - now())))`,
    })
    .prepare("hit_rate_limit");
}

// Runs on every API request.
const preparedHit = preparedPerDb(buildHit);

/**
 * Buckets under this prefix are counted on the caller's clock (`countAttempt`, `markSeen`) and
 * kept longer; `pruneRateLimits` leaves them to `pruneAttempts`.
 */
export const ATTEMPT_PREFIX = "signin:";

/** Deletes counters of windows that ended more than ten minutes ago (not the ATTEMPT_PREFIX ones). */
export async function pruneRateLimits(db: Db): Promise<void> {
  await db
    .delete(rateLimits)
    .where(
      sql`${rateLimits.windowStart} < now() - interval '10 minutes' and left(${rateLimits.bucket}, ${ATTEMPT_PREFIX.length}) <> ${ATTEMPT_PREFIX}`,
    );
}

export type AttemptCount = RateLimitResult & { windowEnd: Date };

const windowStartOf = (now: Date, windowSeconds: number) =>
  new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);

/**
 * Like hitRateLimit, on the caller's clock (`now`) and for longer windows: for the sign-in
 * throttle (buckets under ATTEMPT_PREFIX), whose windows of minutes to an hour make a few
 * seconds of clock skew between instances irrelevant, and whose tests move the clock.
 */
export async function countAttempt(
  db: Db,
  { bucket, limit, windowSeconds, now }: { bucket: string; limit: number; windowSeconds: number; now: Date },
): Promise<AttemptCount> {
  const windowStart = windowStartOf(now, windowSeconds);
  const [row] = await db
    .insert(rateLimits)
    .values({ bucket, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  const windowEnd = new Date(windowStart.getTime() + windowSeconds * 1000);
  return {
    allowed: row!.count <= limit,
    count: row!.count,
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000)),
    windowEnd,
  };
}

/** How many attempts countAttempt has counted in `bucket`'s current window (nothing counted). */
export async function attemptsSoFar(
  db: Db,
  { bucket, windowSeconds, now }: { bucket: string; windowSeconds: number; now: Date },
): Promise<number> {
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.bucket, bucket), eq(rateLimits.windowStart, windowStartOf(now, windowSeconds))));
  return row?.count ?? 0;
}

/** Takes back one attempt counted by countAttempt in the same window (one that turned out fine). */
export async function refundAttempt(
  db: Db,
  { bucket, windowSeconds, now }: { bucket: string; windowSeconds: number; now: Date },
): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(
      and(
        eq(rateLimits.bucket, bucket),
        eq(rateLimits.windowStart, windowStartOf(now, windowSeconds)),
        gt(rateLimits.count, 0),
      ),
    );
}

/** Notes that `bucket` was seen today (one row per day). */
export async function markSeen(db: Db, { bucket, now }: { bucket: string; now: Date }): Promise<void> {
  await db
    .insert(rateLimits)
    .values({ bucket, windowStart: windowStartOf(now, 86_400), count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    });
}

/** Whether markSeen noted `bucket` on a day that began after `since` (its day included). */
export async function seenSince(db: Db, { bucket, since }: { bucket: string; since: Date }): Promise<boolean> {
  const rows = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.bucket, bucket), gt(rateLimits.windowStart, windowStartOf(since, 86_400))))
    .limit(1);
  return rows.length > 0;
}

/** Deletes every window of these buckets, and of every bucket starting with one of `prefixes`. */
export async function clearBuckets(
  db: Db,
  { buckets = [], prefixes = [] }: { buckets?: string[]; prefixes?: string[] },
): Promise<void> {
  const matches = [
    ...buckets.map((b) => sql`${rateLimits.bucket} = ${b}`),
    ...prefixes.map((p) => sql`left(${rateLimits.bucket}, ${p.length}) = ${p}`),
  ];
  if (!matches.length) return;
  await db.delete(rateLimits).where(sql.join(matches, sql` or `));
}

/**
 * Deletes ATTEMPT_PREFIX counters on the caller's clock: windows of up to an hour once they are
 * two hours old, and the markSeen days of `keepSeenPrefix` after `keepSeenDays` (plus a day).
 */
export async function pruneAttempts(
  db: Db,
  { now, keepSeenPrefix, keepSeenDays }: { now: Date; keepSeenPrefix: string; keepSeenDays: number },
): Promise<void> {
  const at = sql`${now.toISOString()}::timestamptz`;
  await db.delete(rateLimits).where(
    sql`left(${rateLimits.bucket}, ${ATTEMPT_PREFIX.length}) = ${ATTEMPT_PREFIX}
        and ${rateLimits.windowStart} < ${at} - interval '2 hours'
        and (left(${rateLimits.bucket}, ${keepSeenPrefix.length}) <> ${keepSeenPrefix}
          or ${rateLimits.windowStart} < ${at} - make_interval(days => ${keepSeenDays + 1}))`,
  );
}
