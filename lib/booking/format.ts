// Times as patients read them, always in the clinic's zone with the zone named.

// Building an Intl.DateTimeFormat costs far more than using one (about a millisecond here): one per
// kind and zone, kept for the life of the process (a clinic has one zone; tests use a few).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return f;
}

/** "Wednesday 2 December" */
export function formatDay(instant: Date, timeZone: string): string {
  return formatter("en-GB", timeZone, { weekday: "long", day: "numeric", month: "long" }).format(instant);
}

/** "9:00 am" */
export function formatTime(instant: Date, timeZone: string): string {
  return formatter("en-US", timeZone, { hour: "numeric", minute: "2-digit" })
    .format(instant)
    .toLowerCase()
    .replace(/\s/g, "\u00a0");
}

/**
 * "8:30 am" for a wall-clock "HH:MM" (a row of weekly hours), the same shape as `formatTime`.
 * The clock is read as it stands, with no zone: "08:30" is 8:30 am wherever the clinic is.
 */
export function formatClock(clock: string): string {
  const match = /^(\d{1,2}):(\d{2})/.exec(clock);
  if (!match) return clock;
  const hour = Number(match[1]);
  // "24:00", the end of a day, is midnight: 12:00 am.
  return `${hour % 12 || 12}:${match[2]}\u00a0${hour < 12 || hour === 24 ? "am" : "pm"}`;
}

/** "8:30 am to 12:30 pm" for a row of weekly hours ("08:30", "12:30"). */
export function formatClockRange(start: string, end: string): string {
  return `${formatClock(start)} to ${formatClock(end)}`;
}

/** "Wednesday 2 December 2026 at 9:00 am" */
export function formatDateTime(instant: Date, timeZone: string): string {
  const year = formatter("en-GB", timeZone, { year: "numeric" }).format(instant);
  return `${formatDay(instant, timeZone)} ${year} at ${formatTime(instant, timeZone)}`;
}

/** "2 December 2026", the day in the clinic's zone (a notice's date, an erasure's). */
export function formatLongDate(instant: Date, timeZone: string): string {
  return formatter("en-GB", timeZone, { day: "numeric", month: "long", year: "numeric" }).format(instant);
}

/** "2 Dec" for a "YYYY-MM-DD" calendar date (charts, tables). */
export function formatShortDate(date: string): string {
  return formatter("en-GB", "UTC", { day: "numeric", month: "short" }).format(new Date(`${date}T12:00:00Z`));
}

/** "New York time" from "America/New_York", for "All times are New York time". */
export function zoneName(timeZone: string): string {
  const city = timeZone.split("/").pop()?.replace(/_/g, " ") ?? timeZone;
  return `${city} time`;
}
