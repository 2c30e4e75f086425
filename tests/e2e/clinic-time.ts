// The demo clinic's clock, for e2e specs that fill in staff forms with local dates and times.

/** The demo clinic's zone (New York). */
export const CLINIC_ZONE = "America/New_York";

/** "YYYY-MM-DD", "HH:MM" and the weekday's name of an instant in the clinic's zone. */
export function clinicLocal(at: Date): { date: string; time: string; weekday: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: CLINIC_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "long",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: parts.weekday!,
  };
}
