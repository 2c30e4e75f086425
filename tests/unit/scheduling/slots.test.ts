import { describe, expect, it } from "vitest";
import type { AppointmentType } from "@/lib/scheduling";
import { blockedRange, listFreeSlots, localDate, overlaps } from "@/lib/scheduling";
import { ALL_WEEK, at, FOLLOW_UP, hours, NY, PLAIN, query, slotTimes, times } from "./clinic";

const range = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });

describe("overlaps and blockedRange", () => {
  it("treats ranges as half-open: touching ranges do not overlap, one millisecond does", () => {
    const a = range("2026-03-02T14:00:00Z", "2026-03-02T15:00:00Z");
    expect(overlaps(a, range("2026-03-02T15:00:00Z", "2026-03-02T16:00:00Z"))).toBe(false);
    expect(overlaps(a, range("2026-03-02T13:00:00Z", "2026-03-02T14:00:00Z"))).toBe(false);
    expect(overlaps(a, range("2026-03-02T14:59:59.999Z", "2026-03-02T16:00:00Z"))).toBe(true);
    expect(overlaps(a, range("2026-03-02T14:15:00Z", "2026-03-02T14:45:00Z"))).toBe(true);
    expect(overlaps(a, a)).toBe(true);
  });

  it("blocks the buffer before, the appointment and the buffer after", () => {
    const type: AppointmentType = { id: "initial", minutes: 45, bufferBeforeMinutes: 10, bufferAfterMinutes: 15 };
    expect(blockedRange(new Date("2026-03-02T14:00:00Z"), type)).toEqual(
      range("2026-03-02T13:50:00Z", "2026-03-02T15:00:00Z"),
    );
  });
});

