import { tzOffset } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Busy, Slot, SlotQuery, TimeOff, Weekday, WorkingHours } from "@/lib/scheduling";
import {
  addLocalDays,
  blockedRange,
  listFreeSlots,
  localDate,
  localInstant,
  localTime,
  overlaps,
} from "@/lib/scheduling";
import { LONDON, NY } from "./clinic";

const RUNS = { numRuns: 300 };
const MINUTE = 60_000;
const DAY = 86_400_000;
const IDS = ["a", "b", "c"] as const;
// Each start date puts a daylight-saving change (or none: June) inside a 1–4 day window in some zone.
const FROMS = ["2026-03-06", "2026-03-27", "2026-04-03", "2026-06-15", "2026-10-02", "2026-10-23", "2026-10-30"];
const ZONES = ["UTC", NY, LONDON, "Australia/Lord_Howe"];

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const weekdayOf = (date: string) => (((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1) as Weekday;

const row = fc
  .record({
    clinicianId: fc.constantFrom(...IDS),
    weekday: fc.integer({ min: 1, max: 7 }),
    start: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 1, max: 96 }),
  })
  .map(({ clinicianId, weekday, start, length }): WorkingHours => ({
    clinicianId,
    weekday: weekday as Weekday,
    start: clock(start * 15),
    end: clock(Math.min(96, start + length) * 15),
  }));

/** A range of 1 minute to `maxMinutes` somewhere from a day before `from` to 5 days after. */
const rangeNear = (fromMs: number, maxMinutes: number) =>
  fc
    .record({ at: fc.integer({ min: -1440, max: 6 * 1440 }), length: fc.integer({ min: 1, max: maxMinutes }) })
    .map(({ at, length }) => ({
      start: new Date(fromMs + at * MINUTE),
      end: new Date(fromMs + (at + length) * MINUTE),
    }));

const slotQuery: fc.Arbitrary<SlotQuery> = fc.constantFrom(...FROMS).chain((from) => {
  const fromMs = Date.parse(`${from}T00:00:00Z`);
  return fc.record({
    timeZone: fc.constantFrom(...ZONES),
    now: fc.integer({ min: -2 * 1440, max: 1440 }).map((m) => new Date(fromMs + m * MINUTE)),
    from: fc.constant(from),
    days: fc.integer({ min: 1, max: 4 }),
    type: fc.record({
      id: fc.constant("t"),
      minutes: fc.integer({ min: 1, max: 24 }).map((n) => n * 5),
      bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
      bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
    }),
    clinicianIds: fc.subarray([...IDS], { minLength: 1 }),
    hours: fc.array(row, { maxLength: 24 }),
    busy: fc.array(
      fc
        .tuple(fc.constantFrom(...IDS), rangeNear(fromMs, 240))
        .map(([clinicianId, r]): Busy => ({ clinicianId, ...r })),
      { maxLength: 25 },
    ),
    timeOff: fc.array(
      fc
        .tuple(fc.constantFrom("a", "b", "c", null), rangeNear(fromMs, 2 * 1440))
        .map(([clinicianId, r]): TimeOff => ({ clinicianId, ...r })),
      { maxLength: 4 },
    ),
    policy: fc.record({
      slotIntervalMinutes: fc.constantFrom(5, 10, 15, 20, 30, 45, 60),
      minNoticeMinutes: fc.integer({ min: 0, max: 300 }),
      horizonDays: fc.integer({ min: 1, max: 8 }),
      urgentReservePerDay: fc.integer({ min: 0, max: 3 }),
      urgentReleaseTime: fc.integer({ min: 0, max: 96 }).map((q) => clock(q * 15)),
    }),
    withinDays: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    mode: fc.constantFrom("patient" as const, "urgent" as const),
  });
});

/** The rows whose local day and hours contain the slot, by instants (the rule on every day). */
function containingRows(q: SlotQuery, s: Slot): WorkingHours[] {
  const date = localDate(s.start, q.timeZone);
  return q.hours.filter(
    (h) =>
      h.clinicianId === s.clinicianId &&
      h.weekday === weekdayOf(date) &&
      localInstant(date, h.start, q.timeZone) <= s.start &&
      s.end <= localInstant(date, h.end, q.timeZone),
  );
}

/** Brute force: every row step checked against every range, no sorting, no pointers. */
function reference(q: SlotQuery): string[] {
  const keys = new Set<string>();
  const now = q.now.getTime();
  const earliest = now + q.policy.minNoticeMinutes * MINUTE;
  const latest = Math.min(
    now + q.policy.horizonDays * DAY,
    q.withinDays === undefined ? Infinity : now + q.withinDays * DAY,
  );
  for (const id of q.clinicianIds) {
    for (let d = 0; d < q.days; d++) {
      const date = addLocalDays(q.from, d);
      for (const h of q.hours.filter((r) => r.clinicianId === id && r.weekday === weekdayOf(date))) {
        const end = localInstant(date, h.end, q.timeZone).getTime();
        for (
          let c = localInstant(date, h.start, q.timeZone).getTime();
          c + q.type.minutes * MINUTE <= end;
          c += q.policy.slotIntervalMinutes * MINUTE
        ) {
          if (c < earliest || c >= latest) continue;
          const block = blockedRange(new Date(c), q.type);
          if (q.busy.some((b) => b.clinicianId === id && overlaps(block, b))) continue;
          if (q.timeOff.some((t) => (t.clinicianId === null || t.clinicianId === id) && overlaps(block, t))) continue;
          keys.add(`${id} ${c}`);
        }
      }
    }
  }
  return [...keys].sort();
}

