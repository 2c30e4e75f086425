// When the demo's appointments fall (lib/demo/appointment-times.ts): whatever the hour the server
// starts, a receptionist opening the demo sees appointments inside the clinic's and the clinicians'
// hours, never at 12:15 am.
import { describe, expect, it } from "vitest";
import { DEMO_APPOINTMENT_TYPES, DEMO_CLINICIANS, DEMO_OPENING_HOURS } from "@/db/seed";
import { demoAppointmentTimes, hoursInsideOpening, type DemoTime } from "@/lib/demo/appointment-times";
import type { TimeOff, Weekday, WorkingHours } from "@/lib/scheduling";
import { localDate, localTime } from "@/lib/scheduling/zoned";

const ZONE = "America/New_York";
const [RAMAN, OKAFOR, NOVAK] = DEMO_CLINICIANS.map((c) => c.id) as [string, string, string];
// Taken in turn in the order the clinicians are listed (by name), as seedDemo does.
const IN_TURN = [RAMAN, NOVAK, OKAFOR];
const NAMES = new Map<string, string>(DEMO_CLINICIANS.map((c) => [c.id, c.name]));

// The demo's weekly hours (db/seed.ts): a split day, a long day with Saturday mornings, a part-timer.
const row = (clinicianId: string, weekday: number, start: string, end: string): WorkingHours => ({
  clinicianId,
  weekday: weekday as Weekday,
  start,
  end,
});
const HOURS: WorkingHours[] = [
  ...[1, 2, 3, 4, 5].flatMap((d) => [row(RAMAN, d, "08:30", "12:30"), row(RAMAN, d, "13:30", "17:00")]),
  ...[1, 2, 3, 4].map((d) => row(OKAFOR, d, "10:00", "19:00")),
  row(OKAFOR, 6, "09:00", "13:00"),
  ...[2, 4, 5].map((d) => row(NOVAK, d, "07:30", "15:30")),
];
const OPENING = DEMO_OPENING_HOURS.map((h) => ({ weekday: h.weekday, start: h.startTime, end: h.endTime }));
const initial = DEMO_APPOINTMENT_TYPES[0]!;
const TYPE = {
  id: initial.id,
  minutes: initial.minutes,
  bufferBeforeMinutes: initial.bufferBeforeMinutes,
  bufferAfterMinutes: initial.bufferAfterMinutes,
};

const times = (now: Date, timeOff: TimeOff[] = []) =>
  demoAppointmentTimes({
    now,
    timeZone: ZONE,
    clinicianIds: IN_TURN,
    hours: HOURS,
    openingHours: OPENING,
    type: TYPE,
    timeOff,
  });

/** "Tuesday 09:00–09:45 Dr Priya Raman", in New York time. */
function describeTime(t: DemoTime): string {
  const day = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, weekday: "long" }).format(t.start);
  return `${day} ${localDate(t.start, ZONE)} ${localTime(t.start, ZONE)}–${localTime(t.end, ZONE)} ${NAMES.get(t.clinicianId)}`;
}

const SHORT_DAY = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, weekday: "short" });
const weekdayOf = (t: Date) => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(SHORT_DAY.format(t)) + 1;

/** The rows (start, end "HH:MM") on the weekday of `t` that contain the whole appointment. */
const inside = (t: DemoTime, rows: readonly { weekday: number; start: string; end: string }[]) =>
  localDate(t.start, ZONE) === localDate(new Date(t.end.getTime() - 1), ZONE) &&
  rows.some(
    (r) =>
      r.weekday === weekdayOf(t.start) &&
      r.start <= localTime(t.start, ZONE) &&
      localTime(t.end, ZONE) <= r.end.replace("24:00", "23:59:59"),
  );

/** What every demo schedule must be: inside the hours, not overlapping, in the future but for one running now. */
function expectSensible(now: Date, list: DemoTime[]): void {
  expect(list).toHaveLength(3);
  list.forEach((t, i) => {
    const label = `${describeTime(t)} (server started ${localDate(now, ZONE)} ${localTime(now, ZONE)})`;
    expect(
      inside(
        t,
        HOURS.filter((h) => h.clinicianId === t.clinicianId),
      ),
      `${label}: clinician's hours`,
    ).toBe(true);
    expect(inside(t, OPENING), `${label}: opening hours`).toBe(true);
    expect(t.end.getTime() - t.start.getTime()).toBe(TYPE.minutes * 60_000);
    if (i > 0) expect(t.start.getTime(), label).toBeGreaterThan(now.getTime());
    else expect(t.end.getTime(), label).toBeGreaterThan(now.getTime());
  });
  for (const a of list)
    for (const b of list)
      if (a !== b && a.clinicianId === b.clinicianId)
        expect(a.blockStart < b.blockEnd && b.blockStart < a.blockEnd, "overlapping").toBe(false);
}

