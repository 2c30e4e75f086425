import type { Db } from "@/db/client";
import { getClinic } from "@/db/queries/clinic";
import { listAppointmentTypes, listClinicians, listWorkingHours } from "@/db/queries/scheduling";
import type { Clinic } from "@/db/schema";
import { cacheGet, forgetCached } from "@/lib/cache";

const TTL_MS = 30_000;

/**
 * A setting read at most every `ttlMs` per process and database (30 s by default; lib/cache.ts):
 * hot paths (the intake API, slot search, the staff queue) need settings on every request, and an
 * admin's change may take that long to apply in other processes. clearSettingsCaches() drops them.
 */
export function cached<T>(db: Db, key: string, load: () => Promise<T>, ttlMs = TTL_MS): Promise<T> {
  return cacheGet(db, "settings", key, load, ttlMs);
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
    const hours = await listWorkingHours(
      db,
      clinicians.map((c) => c.id),
    );
    return { clinicians, types, hours };
  });
}

/**
 * Forgets every cached setting in this process, and everything built from them (the times offered
 * to patients), so an admin's change applies here at once (elsewhere within 30 s).
 */
export function clearSettingsCaches(): void {
  forgetCached();
}
