import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/forms";
import { localInstant } from "@/lib/scheduling";
import {
  availabilitySchema,
  bestEntryFor,
  deadlineFor,
  fitsAvailability,
  fitsEntry,
  partOfDay,
  rankEntries,
  waitlistJoinSchema,
  whyRanked,
  type WaitlistEntry,
} from "@/lib/waitlist";

const NY = "America/New_York";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Monday 2 March 2026, 09:00 in New York.
const NOW = localInstant("2026-03-02", "09:00", NY);
const at = (date: string, time: string) => localInstant(date, time, NY);
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const ahead = (ms: number) => new Date(NOW.getTime() + ms);

const entry = (over: Partial<WaitlistEntry> & Pick<WaitlistEntry, "id">): WaitlistEntry => ({
  level: "ROUTINE",
  deadline: null,
  joinedAt: ago(DAY),
  availability: "any",
  notBefore: null,
  earlierThan: null,
  ...over,
});
const soon = (id: string, gradedAgo: number, over: Partial<WaitlistEntry> = {}) =>
  entry({ id, level: "SOON", deadline: deadlineFor("SOON", ago(gradedAgo)), joinedAt: ago(gradedAgo), ...over });
const ids = (entries: readonly WaitlistEntry[]) => entries.map((e) => e.id);

describe("offer order", () => {
  it("offers a SOON patient before a ROUTINE one who joined earlier", () => {
    const routine = entry({ id: "routine", joinedAt: ago(20 * DAY) });
    const urgentish = soon("soon", HOUR);
    expect(ids(rankEntries([routine, urgentish]))).toEqual(["soon", "routine"]);
    expect(bestEntryFor({ start: at("2026-03-04", "10:00") }, [routine, urgentish], NY, NOW)?.id).toBe("soon");
  });

  it("puts ROUTINE before SELF_CARE whatever the wait", () => {
    const selfCare = entry({ id: "self-care", level: "SELF_CARE", joinedAt: ago(30 * DAY) });
    const routine = entry({ id: "routine", joinedAt: ago(HOUR) });
    expect(ids(rankEntries([selfCare, routine]))).toEqual(["routine", "self-care"]);
  });

  it("among SOON patients, offers first to the one whose deadline is nearer, even if they joined later", () => {
    const later = soon("deadline-in-6-days", DAY, { joinedAt: ago(10 * DAY) });
    const nearer = soon("deadline-in-2-days", 5 * DAY, { joinedAt: ago(HOUR) });
    expect(ids(rankEntries([later, nearer]))).toEqual(["deadline-in-2-days", "deadline-in-6-days"]);
  });

  it("puts a patient with no deadline after any with one at the same level, then the longer wait first", () => {
    const noDeadline = entry({ id: "a-none", level: "SOON", joinedAt: ago(9 * DAY) });
    const withDeadline = soon("z-deadline", DAY);
    const waitedLong = entry({ id: "r-long", joinedAt: ago(9 * DAY) });
    const waitedShort = entry({ id: "r-short", joinedAt: ago(DAY) });
    expect(ids(rankEntries([waitedShort, noDeadline, waitedLong, withDeadline]))).toEqual([
      "z-deadline",
      "a-none",
      "r-long",
      "r-short",
    ]);
  });

  it("breaks a full tie by id and leaves the input list as it was", () => {
    const b = entry({ id: "b", joinedAt: ago(DAY) });
    const a = entry({ id: "a", joinedAt: ago(DAY) });
    const input = [b, a];
    expect(ids(rankEntries(input))).toEqual(["a", "b"]);
    expect(ids(input)).toEqual(["b", "a"]);
  });

  it("gives the same order whatever order the entries are loaded in", () => {
    const levels = ["SOON", "ROUTINE", "SELF_CARE"] as const;
    const anEntry = fc.record({
      id: fc.string({ maxLength: 3 }),
      level: fc.constantFrom(...levels),
      deadline: fc.option(fc.integer({ min: 0, max: 5 }).map((d) => ahead(d * DAY))),
      joinedAt: fc.integer({ min: 0, max: 5 }).map((d) => ago(d * DAY)),
    });
    const listAndShuffle = fc
      .uniqueArray(anEntry, { selector: (e) => e.id, maxLength: 12 })
      .chain((list) =>
        fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
      );
    fc.assert(
      fc.property(listAndShuffle, ([list, shuffled]) => {
        expect(ids(rankEntries(shuffled.map((e) => entry(e))))).toEqual(ids(rankEntries(list.map((e) => entry(e)))));
      }),
      { numRuns: 200 },
    );
  });
});