const keysOf = (slots: Slot[]) => slots.map((s) => `${s.clinicianId} ${s.start.getTime()}`).sort();

describe("slot properties over random clinics, zones and DST windows", () => {
  it("never returns a slot that overlaps a busy range or time off", () => {
    fc.assert(
      fc.property(slotQuery, (q) => {
        for (const s of listFreeSlots(q)) {
          const block = { start: s.blockStart, end: s.blockEnd };
          expect(q.busy.some((b) => b.clinicianId === s.clinicianId && overlaps(block, b))).toBe(false);
          const off = q.timeOff.filter((t) => t.clinicianId === null || t.clinicianId === s.clinicianId);
          expect(off.some((t) => overlaps(block, t) || overlaps(s, t))).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it("puts every slot inside working hours of its local day, by the local clock on days without a change", () => {
    fc.assert(
      fc.property(slotQuery, (q) => {
        const last = addLocalDays(q.from, q.days - 1);
        for (const s of listFreeSlots(q)) {
          const date = localDate(s.start, q.timeZone);
          expect(date >= q.from && date <= last).toBe(true);
          const rows = containingRows(q, s);
          expect(rows.length).toBeGreaterThan(0);
          const steady =
            tzOffset(q.timeZone, localInstant(date, "00:00", q.timeZone)) ===
            tzOffset(q.timeZone, localInstant(date, "24:00", q.timeZone));
          if (!steady) continue; // a repeated or missing hour: instants decide, as documented
          const startsAt = localTime(s.start, q.timeZone);
          const endsBy = localTime(new Date(s.end.getTime() - 1), q.timeZone);
          expect(rows.some((h) => h.start <= startsAt && endsBy < h.end)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("returns slots sorted by start then clinician, unique, shaped by the type and inside notice and horizon", () => {
    fc.assert(
      fc.property(slotQuery, (q) => {
        const slots = listFreeSlots(q);
        const now = q.now.getTime();
        slots.forEach((s, i) => {
          const prev = slots[i - 1];
          if (prev)
            expect(
              prev.start < s.start || (prev.start.getTime() === s.start.getTime() && prev.clinicianId < s.clinicianId),
            ).toBe(true);
          expect(s.end.getTime() - s.start.getTime()).toBe(q.type.minutes * MINUTE);
          expect({ start: s.blockStart, end: s.blockEnd }).toEqual(blockedRange(s.start, q.type));
          expect(s.start.getTime()).toBeGreaterThanOrEqual(now + q.policy.minNoticeMinutes * MINUTE);
          expect(s.start.getTime()).toBeLessThan(now + q.policy.horizonDays * DAY);
          if (q.withinDays !== undefined) expect(s.start.getTime()).toBeLessThan(now + q.withinDays * DAY);
        });
      }),
      RUNS,
    );
  });

  it("in urgent mode, returns exactly the free starts a brute-force search finds", () => {
    fc.assert(
      fc.property(slotQuery, (q) => {
        expect(keysOf(listFreeSlots({ ...q, mode: "urgent" }))).toEqual(reference(q));
      }),
      RUNS,
    );
  });

  it("offers patients a subset of the urgent list, none flagged; urgent flags at most N non-overlapping per clinician-day", () => {
    fc.assert(
      fc.property(slotQuery, (q) => {
        const urgent = listFreeSlots({ ...q, mode: "urgent" });
        const patient = listFreeSlots({ ...q, mode: "patient" });
        const all = new Set(keysOf(urgent));
        expect(patient.every((s) => !s.reserved && all.has(`${s.clinicianId} ${s.start.getTime()}`))).toBe(true);
        const held = new Map<string, Slot[]>();
        for (const s of urgent.filter((u) => u.reserved)) {
          const key = `${s.clinicianId} ${localDate(s.start, q.timeZone)}`;
          held.set(key, [...(held.get(key) ?? []), s]);
          expect(q.now < localInstant(localDate(s.start, q.timeZone), q.policy.urgentReleaseTime, q.timeZone)).toBe(
            true,
          );
        }
        for (const day of held.values()) {
          expect(day.length).toBeLessThanOrEqual(q.policy.urgentReservePerDay);
          day.forEach((a, i) =>
            day
              .slice(i + 1)
              .forEach((b) =>
                expect(
                  overlaps({ start: a.blockStart, end: a.blockEnd }, { start: b.blockStart, end: b.blockEnd }),
                ).toBe(false),
              ),
          );
        }
        // Nothing is lost beyond what the reserve explains: with the reserve off, patients see it all.
        const open = { ...q, policy: { ...q.policy, urgentReservePerDay: 0 } };
        expect(keysOf(listFreeSlots({ ...open, mode: "patient" }))).toEqual(keysOf(urgent));
      }),
      RUNS,
    );
  });
});
