import type { Db } from "@/db/client";
import { getClinic } from "@/db/queries/clinic";
import type { Clinic } from "@/db/schema";

const TTL_MS = 30_000;
const cache = new WeakMap<Db, { value: Clinic | null; expires: number }>();

/**
 * The clinic's settings, read at most every 30 seconds per process: hot paths such as the
 * intake API need the time zone on every request, and a settings change may take 30 s to apply.
 */
export async function getClinicCached(db: Db): Promise<Clinic | null> {
  const hit = cache.get(db);
  if (hit && hit.expires > Date.now()) return hit.value;
  const value = await getClinic(db);
  cache.set(db, { value, expires: Date.now() + TTL_MS });
  return value;
}
