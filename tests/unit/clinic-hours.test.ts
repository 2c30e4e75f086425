// The clinic's opening hours: when it is open, when it next opens, and the deadlines they make
// (lib/clinic-hours.ts). Every expectation is an exact instant.
import { describe, expect, it } from "vitest";
import {
  ackDue,
  isOpenAt,
  nextOpening,
  openUntil,
  reviewDue,
  whenWords,
  type ClinicCalendar,
  type Closure,
  type OpeningHours,
} from "@/lib/clinic-hours";

const NY = "America/New_York";
const LONDON = "Europe/London";

const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;
const days = (weekdays: number[], start: string, end: string): OpeningHours =>
  weekdays.map((weekday) => ({ weekday, start, end }));
const closure = (start: string, end: string): Closure => ({ start: at(start), end: at(end) });

/** Mon–Fri 08:00–18:00 and Sat 09:00–13:00 (the demo clinic's hours). */
const WEEK = [...days([1, 2, 3, 4, 5], "08:00", "18:00"), ...days([6], "09:00", "13:00")];
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];
const cal = (timeZone: string, hours: OpeningHours = WEEK, closures: Closure[] = []): ClinicCalendar => ({
  timeZone,
  hours,
  closures,
});

// December 2026 in New York is EST (UTC−5); 2026-12-01 is a Tuesday.
describe("a closed night", () => {
  const c = cal(NY);

  it("is open from 08:00 up to (not at) 18:00 local time", () => {
    expect(isOpenAt(c, at("2026-12-01T12:59:59.999Z"))).toBe(false); // 07:59:59 EST
    expect(isOpenAt(c, at("2026-12-01T13:00:00Z"))).toBe(true); // 08:00 EST
    expect(isOpenAt(c, at("2026-12-01T22:59:59.999Z"))).toBe(true);
    expect(isOpenAt(c, at("2026-12-01T23:00:00Z"))).toBe(false); // 18:00 EST
  });

  it("opens next at 08:00 the following morning; while open, the next opening is now", () => {
    expect(iso(nextOpening(c, at("2026-12-02T03:00:00Z")))).toBe("2026-12-02T13:00:00.000Z"); // Tue 22:00
    expect(iso(nextOpening(c, at("2026-12-01T15:00:00Z")))).toBe("2026-12-01T15:00:00.000Z");
    expect(iso(openUntil(c, at("2026-12-01T15:00:00Z")))).toBe("2026-12-01T23:00:00.000Z");
    expect(openUntil(c, at("2026-12-02T03:00:00Z"))).toBeNull();
  });

  it("makes a case that arrives at night due at opening, out of hours", () => {
    expect(ackDue(c, at("2026-12-02T03:00:00Z"), 15)).toEqual({ due: at("2026-12-02T13:00:00Z"), outOfHours: true });
  });

  it("gives a case that arrives while open its minutes on the wall clock, while the clinic stays open", () => {
    expect(ackDue(c, at("2026-12-01T15:00:00Z"), 120)).toEqual({ due: at("2026-12-01T17:00:00Z"), outOfHours: false });
    expect(ackDue(c, at("2026-12-01T22:30:00Z"), 30)).toEqual({ due: at("2026-12-01T23:00:00Z"), outOfHours: false });
  });

  it("makes a case that arrives just before closing due at the next opening, out of hours (nobody is there at 19:30)", () => {
    // 17:30 in New York, closing at 18:00: two hours would end at 19:30 in an empty clinic.
    expect(ackDue(c, at("2026-12-01T22:30:00Z"), 120)).toEqual({ due: at("2026-12-02T13:00:00Z"), outOfHours: true });
  });
});

describe("a weekend", () => {
  const c = cal(NY);

  it("is open on Saturday morning only, then opens on Monday at 08:00", () => {
    expect(isOpenAt(c, at("2026-12-05T15:00:00Z"))).toBe(true); // Sat 10:00 EST
    expect(isOpenAt(c, at("2026-12-05T19:00:00Z"))).toBe(false); // Sat 14:00
    expect(isOpenAt(c, at("2026-12-06T17:00:00Z"))).toBe(false); // Sun 12:00
    expect(iso(nextOpening(c, at("2026-12-05T19:00:00Z")))).toBe("2026-12-07T13:00:00.000Z");
    expect(iso(nextOpening(c, at("2026-12-05T00:00:00Z")))).toBe("2026-12-05T14:00:00.000Z"); // Fri 19:00 → Sat 09:00
  });

  it("makes a Sunday case due on Monday at opening", () => {
    expect(ackDue(c, at("2026-12-06T17:00:00Z"), 120)).toEqual({ due: at("2026-12-07T13:00:00Z"), outOfHours: true });
  });
});

