import { describe, expect, it } from "vitest";
import type { Slot, SlotQuery } from "@/lib/scheduling";
import { listFreeSlots, localDate, localTime } from "@/lib/scheduling";
import { at, hours, NY, PLAIN, query, times } from "./clinic";

// An afternoon clinic on Tuesday 3 March, reserve released at 12:00: the reserved slots are
// still ahead when the release passes, so both sides of it can be seen.
const reserve = (perDay: number, over: Partial<SlotQuery> = {}) =>
  listFreeSlots(
    query({
      from: "2026-03-03",
      hours: hours("a", "13:00", "17:00"),
      policy: { ...PLAIN, urgentReservePerDay: perDay, urgentReleaseTime: "12:00" },
      ...over,
    }),
  );
const flagged = (slots: Slot[]) => times(slots.filter((s) => s.reserved));
const BEFORE = at("2026-03-03", "11:59");
const RELEASE = at("2026-03-03", "12:00");

describe("urgent reserve", () => {
  it("withholds the day's first free slot, and the starts that overlap it, from patients before release", () => {
    const got = times(reserve(1, { now: BEFORE }));
    expect(got.slice(0, 2)).toEqual(["13:30", "13:45"]); // 13:00 held; 13:15 would eat into it
    expect(reserve(1, { now: BEFORE }).every((s) => !s.reserved)).toBe(true);
  });

  it("holds them on future days too, each until its own release time", () => {
    expect(times(reserve(1, { now: at("2026-02-27", "09:00") }))[0]).toBe("13:30");
  });

  it("offers them to patients as ordinary slots from the release time on", () => {
    const slots = reserve(1, { now: RELEASE });
    expect(times(slots).slice(0, 2)).toEqual(["13:00", "13:15"]);
    expect(slots.every((s) => !s.reserved)).toBe(true);
  });

  it("shows urgent callers every slot, the held one flagged", () => {
    const slots = reserve(1, { now: BEFORE, mode: "urgent" });
    expect(times(slots).slice(0, 3)).toEqual(["13:00", "13:15", "13:30"]);
    expect(flagged(slots)).toEqual(["13:00"]);
    expect(flagged(reserve(1, { now: RELEASE, mode: "urgent" }))).toEqual([]);
  });

  it("holds N slots that can all be booked together: their blocked ranges do not overlap", () => {
    expect(flagged(reserve(2, { now: BEFORE, mode: "urgent" }))).toEqual(["13:00", "13:30"]);
    expect(times(reserve(2, { now: BEFORE }))[0]).toBe("14:00");
  });

  it("reserves the earliest free slots, skipping booked time", () => {
    const busy = [{ clinicianId: "a", start: at("2026-03-03", "13:00"), end: at("2026-03-03", "14:00") }];
    expect(flagged(reserve(1, { now: BEFORE, mode: "urgent", busy }))).toEqual(["14:00"]);
  });

  it("reserves the earliest slots that notice still allows, not ones already too soon", () => {
    const now = at("2026-03-03", "11:00");
    const slots = reserve(1, {
      now,
      mode: "urgent",
      policy: { ...PLAIN, minNoticeMinutes: 180, urgentReservePerDay: 1, urgentReleaseTime: "15:00" },
    });
    expect(flagged(slots)).toEqual(["14:00"]);
  });

  it("keeps a reserve per clinician per local day", () => {
    const slots = reserve(1, {
      now: BEFORE,
      mode: "urgent",
      days: 2,
      clinicianIds: ["a", "b"],
      hours: [...hours("a", "13:00", "17:00"), ...hours("b", "14:00", "17:00")],
    });
    const held = slots
      .filter((s) => s.reserved)
      .map((s) => `${localDate(s.start, NY)} ${localTime(s.start, NY)} ${s.clinicianId}`);
    expect(held).toEqual(["2026-03-03 13:00 a", "2026-03-03 14:00 b", "2026-03-04 13:00 a", "2026-03-04 14:00 b"]);
  });

  it("keeps nothing back when the reserve is 0", () => {
    expect(times(reserve(0, { now: BEFORE }))[0]).toBe("13:00");
  });
});
