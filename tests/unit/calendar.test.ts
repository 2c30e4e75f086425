import { describe, expect, it } from "vitest";
import { layoutCalendar, ROW_MINUTES, summariseCalendar, type CalendarInput } from "@/lib/staff/calendar";
import { calendarDays } from "@/lib/staff/calendar-view";

const ZONE = "America/New_York";
const RAMAN = "00000000-0000-4000-8000-000000000001";
const OKAFOR = "00000000-0000-4000-8000-000000000002";

const base = (over: Partial<CalendarInput>): CalendarInput => ({
  timeZone: ZONE,
  now: new Date("2026-01-01T00:00:00Z"),
  days: ["2026-03-09"],
  clinicians: [
    { id: RAMAN, name: "Dr Priya Raman" },
    { id: OKAFOR, name: "Sam Okafor" },
  ],
  hours: [],
  openingHours: [],
  appointments: [],
  timeOff: [],
  slotIntervalMinutes: 15,
  ...over,
});

const appointment = (clinicianId: string, start: string, minutes: number, after = 0) => {
  const startsAt = new Date(start);
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  return {
    id: `a-${start}`,
    clinicianId,
    startsAt,
    endsAt,
    blockStart: startsAt,
    blockEnd: new Date(endsAt.getTime() + after * 60_000),
    status: "booked",
    firstName: "Lena",
    lastName: "Fischer",
    type: "Initial assessment",
    level: "SOON" as const,
  };
};

const free = (layout: ReturnType<typeof layoutCalendar>, clinicianId: string, date?: string) =>
  layout.cells
    .filter((c) => c.clinicianId === clinicianId && (!date || c.date === date))
    .flatMap((c) => c.blocks)
    .filter((b) => b.kind === "free")
    .map((b) => [b.start.toISOString(), b.end.toISOString()]);

