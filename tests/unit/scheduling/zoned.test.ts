import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { addLocalDays, localDate, localInstant, localTime } from "@/lib/scheduling";
import { LONDON, NY } from "./clinic";

const iso = (d: Date) => d.toISOString();

describe("calendar dates and wall-clock times", () => {
  it("reads the local date and time of an instant in the clinic's zone", () => {
    const instant = new Date("2026-03-03T03:30:00Z");
    expect(localDate(instant, NY)).toBe("2026-03-02");
    expect(localTime(instant, NY)).toBe("22:30");
    expect(localDate(instant, LONDON)).toBe("2026-03-03");
    expect(localTime(instant, LONDON)).toBe("03:30");
  });

  it("reads the same date and time as Intl does, in zones with half-hour, 45-minute and odd changes", () => {
    // Each zone's own reading of the instant, through the platform's time-zone data.
    const reader = (timeZone: string) =>
      new Intl.DateTimeFormat("en-CA", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      });
    const zones = [
      NY,
      LONDON,
      "Australia/Lord_Howe",
      "Asia/Kathmandu",
      "Pacific/Chatham",
      "America/St_Johns",
      "Europe/Dublin",
      "Pacific/Apia",
    ];
    const readers = new Map(zones.map((z) => [z, reader(z)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        // 1990 to 2040, to the minute, and the same instant asked twice (the second from the kept offsets).
        fc.integer({ min: 631_152_000, max: 2_208_988_800 }).map((s) => new Date(s * 1000)),
        (zone, instant) => {
          const parts = Object.fromEntries(
            readers
              .get(zone)!
              .formatToParts(instant)
              .map((p) => [p.type, p.value]),
          );
          for (let i = 0; i < 2; i++) {
            expect(localDate(instant, zone)).toBe(`${parts.year}-${parts.month}-${parts.day}`);
            expect(localTime(instant, zone)).toBe(`${parts.hour}:${parts.minute}`);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("adds calendar days across month, year and leap-day boundaries", () => {
    expect(addLocalDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addLocalDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addLocalDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addLocalDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addLocalDays("2026-03-07", 1)).toBe("2026-03-08"); // a DST day is still one calendar day
  });

  it("rejects impossible dates, times and zones", () => {
    expect(() => addLocalDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addLocalDays("2026-3-1", 1)).toThrow(RangeError);
    expect(() => localInstant("2026-03-02", "9:00", NY)).toThrow(RangeError);
    expect(() => localInstant("2026-03-02", "09:60", NY)).toThrow(RangeError);
    expect(() => localInstant("2026-03-02", "24:01", NY)).toThrow(RangeError);
    expect(() => localInstant("2026-03-02", "09:00", "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => localDate(new Date(Number.NaN), NY)).toThrow(RangeError);
  });

  it("accepts PostgreSQL's HH:MM:SS and 24:00 as the end of the day", () => {
    expect(iso(localInstant("2026-03-02", "09:00:00", NY))).toBe("2026-03-02T14:00:00.000Z");
    expect(iso(localInstant("2026-03-02", "24:00", NY))).toBe("2026-03-03T05:00:00.000Z");
  });
});

describe("wall clock to instant around daylight-saving changes", () => {
  it.each([
    [NY, "2026-03-07", "2026-03-07T14:00:00.000Z"],
    [NY, "2026-03-08", "2026-03-08T13:00:00.000Z"], // spring forward
    [NY, "2026-03-09", "2026-03-09T13:00:00.000Z"],
    [NY, "2026-10-31", "2026-10-31T13:00:00.000Z"],
    [NY, "2026-11-01", "2026-11-01T14:00:00.000Z"], // fall back
    [NY, "2026-11-02", "2026-11-02T14:00:00.000Z"],
    [LONDON, "2026-03-28", "2026-03-28T09:00:00.000Z"],
    [LONDON, "2026-03-29", "2026-03-29T08:00:00.000Z"], // spring forward
    [LONDON, "2026-03-30", "2026-03-30T08:00:00.000Z"],
    [LONDON, "2026-10-24", "2026-10-24T08:00:00.000Z"],
    [LONDON, "2026-10-25", "2026-10-25T09:00:00.000Z"], // fall back
    [LONDON, "2026-10-26", "2026-10-26T09:00:00.000Z"],
  ])("maps 09:00 in %s on %s to %s", (zone, date, expected) => {
    expect(iso(localInstant(date, "09:00", zone))).toBe(expected);
  });

  it("moves a time in the spring-forward gap to the first instant after the gap", () => {
    expect(iso(localInstant("2026-03-08", "02:00", NY))).toBe("2026-03-08T07:00:00.000Z"); // 03:00 EDT
    expect(iso(localInstant("2026-03-08", "02:30", NY))).toBe("2026-03-08T07:00:00.000Z");
    expect(iso(localInstant("2026-03-29", "01:30", LONDON))).toBe("2026-03-29T01:00:00.000Z"); // 02:00 BST
    expect(iso(localInstant("2026-03-08", "01:59", NY))).toBe("2026-03-08T06:59:00.000Z"); // still EST
  });

  it("takes the earlier instant for a time the fall-back hour repeats", () => {
    expect(iso(localInstant("2026-11-01", "01:30", NY))).toBe("2026-11-01T05:30:00.000Z"); // EDT, not EST
    expect(iso(localInstant("2026-11-01", "02:00", NY))).toBe("2026-11-01T07:00:00.000Z"); // not repeated
    expect(iso(localInstant("2026-10-25", "01:30", LONDON))).toBe("2026-10-25T00:30:00.000Z"); // BST, not GMT
  });

  it("handles a 30-minute change (Lord Howe Island)", () => {
    const zone = "Australia/Lord_Howe";
    expect(iso(localInstant("2026-10-04", "02:15", zone))).toBe("2026-10-03T15:30:00.000Z"); // gap → 02:30
    expect(iso(localInstant("2026-04-05", "01:45", zone))).toBe("2026-04-04T14:45:00.000Z"); // earlier of two
  });

  describe("whatever the server's own time zone is", () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    // TZDate's constructor resolves these through the host zone (01:30 came out EDT on a UTC host
    // and EST on a Los Angeles one); localInstant must not.
    it.each(["UTC", "America/Los_Angeles", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata"])(
      "gives the same instants on a %s host",
      (host) => {
        process.env.TZ = host;
        expect(new Date("2026-01-15T12:00:00Z").getTimezoneOffset()).toBe(
          { UTC: 0, "America/Los_Angeles": 480, "Europe/London": 0, "Australia/Lord_Howe": -660, "Asia/Kolkata": -330 }[
            host
          ],
        );
        expect(iso(localInstant("2026-11-01", "01:30", NY))).toBe("2026-11-01T05:30:00.000Z");
        expect(iso(localInstant("2026-10-25", "01:30", LONDON))).toBe("2026-10-25T00:30:00.000Z");
        expect(iso(localInstant("2026-03-08", "02:30", NY))).toBe("2026-03-08T07:00:00.000Z");
        expect(localTime(new Date("2026-11-01T06:30:00Z"), NY)).toBe("01:30");
      },
    );
  });
});