describe("closures", () => {
  it("skips a two-day closure (Thanksgiving, Thursday and Friday)", () => {
    const c = cal(NY, WEEK, [closure("2026-11-26T05:00:00Z", "2026-11-28T05:00:00Z")]);
    expect(isOpenAt(c, at("2026-11-26T15:00:00Z"))).toBe(false); // Thu 10:00 EST
    expect(iso(nextOpening(c, at("2026-11-26T01:00:00Z")))).toBe("2026-11-28T14:00:00.000Z"); // Wed 20:00 → Sat 09:00
    expect(ackDue(c, at("2026-11-27T15:00:00Z"), 15)).toEqual({ due: at("2026-11-28T14:00:00Z"), outOfHours: true });
  });

  it("closes the clinic for part of a day: it closes when the closure starts and opens when it ends", () => {
    const c = cal(NY, WEEK, [closure("2026-12-02T17:00:00Z", "2026-12-02T19:00:00Z")]); // Wed 12:00–14:00
    expect(iso(openUntil(c, at("2026-12-02T15:00:00Z")))).toBe("2026-12-02T17:00:00.000Z");
    expect(isOpenAt(c, at("2026-12-02T17:30:00Z"))).toBe(false);
    expect(iso(nextOpening(c, at("2026-12-02T17:30:00Z")))).toBe("2026-12-02T19:00:00.000Z");
  });

  it("runs a closure over the night and the weekend: from Friday 16:00 to Monday 10:00", () => {
    const c = cal(NY, WEEK, [closure("2026-12-04T21:00:00Z", "2026-12-07T15:00:00Z")]);
    expect(iso(openUntil(c, at("2026-12-04T20:00:00Z")))).toBe("2026-12-04T21:00:00.000Z");
    expect(isOpenAt(c, at("2026-12-05T15:00:00Z"))).toBe(false); // the Saturday morning too
    expect(iso(nextOpening(c, at("2026-12-04T22:00:00Z")))).toBe("2026-12-07T15:00:00.000Z");
  });

  it("overlapping closures close the union", () => {
    const c = cal(NY, WEEK, [
      closure("2026-12-02T13:00:00Z", "2026-12-02T17:00:00Z"),
      closure("2026-12-02T16:00:00Z", "2026-12-02T20:00:00Z"),
    ]);
    expect(iso(nextOpening(c, at("2026-12-02T13:00:00Z")))).toBe("2026-12-02T20:00:00.000Z");
  });
});

describe("split hours", () => {
  // London in December is GMT (UTC+0); 2026-12-07 is a Monday.
  const c = cal(LONDON, [...days([1], "08:00", "12:00"), ...days([1], "13:00", "17:00")]);

  it("closes over lunch and opens again at 13:00", () => {
    expect(iso(openUntil(c, at("2026-12-07T09:00:00Z")))).toBe("2026-12-07T12:00:00.000Z");
    expect(isOpenAt(c, at("2026-12-07T12:30:00Z"))).toBe(false);
    expect(iso(nextOpening(c, at("2026-12-07T12:30:00Z")))).toBe("2026-12-07T13:00:00.000Z");
    expect(ackDue(c, at("2026-12-07T12:30:00Z"), 15)).toEqual({ due: at("2026-12-07T13:00:00Z"), outOfHours: true });
  });

  it("joins rows that touch (08:00–12:00 and 12:00–18:00 are one open period)", () => {
    const touching = cal(LONDON, [...days([1], "12:00", "18:00"), ...days([1], "08:00", "12:00")]);
    expect(isOpenAt(touching, at("2026-12-07T12:00:00Z"))).toBe(true);
    expect(iso(openUntil(touching, at("2026-12-07T09:00:00Z")))).toBe("2026-12-07T18:00:00.000Z");
  });

  it("joins hours that run to midnight with the next day's from midnight", () => {
    const late = cal(LONDON, [...days([1], "20:00", "24:00"), ...days([2], "00:00", "02:00")]);
    expect(iso(openUntil(late, at("2026-12-07T21:00:00Z")))).toBe("2026-12-08T02:00:00.000Z");
  });
});