describe("who a freed time suits", () => {
  // Tuesday 3 March, 14:00 in New York.
  const tuesdayAfternoon = { start: at("2026-03-03", "14:00") };

  it("does not offer a Tuesday afternoon to a patient who chose only Monday mornings, but to the next in line it suits", () => {
    const mondayMornings = soon("monday-mornings", DAY, { availability: { mon: ["morning"] } });
    const tuesdays = entry({ id: "tuesdays", joinedAt: ago(2 * DAY), availability: { tue: ["afternoon"] } });
    const evenings = entry({ id: "evenings", joinedAt: ago(5 * DAY), availability: { tue: ["evening"] } });
    expect(fitsEntry(tuesdayAfternoon, mondayMornings, NY, NOW)).toBe(false);
    expect(bestEntryFor(tuesdayAfternoon, [mondayMornings, evenings, tuesdays], NY, NOW)?.id).toBe("tuesdays");
  });

  it("offers nothing when the time suits nobody", () => {
    const mondayMornings = entry({ id: "m", availability: { mon: ["morning"] } });
    expect(bestEntryFor(tuesdayAfternoon, [mondayMornings], NY, NOW)).toBeNull();
    expect(bestEntryFor(tuesdayAfternoon, [], NY, NOW)).toBeNull();
  });

  it("respects the first date that suits the patient, on the clinic's calendar", () => {
    const fromFriday = entry({ id: "from-friday", notBefore: "2026-03-06" });
    // 23:30 on Thursday in New York is already Friday in UTC: still too early.
    expect(fitsEntry({ start: at("2026-03-05", "23:30") }, fromFriday, NY, NOW)).toBe(false);
    expect(fitsEntry({ start: at("2026-03-06", "08:00") }, fromFriday, NY, NOW)).toBe(true);
  });

  it("offers a patient who holds an appointment only times before it", () => {
    const holder = entry({ id: "holder", earlierThan: at("2026-03-10", "10:00") });
    expect(fitsEntry({ start: at("2026-03-09", "15:00") }, holder, NY, NOW)).toBe(true);
    expect(fitsEntry({ start: at("2026-03-10", "10:00") }, holder, NY, NOW)).toBe(false);
    expect(fitsEntry({ start: at("2026-03-12", "09:00") }, holder, NY, NOW)).toBe(false);
  });

  it("offers a SOON patient only times within 7 days of now, other levels any time", () => {
    const soonPatient = soon("soon", 0);
    const routine = entry({ id: "routine" });
    const justInside = { start: ahead(7 * DAY - HOUR) };
    const sevenDays = { start: ahead(7 * DAY) };
    expect(fitsEntry(justInside, soonPatient, NY, NOW)).toBe(true);
    expect(fitsEntry(sevenDays, soonPatient, NY, NOW)).toBe(false);
    // The window holds even for an entry stored without a deadline.
    expect(fitsEntry(sevenDays, { ...soonPatient, deadline: null }, NY, NOW)).toBe(false);
    expect(fitsEntry({ start: ahead(30 * DAY) }, routine, NY, NOW)).toBe(true);
    expect(fitsEntry({ start: ahead(30 * DAY) }, { ...routine, level: "SELF_CARE" }, NY, NOW)).toBe(true);
  });

  it("still offers a SOON patient near or past their deadline a time within 7 days, before anyone else", () => {
    // Graded 9 days ago: the deadline passed 2 days ago; they are still waiting, and first in line.
    const overdue = soon("overdue", 9 * DAY);
    expect(fitsEntry({ start: ahead(3 * DAY) }, overdue, NY, NOW)).toBe(true);
    expect(fitsEntry({ start: ahead(7 * DAY) }, overdue, NY, NOW)).toBe(false);
    const nextInLine = entry({ id: "routine" });
    expect(bestEntryFor({ start: ahead(3 * DAY) }, [nextInLine, overdue], NY, NOW)?.id).toBe("overdue");
  });

  it("never offers a time that has already begun", () => {
    expect(fitsEntry({ start: NOW }, entry({ id: "r" }), NY, NOW)).toBe(false);
    expect(fitsEntry({ start: ago(HOUR) }, entry({ id: "r" }), NY, NOW)).toBe(false);
  });

  it("never offers a time to an EMERGENCY or URGENT entry: they cannot self-book", () => {
    for (const level of ["EMERGENCY", "URGENT"]) {
      const wrong = entry({ id: level, level: level as WaitlistEntry["level"] });
      expect(fitsEntry({ start: ahead(DAY) }, wrong, NY, NOW)).toBe(false);
    }
  });
});

