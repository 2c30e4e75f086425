// Times as patients read them, always in the clinic's zone with the zone named.

/** "Wednesday 2 December" */
export function formatDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long" }).format(instant);
}

/** "9:00 am" */
export function formatTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit" }).format(instant).toLowerCase().replace(/\s/g, "\u00a0");
}

/** "Wednesday 2 December 2026 at 9:00 am" */
export function formatDateTime(instant: Date, timeZone: string): string {
  const year = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric" }).format(instant);
  return `${formatDay(instant, timeZone)} ${year} at ${formatTime(instant, timeZone)}`;
}

/** "New York time" from "America/New_York", for "All times are New York time". */
export function zoneName(timeZone: string): string {
  const city = timeZone.split("/").pop()?.replace(/_/g, " ") ?? timeZone;
  return `${city} time`;
}
