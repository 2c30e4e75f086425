// Calendar dates are packed as yyyymmdd integers (1994-11-20 → 19941120): comparing two of them
// compares the dates, and full years between two of them is floor(difference / 10000). This keeps
// grading free of Date parsing and allocation.

const ISO_DATE_LENGTH = 10;
const DIGIT_0 = 48;
const HYPHEN = 45;

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A real YYYY-MM-DD calendar date packed as yyyymmdd, or -1 (wrong shape, or e.g. 2023-02-30). */
export function parseIsoDate(s: string): number {
  if (s.length !== ISO_DATE_LENGTH || s.charCodeAt(4) !== HYPHEN || s.charCodeAt(7) !== HYPHEN) return -1;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 7);
  const day = digitsAt(s, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

/**
 * Full years from `dateOfBirth` to `onDate` (both packed). Someone born on 29 February turns a year
 * older on 1 March in a non-leap year, because 28 February still sorts before their birthday.
 */
export function fullYearsBetween(dateOfBirth: number, onDate: number): number {
  return Math.floor((onDate - dateOfBirth) / 10000);
}

/** A cached formatter, and what each number it prints is worth (learnt from formatToParts, not assumed). */
type ZoneFormatter = { intl: Intl.DateTimeFormat; dateWeights: readonly number[]; timeWeights: readonly number[] };

const DAY_MS = 86_400_000;
// Each part's worth in a packed date (yyyymmdd) and in milliseconds of the local day.
const DATE_WEIGHT: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = { year: 10000, month: 100, day: 1 };
const TIME_WEIGHT: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {
  hour: 3_600_000,
  minute: 60_000,
  second: 1000,
  fractionalSecond: 1,
};
const formatters = new Map<string, ZoneFormatter>();

function formatterFor(timeZone: string): ZoneFormatter {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    const intl = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      fractionalSecondDigits: 3,
      hourCycle: "h23",
    });
    const parts = intl.formatToParts(0).filter((p) => p.type !== "literal");
    f = {
      intl,
      dateWeights: parts.map((p) => DATE_WEIGHT[p.type] ?? 0),
      timeWeights: parts.map((p) => TIME_WEIGHT[p.type] ?? 0),
    };
    formatters.set(timeZone, f);
  }
  return f;
}

let zonedMsOfDay = 0;

// format() plus a scan of its digit runs costs about a third of formatToParts(), which allocates
// an object per part. Returns the packed date; the local time of day is left in zonedMsOfDay.
function zonedDate(time: number, timeZone: string): number {
  const { intl, dateWeights, timeWeights } = formatterFor(timeZone);
  const text = intl.format(time);
  let packed = 0;
  let ms = 0;
  let field = 0;
  let run = -1;
  for (let i = 0; i <= text.length; i++) {
    const d = text.charCodeAt(i) - DIGIT_0; // NaN past the end closes the last run
    if (d >= 0 && d <= 9) {
      run = (run < 0 ? 0 : run * 10) + d;
    } else if (run >= 0) {
      packed += run * (dateWeights[field] ?? Number.NaN);
      ms += run * (timeWeights[field] ?? Number.NaN);
      field++;
      run = -1;
    }
  }
  if (field !== dateWeights.length || Number.isNaN(packed + ms)) {
    throw new RangeError(`Cannot read a calendar date in time zone ${timeZone}`);
  }
  zonedMsOfDay = ms;
  return packed;
}

/** Per zone, a span of instants known to fall on one calendar date there: the last local day seen. */
const knownDays = new Map<string, { from: number; to: number; date: number }>();

/**
 * The calendar date (packed) that instant `now` falls on in `timeZone`. UTC needs no formatter.
 * Other zones go through a cached Intl formatter, and each zone remembers the local day of its
 * last answer, so gradings on the same day (live traffic: each with its own `now`) cost no
 * formatting. A day is remembered only when its first and last millisecond read 00:00:00.000 and
 * 23:59:59.999 of that date, that is, when it is a plain 24-hour day with one UTC offset; a day
 * with a clock change is formatted for every instant. Throws RangeError for an invalid date or zone.
 */
export function calendarDate(now: Date, timeZone = "UTC"): number {
  const time = now.getTime();
  if (Number.isNaN(time)) throw new RangeError("The grading date is not a valid date");
  if (timeZone === "UTC") return now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
  const known = knownDays.get(timeZone);
  if (known !== undefined && time >= known.from && time < known.to) return known.date;
  const date = zonedDate(time, timeZone);
  const from = time - zonedMsOfDay;
  const to = from + DAY_MS;
  const plainDay =
    zonedDate(from, timeZone) === date &&
    zonedMsOfDay === 0 &&
    zonedDate(to - 1, timeZone) === date &&
    zonedMsOfDay === DAY_MS - 1;
  if (plainDay) knownDays.set(timeZone, { from, to, date });
  return date;
}

/** The patient's age in full years on the calendar date of `now` in `timeZone` (default UTC). */
export function ageAt(dateOfBirth: string, now: Date, timeZone = "UTC"): number {
  const dob = parseIsoDate(dateOfBirth);
  if (dob < 0) throw new RangeError("dateOfBirth is not a YYYY-MM-DD calendar date");
  return fullYearsBetween(dob, calendarDate(now, timeZone));
}