describe("daylight-saving changes", () => {
  const everyDay = (timeZone: string) => cal(timeZone, days(ALL_WEEK, "09:00", "17:00"));

  it("London, last Sunday of March (29 March 2026): 09:00 is 09:00 GMT on Saturday, 09:00 BST on Sunday", () => {
    const c = everyDay(LONDON);
    expect(iso(nextOpening(c, at("2026-03-28T06:00:00Z")))).toBe("2026-03-28T09:00:00.000Z");
    expect(iso(nextOpening(c, at("2026-03-28T20:00:00Z")))).toBe("2026-03-29T08:00:00.000Z");
    expect(iso(openUntil(c, at("2026-03-29T12:00:00Z")))).toBe("2026-03-29T16:00:00.000Z");
    expect(ackDue(c, at("2026-03-28T20:00:00Z"), 120)).toEqual({
      due: at("2026-03-29T08:00:00Z"),
      outOfHours: true,
    });
  });

  it("London, the spring-forward night: hours 00:00–03:00 are 2 real hours", () => {
    const c = cal(LONDON, days([7], "00:00", "03:00"));
    expect(isOpenAt(c, at("2026-03-29T00:00:00Z"))).toBe(true); // 00:00 GMT
    expect(isOpenAt(c, at("2026-03-29T01:30:00Z"))).toBe(true); // 02:30 BST
    expect(iso(openUntil(c, at("2026-03-29T00:30:00Z")))).toBe("2026-03-29T02:00:00.000Z"); // 03:00 BST
  });

  it("London, last Sunday of October (25 October 2026): 09:00 BST on Saturday, 09:00 GMT on Sunday", () => {
    const c = everyDay(LONDON);
    expect(iso(nextOpening(c, at("2026-10-24T06:00:00Z")))).toBe("2026-10-24T08:00:00.000Z");
    expect(iso(nextOpening(c, at("2026-10-24T19:00:00Z")))).toBe("2026-10-25T09:00:00.000Z");
    expect(iso(openUntil(c, at("2026-10-25T10:00:00Z")))).toBe("2026-10-25T17:00:00.000Z");
  });

  it("London, the fall-back night: hours 00:00–03:00 are 4 real hours", () => {
    const c = cal(LONDON, days([7], "00:00", "03:00"));
    expect(iso(nextOpening(c, at("2026-10-24T20:00:00Z")))).toBe("2026-10-24T23:00:00.000Z"); // 00:00 BST
    expect(iso(openUntil(c, at("2026-10-24T23:30:00Z")))).toBe("2026-10-25T03:00:00.000Z"); // 03:00 GMT
  });

  it("New York, 8 March 2026: Friday evening to Monday 08:00 EDT", () => {
    const c = cal(NY);
    expect(iso(nextOpening(c, at("2026-03-07T01:00:00Z")))).toBe("2026-03-07T14:00:00.000Z"); // Sat 09:00 EST
    expect(iso(nextOpening(c, at("2026-03-07T19:00:00Z")))).toBe("2026-03-09T12:00:00.000Z"); // Mon 08:00 EDT
    expect(iso(openUntil(c, at("2026-03-09T13:00:00Z")))).toBe("2026-03-09T22:00:00.000Z"); // 18:00 EDT
  });

  it("New York, 1 November 2026: Saturday afternoon to Monday 08:00 EST", () => {
    const c = cal(NY);
    expect(iso(nextOpening(c, at("2026-10-31T18:00:00Z")))).toBe("2026-11-02T13:00:00.000Z");
    expect(ackDue(c, at("2026-10-31T18:00:00Z"), 120)).toEqual({ due: at("2026-11-02T13:00:00Z"), outOfHours: true });
  });
});

describe("no hours set: always open", () => {
  const c = cal(NY, []);

  it("is open at any time, with deadlines on the wall clock", () => {
    for (const t of ["2026-12-06T08:00:00Z", "2026-03-08T07:30:00Z", "2026-12-02T03:00:00Z"]) {
      expect(isOpenAt(c, at(t))).toBe(true);
      expect(iso(nextOpening(c, at(t)))).toBe(at(t).toISOString());
    }
    expect(openUntil(c, at("2026-12-02T03:00:00Z"))).toBeNull();
    expect(ackDue(c, at("2026-12-06T08:00:00Z"), 15)).toEqual({ due: at("2026-12-06T08:15:00Z"), outOfHours: false });
    expect(iso(reviewDue(c, at("2026-12-06T08:00:00Z")))).toBe("2026-12-07T08:00:00.000Z");
  });

  it("is still closed during a clinic-wide closure", () => {
    const closed = cal(NY, [], [closure("2026-12-24T05:00:00Z", "2026-12-26T05:00:00Z")]);
    expect(isOpenAt(closed, at("2026-12-25T12:00:00Z"))).toBe(false);
    expect(iso(nextOpening(closed, at("2026-12-25T12:00:00Z")))).toBe("2026-12-26T05:00:00.000Z");
    expect(iso(openUntil(closed, at("2026-12-23T12:00:00Z")))).toBe("2026-12-24T05:00:00.000Z");
  });
});

