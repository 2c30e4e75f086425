// When the clinic is open: staffed to answer alerts and phone patients. Its weekly opening hours
// (several rows a day make split hours) minus its clinic-wide closures, all in its own time zone,
// so daylight-saving changes move nothing a clinician would not expect. A clinic that has set no
// hours counts as open around the clock, except during a closure. The calendar maths is pure; the
// loaders read hours, closures and the out-of-hours number through the settings cache.
import type { Db } from "@/db/client";
import { listClinicClosures, listClinicHours } from "@/db/queries/clinic-hours";
import { formatDay, formatTime } from "@/lib/booking/format";
import { cached, clinicZone, getClinicCached } from "@/lib/clinic-settings";
import type { ClinicHoursNow } from "@/lib/content";
import { DAY, MINUTE, isoWeekday, localDate, parseClock, parseLocalDate, wallClock } from "@/lib/scheduling/zoned";

export type OpeningHours = { weekday: number; start: string; end: string }[]; // "HH:MM" local
export type Closure = { start: Date; end: Date };
export type ClinicCalendar = { timeZone: string; hours: OpeningHours; closures: Closure[] };

/** How far ahead the clinic's next opening is looked for (and closures are loaded). */
export const HORIZON_DAYS = 60;

// No hours set: every day, all day (closures still close it).
const ALL_DAY: OpeningHours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" }));

type Span = { start: number; end: number }; // epoch ms, [start, end)
type Wall = (day: number, minutes: number) => number;

/** Whether the clinic is open (staffed) at `at`. No hours at all = always open, except during a closure. */
export function isOpenAt(cal: ClinicCalendar, at: Date): boolean {
  const t = at.getTime();
  return openPeriods(cal, t, t + 1).some((p) => p.start <= t && t < p.end);
}

/** The next instant >= at when the clinic is open (at itself when open); null when it does not open within 60 days. */
export function nextOpening(cal: ClinicCalendar, at: Date): Date | null {
  const t = at.getTime();
  const period = openPeriods(cal, t, t + HORIZON_DAYS * DAY).find((p) => p.end > t);
  return period ? new Date(Math.max(period.start, t)) : null;
}

/**
 * When the open period `at` falls in ends (the clinic closes, for the night or for a closure);
 * null when it is closed at `at`, or stays open for the next 60 days.
 */
export function openUntil(cal: ClinicCalendar, at: Date): Date | null {
  const t = at.getTime();
  const limit = t + HORIZON_DAYS * DAY;
  const period = openPeriods(cal, t, limit).find((p) => p.start <= t && t < p.end);
  return period && period.end < limit ? new Date(period.end) : null;
}

/**
 * Acknowledgement deadline of an EMERGENCY/URGENT case: open at arrival and staying open that long
 * → arrivedAt + minutes (wall clock); closed at arrival, or closing before the minutes are up → due
 * at the next opening (nobody is there to act before then), outOfHours true. If it never opens
 * within 60 days → arrivedAt + minutes, outOfHours true.
 */
export function ackDue(cal: ClinicCalendar, arrivedAt: Date, minutes: number): { due: Date; outOfHours: boolean } {
  const later = new Date(arrivedAt.getTime() + minutes * MINUTE);
  if (isOpenAt(cal, arrivedAt)) {
    const closes = openUntil(cal, arrivedAt);
    if (!closes || later <= closes) return { due: later, outOfHours: false };
    return { due: nextOpening(cal, closes) ?? later, outOfHours: true };
  }
  return { due: nextOpening(cal, arrivedAt) ?? later, outOfHours: true };
}

/**
 * SOON review deadline ("within 1 working day"): the close of the next day the clinic is open after
 * the day the case arrived, in the clinic's own calendar. A case that arrives at any time on Monday
 * is due when the clinic closes on Tuesday; one that arrives on Friday evening, when it closes on
 * Saturday (or Monday, if it does not open at weekends). A day counts as open if any of its hours
 * are outside a closure; it closes at the end of its last open hours (earlier if a closure starts
 * before then). With no hours set, or no open day within 60 days: arrivedAt + 24 h.
 */
export function reviewDue(cal: ClinicCalendar, arrivedAt: Date): Date {
  const fallback = new Date(arrivedAt.getTime() + DAY);
  if (!cal.hours.length) return fallback;
  const wall = wallClock(cal.timeZone);
  const arrivalDay = parseLocalDate(localDate(arrivedAt, cal.timeZone));
  for (let k = 1; k <= HORIZON_DAYS; k++) {
    const spans = daySpans(cal, wall, arrivalDay + k * DAY);
    if (spans.length) return new Date(spans.at(-1)!.end);
  }
  return fallback;
}

/** The clinic calendar (hours + closures from now to now+60 days), read through the settings cache. */
export async function getClinicCalendar(db: Db, now: Date): Promise<ClinicCalendar> {
  // One entry per UTC day: its closures cover that day and the 61 after, so any `now` within it fits.
  const day = Math.floor(now.getTime() / DAY) * DAY;
  return cached(db, `clinic-calendar:${day}`, async () => {
    const [clinic, hours, closures] = await Promise.all([
      getClinicCached(db),
      listClinicHours(db),
      listClinicClosures(db, { from: new Date(day), to: new Date(day + (HORIZON_DAYS + 2) * DAY) }),
    ]);
    return {
      timeZone: clinicZone(clinic),
      hours: hours.map(({ weekday, start, end }) => ({ weekday, start, end })),
      closures,
    };
  });
}

