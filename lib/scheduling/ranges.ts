// Half-open time ranges, and the per-clinician "blocked" timeline the slot search sweeps over.
import type { AppointmentType, Busy, TimeOff } from "./types";
import { MINUTE } from "./zoned";

type Range = { start: Date; end: Date };

/** True when two half-open ranges share any instant; ranges that only touch do not overlap. */
export function overlaps(a: Range, b: Range): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** The clinician's time an appointment of `type` starting at `start` takes: [start − before, end + after). */
export function blockedRange(start: Date, type: AppointmentType): { start: Date; end: Date } {
  const t = start.getTime();
  return {
    start: new Date(t - type.bufferBeforeMinutes * MINUTE),
    end: new Date(t + (type.minutes + type.bufferAfterMinutes) * MINUTE),
  };
}

/** Disjoint, sorted half-open ranges in epoch ms: everything one clinician cannot be booked over. */
export type Timeline = { starts: Float64Array; ends: Float64Array };

// Turns filled, unsorted start and end arrays into their union, in place. Starts and ends are
// sorted separately (a typed-array sort needs no comparator, several times faster than sorting
// pairs) and swept together: a segment opens when the count of open ranges leaves 0 and closes
// when it returns to 0. Writing in place is safe because a segment is written only after the
// start or end it copies has been read. Starts go first on ties, so touching ranges merge, which
// under half-open rules blocks exactly the same starts.
function union(s: Float64Array, e: Float64Array): Timeline {
  s.sort();
  e.sort();
  const n = s.length;
  let count = 0;
  let open = 0;
  let j = 0;
  for (let i = 0; i < n;) {
    if (s[i]! <= e[j]!) {
      if (open++ === 0) s[count] = s[i]!;
      i++;
    } else {
      if (--open === 0) e[count++] = e[j]!;
      j++;
    }
  }
  if (n > 0) e[count++] = e[n - 1]!; // every start is in; the last end closes the last segment
  return { starts: s.subarray(0, count), ends: e.subarray(0, count) };
}

type Ranges = { s: Float64Array; e: Float64Array; n: number };

// Appends a range unless it is empty (end <= start blocks nothing under half-open rules).
function push(into: Ranges, r: Range, what: string): void {
  const s = r.start.getTime();
  const e = r.end.getTime();
  if (Number.isNaN(s) || Number.isNaN(e)) throw new RangeError(`Invalid date in ${what}`);
  if (e <= s) return;
  into.s[into.n] = s;
  into.e[into.n++] = e;
}

/** Each clinician's busy ranges, time off and the clinic's closures as one timeline; invalid dates throw. */
export function buildTimelines(
  clinicianIds: readonly string[],
  busy: readonly Busy[],
  timeOff: readonly TimeOff[],
): Map<string, Timeline> {
  // Counted first so each clinician gets exactly-sized typed arrays: no growing, no copying.
  const counts = new Map<string, number>(clinicianIds.map((id) => [id, 0]));
  let closures = 0;
  for (const b of busy) {
    const c = counts.get(b.clinicianId);
    if (c !== undefined) counts.set(b.clinicianId, c + 1);
  }
  for (const t of timeOff) {
    if (t.clinicianId === null) closures++;
    else {
      const c = counts.get(t.clinicianId);
      if (c !== undefined) counts.set(t.clinicianId, c + 1);
    }
  }
  const lists = new Map<string, Ranges>();
  for (const [id, c] of counts)
    lists.set(id, { s: new Float64Array(c + closures), e: new Float64Array(c + closures), n: 0 });
  for (const b of busy) {
    const into = lists.get(b.clinicianId);
    if (into !== undefined) push(into, b, "busy");
  }
  for (const t of timeOff) {
    if (t.clinicianId !== null) {
      const into = lists.get(t.clinicianId);
      if (into !== undefined) push(into, t, "time off");
    } else for (const into of lists.values()) push(into, t, "a clinic closure");
  }
  const timelines = new Map<string, Timeline>();
  for (const [id, r] of lists) timelines.set(id, union(r.s.subarray(0, r.n), r.e.subarray(0, r.n)));
  return timelines;
}

/** Index of the first range in the timeline that ends after `t` (the only one that can block from t on). */
export function firstEndingAfter(timeline: Timeline, t: number): number {
  let lo = 0;
  let hi = timeline.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeline.ends[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
