import type { Db } from "@/db/client";
import { listTakenTimes } from "@/db/queries/slot-feed";
import type { AppointmentType as TypeRow } from "@/db/schema";
import { bookingSettings, offeredSlots, pickType } from "@/lib/booking/schedule";
import { eligibilityFor } from "@/lib/booking/eligibility";
import { cacheGet } from "@/lib/cache";
import { addLocalDays, localDate, localInstant } from "@/lib/scheduling";
import { LEVELS } from "@/lib/triage";
import { publishableTypeId } from "./link";
import { locationResource, scheduleResource, slotResources, toNdjson, type FeedFile, type FreeTime } from "./resources";

/** How far ahead the feed publishes: four weeks of the clinic's calendar days, today first. */
export const FEED_DAYS = 28;

/** The feed is made at most once per 5 minutes per process (lib/cache.ts, group "feed"). */
export const FEED_TTL_MS = 5 * 60_000;

/** One published data set: when it was made and its three NDJSON files. */
export type SlotFeed = { transactionTime: Date; files: Record<FeedFile, string> };

/**
 * The kinds of appointment the feed publishes: the one a patient books from our booking page for
 * each grade that may book online (the first type that lists it). Every published time can then be
 * booked from its deep link by a patient whose grade allows it; staff-only types (the urgent
 * review) are never published.
 */
export function feedTypes(types: readonly TypeRow[]): TypeRow[] {
  const chosen = new Map<string, TypeRow>();
  for (const level of LEVELS) {
    if (!eligibilityFor({ level, firedRules: [] }).canSelfBook) continue;
    const type = pickType(types, level);
    if (type && publishableTypeId(type.id)) chosen.set(type.id, type);
  }
  return [...chosen.values()];
}

/**
 * Makes the feed now: the clinic's Location, a Schedule per published type, and its Slots for the
 * next 4 weeks. Free times are the slot engine's (lib/booking offeredSlots: hours, time off,
 * appointments and buffers, notice, the urgent reserve withheld as from patients); busy ones are
 * the appointments that begin in the window.
 */
export async function buildSlotFeed(db: Db, { now, appUrl }: { now: Date; appUrl: string }): Promise<SlotFeed> {
  const settings = await bookingSettings(db);
  const clinic = settings.clinic;
  if (!clinic) return { transactionTime: now, files: { Location: "", Schedule: "", Slot: "" } };
  const from = localDate(now, clinic.timeZone);
  const end = localInstant(addLocalDays(from, FEED_DAYS), "00:00", clinic.timeZone);
  const types = feedTypes(settings.schedule.types);
  const [offers, taken] = await Promise.all([
    Promise.all(
      types.map((type) =>
        offeredSlots(db, { now, from, days: FEED_DAYS, type, withinDays: null, mode: "patient" }, settings),
      ),
    ),
    listTakenTimes(db, { from: now, to: end, typeIds: types.map((t) => t.id) }),
  ]);
  const free: FreeTime[] = offers.flatMap((offer, i) =>
    offer.slots.map((s) => ({ typeId: types[i]!.id, start: s.start, end: s.end })),
  );
  return {
    transactionTime: now,
    files: {
      Location: toNdjson([locationResource(clinic)]),
      Schedule: toNdjson(types.map((t) => scheduleResource(t, { start: now, end }))),
      Slot: toNdjson(slotResources(appUrl, free, taken)),
    },
  };
}

/** The feed as last made in this process, remade when older than 5 minutes. */
export function cachedSlotFeed(db: Db, appUrl: string): Promise<SlotFeed> {
  return cacheGet(db, "feed", appUrl, () => buildSlotFeed(db, { now: new Date(), appUrl }), FEED_TTL_MS);
}
