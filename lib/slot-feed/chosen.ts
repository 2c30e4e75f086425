import type { Db } from "@/db/client";
import { eligibilityFor, typeLevelFor, type GradeForBooking } from "@/lib/booking/eligibility";
import { bookingSettings, cachedOfferedSlots, pickType, type Offer } from "@/lib/booking/schedule";
import { localDate } from "@/lib/scheduling";
import { parseSlotHandle } from "./link";

/**
 * The time a patient chose on a scheduling site, as the booking page offers it: first and chosen
 * (`offered`), or a plain word that it is not open for their answers (`not_open`: their grade does
 * not book that kind of appointment, or not that far ahead) or no longer free (`taken`). Null when
 * nothing usable was remembered (none, malformed, or already past): then the page is as always.
 */
export type ChosenTime =
  { status: "offered"; slot: Offer["slots"][number] } | { status: "not_open" | "taken"; start: Date } | null;

/**
 * What becomes of a remembered time for this grade now. The grade always decides: the time is
 * offered only when the booking page would offer it anyway (the grade's own type, within its
 * window, free now by the slot engine), so the choice only changes which time comes first.
 */
export async function chosenTimeFor(
  db: Db,
  { value, grade, now }: { value: string | undefined; grade: GradeForBooking; now: Date },
): Promise<ChosenTime> {
  const handle = parseSlotHandle(value);
  if (!handle || handle.start.getTime() <= now.getTime()) return null;
  const notOpen = { status: "not_open" as const, start: handle.start };
  const rules = eligibilityFor(grade);
  if (!rules.canSelfBook) return notOpen;
  const settings = await bookingSettings(db);
  const type = pickType(settings.schedule.types, typeLevelFor(grade));
  if (!type || type.id !== handle.typeId || !settings.clinic) return notOpen;
  if (rules.withinDays !== null && handle.start.getTime() >= now.getTime() + rules.withinDays * 24 * 3600_000)
    return notOpen;
  const offer = await cachedOfferedSlots(
    db,
    {
      now,
      from: localDate(handle.start, settings.clinic.timeZone),
      days: 1,
      type,
      withinDays: rules.withinDays,
      mode: "patient",
    },
    settings,
  );
  const slot = offer.slots.find((s) => s.start.getTime() === handle.start.getTime());
  return slot ? { status: "offered", slot } : { status: "taken", start: handle.start };
}
