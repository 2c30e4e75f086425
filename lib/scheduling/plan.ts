// Checks a SlotQuery once and turns it into epoch-ms numbers, so the search loop does no parsing
// and no validation. Bad input throws RangeError: the database's CHECK constraints already rule it
// out, so reaching here with it is a bug to surface, not a case to paper over.
import type { SlotQuery, WorkingHours } from "./types";
import { DAY, localDate, MINUTE, parseClock, parseLocalDate } from "./zoned";

/** One working-hours row as minutes after local midnight. */
export type Row = { start: number; end: number };

/** A query ready for the search. */
export type Plan = {
  /** Clinicians asked about, unique and sorted (code-unit order), so an index orders by id. */
  ids: string[];
  /** Working-hours rows per clinician, indexed by ISO weekday, sorted by start. */
  rows: Map<string, Row[][]>;
  firstDay: number;
  days: number;
  durationMs: number;
  beforeMs: number;
  afterMs: number;
  stepMs: number;
  /** Earliest allowed start: now + minimum notice. */
  earliest: number;
  /** Starts must be before this: the horizon, or withinDays when that is sooner. */
  latest: number;
  reservePerDay: number;
  releaseMinutes: number;
};

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

const nonNegative = (n: number) => Number.isFinite(n) && n >= 0;

function rowsByClinician(hours: readonly WorkingHours[], ids: ReadonlySet<string>): Map<string, Row[][]> {
  const rows = new Map<string, Row[][]>();
  for (const h of hours) {
    if (!ids.has(h.clinicianId)) continue;
    check(Number.isInteger(h.weekday) && h.weekday >= 1 && h.weekday <= 7, `Weekday must be 1–7: ${h.weekday}`);
    const row = { start: parseClock(h.start), end: parseClock(h.end) };
    check(row.end > row.start, `Working hours must end after they start: ${h.start}–${h.end}`);
    let week = rows.get(h.clinicianId);
    if (week === undefined) rows.set(h.clinicianId, (week = Array.from({ length: 8 }, () => [])));
    week[h.weekday]!.push(row);
  }
  for (const week of rows.values()) for (const day of week) day.sort((a, b) => a.start - b.start);
  return rows;
}

/** Validates the query and precomputes its numbers; throws RangeError on bad input. */
export function planQuery(q: SlotQuery): Plan {
  const { type, policy } = q;
  localDate(q.now, q.timeZone); // throws for an invalid `now` or an unknown zone, even with no hours
  check(Number.isInteger(q.days) && q.days >= 0, `days must be a whole number >= 0: ${q.days}`);
  check(Number.isFinite(type.minutes) && type.minutes > 0, `Appointment minutes must be > 0: ${type.minutes}`);
  check(nonNegative(type.bufferBeforeMinutes) && nonNegative(type.bufferAfterMinutes), "Buffers must be >= 0");
  check(Number.isFinite(policy.slotIntervalMinutes) && policy.slotIntervalMinutes > 0, "Slot interval must be > 0");
  check(nonNegative(policy.minNoticeMinutes), "Minimum notice must be >= 0");
  check(nonNegative(policy.horizonDays), "Horizon must be >= 0 days");
  check(
    Number.isInteger(policy.urgentReservePerDay) && policy.urgentReservePerDay >= 0,
    "Urgent reserve must be a whole number >= 0",
  );
  check(q.withinDays === undefined || nonNegative(q.withinDays), "withinDays must be >= 0");

  const now = q.now.getTime();
  // Horizon and withinDays count 24-hour days from now, not calendar days: simple, and on a
  // DST change it moves the cut-off by at most an hour.
  const horizon = now + policy.horizonDays * DAY;
  const within = q.withinDays === undefined ? Infinity : now + q.withinDays * DAY;
  const ids = [...new Set(q.clinicianIds)].sort();
  return {
    ids,
    rows: rowsByClinician(q.hours, new Set(ids)),
    firstDay: parseLocalDate(q.from),
    days: q.days,
    durationMs: type.minutes * MINUTE,
    beforeMs: type.bufferBeforeMinutes * MINUTE,
    afterMs: type.bufferAfterMinutes * MINUTE,
    stepMs: policy.slotIntervalMinutes * MINUTE,
    earliest: now + policy.minNoticeMinutes * MINUTE,
    latest: Math.min(horizon, within),
    reservePerDay: policy.urgentReservePerDay,
    releaseMinutes: parseClock(policy.urgentReleaseTime),
  };
}
