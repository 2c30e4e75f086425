// Every per-process cache of database-derived data, and its invalidation, in one place. Values are
// kept per database handle (so tests and tools with their own database never share them) and per
// group; a change that makes a group stale forgets it here. Memos of pure computations (Intl
// formatters, compiled schemas, decoded session cookies that the database still checks) are not
// data caches and stay beside their code.
import type { Db } from "@/db/client";

/**
 * settings: the clinic row, clinicians, hours and types, the at-a-glance numbers (30–60 s);
 * offers: the times offered to patients (5 s), which bookings and settings changes both make stale;
 * feed: the published open-slot feed (5 min; bookings leave it be, a settings change here drops it);
 * audit: the triage audit page's figures (1 min; a verdict or a hand-triaged level recorded here drops them);
 * calendar: the staff calendar's week of every clinician (10 s, and never past its minute; a booking,
 * move or cancel, a changed level or a re-grade here drops it).
 */
export type CacheGroup = "settings" | "offers" | "feed" | "audit" | "calendar";

type Entry = { value: Promise<unknown>; expires: number };

const groups = new Map<CacheGroup, WeakMap<Db, Map<string, Entry>>>();
const MAX_ENTRIES = 500; // per group and database: a handful of weeks × grades in practice

/**
 * The value for `key`, loaded at most once per `ttlMs` in this process and shared by concurrent
 * callers; a failed load is never kept. After forgetCached() the next caller loads again, and a
 * load that was under way when the group was forgotten is used once by its own caller, never kept.
 */
export function cacheGet<T>(db: Db, group: CacheGroup, key: string, load: () => Promise<T>, ttlMs: number): Promise<T> {
  let byDb = groups.get(group);
  if (!byDb) groups.set(group, (byDb = new WeakMap()));
  let entries = byDb.get(db);
  if (!entries) byDb.set(db, (entries = new Map()));
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const value = load();
  const kept = entries;
  kept.set(key, { value, expires: now + ttlMs });
  value.catch(() => {
    if (kept.get(key)?.value === value) kept.delete(key);
  });
  return value;
}

/** Forgets a group (for one database, or all), or every group when none is named. */
export function forgetCached(group?: CacheGroup, db?: Db): void {
  if (group === undefined) groups.clear();
  else if (db === undefined) groups.delete(group);
  else groups.get(group)?.delete(db);
}
