import type { Db } from "@/db/client";
import { getClinic } from "@/db/queries/clinic";
import { listAppointmentTypes, listClinicians, listWorkingHours } from "@/db/queries/scheduling";
import type { Clinic } from "@/db/schema";

const TTL_MS = 30_000;
const caches = new Map<string, WeakMap<Db, { value: unknown; expires: number }>>();
let generation = 0; // counts clearSettingsCaches() calls

/**
 * A value read at most every `ttlMs` per process and database (30 s by default): hot paths (the
 * intake API, slot search, the staff queue) need settings on every request, and an admin's change
 * may take that long to apply in other processes. clearSettingsCaches() drops them all at once.
 */
export async function cached<T>(db: Db, key: string, load: () => Promise<T>, ttlMs = TTL_MS): Promise<T> {
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = new WeakMap()));
  const hit = cache.get(db);
  if (hit && hit.expires > Date.now()) return hit.value as T;
  const value = await load();
  // `cache` is the map from before the read: if clearSettingsCaches() ran meanwhile, it is no
  // longer in `caches`, so a value read before an admin's change is used once and never kept.
  cache.set(db, { value, expires: Date.now() + ttlMs });
  return value;
}

/** The clinic's settings (cached up to 30 s). */
export function getClinicCached(db: Db): Promise<Clinic | null> {
  return cached(db, "clinic", () => getClinic(db));
}

/** The clinic's IANA time zone, from its settings row ("UTC" before the clinic is set up). */
export function clinicZone(clinic: Pick<Clinic, "timeZone"> | null | undefined): string {
  return clinic?.timeZone ?? "UTC";
}

/** The clinic's time zone, read through the settings cache. */
export async function getClinicZone(db: Db): Promise<string> {
  return clinicZone(await getClinicCached(db));
}

/** Clinicians, their weekly hours and the appointment types (cached up to 30 s). */
export function getScheduleSettings(db: Db) {
  return cached(db, "schedule", async () => {
    const [clinicians, types] = await Promise.all([listClinicians(db), listAppointmentTypes(db)]);
    const hours = await listWorkingHours(db, clinicians.map((c) => c.id));
    return { clinicians, types, hours };
  });
}

/** Forgets every cached setting in this process, so an admin's change applies here at once (elsewhere within 30 s). */
export function clearSettingsCaches(): void {
  caches.clear();
  generation++;
}

/** Changes whenever clearSettingsCaches() runs: caches built from the settings elsewhere (the slot offers) check it. */
export function settingsGeneration(): number {
  return generation;
}
