// The dates a waiting patient's "not before" may take. Pure.
import { DEFAULT_POLICY } from "@/lib/scheduling";
import { DAY, localDate } from "@/lib/scheduling/zoned";

/**
 * Today to the last day the patient could book, in the clinic's zone: the clinic's horizon, or
 * their level's window when shorter (7 days for SOON). Times start before now + window
 * (exclusive), so the last date is the one that window's end falls on.
 */
export function notBeforeWindow(
  clinic: { timeZone: string; horizonDays: number } | null,
  withinDays: number | null,
  now: Date,
): { first: string; last: string } {
  const timeZone = clinic?.timeZone ?? "UTC";
  const horizonDays = clinic?.horizonDays ?? DEFAULT_POLICY.horizonDays;
  const windowDays = withinDays === null ? horizonDays : Math.min(horizonDays, withinDays);
  return {
    first: localDate(now, timeZone),
    last: localDate(new Date(now.getTime() + windowDays * DAY - 1), timeZone),
  };
}
