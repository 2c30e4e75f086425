// The retention period's date logic, pure: when a patient's record is past the clinic's period.
// Years are calendar years in UTC: the day's boundary in the clinic's zone moves the purge by hours
// at most, which does not matter for a period counted in years.

/**
 * The instant `years` calendar years before `now` (same month, day and time of day); 29 February
 * falls back to 28 February in a year without one. A patient whose last contact is before it is past
 * the period.
 */
export function retentionCutoff(now: Date, years: number): Date {
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`retention years must be a whole number ≥ 1`);
  const year = now.getUTCFullYear() - years;
  const month = now.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(year, month, Math.min(now.getUTCDate(), lastDay));
  return cutoff;
}

/** The latest of a patient's contacts (intakes sent, appointment times, notes), or null when there is none. */
export function lastContact(instants: readonly (Date | null | undefined)[]): Date | null {
  let latest: Date | null = null;
  for (const t of instants) if (t && !Number.isNaN(t.getTime()) && (!latest || t > latest)) latest = t;
  return latest;
}

/** Whether a patient last in contact at `last` is past a period of `years` at `now` (never without a contact). */
export function isPastRetention(last: Date | null, now: Date, years: number): boolean {
  return last !== null && last < retentionCutoff(now, years);
}

/** The reason the purge gives in the audit trail for erasing a patient. */
export const retentionReason = (years: number) =>
  `retention: ${years} ${years === 1 ? "year" : "years"} after last contact`;

const DAY_MS = 24 * 3600_000;

/** Whether the daily purge is due at `now`, having last finished at `last` (null: never, in this process's knowledge). */
export function purgeDue(last: Date | null, now: Date): boolean {
  return last === null || now.getTime() - last.getTime() >= DAY_MS;
}
