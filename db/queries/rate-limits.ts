import { sql } from "drizzle-orm";
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

/** Deletes counters of windows that ended more than ten minutes ago. */
export async function pruneRateLimits(db: Db): Promise<void> {
  await db.delete(rateLimits).where(sql`${rateLimits.windowStart} < now() - interval '10 minutes'`);
}