describe("parts of the day on the clinic's clock", () => {
  it.each([
    ["00:00", "morning"],
    ["11:59", "morning"],
    ["12:00", "afternoon"],
    ["16:59", "afternoon"],
    ["17:00", "evening"],
    ["23:45", "evening"],
  ])("%s is %s", (time, part) => {
    expect(partOfDay(time)).toBe(part);
  });

  it("reads the weekday and part in the clinic's zone on the day the clocks go forward", () => {
    // Sunday 8 March 2026: New York moves from EST (UTC−5) to EDT (UTC−4) at 02:00.
    const half12 = new Date("2026-03-08T16:30:00Z"); // 12:30 EDT (11:30 with the winter offset)
    expect(fitsAvailability(half12, { sun: ["afternoon"] }, NY)).toBe(true);
    expect(fitsAvailability(half12, { sun: ["morning"] }, NY)).toBe(false);
    expect(fitsAvailability(half12, "any", NY)).toBe(true);
  });

  it("reads the weekday and part in the clinic's zone on the day the clocks go back", () => {
    // Sunday 1 November 2026: New York moves from EDT back to EST at 02:00.
    const half11 = new Date("2026-11-01T16:30:00Z"); // 11:30 EST (12:30 with the summer offset)
    expect(fitsAvailability(half11, { sun: ["morning"] }, NY)).toBe(true);
    expect(fitsAvailability(half11, { sun: ["afternoon"] }, NY)).toBe(false);
  });

  it("counts a late evening in New York on its own weekday, not the next day's in UTC", () => {
    const mondayNight = new Date("2026-03-10T01:30:00Z"); // Monday 21:30 EDT
    expect(fitsAvailability(mondayNight, { mon: ["evening"] }, NY)).toBe(true);
    expect(fitsAvailability(mondayNight, { tue: ["morning", "afternoon", "evening"] }, NY)).toBe(false);
  });
});