export type ClinicOpenNow = {
  open: boolean;
  /** When it next opens: null while open, or when it does not open within 60 days. */
  opensAt: Date | null;
  /** While open: when it closes; null when closed, or when it stays open for 60 days. */
  closesAt: Date | null;
  /** Who patients call while it is closed, as they should read it; null when not set. */
  outOfHoursPhone: string | null;
};

/** Out-of-hours state for patient-facing pages: open now, when it opens (or closes), who to call meanwhile. */
export async function clinicOpenNow(db: Db, now: Date): Promise<ClinicOpenNow> {
  const [clinic, cal] = await Promise.all([getClinicCached(db), getClinicCalendar(db, now)]);
  const open = isOpenAt(cal, now);
  return {
    open,
    opensAt: open ? null : nextOpening(cal, now),
    closesAt: open ? openUntil(cal, now) : null,
    outOfHoursPhone: clinic?.outOfHoursPhone?.trim() || null,
  };
}

/**
 * The clinic's hours as a patient's result page words them (lib/content): open, and staying open
 * for the URGENT acknowledgement time; open but closing before that time is up; or closed. Times
 * are the clinic's, as "today at 8:00 am", "tomorrow at 8:00 am" or "on Monday 7 December at 8:00 am".
 */
export async function patientClinicHours(
  db: Db,
  now: Date,
): Promise<{ hours: ClinicHoursNow | null; outOfHoursPhone: string | null }> {
  const [clinic, state, calendar] = await Promise.all([
    getClinicCached(db),
    clinicOpenNow(db, now),
    getClinicCalendar(db, now),
  ]);
  const timeZone = clinicZone(clinic);
  const ackMinutes = clinic?.urgentAckMinutes ?? 120;
  const when = (d: Date | null) => (d ? whenWords(d, now, timeZone) : null);
  const { outOfHoursPhone } = state;
  // No opening hours set: the clinic's hours are unknown, not "always open", to a patient. The page
  // gives both routes (if the clinic is open… if it is closed…), never "the clinic is open now".
  if (!calendar.hours.length && state.open) return { hours: null, outOfHoursPhone };
  if (!state.open) return { hours: { state: "closed", opensAt: when(state.opensAt) }, outOfHoursPhone };
  const closes = state.closesAt;
  if (!closes || closes.getTime() >= now.getTime() + ackMinutes * MINUTE)
    return { hours: { state: "open", ackMinutes }, outOfHoursPhone };
  return {
    hours: { state: "closing", closesAt: when(closes)!, opensAt: when(nextOpening(calendar, closes)) },
    outOfHoursPhone,
  };
}

/** "today at 8:00 am", "tomorrow at 8:00 am" or "on Monday 7 December at 8:00 am", in the clinic's zone. */
export function whenWords(at: Date, now: Date, timeZone: string): string {
  const days = (parseLocalDate(localDate(at, timeZone)) - parseLocalDate(localDate(now, timeZone))) / DAY;
  const time = formatTime(at, timeZone);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  return `on ${formatDay(at, timeZone)} at ${time}`;
}

/** The clinic's open periods (one day's hours running into the next joined) that overlap [from, to). */
function openPeriods(cal: ClinicCalendar, from: number, to: number): Span[] {
  const wall = wallClock(cal.timeZone);
  const first = parseLocalDate(localDate(new Date(from), cal.timeZone)) - DAY;
  const last = parseLocalDate(localDate(new Date(to), cal.timeZone)) + DAY;
  const spans: Span[] = [];
  for (let day = first; day <= last; day += DAY) spans.push(...daySpans(cal, wall, day));
  return merge(spans).filter((s) => s.end > from && s.start < to);
}

/** One local day's open spans (a zone-free day value), closures taken out, in order. */
function daySpans(cal: ClinicCalendar, wall: Wall, day: number): Span[] {
  const weekday = isoWeekday(day);
  const rows = (cal.hours.length ? cal.hours : ALL_DAY).filter((h) => h.weekday === weekday);
  // A time in a spring-forward gap is the gap's end; a repeated (fall-back) time is its first.
  const spans = rows.map((h) => ({ start: wall(day, parseClock(h.start)), end: wall(day, parseClock(h.end)) }));
  return withoutClosures(merge(spans), cal.closures);
}

/** Sorted, with overlapping and touching spans joined (split hours 08:00–12:00 and 12:00–18:00 are one). */
function merge(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].filter((x) => x.end > x.start).sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function withoutClosures(spans: Span[], closures: readonly Closure[]): Span[] {
  let out = spans;
  for (const c of closures) {
    const [cs, ce] = [c.start.getTime(), c.end.getTime()];
    out = out.flatMap((s) =>
      ce <= s.start || cs >= s.end
        ? [s]
        : [
            { start: s.start, end: cs },
            { start: ce, end: s.end },
          ].filter((p) => p.end > p.start),
    );
  }
  return out;
}
