import type { Db } from "@/db/client";
import { listBusy, listTimeOff } from "@/db/queries/scheduling";
import type { Clinic, AppointmentType as TypeRow } from "@/db/schema";
import { cacheGet, forgetCached } from "@/lib/cache";
import { getClinicCached, getScheduleSettings } from "@/lib/clinic-settings";
import { addLocalDays, listFreeSlots, localInstant, type Policy, type Slot } from "@/lib/scheduling";

/** patient: the urgent reserve withheld until its release; urgent: every free time, reserved ones included. */
export type OfferMode = "patient" | "urgent";

export type OfferQuery = {
  now: Date;
  from: string; // YYYY-MM-DD, clinic-local
  days: number;
  type: TypeRow;
  withinDays: number | null;
  mode: OfferMode;
  clinicianIds?: string[];
};

export type Offer = { timeZone: string; slots: (Slot & { clinicianName: string })[] };

/** The settings a booking request needs, read once per request and passed down (lib/clinic-settings caches them). */
export type BookingSettings = { clinic: Clinic | null; schedule: Awaited<ReturnType<typeof getScheduleSettings>> };

/** Reads the clinic's booking settings: the clinic row, clinicians, their hours and the appointment types. */
export async function bookingSettings(db: Db): Promise<BookingSettings> {
  const [clinic, schedule] = await Promise.all([getClinicCached(db), getScheduleSettings(db)]);
  return { clinic, schedule };
}

const OFFER_TTL_MS = 5_000;

/**
 * What patients browsing times see: the offer for a query, shared for up to 5 seconds by every
 * request in this process that asks the same (many patients look at the same weeks). A time
 * booked meanwhile may still be listed for those seconds; booking it then gets 409 with fresh
 * alternatives, because bookings always check with offeredSlots and the database decides.
 * A settings change in this process (time off, hours, types) drops the shared offers at once.
 */
export function cachedOfferedSlots(db: Db, q: OfferQuery, settings?: BookingSettings): Promise<Offer> {
  const key = JSON.stringify([q.from, q.days, q.type.id, q.withinDays, q.mode, q.clinicianIds ?? null]);
  return cacheGet(db, "offers", key, () => offeredSlots(db, q, settings), OFFER_TTL_MS);
}

/**
 * Forgets what this process keeps of the schedule (the offers patients see, the staff calendar's
 * weeks) after it books, moves or cancels an appointment.
 */
export function forgetOffers(db: Db): void {
  forgetCached("offers", db);
  forgetCached("calendar", db);
}

/** The free slots the clinic offers for this query, from the rows in the database, now. */
export async function offeredSlots(db: Db, q: OfferQuery, given?: BookingSettings): Promise<Offer> {
  const { clinic, schedule: settings } = given ?? (await bookingSettings(db));
  if (!clinic) return { timeZone: "UTC", slots: [] };
  const timeZone = clinic.timeZone;
  const chosen = q.clinicianIds
    ? settings.clinicians.filter((c) => q.clinicianIds!.includes(c.id))
    : settings.clinicians;
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
    type: {
      id: q.type.id,
      minutes: q.type.minutes,
      bufferBeforeMinutes: q.type.bufferBeforeMinutes,
      bufferAfterMinutes: q.type.bufferAfterMinutes,
    },
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

/**
 * The appointment type a patient of this grade books by default, or the one asked for if allowed;
 * level null (a silent-pilot intake, lib/booking/eligibility.ts typeLevelFor): any self-bookable type.
 */
export async function typeFor(db: Db, level: string | null, typeId?: string): Promise<TypeRow | null> {
  return pickType((await getScheduleSettings(db)).types, level, typeId);
}

/** typeFor, among types already read. */
export function pickType(types: readonly TypeRow[], level: string | null, typeId?: string): TypeRow | null {
  const allowed = types.filter((t) => (level === null ? t.levels.length > 0 : (t.levels as string[]).includes(level)));
  return typeId ? (allowed.find((t) => t.id === typeId) ?? null) : (allowed[0] ?? null);
}

/**
 * What staff booking for a caller may use: any free working time of a clinician, as the slot engine
 * computes it. The urgent reserve (capacity held each morning for URGENT cases) is kept for what it
 * is for: only the urgent type may be booked into it ("urgent" mode, as from the case page); every
 * other type sees the times a patient would ("patient" mode: reserved times withheld until their
 * release), but with no grade window (staff decide, giving a reason outside the grade's allowance).
 */
export function staffOfferMode(type: Pick<TypeRow, "urgent">): OfferMode {
  return type.urgent ? "urgent" : "patient";
}