describe("deadlines and reasons staff read", () => {
  it("gives SOON a deadline 7 days after grading and the other levels none", () => {
    const graded = new Date("2026-03-01T10:00:00Z");
    expect(deadlineFor("SOON", graded)).toEqual(new Date("2026-03-08T10:00:00Z"));
    expect(deadlineFor("ROUTINE", graded)).toBeNull();
    expect(deadlineFor("SELF_CARE", graded)).toBeNull();
  });

  it("says the level, how close the deadline is and how long the patient has waited", () => {
    const e = entry({ id: "x", level: "SOON", deadline: ahead(2 * DAY + 5 * HOUR), joinedAt: ago(3 * DAY) });
    expect(whyRanked(e, NOW)).toBe("Soon: deadline in 2 days; waiting 3 days");
    expect(whyRanked(entry({ id: "y", joinedAt: ago(5 * HOUR) }), NOW)).toBe("Routine: no deadline; waiting 5 hours");
    expect(whyRanked({ ...e, deadline: ago(DAY), joinedAt: ago(10 * 60_000) }, NOW)).toBe(
      "Soon: deadline passed 1 day ago; waiting under an hour",
    );
  });
});

describe("joining the waitlist: what the API accepts", () => {
  const body = { bookingToken: "tok_123", availability: { mon: ["morning", "afternoon"] }, notBefore: "2026-03-09" };
  const errorsFor = (value: unknown) => {
    const r = waitlistJoinSchema.safeParse(value);
    return r.success ? null : fieldErrors(r.error);
  };

  it("accepts the issue's example body, and 'any' without a date", () => {
    expect(waitlistJoinSchema.parse(body)).toEqual(body);
    expect(waitlistJoinSchema.parse({ bookingToken: "t", availability: "any" })).toEqual({
      bookingToken: "t",
      availability: "any",
    });
  });

  it("refuses an unknown weekday such as mon2 rather than dropping it", () => {
    expect(errorsFor({ ...body, availability: { mon2: ["morning"] } })).toEqual({
      "availability.mon2": [expect.stringMatching(/unknown field/i)],
      availability: ['Choose at least one day, or "any"'],
    });
    expect(errorsFor({ ...body, availability: { mon: ["morning"], mon2: ["morning"] } })).toEqual({
      "availability.mon2": [expect.stringMatching(/unknown field/i)],
    });
    expect(availabilitySchema.safeParse({ mon2: ["morning"] }).error?.issues[0]?.message).toBe(
      "Days are mon, tue, wed, thu, fri, sat and sun",
    );
  });

  it("refuses a day with no parts, a part twice and a part that does not exist", () => {
    expect(errorsFor({ ...body, availability: { mon: [] } })).toEqual({
      "availability.mon": ["Choose at least one part of the day, or leave this day out"],
    });
    expect(errorsFor({ ...body, availability: { tue: ["morning", "morning"] } })).toEqual({
      "availability.tue": ["Choose each part of the day only once"],
    });
    expect(errorsFor({ ...body, availability: { wed: ["noon"] } })).toEqual({
      "availability.wed": ['Parts of the day are "morning", "afternoon" and "evening"'],
    });
  });

  it("refuses no days at all and anything that is neither 'any' nor days", () => {
    expect(errorsFor({ ...body, availability: {} })).toEqual({
      availability: ['Choose at least one day, or "any"'],
    });
    for (const availability of ["all", null, ["mon"], { mon: "morning" }]) {
      expect(errorsFor({ ...body, availability })?.availability?.[0]).toMatch(/^Choose "any", or the days/);
    }
  });

  it("refuses a date that is not on the calendar", () => {
    expect(errorsFor({ ...body, notBefore: "2026-02-30" })).toEqual({
      notBefore: ["notBefore must be a real date, YYYY-MM-DD"],
    });
    expect(errorsFor({ ...body, notBefore: "9 March" })?.notBefore).toBeDefined();
  });

  it("refuses a missing, empty or overlong booking token and unknown fields", () => {
    expect(errorsFor({ availability: "any" })?.bookingToken).toEqual(["bookingToken is required"]);
    expect(errorsFor({ ...body, bookingToken: "" })?.bookingToken).toEqual(["bookingToken is required"]);
    expect(errorsFor({ ...body, bookingToken: "x".repeat(201) })?.bookingToken).toEqual(["bookingToken is too long"]);
    expect(errorsFor({ ...body, patientName: "Ada" })?.patientName).toBeDefined();
  });
});
