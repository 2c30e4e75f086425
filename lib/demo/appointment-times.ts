// When the demo's appointments fall: pure, plain data in and out. A demo opened in the evening or
// at night once showed appointments at 12:15 am; these times always lie inside a clinician's
// working hours and the clinic's opening hours, free of time off and of other appointments.
import { listFreeSlots, overlaps } from "@/lib/scheduling";
import type { AppointmentType, Busy, Slot, TimeOff, Weekday, WorkingHours } from "@/lib/scheduling";
import type { OpeningHours } from "@/lib/clinic-hours";
import { addLocalDays, localDate, localInstant, MINUTE, parseClock } from "@/lib/scheduling/zoned";

export type DemoScheduleInput = {
  now: Date;
  timeZone: string;
  /** Active clinicians in the order the appointments take them in turn. */
  clinicianIds: readonly string[];
  hours: readonly WorkingHours[];
  /** The clinic's weekly opening hours; none at all means open around the clock (lib/clinic-hours). */
  openingHours: Readonly<OpeningHours>;
  type: AppointmentType;
  timeOff?: readonly TimeOff[];
  busy?: readonly Busy[];
  slotIntervalMinutes?: number;
  /** How many appointments; 3 unless told. */
  count?: number;
};

/** One demo appointment's clinician and times (blocked: with the type's buffers). */
export type DemoTime = Pick<Slot, "clinicianId" | "start" | "end" | "blockStart" | "blockEnd">;

const QUARTER = 15 * MINUTE;
const HOUR = 60 * MINUTE;
/** How far ahead a next working day is looked for. */
const SEARCH_DAYS = 21;
/** Times on a later working day: the morning first, two hours apart. */
const DAY_TARGETS = ["09:00", "11:00", "13:00", "15:00", "17:00"];

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Each clinician's hours cut to the clinic's opening hours on the same weekday. */
export function hoursInsideOpening(hours: readonly WorkingHours[], opening: Readonly<OpeningHours>): WorkingHours[] {
  if (opening.length === 0) return [...hours];
  return hours.flatMap((h) =>
    opening
      .filter((o) => o.weekday === h.weekday)
      .map((o) => ({
        start: Math.max(parseClock(h.start), parseClock(o.start)),
        end: Math.min(parseClock(h.end), parseClock(o.end)),
      }))
      .filter((r) => r.end > r.start)
      .map((r) => ({
        clinicianId: h.clinicianId,
        weekday: h.weekday as Weekday,
        start: clock(r.start),
        end: clock(r.end),
      })),
  );
}

/**
 * Times for the demo's appointments. When the clinic is open and a clinician is working, the first
 * started about half an hour ago (reception can mark it at once) and the others are two and four
 * hours later, on the same day. Whatever does not fit today (all of them, at night or at a
 * weekend) goes to the next working day(s): 9:00, 11:00, 13:00, or the next free time after each.
 * Clinicians are taken in turn where more than one is free at that time. Fewer than `count` only
 * when nobody works in the next three weeks.
 */
export function demoAppointmentTimes(input: DemoScheduleInput): DemoTime[] {
  const { now, timeZone, clinicianIds, type } = input;
  const count = input.count ?? 3;
  if (clinicianIds.length === 0 || count <= 0) return [];
  const prefer = (i: number) => clinicianIds[i % clinicianIds.length]!;
  const today = localDate(now, timeZone);
  const base = Math.floor(now.getTime() / QUARTER) * QUARTER;
  // From long enough ago that an appointment running now is among the free times.
  const searchFrom = new Date(now.getTime() - Math.max(type.minutes * MINUTE, 2 * QUARTER));
  const slots = listFreeSlots({
    timeZone,
    now: searchFrom,
    from: localDate(searchFrom, timeZone),
    days: SEARCH_DAYS + 2,
    type,
    clinicianIds: [...clinicianIds],
    hours: hoursInsideOpening(input.hours, input.openingHours),
    timeOff: [...(input.timeOff ?? [])],
    busy: [...(input.busy ?? [])],
    policy: {
      slotIntervalMinutes: input.slotIntervalMinutes ?? 15,
      minNoticeMinutes: 0,
      horizonDays: SEARCH_DAYS + 2,
      urgentReservePerDay: 0,
      urgentReleaseTime: "00:00",
    },
    mode: "urgent",
  });

  const chosen: DemoTime[] = [];
  const free = (s: Slot) =>
    !chosen.some(
      (c) =>
        c.clinicianId === s.clinicianId &&
        overlaps({ start: c.blockStart, end: c.blockEnd }, { start: s.blockStart, end: s.blockEnd }),
    );
  // The first free time from `notBefore` that day: the clinician in turn if they are free then too.
  const pick = (day: string, notBefore: number, clinicianId: string) => {
    const from = Math.max(notBefore, localInstant(day, "00:00", timeZone).getTime());
    const to = localInstant(addLocalDays(day, 1), "00:00", timeZone).getTime();
    const fits = slots.filter((s) => s.start.getTime() >= from && s.start.getTime() < to && free(s));
    const first = fits[0]?.start.getTime();
    return fits.find((s) => s.start.getTime() === first && s.clinicianId === clinicianId) ?? fits[0];
  };
  const take = (s: Slot) =>
    chosen.push({
      clinicianId: s.clinicianId,
      start: s.start,
      end: s.end,
      blockStart: s.blockStart,
      blockEnd: s.blockEnd,
    });

  // Running now: the one whose start is nearest half an hour ago, the clinician in turn first.
  const running = slots
    .filter((s) => s.start.getTime() <= now.getTime() && s.end.getTime() > now.getTime())
    .sort(
      (a, b) =>
        Math.abs(a.start.getTime() - (base - 2 * QUARTER)) - Math.abs(b.start.getTime() - (base - 2 * QUARTER)) ||
        Number(b.clinicianId === prefer(0)) - Number(a.clinicianId === prefer(0)),
    )[0];
  let day = today;
  if (running) {
    take(running);
    for (let k = 1; chosen.length < count; k++) {
      const s = pick(today, base + 2 * k * HOUR, prefer(chosen.length));
      if (!s) break;
      take(s);
    }
    day = addLocalDays(today, 1);
  }
  for (let d = 0; d < SEARCH_DAYS && chosen.length < count; d++, day = addLocalDays(day, 1)) {
    for (const target of DAY_TARGETS) {
      if (chosen.length >= count) break;
      const at = Math.max(localInstant(day, target, timeZone).getTime(), now.getTime());
      const s = pick(day, at, prefer(chosen.length));
      if (!s) break;
      take(s);
    }
  }
  return chosen;
}
