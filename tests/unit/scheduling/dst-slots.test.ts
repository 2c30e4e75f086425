import { describe, expect, it } from "vitest";
import { listFreeSlots } from "@/lib/scheduling";
import { ALL_WEEK, hours, LONDON, NY, query, SHORT, times } from "./clinic";

const WEEK = 7 * 86_400_000;

// Asked about a week before, so notice and horizon never interfere.
const onDay = (timeZone: string, date: string, start: string, end: string) =>
  listFreeSlots(
    query({
      timeZone,
      from: date,
      now: new Date(Date.parse(`${date}T00:00:00Z`) - WEEK),
      type: SHORT,
      hours: hours("a", start, end, ALL_WEEK),
    }),
  );

describe("slots on daylight-saving days", () => {
  it.each([
    [NY, "2026-03-07", "2026-03-07T14:00:00.000Z"],
    [NY, "2026-03-08", "2026-03-08T13:00:00.000Z"],
    [NY, "2026-03-09", "2026-03-09T13:00:00.000Z"],
    [NY, "2026-10-31", "2026-10-31T13:00:00.000Z"],
    [NY, "2026-11-01", "2026-11-01T14:00:00.000Z"],
    [NY, "2026-11-02", "2026-11-02T14:00:00.000Z"],
    [LONDON, "2026-03-28", "2026-03-28T09:00:00.000Z"],
    [LONDON, "2026-03-29", "2026-03-29T08:00:00.000Z"],
    [LONDON, "2026-03-30", "2026-03-30T08:00:00.000Z"],
    [LONDON, "2026-10-24", "2026-10-24T08:00:00.000Z"],
    [LONDON, "2026-10-25", "2026-10-25T09:00:00.000Z"],
    [LONDON, "2026-10-26", "2026-10-26T09:00:00.000Z"],
  ])("starts 09:00–17:00 hours in %s on %s at %s, with 32 quarter-hour slots", (zone, date, first) => {
    const slots = onDay(zone, date, "09:00", "17:00");
    expect(slots[0]?.start.toISOString()).toBe(first);
    expect(slots).toHaveLength(32);
    expect(times(slots, zone).at(-1)).toBe("16:45");
  });

  it("offers one real hour for 01:00–03:00 on a New York spring-forward night: 02:00–03:00 does not exist", () => {
    const slots = onDay(NY, "2026-03-08", "01:00", "03:00");
    expect(times(slots)).toEqual(["01:00", "01:15", "01:30", "01:45"]);
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      "2026-03-08T06:00:00.000Z",
      "2026-03-08T06:15:00.000Z",
      "2026-03-08T06:30:00.000Z",
      "2026-03-08T06:45:00.000Z",
    ]);
    expect(slots.at(-1)?.end.toISOString()).toBe("2026-03-08T07:00:00.000Z"); // 03:00 EDT
  });

  it("offers three real hours for 01:00–03:00 on a New York fall-back night: the repeated hour twice", () => {
    const slots = onDay(NY, "2026-11-01", "01:00", "03:00");
    expect(times(slots)).toEqual([
      "01:00",
      "01:15",
      "01:30",
      "01:45", // EDT
      "01:00",
      "01:15",
      "01:30",
      "01:45", // EST, the hour again
      "02:00",
      "02:15",
      "02:30",
      "02:45",
    ]);
    expect(slots[0]?.start.toISOString()).toBe("2026-11-01T05:00:00.000Z");
    expect(slots.at(-1)?.end.toISOString()).toBe("2026-11-01T08:00:00.000Z");
  });

  it("does the same in London, where the change happens at 01:00", () => {
    expect(times(onDay(LONDON, "2026-03-29", "01:00", "03:00"), LONDON)).toEqual(["02:00", "02:15", "02:30", "02:45"]);
    expect(onDay(LONDON, "2026-10-25", "01:00", "03:00")).toHaveLength(12);
  });

  it("starts a row that begins inside the gap at the first instant after it", () => {
    const slots = onDay(NY, "2026-03-08", "02:30", "04:00");
    expect(times(slots)).toEqual(["03:00", "03:15", "03:30", "03:45"]);
  });

  it("ends a row that ends inside the gap at the gap's end", () => {
    expect(times(onDay(NY, "2026-03-08", "01:00", "02:30"))).toEqual(["01:00", "01:15", "01:30", "01:45"]);
  });

  it("steps across a whole week containing a change without drifting off the local grid", () => {
    const slots = listFreeSlots(
      query({
        from: "2026-03-05",
        days: 7,
        now: new Date("2026-03-01T00:00:00Z"),
        hours: hours("a", "09:00", "10:00", ALL_WEEK),
      }),
    );
    expect(times(slots)).toEqual(Array.from({ length: 7 }, () => ["09:00", "09:15", "09:30"]).flat());
  });
});