describe("the staff calendar's layout", () => {
  it("keeps wall-clock rows on the day the clocks go forward: 9:00 sits on the 9:00 row and free time starts at 8:00 local", () => {
    // Sunday 8 March 2026: New York moves from UTC−5 to UTC−4 at 2:00.
    const layout = layoutCalendar(
      base({
        days: ["2026-03-07", "2026-03-08"],
        clinicians: [{ id: RAMAN, name: "Dr Priya Raman" }],
        hours: [
          { clinicianId: RAMAN, weekday: 6, start: "08:00", end: "10:00" },
          { clinicianId: RAMAN, weekday: 7, start: "08:00", end: "10:00" },
        ],
        appointments: [appointment(RAMAN, "2026-03-07T14:00:00Z", 30), appointment(RAMAN, "2026-03-08T13:00:00Z", 30)],
      }),
    );
    expect(layout.firstMinute).toBe(8 * 60);
    expect(layout.lastMinute).toBe(10 * 60);
    expect(layout.rows).toBe(120 / ROW_MINUTES);
    const nineRow = 60 / ROW_MINUTES + 1;
    for (const day of ["2026-03-07", "2026-03-08"]) {
      const cell = layout.cells.find((c) => c.date === day)!;
      const appt = cell.blocks.find((b) => b.kind === "appointment")!;
      expect(appt.row).toBe(nineRow);
      expect(appt.span).toBe(30 / ROW_MINUTES);
      expect(appt.label).toContain("9:00\u00a0am to 9:30\u00a0am");
    }
    // Before the change 8:00 is 13:00 UTC; after it, 12:00 UTC.
    expect(free(layout, RAMAN, "2026-03-07")).toEqual([
      ["2026-03-07T13:00:00.000Z", "2026-03-07T14:00:00.000Z"],
      ["2026-03-07T14:30:00.000Z", "2026-03-07T15:00:00.000Z"],
    ]);
    expect(free(layout, RAMAN, "2026-03-08")).toEqual([
      ["2026-03-08T12:00:00.000Z", "2026-03-08T13:00:00.000Z"],
      ["2026-03-08T13:30:00.000Z", "2026-03-08T14:00:00.000Z"],
    ]);
  });

  it("keeps wall-clock rows on the day the clocks go back: 9:00 is 14:00 UTC and still on the 9:00 row", () => {
    // Sunday 1 November 2026: New York moves from UTC−4 to UTC−5 at 2:00.
    const layout = layoutCalendar(
      base({
        days: ["2026-11-01"],
        clinicians: [{ id: RAMAN, name: "Dr Priya Raman" }],
        hours: [{ clinicianId: RAMAN, weekday: 7, start: "08:00", end: "10:00" }],
        appointments: [appointment(RAMAN, "2026-11-01T14:00:00Z", 30)],
      }),
    );
    const [appt] = layout.cells[0]!.blocks.filter((b) => b.kind === "appointment");
    expect(appt!.row).toBe(60 / ROW_MINUTES + 1);
    expect(free(layout, RAMAN)[0]).toEqual(["2026-11-01T13:00:00.000Z", "2026-11-01T14:00:00.000Z"]);
  });

  it("takes time off, a clinic closure and an appointment's buffer out of free time, and shades them by name", () => {
    // Monday 9 March 2026 (UTC−4): Raman works 8:30–12:30, Okafor 10:00–13:00.
    const layout = layoutCalendar(
      base({
        hours: [
          { clinicianId: RAMAN, weekday: 1, start: "08:30", end: "12:30" },
          { clinicianId: OKAFOR, weekday: 1, start: "10:00", end: "13:00" },
        ],
        openingHours: [{ weekday: 1, start: "08:00", end: "18:00" }],
        // Raman: 9:00–9:45 plus 15 minutes after; off 10:30–11:00; the clinic closes from 12:00.
        appointments: [appointment(RAMAN, "2026-03-09T13:00:00Z", 45, 15)],
        timeOff: [
          {
            id: "t1",
            clinicianId: RAMAN,
            start: new Date("2026-03-09T14:30:00Z"),
            end: new Date("2026-03-09T15:00:00Z"),
            reason: "Training",
          },
          {
            id: "t2",
            clinicianId: null,
            start: new Date("2026-03-09T16:00:00Z"),
            end: new Date("2026-03-10T04:00:00Z"),
            reason: null,
          },
        ],
      }),
    );
    expect([layout.firstMinute, layout.lastMinute]).toEqual([8 * 60, 18 * 60]);
    expect(free(layout, RAMAN)).toEqual([
      ["2026-03-09T12:30:00.000Z", "2026-03-09T13:00:00.000Z"], // 8:30–9:00
      ["2026-03-09T14:00:00.000Z", "2026-03-09T14:30:00.000Z"], // 10:00–10:30 (after the buffer)
      ["2026-03-09T15:00:00.000Z", "2026-03-09T16:00:00.000Z"], // 11:00–12:00, then closed
    ]);
    expect(free(layout, OKAFOR)).toEqual([
      ["2026-03-09T14:00:00.000Z", "2026-03-09T15:00:00.000Z"],
      ["2026-03-09T15:00:00.000Z", "2026-03-09T16:00:00.000Z"],
    ]);
    const raman = layout.cells.find((c) => c.clinicianId === RAMAN)!;
    const off = raman.blocks.filter((b) => b.kind === "off");
    expect(off.map((b) => b.label)).toEqual([
      "Time off: Dr Priya Raman, Monday 9 March, 10:30\u00a0am to 11:00\u00a0am (Training)",
      "Clinic closed, Monday 9 March, from 12:00\u00a0pm",
    ]);
    // The closure is shaded to the end of the rows shown (18:00), from the 12:00 row.
    const closure = off[1]!;
    expect(closure.row).toBe((4 * 60) / ROW_MINUTES + 1);
    expect(closure.row + closure.span).toBe(layout.rows + 1);
    // Okafor's column is shaded by the closure too.
    expect(layout.cells.find((c) => c.clinicianId === OKAFOR)!.blocks.some((b) => b.kind === "off")).toBe(true);
  });

  it("puts each appointment in its clinician's column on its rows, linked to the appointment, with a full label", () => {
    const layout = layoutCalendar(
      base({
        hours: [{ clinicianId: OKAFOR, weekday: 1, start: "10:00", end: "19:00" }],
        appointments: [appointment(OKAFOR, "2026-03-09T18:15:00Z", 45)], // 14:15 local
      }),
    );
    expect(layout.cells.map((c) => c.clinician)).toEqual(["Dr Priya Raman", "Sam Okafor"]);
    expect(layout.cells[0]!.blocks).toEqual([]);
    expect(layout.cells[0]!.working).toBe(false);
    const [appt] = layout.cells[1]!.blocks.filter((b) => b.kind === "appointment");
    expect(appt).toMatchObject({
      row: (4 * 60 + 15) / ROW_MINUTES + 1,
      span: 45 / ROW_MINUTES,
      href: "/staff/appointments/a-2026-03-09T18:15:00Z",
      label:
        "Lena Fischer, Initial assessment, level Soon, Monday 9 March 2:15\u00a0pm to 3:00\u00a0pm with Sam Okafor",
    });
    // Free time is cut at whole hours and each piece links to booking that clinician at its start.
    const pieces = layout.cells[1]!.blocks.filter((b) => b.kind === "free");
    expect(pieces[0]).toMatchObject({
      href: `/staff/book?clinician=${OKAFOR}&start=2026-03-09T14%3A00%3A00.000Z`,
      label: "Free 10:00\u00a0am to 11:00\u00a0am with Sam Okafor, Monday 9 March: book a patient",
    });
    expect(pieces.map((b) => b.time)).toContain("3:00\u00a0pm to 4:00\u00a0pm");
    expect(pieces.map((b) => b.time)).toContain("2:00\u00a0pm to 2:15\u00a0pm");
  });

  it("shows no free time in the past, and starts it on the clinic's step after now", () => {
    const layout = layoutCalendar(
      base({
        now: new Date("2026-03-09T14:07:00Z"), // 10:07 local
        clinicians: [{ id: OKAFOR, name: "Sam Okafor" }],
        hours: [{ clinicianId: OKAFOR, weekday: 1, start: "10:00", end: "12:00" }],
      }),
    );
    expect(free(layout, OKAFOR)).toEqual([
      ["2026-03-09T14:15:00.000Z", "2026-03-09T15:00:00.000Z"],
      ["2026-03-09T15:00:00.000Z", "2026-03-09T16:00:00.000Z"],
    ]);
  });

  it("shows a week from Monday to Sunday, whatever day is asked for", () => {
    expect(calendarDays("week", "2026-03-11")).toEqual([
      "2026-03-09",
      "2026-03-10",
      "2026-03-11",
      "2026-03-12",
      "2026-03-13",
      "2026-03-14",
      "2026-03-15",
    ]);
    expect(calendarDays("day", "2026-03-11")).toEqual(["2026-03-11"]);
  });
});