describe("the demo's appointment times", () => {
  it("cuts each clinician's hours to the clinic's opening hours", () => {
    expect(hoursInsideOpening(HOURS, OPENING).filter((h) => h.clinicianId === OKAFOR)).toContainEqual(
      row(OKAFOR, 1, "10:00", "18:00"),
    );
    expect(hoursInsideOpening(HOURS, OPENING).filter((h) => h.clinicianId === NOVAK)).toContainEqual(
      row(NOVAK, 2, "08:00", "15:30"),
    );
    expect(hoursInsideOpening(HOURS, [])).toEqual(HOURS);
  });

  it("at 00:10 am puts them on that morning, inside hours, instead of 12:15 am", () => {
    const now = new Date("2026-12-08T05:10:00Z"); // Tuesday 8 December, 00:10 in New York
    const list = times(now);
    expectSensible(now, list);
    expect(list.map(describeTime)).toEqual([
      "Tuesday 2026-12-08 09:00–09:45 Dr Priya Raman",
      "Tuesday 2026-12-08 11:00–11:45 Lena Novak",
      "Tuesday 2026-12-08 13:00–13:45 Sam Okafor",
    ]);
  });

  it("at 10:00 am on a weekday has one that started half an hour ago and two later today", () => {
    const now = new Date("2026-12-08T15:00:00Z"); // Tuesday 8 December, 10:00
    const list = times(now);
    expectSensible(now, list);
    expect(list.map(describeTime)).toEqual([
      "Tuesday 2026-12-08 09:30–10:15 Dr Priya Raman",
      "Tuesday 2026-12-08 12:00–12:45 Lena Novak",
      "Tuesday 2026-12-08 14:00–14:45 Sam Okafor",
    ]);
  });

  it("at 6:30 pm on a Friday, after closing, uses Saturday morning and then Monday", () => {
    const now = new Date("2026-12-11T23:30:00Z"); // Friday 11 December, 18:30
    const list = times(now);
    expectSensible(now, list);
    expect(list.map(describeTime)).toEqual([
      "Saturday 2026-12-12 09:00–09:45 Sam Okafor",
      "Saturday 2026-12-12 11:00–11:45 Sam Okafor",
      "Monday 2026-12-14 09:00–09:45 Dr Priya Raman",
    ]);
  });

  it("on a Sunday, when the clinic is closed, uses Monday from 9:00 with whoever works Mondays", () => {
    const now = new Date("2026-12-13T19:00:00Z"); // Sunday 13 December, 14:00
    const list = times(now);
    expectSensible(now, list);
    expect(list.map(describeTime)).toEqual([
      "Monday 2026-12-14 09:00–09:45 Dr Priya Raman",
      "Monday 2026-12-14 11:00–11:45 Dr Priya Raman",
      "Monday 2026-12-14 13:00–13:45 Sam Okafor",
    ]);
  });

  it("late in an open day keeps the running one and moves what does not fit to the next working day", () => {
    const now = new Date("2026-12-08T20:00:00Z"); // Tuesday 8 December, 15:00
    const list = times(now);
    expectSensible(now, list);
    expect(list.map(describeTime)).toEqual([
      "Tuesday 2026-12-08 14:30–15:15 Dr Priya Raman",
      "Tuesday 2026-12-08 17:00–17:45 Sam Okafor",
      "Wednesday 2026-12-09 09:00–09:45 Dr Priya Raman",
    ]);
  });

  it("skips a clinic closure: closed all Tuesday, the night before goes to Wednesday", () => {
    const now = new Date("2026-12-08T04:00:00Z"); // Monday 7 December, 23:00
    const closed = [
      { clinicianId: null, start: new Date("2026-12-08T05:00:00Z"), end: new Date("2026-12-09T05:00:00Z") },
    ];
    const list = times(now, closed);
    expectSensible(now, list);
    expect(list.every((t) => localDate(t.start, ZONE) === "2026-12-09")).toBe(true);
  });

  it("is inside hours whatever the hour the server starts, every 20 minutes across a week", () => {
    const from = new Date("2026-12-07T05:00:00Z").getTime(); // Monday 7 December, 00:00
    for (let minutes = 0; minutes < 7 * 24 * 60; minutes += 20) {
      const now = new Date(from + minutes * 60_000);
      expectSensible(now, times(now));
    }
  });

  it("has nothing to offer when nobody works", () => {
    expect(
      demoAppointmentTimes({
        now: new Date("2026-12-08T15:00:00Z"),
        timeZone: ZONE,
        clinicianIds: IN_TURN,
        hours: [],
        openingHours: OPENING,
        type: TYPE,
      }),
    ).toEqual([]);
  });
});
