// Working time that becomes bookable (new weekly hours, time off or a closure removed) is freed time
// for the waitlist, like a cancelled appointment (which the database records itself): the worker
// offers what fits in it to waiting patients. Recorded in the settings change's transaction.
import type { Db } from "@/db/client";
import { getClinicCached, getScheduleSettings } from "@/lib/clinic-settings";
import { insertFreedTimes } from "@/db/queries/waitlist-offers";
import { DEFAULT_POLICY } from "@/lib/scheduling";
import { addLocalDays, isoWeekday, localDate, localInstant, parseLocalDate } from "@/lib/scheduling/zoned";

/** New weekly hours of a clinician: each of their days within the booking horizon, from now. */
export async function freeNewHours(
  tx: Db,
  h: { clinicianId: string; weekday: number; start: string; end: string },
  now: Date,
): Promise<void> {
  const clinic = await getClinicCached(tx);
  if (!clinic) return;
  const zone = clinic.timeZone;
  const today = localDate(now, zone);
  const days = clinic.horizonDays ?? DEFAULT_POLICY.horizonDays;
  const rows = [];
  for (let i = 0; i <= days; i++) {
    const date = addLocalDays(today, i);
    if (isoWeekday(parseLocalDate(date)) !== h.weekday) continue;
    const startsAt = localInstant(date, h.start, zone);
    const endsAt = localInstant(date, h.end, zone);
    if (endsAt > now) rows.push({ clinicianId: h.clinicianId, startsAt, endsAt, cause: "hours" as const });
  }
  await insertFreedTimes(tx, rows);
}

/** Time off or a closure (null clinician: every active clinician) removed: its time still to come. */
export async function freeRemovedTimeOff(
  tx: Db,
  t: { clinicianId: string | null; startsAt: Date; endsAt: Date },
  now: Date,
): Promise<void> {
  if (t.endsAt <= now) return;
  const startsAt = t.startsAt > now ? t.startsAt : now;
  const ids = t.clinicianId ? [t.clinicianId] : (await getScheduleSettings(tx)).clinicians.map((c) => c.id);
  await insertFreedTimes(
    tx,
    ids.map((clinicianId) => ({ clinicianId, startsAt, endsAt: t.endsAt, cause: "time_off" as const })),
  );
}
