import type { Db } from "@/db/client";
import { listBusy, listTimeOff } from "@/db/queries/scheduling";
import type { AppointmentType as TypeRow } from "@/db/schema";
import { getClinicCached, getScheduleSettings } from "@/lib/clinic-settings";
import { addLocalDays, listFreeSlots, localInstant, type Policy, type Slot } from "@/lib/scheduling";

export type OfferQuery = {
  now: Date;
  from: string; // YYYY-MM-DD, clinic-local
  days: number;
  type: TypeRow;
  withinDays: number | null;
  mode: "patient" | "urgent";
  clinicianIds?: string[];
};

export type Offer = { timeZone: string; slots: (Slot & { clinicianName: string })[] };

/** The free slots the clinic offers for this query, from the rows in the database. */
export async function offeredSlots(db: Db, q: OfferQuery): Promise<Offer> {
  const clinic = await getClinicCached(db);
  if (!clinic) return { timeZone: "UTC", slots: [] };
  const timeZone = clinic.timeZone;
  const settings = await getScheduleSettings(db);
  const chosen = q.clinicianIds ? settings.clinicians.filter((c) => q.clinicianIds!.includes(c.id)) : settings.clinicians;
  const ids = chosen.map((c) => c.id);
  const hours = settings.hours.filter((h) => ids.includes(h.clinicianId));
  // Rows a day either side of the local window: enough for any buffer or offset.
  const windowStart = new Date(localInstant(q.from, "00:00", timeZone).getTime() - 24 * 3600_000);
  const windowEnd = new Date(localInstant(addLocalDays(q.from, q.days), "00:00", timeZone).getTime() + 24 * 3600_000);
  const [timeOff, busy] = await Promise.all([
    listTimeOff(db, { from: windowStart, to: windowEnd }),
    listBusy(db, { from: windowStart, to: windowEnd, clinicianIds: ids }),
  ]);
  const policy: Policy = {
    slotIntervalMinutes: clinic.slotIntervalMinutes,
    minNoticeMinutes: clinic.minNoticeMinutes,
    horizonDays: clinic.horizonDays,
    urgentReservePerDay: clinic.urgentReservePerDay,
    urgentReleaseTime: clinic.urgentReleaseTime.slice(0, 5),
  };
  const slots = listFreeSlots({
    timeZone,
    now: q.now,
    from: q.from,
    days: q.days,
    type: { id: q.type.id, minutes: q.type.minutes, bufferBeforeMinutes: q.type.bufferBeforeMinutes, bufferAfterMinutes: q.type.bufferAfterMinutes },
    clinicianIds: ids,
    hours,
    timeOff,
    busy,
    policy,
    withinDays: q.withinDays ?? undefined,
    mode: q.mode,
  });
  const names = new Map(chosen.map((c) => [c.id, c.name]));
  return { timeZone, slots: slots.map((s) => ({ ...s, clinicianName: names.get(s.clinicianId) ?? "" })) };
}

/** The appointment type a patient of this grade books by default, or the one asked for if allowed. */
export async function typeFor(db: Db, level: string, typeId?: string): Promise<TypeRow | null> {
  const { types } = await getScheduleSettings(db);
  const allowed = types.filter((t) => (t.levels as string[]).includes(level));
  return typeId ? (allowed.find((t) => t.id === typeId) ?? null) : (allowed[0] ?? null);
}
