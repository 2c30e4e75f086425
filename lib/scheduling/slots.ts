// The free-slot search: day by day, each clinician's free starts (day.ts), merged into one list.
// Choices the rules left open, so callers can rely on them:
// - A row's local start and end become instants once per day; candidates then step in absolute
//   time. A row spanning a change keeps its real length: 01:00–03:00 is one hour on a
//   spring-forward night and three on a fall-back night (the repeated hour is offered twice).
// - A local time inside a spring-forward gap means the gap's end; a repeated one, the earlier.
// - Time off is checked against the blocked range, buffers included, just like busy ranges.
// - Notice, horizon and withinDays count from now in absolute time (N days = N × 24 h).
// - The urgent reserve counts only starts that notice allows (so today's is not spent on the
//   past), and `reserved` is true only while it is held, before that day's release, in both modes.
import type { DayRun } from "./day";
import { applyReserve, freeStartsInRow } from "./day";
import type { Plan } from "./plan";
import { planQuery } from "./plan";
import { buildTimelines } from "./ranges";
import type { Slot, SlotQuery } from "./types";
import { DAY, isoWeekday, wallClock } from "./zoned";

const increasing = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

// Appends one day's runs to `out` in (start, clinician) order. Each run is sorted and clinicians
// are few, so a scan for the smallest head beats sorting; scanning in id order with a strict `<`
// breaks ties by clinicianId. Days need no merging with each other: a day's rows end by its
// midnight and the next day's begin after it.
function mergeDay(p: Plan, runs: readonly DayRun[], out: Slot[]): void {
  const heads = new Array<number>(runs.length).fill(0);
  for (;;) {
    let best = -1;
    let bestStart = Infinity;
    for (let ci = 0; ci < runs.length; ci++) {
      const start = runs[ci]!.starts[heads[ci]!];
      if (start !== undefined && start < bestStart) {
        best = ci;
        bestStart = start;
      }
    }
    if (best < 0) return;
    const reserved = runs[best]!.reserved[heads[best]!]!;
    heads[best]!++;
    out.push({
      clinicianId: p.ids[best]!,
      start: new Date(bestStart),
      end: new Date(bestStart + p.durationMs),
      blockStart: new Date(bestStart - p.beforeMs),
      blockEnd: new Date(bestStart + p.durationMs + p.afterMs),
      reserved,
    });
  }
}

/** Free slots for the query, sorted by start then clinicianId (code-unit order). Throws RangeError on bad input. */
export function listFreeSlots(q: SlotQuery): Slot[] {
  const p = planQuery(q);
  const timelines = buildTimelines(p.ids, q.busy, q.timeOff);
  const instant = wallClock(q.timeZone);
  const now = q.now.getTime();
  const patient = q.mode === "patient";
  const runs: DayRun[] = p.ids.map(() => ({ starts: [], reserved: [] }));
  const free: number[] = [];
  const out: Slot[] = [];
  for (let d = 0; d < p.days; d++) {
    const day = p.firstDay + d * DAY;
    const weekday = isoWeekday(day);
    for (let ci = 0; ci < p.ids.length; ci++) {
      const run = runs[ci]!;
      run.starts.length = 0;
      run.reserved.length = 0;
      const rows = p.rows.get(p.ids[ci]!)?.[weekday];
      if (rows === undefined || rows.length === 0) continue;
      free.length = 0;
      const timeline = timelines.get(p.ids[ci]!)!;
      for (const row of rows) freeStartsInRow(p, timeline, instant(day, row.start), instant(day, row.end), free);
      if (free.length === 0) continue;
      // Only overlapping rows (bad data, but harmless) can produce repeats or disorder.
      if (!increasing(free)) free.splice(0, free.length, ...new Set(free.sort((a, b) => a - b)));
      const held = p.reservePerDay > 0 && now < instant(day, p.releaseMinutes);
      applyReserve(p, free, held, patient, run);
    }
    mergeDay(p, runs, out);
  }
  return out;
}
