// Shared fixtures for the slot-maths tests: a small clinic in New York with plain defaults, so each
// test states only what it is about.
import type { AppointmentType, Policy, Slot, SlotQuery, Weekday, WorkingHours } from "@/lib/scheduling";
import { DEFAULT_POLICY, listFreeSlots, localInstant, localTime } from "@/lib/scheduling";

export const NY = "America/New_York";
export const LONDON = "Europe/London";

/** 30 minutes, no buffers. */
export const FOLLOW_UP: AppointmentType = {
  id: "follow-up",
  minutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
};
/** 15 minutes, no buffers: one slot per grid step, easy to count. */
export const SHORT: AppointmentType = { id: "short", minutes: 15, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

/** No notice and no urgent reserve, so only what a test sets matters. */
export const PLAIN: Policy = { ...DEFAULT_POLICY, minNoticeMinutes: 0, urgentReservePerDay: 0 };

export const ALL_WEEK: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
export const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];

/** The same hours on each of the given weekdays. */
export function hours(clinicianId: string, start: string, end: string, days: Weekday[] = WEEKDAYS): WorkingHours[] {
  return days.map((weekday) => ({ clinicianId, weekday, start, end }));
}

/** An instant from a clinic-local date and time (New York unless told). */
export const at = (date: string, time: string, timeZone = NY) => localInstant(date, time, timeZone);

/** Monday 2 March 2026, 09:00–17:00 on weekdays, one clinician, asked about on the Sunday before. */
export function query(overrides: Partial<SlotQuery> = {}): SlotQuery {
  return {
    timeZone: NY,
    now: at("2026-03-01", "12:00"),
    from: "2026-03-02",
    days: 1,
    type: FOLLOW_UP,
    clinicianIds: ["a"],
    hours: hours("a", "09:00", "17:00"),
    timeOff: [],
    busy: [],
    policy: PLAIN,
    mode: "patient",
    ...overrides,
  };
}

/** The local start times of the slots, e.g. ["09:00", "09:30"]. */
export function times(slots: Slot[], timeZone = NY): string[] {
  return slots.map((s) => localTime(s.start, timeZone));
}

/** Local start times of a query's slots. */
export const slotTimes = (overrides: Partial<SlotQuery> = {}) =>
  times(listFreeSlots(query(overrides)), overrides.timeZone ?? NY);
