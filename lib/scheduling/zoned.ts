// Calendar dates and wall-clock times in the clinic's zone. A calendar date ("YYYY-MM-DD") is held
// as the epoch ms of its midnight *as if it were UTC*: a zone-free day number that Date.UTC can do
// calendar arithmetic on. A wall-clock moment is that plus minutes; only wallToEpoch (and
// localInstant and wallClock, built on it) turns one into a real instant, through the zone's
// offsets from @date-fns/tz. Instants become local dates and times by adding the zone's offset at
// that instant (what TZDate does, with one offset lookup instead of several Date objects).
import { tzOffset } from "@date-fns/tz";

export const MINUTE = 60_000;
export const DAY = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// PostgreSQL `time` columns read back as "HH:MM:SS", so whole-minute seconds are accepted too.
const CLOCK_RE = /^(\d{2}):(\d{2})(?::00)?$/;

const pad = (n: number) => String(n).padStart(2, "0");

/** Whether the text is a real "YYYY-MM-DD" calendar date (not 2026-02-30). */
export function isLocalDate(date: string): boolean {
  try {
    parseLocalDate(date);
    return true;
  } catch {
    return false;
  }
}

/** A "YYYY-MM-DD" calendar date as its zone-free day value; throws RangeError for e.g. 2026-02-30. */
export function parseLocalDate(date: string): number {
  const m = DATE_RE.exec(date);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  const value = Date.UTC(year, month - 1, day);
  const back = new Date(value);
  // Date.UTC rolls 2026-02-30 over into March; reading the fields back catches it.
  if (!m || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return value;
}

/** The "YYYY-MM-DD" of a zone-free day value. */
export function formatLocalDate(day: number): string {
  const d = new Date(day);
  return `${String(d.getUTCFullYear()).padStart(4, "0")}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Minutes after midnight for "HH:MM" (or "HH:MM:00"); "24:00" is the end of the day. Throws RangeError. */
export function parseClock(time: string): number {
  const m = CLOCK_RE.exec(time);
  const minutes = Number(m?.[1]) * 60 + Number(m?.[2]);
  if (!m || Number(m[2]) > 59 || minutes > 1440) throw new RangeError(`Not a time of day (HH:MM): ${time}`);
  return minutes;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a zone-free day value. */
export function isoWeekday(day: number): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return (((new Date(day).getUTCDay() + 6) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** The calendar date `days` after (or before, when negative) a "YYYY-MM-DD" date. */
export function addLocalDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return formatLocalDate(parseLocalDate(date) + days * DAY);
}

/** The instant's wall clock in the zone, as a zone-free value (day value plus time of day). */
function wallOf(instant: Date, timeZone: string): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError(`Invalid instant or time zone: ${timeZone}`);
  return t + offsetMs(timeZone, t);
}

/** The "YYYY-MM-DD" the instant falls on in the zone. */
export function localDate(instant: Date, timeZone: string): string {
  return formatLocalDate(Math.floor(wallOf(instant, timeZone) / DAY) * DAY);
}

/** The "HH:MM" wall-clock time of the instant in the zone (seconds dropped). */
export function localTime(instant: Date, timeZone: string): string {
  const wall = wallOf(instant, timeZone);
  const minutes = Math.floor((wall - Math.floor(wall / DAY) * DAY) / MINUTE);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

// A zone's offset at an exact instant never changes, and the same instants come back again and
// again (a week's appointments on every view of it, a clinic's opening times on every slot
// search): each lookup formats a date through Intl, so answers are kept, per zone, up to a bound.
const OFFSETS_KEPT = 50_000;
const offsets = new Map<string, Map<number, number>>();

function offsetMs(timeZone: string, epoch: number): number {
  let zone = offsets.get(timeZone);
  const kept = zone?.get(epoch);
  if (kept !== undefined) return kept;
  const minutes = tzOffset(timeZone, new Date(epoch));
  if (Number.isNaN(minutes)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const offset = Math.round(minutes * MINUTE);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  else if (zone.size >= OFFSETS_KEPT) zone.clear();
  zone.set(epoch, offset);
  return offset;
}

/** The instant (epoch ms) of a wall-clock moment: ambiguous → the earlier, in a gap → the gap's end. */
export function wallToEpoch(wall: number, timeZone: string): number {
  // Built on tzOffset rather than the TZDate constructor: TZDate resolves both cases through the
  // host's own zone (01:30 on a New York fall-back night came out EDT on a UTC server and EST on
  // a Los Angeles one), and it moves gap times on by the gap's length (02:30 → 03:30, not 03:00).
  // Every real offset is within ±14 h, so a day either side brackets any transition near `wall`.
  const before = offsetMs(timeZone, wall - DAY);
  const after = offsetMs(timeZone, wall + DAY);
  const earlier = wall - Math.max(before, after);
  const later = wall - Math.min(before, after);
  if (offsetMs(timeZone, earlier) === Math.max(before, after)) return earlier;
  if (before === after || offsetMs(timeZone, later) === Math.min(before, after)) return later;
  // A gap: `earlier` still has the old offset, `later` the new one; find the transition.
  let lo = earlier;
  let hi = later;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(timeZone, mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The instant of a clinic-local date and "HH:MM" time (gap → after the gap, ambiguous → earlier). */
export function localInstant(date: string, time: string, timeZone: string): Date {
  return new Date(wallToEpoch(parseLocalDate(date) + parseClock(time) * MINUTE, timeZone));
}

/** A cached converter of (zone-free day value, minutes after midnight) to epoch ms in one zone. */
export function wallClock(timeZone: string): (day: number, minutes: number) => number {
  // When the offset is the same a day before and two days after the date, no change can touch
  // that date's instants (offsets are within ±14 h), so all its times share that offset: one
  // cached lookup a day instead of three per time. Dates near a change go through wallToEpoch.
  const offsets = new Map<number, number>();
  const offsetAt = (t: number) => {
    let o = offsets.get(t);
    if (o === undefined) offsets.set(t, (o = offsetMs(timeZone, t)));
    return o;
  };
  const nearChange = new Map<number, number>();
  return (day, minutes) => {
    const wall = day + minutes * MINUTE;
    const o = offsetAt(day - DAY);
    if (o === offsetAt(day + 2 * DAY)) return wall - o;
    let t = nearChange.get(wall);
    if (t === undefined) nearChange.set(wall, (t = wallToEpoch(wall, timeZone)));
    return t;
  };
}