describe("the week of every clinician, in counts", () => {
  it("counts each clinician's day: booked, urgent, free time left as the grid draws it, time off in words", () => {
    // Monday 9 March 2026 (UTC−4): Raman works 8:30–12:30 with one SOON and one URGENT patient and
    // is off from 11:00; Okafor does not work on Mondays.
    const input = base({
      hours: [{ clinicianId: RAMAN, weekday: 1, start: "08:30", end: "12:30" }],
      appointments: [
        appointment(RAMAN, "2026-03-09T13:00:00Z", 45, 15), // 9:00–10:00 with the buffer
        { ...appointment(RAMAN, "2026-03-09T14:00:00Z", 30), level: "URGENT" as const }, // 10:00–10:30
      ],
      timeOff: [
        {
          id: "t1",
          clinicianId: RAMAN,
          start: new Date("2026-03-09T15:00:00Z"),
          end: new Date("2026-03-09T20:00:00Z"),
          reason: "Training",
        },
      ],
    });
    const [raman, okafor] = summariseCalendar(input);
    expect(raman).toEqual({
      date: "2026-03-09",
      clinicianId: RAMAN,
      clinician: "Dr Priya Raman",
      working: true,
      booked: 2,
      urgent: 1,
      freeMinutes: 60, // 8:30–9:00 and 10:30–11:00
      off: [{ closure: false, time: "11:00\u00a0am to 4:00\u00a0pm" }],
    });
    expect(okafor).toMatchObject({ working: false, booked: 0, urgent: 0, freeMinutes: 0, off: [] });
    // The same free time as the day's grid.
    const grid = layoutCalendar(input);
    expect(free(grid, RAMAN)).toEqual([
      ["2026-03-09T12:30:00.000Z", "2026-03-09T13:00:00.000Z"],
      ["2026-03-09T14:30:00.000Z", "2026-03-09T15:00:00.000Z"],
    ]);
    // Later the same morning only what is still ahead is free.
    const later = summariseCalendar({ ...input, now: new Date("2026-03-09T14:40:00Z") });
    expect(later[0]!.freeMinutes).toBe(15); // 10:45–11:00 on the 15-minute step
  });
});
