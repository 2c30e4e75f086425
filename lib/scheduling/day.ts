// One clinician's free starts on one local day: candidates stepped along each working-hours row,
// checked against the clinician's blocked timeline, then the urgent reserve applied.
import type { Plan } from "./plan";
import type { Timeline } from "./ranges";
import { firstEndingAfter } from "./ranges";

/** A clinician-day's offered starts (ascending) and whether each is held for urgent cases. */
export type DayRun = { starts: number[]; reserved: boolean[] };

/** Pushes the free starts in [earliest, latest) of one row whose ends are already instants. */
export function freeStartsInRow(p: Plan, timeline: Timeline, rowStart: number, rowEnd: number, into: number[]): void {
  // Steps in absolute time from the row's start; a forward-only pointer into the timeline makes
  // each candidate a comparison or two rather than a scan of the busy list.
  const { durationMs, beforeMs, afterMs, stepMs, latest } = p;
  const last = rowEnd - durationMs; // the appointment itself must end by the row's end; buffers may not
  let c = rowStart;
  if (c < p.earliest) c += Math.ceil((p.earliest - c) / stepMs) * stepMs; // stay on the row's grid
  if (c > last || c >= latest) return;
  const { starts, ends } = timeline;
  const n = ends.length;
  let k = firstEndingAfter(timeline, c - beforeMs);
  for (; c <= last && c < latest; c += stepMs) {
    const blockStart = c - beforeMs;
    while (k < n && ends[k]! <= blockStart) k++;
    if (k < n && starts[k]! < c + durationMs + afterMs) continue;
    into.push(c);
  }
}

/** Fills `run` from a clinician-day's free starts (ascending), applying the urgent reserve while `held`. */
export function applyReserve(p: Plan, free: readonly number[], held: boolean, patient: boolean, run: DayRun): void {
  // The reserve is the earliest free starts whose blocked ranges do not overlap one another, so
  // every reserved slot can really be booked alongside the others (at a 15-minute step, the two
  // earliest 30-minute starts overlap and would protect one booking, not two). Patients see
  // neither them nor any start overlapping them, as booking that would use the reserve up.
  let reserved = 0;
  let reservedUntil = -Infinity; // end of the last reserved slot's blocked range
  for (const start of free) {
    let isReserved = false;
    if (held) {
      if (start - p.beforeMs < reservedUntil) {
        if (patient) continue;
      } else if (reserved < p.reservePerDay) {
        reserved++;
        reservedUntil = start + p.durationMs + p.afterMs;
        if (patient) continue;
        isReserved = true;
      }
    }
    run.starts.push(start);
    run.reserved.push(isReserved);
  }
}