describe("a clinic that does not open within 60 days", () => {
  const c = cal(NY, WEEK, [closure("2026-12-01T00:00:00Z", "2027-03-01T00:00:00Z")]);

  it("has no next opening; a case is due after its minutes, out of hours, and reviewed within 24 hours", () => {
    expect(isOpenAt(c, at("2026-12-01T15:00:00Z"))).toBe(false);
    expect(nextOpening(c, at("2026-12-01T15:00:00Z"))).toBeNull();
    expect(ackDue(c, at("2026-12-01T15:00:00Z"), 15)).toEqual({ due: at("2026-12-01T15:15:00Z"), outOfHours: true });
    expect(iso(reviewDue(c, at("2026-12-01T15:00:00Z")))).toBe("2026-12-02T15:00:00.000Z");
  });

  it("finds an opening 59 days ahead, but not 61", () => {
    const from = at("2026-12-01T15:00:00Z");
    const shut = (end: string) => cal(NY, days(ALL_WEEK, "00:00", "24:00"), [closure("2026-12-01T00:00:00Z", end)]);
    expect(iso(nextOpening(shut("2027-01-29T15:00:00Z"), from))).toBe("2027-01-29T15:00:00.000Z");
    expect(nextOpening(shut("2027-01-31T15:00:00Z"), from)).toBeNull();
  });

  it("has no hours on any day: never open", () => {
    const never = cal(NY, days([3], "09:00", "09:00"));
    expect(nextOpening(never, at("2026-12-01T15:00:00Z"))).toBeNull();
  });
});

describe("the SOON review deadline: the close of the next open day after the day of arrival", () => {
  const c = cal(NY);

  it("is Tuesday's close for a case that arrives on Monday, before or during opening hours", () => {
    expect(iso(reviewDue(c, at("2026-12-07T15:00:00Z")))).toBe("2026-12-08T23:00:00.000Z"); // Mon 10:00
    expect(iso(reviewDue(c, at("2026-12-07T12:00:00Z")))).toBe("2026-12-08T23:00:00.000Z"); // Mon 07:00
  });

  it("goes by the clinic's date: Tuesday 23:30 in New York (Wednesday in UTC) is due on Wednesday", () => {
    expect(iso(reviewDue(c, at("2026-12-09T04:30:00Z")))).toBe("2026-12-09T23:00:00.000Z");
  });

  it("is Saturday's close for a Friday-evening case, and Monday's for a Saturday one", () => {
    expect(iso(reviewDue(c, at("2026-12-05T01:00:00Z")))).toBe("2026-12-05T18:00:00.000Z"); // Fri 20:00 → Sat 13:00
    expect(iso(reviewDue(c, at("2026-12-05T15:00:00Z")))).toBe("2026-12-07T23:00:00.000Z"); // Sat 10:00 → Mon 18:00
  });

  it("skips a day closed all day, and ends a day early when a closure starts before its close", () => {
    const allDay = cal(NY, WEEK, [closure("2026-12-08T05:00:00Z", "2026-12-09T05:00:00Z")]);
    expect(iso(reviewDue(allDay, at("2026-12-07T15:00:00Z")))).toBe("2026-12-09T23:00:00.000Z");
    const afternoon = cal(NY, WEEK, [closure("2026-12-08T20:00:00Z", "2026-12-09T14:00:00Z")]);
    expect(iso(reviewDue(afternoon, at("2026-12-07T15:00:00Z")))).toBe("2026-12-08T20:00:00.000Z");
  });

  it("closes at the clinic's local time across a daylight-saving change", () => {
    // Saturday 7 March (EST) → Monday 9 March 18:00 EDT; Saturday 24 October London → Monday 17:00 GMT.
    expect(iso(reviewDue(c, at("2026-03-07T15:00:00Z")))).toBe("2026-03-09T22:00:00.000Z");
    const london = cal(LONDON, days([1, 2, 3, 4, 5], "09:00", "17:00"));
    expect(iso(reviewDue(london, at("2026-10-24T10:00:00Z")))).toBe("2026-10-26T17:00:00.000Z");
  });

  it("joins split hours: the day closes at the end of its last hours", () => {
    const split = cal(LONDON, [...days([2], "08:00", "12:00"), ...days([2], "13:00", "17:00")]);
    expect(iso(reviewDue(split, at("2026-12-07T10:00:00Z")))).toBe("2026-12-08T17:00:00.000Z");
  });
});

describe("when words", () => {
  const now = at("2026-12-01T15:00:00Z"); // Tuesday 10:00 in New York

  it("says today, tomorrow, or the day and date, at the clinic's local time", () => {
    expect(whenWords(at("2026-12-01T22:30:00Z"), now, NY)).toBe("today at 5:30\u00a0pm");
    expect(whenWords(at("2026-12-02T13:00:00Z"), now, NY)).toBe("tomorrow at 8:00\u00a0am");
    expect(whenWords(at("2026-12-07T13:00:00Z"), now, NY)).toBe("on Monday 7 December at 8:00\u00a0am");
  });
});