describe("listFreeSlots", () => {
  it("offers every interval-step start whose appointment fits in the hours", () => {
    expect(slotTimes({ hours: hours("a", "09:00", "10:30") })).toEqual(["09:00", "09:15", "09:30", "09:45", "10:00"]);
    expect(slotTimes({ hours: hours("a", "09:00", "10:30"), policy: { ...PLAIN, slotIntervalMinutes: 20 } })).toEqual([
      "09:00",
      "09:20",
      "09:40",
      "10:00",
    ]);
  });

  it("gives no slots over lunch with split hours 09:00–12:00 and 14:00–18:00", () => {
    const got = slotTimes({ hours: [...hours("a", "09:00", "12:00"), ...hours("a", "14:00", "18:00")] });
    expect(got).toContain("11:30");
    expect(got).not.toContain("11:45"); // would run to 12:15
    expect(got.filter((t) => t >= "11:45" && t < "14:00")).toEqual([]);
    expect(got[got.indexOf("11:30") + 1]).toBe("14:00");
    expect(got.at(-1)).toBe("17:30");
    expect(got).toHaveLength(11 + 15);
  });

  describe("buffers", () => {
    // 30 minutes with 10 before and 15 after: a 09:15 start blocks 09:05–10:00.
    const type: AppointmentType = { id: "initial", minutes: 30, bufferBeforeMinutes: 10, bufferAfterMinutes: 15 };
    const busyFrom = (start: string, end: string) => [
      { clinicianId: "a", start: at("2026-03-02", start), end: at("2026-03-02", end) },
    ];
    const ask = (busy: ReturnType<typeof busyFrom>) => slotTimes({ type, busy, hours: hours("a", "09:00", "12:00") });

    it("allows a slot whose blocked range only touches an existing one, after or before it", () => {
      expect(ask(busyFrom("10:00", "11:05"))).toEqual(["09:00", "09:15", "11:15", "11:30"]);
    });

    it("refuses a slot whose blocked range overlaps an existing one by one minute", () => {
      expect(ask(busyFrom("09:59", "11:05"))).toEqual(["09:00", "11:15", "11:30"]);
      expect(ask(busyFrom("10:00", "11:06"))).toEqual(["09:00", "09:15", "11:30"]);
    });

    it("lets buffers run outside working hours, but not the appointment", () => {
      const slots = listFreeSlots(query({ type, hours: hours("a", "09:00", "10:00") }));
      expect(times(slots)).toEqual(["09:00", "09:15", "09:30"]);
      expect(slots[0]?.blockStart).toEqual(at("2026-03-02", "08:50"));
      expect(slots.at(-1)?.blockEnd).toEqual(at("2026-03-02", "10:15"));
    });

    it("returns each slot's appointment and blocked range", () => {
      const [first] = listFreeSlots(query({ type }));
      expect(first).toEqual({
        clinicianId: "a",
        start: at("2026-03-02", "09:00"),
        end: at("2026-03-02", "09:30"),
        blockStart: at("2026-03-02", "08:50"),
        blockEnd: at("2026-03-02", "09:45"),
        reserved: false,
      });
    });
  });

  describe("time off", () => {
    it("blocks time off that runs across midnight, on both days", () => {
      const timeOff = [{ clinicianId: "a", start: at("2026-03-02", "16:00"), end: at("2026-03-03", "10:00") }];
      const slots = listFreeSlots(query({ days: 2, timeOff, hours: hours("a", "09:00", "17:00") }));
      const byDay = (d: string) => times(slots.filter((s) => localDate(s.start, NY) === d));
      expect(byDay("2026-03-02").at(-1)).toBe("15:30");
      expect(byDay("2026-03-03")[0]).toBe("10:00");
    });

    it("keeps the buffers out of time off too", () => {
      const timeOff = [{ clinicianId: "a", start: at("2026-03-02", "12:00"), end: at("2026-03-02", "13:00") }];
      const type = { ...FOLLOW_UP, bufferAfterMinutes: 15 };
      const got = slotTimes({ timeOff, type });
      expect(got).toContain("11:15");
      expect(got).not.toContain("11:30"); // its clean-up would run into 12:00
      expect(got).toContain("13:00");
    });

    it("closes the clinic for everyone on a closure day, and only that day", () => {
      const timeOff = [{ clinicianId: null, start: at("2026-03-04", "00:00"), end: at("2026-03-05", "00:00") }];
      const slots = listFreeSlots(
        query({
          days: 3,
          timeOff,
          clinicianIds: ["a", "b"],
          hours: [...hours("a", "09:00", "10:00"), ...hours("b", "09:00", "10:00")],
        }),
      );
      const days = new Set(slots.map((s) => `${s.clinicianId} ${localDate(s.start, NY)}`));
      expect([...days]).toEqual(["a 2026-03-02", "b 2026-03-02", "a 2026-03-03", "b 2026-03-03"]);
    });

    it("applies one clinician's time off to that clinician only", () => {
      const timeOff = [{ clinicianId: "a", start: at("2026-03-02", "00:00"), end: at("2026-03-03", "00:00") }];
      const slots = listFreeSlots(
        query({
          timeOff,
          clinicianIds: ["a", "b"],
          hours: [...hours("a", "09:00", "10:00"), ...hours("b", "09:00", "10:00")],
        }),
      );
      expect(new Set(slots.map((s) => s.clinicianId))).toEqual(new Set(["b"]));
    });
  });

  describe("notice, horizon and withinDays", () => {
    const notice = { ...PLAIN, minNoticeMinutes: 120 };
    it("allows a start exactly at now + minimum notice, not one interval earlier", () => {
      const got = slotTimes({ now: at("2026-03-02", "07:00"), policy: notice, hours: hours("a", "08:00", "17:00") });
      expect(got[0]).toBe("09:00");
      expect(got).not.toContain("08:45");
    });

    it("keeps to the row's grid when notice falls between steps", () => {
      expect(slotTimes({ now: at("2026-03-02", "07:01"), policy: notice })[0]).toBe("09:15");
    });

    it("offers starts before now + horizonDays × 24 h, not at it (10:00 local after the spring change)", () => {
      const now = at("2026-03-02", "09:00"); // EST; 60 × 24 h later is 10:00 EDT on 1 May
      const got = slotTimes({ now, from: "2026-05-01", policy: { ...PLAIN, horizonDays: 60 } });
      expect(got.at(-1)).toBe("09:45");
      expect(slotTimes({ now, from: "2026-05-01", policy: { ...PLAIN, horizonDays: 61 } }).at(-1)).toBe("16:30");
    });

    it("stops SOON patients at now + 7 days: 07:45 on day 7 is in, 08:00 is out", () => {
      const base = {
        now: at("2026-03-09", "08:00"),
        from: "2026-03-16",
        hours: hours("a", "07:00", "17:00", ALL_WEEK),
        type: { ...FOLLOW_UP, minutes: 15 },
      };
      expect(slotTimes({ ...base, withinDays: 7 }).at(-1)).toBe("07:45");
      expect(slotTimes({ ...base, withinDays: 8 }).at(-1)).toBe("16:45");
      expect(slotTimes({ ...base, from: "2026-03-15", days: 1, withinDays: 7 })).toHaveLength(40);
    });
  });

  describe("input", () => {
    it("sorts by start, then clinicianId, and ignores repeated ids and other clinicians' data", () => {
      const slots = listFreeSlots(
        query({
          clinicianIds: ["b", "a", "b"],
          hours: [...hours("a", "09:00", "10:00"), ...hours("b", "09:00", "10:00"), ...hours("c", "08:00", "10:00")],
          busy: [{ clinicianId: "c", start: at("2026-03-02", "00:00"), end: at("2026-03-03", "00:00") }],
        }),
      );
      expect(slots.map((s) => `${times([s])[0]} ${s.clinicianId}`)).toEqual([
        "09:00 a",
        "09:00 b",
        "09:15 a",
        "09:15 b",
        "09:30 a",
        "09:30 b",
      ]);
    });

    it("merges overlapping rows instead of offering a start twice", () => {
      expect(slotTimes({ hours: [...hours("a", "09:00", "10:00"), ...hours("a", "09:30", "10:30")] })).toEqual([
        "09:00",
        "09:15",
        "09:30",
        "09:45",
        "10:00",
      ]);
    });

    it("throws RangeError for input the database would never hold", () => {
      expect(() => listFreeSlots(query({ hours: hours("a", "10:00", "09:00") }))).toThrow(RangeError);
      expect(() => listFreeSlots(query({ policy: { ...PLAIN, slotIntervalMinutes: 0 } }))).toThrow(RangeError);
      expect(() => listFreeSlots(query({ from: "2026-02-30" }))).toThrow(RangeError);
      expect(() => listFreeSlots(query({ timeZone: "Nowhere/Special" }))).toThrow(RangeError);
      expect(() =>
        listFreeSlots(query({ busy: [{ clinicianId: "a", start: new Date(Number.NaN), end: new Date() }] })),
      ).toThrow(RangeError);
    });
  });
});
