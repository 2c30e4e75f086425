// The demo schedule seeded at night (lib/demo): a receptionist opening the demo the next morning
// sees appointments inside each clinician's working hours and the clinic's opening hours, not at
// 12:15 am.
import { expect, it } from "vitest";
import { listClinicHours } from "@/db/queries/clinic-hours";
import { listSchedule } from "@/db/queries/schedule";
import { listWorkingHours } from "@/db/queries/scheduling";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { seedDemo } from "@/lib/demo";
import { localDate, localTime } from "@/lib/scheduling/zoned";
import { describeEachDb } from "./support";

const ZONE = "America/New_York";
// Thursday 3 December 2026, 11:15 pm in New York: the clinic closed at 6 pm.
const NIGHT = new Date("2026-12-04T04:15:00Z");
const WEEKDAY = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, weekday: "short" });
const weekday = (at: Date) => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(WEEKDAY.format(at)) + 1;

type Row = { weekday: number; start: string; end: string };
/** Whether [start, end) lies within one of the rows on its New York weekday. */
const within = (start: Date, end: Date, rows: Row[]) =>
  localDate(start, ZONE) === localDate(end, ZONE) &&
  rows.some((r) => r.weekday === weekday(start) && r.start <= localTime(start, ZONE) && localTime(end, ZONE) <= r.end);

describeEachDb("the demo schedule seeded at night", (ctx) => {
  it("puts every appointment inside its clinician's working hours and the clinic's opening hours, the next morning", async () => {
    const { db } = ctx();
    await seed(db);
    await seedDemo(db, { now: NIGHT, timeZone: ZONE });
    const week = await listSchedule(db, {
      from: new Date(NIGHT.getTime() - 86_400_000),
      to: new Date(NIGHT.getTime() + 7 * 86_400_000),
    });
    expect(week).toHaveLength(3);
    const hours = await listWorkingHours(
      db,
      DEMO_CLINICIANS.map((c) => c.id),
    );
    const opening = await listClinicHours(db);
    for (const a of week) {
      const label = `${a.lastName}: ${localDate(a.startsAt, ZONE)} ${localTime(a.startsAt, ZONE)} with ${a.clinician}`;
      expect(a.startsAt.getTime(), label).toBeGreaterThan(NIGHT.getTime());
      expect(
        within(
          a.startsAt,
          a.endsAt,
          hours.filter((h) => h.clinicianId === a.clinicianId),
        ),
        label,
      ).toBe(true);
      expect(within(a.startsAt, a.endsAt, opening), label).toBe(true);
      expect(a.status).toBe("booked");
    }
    // The next working morning, Friday 4 December, from 9:00.
    expect(week.map((a) => localDate(a.startsAt, ZONE))).toEqual(["2026-12-04", "2026-12-04", "2026-12-04"]);
    expect(week.map((a) => localTime(a.startsAt, ZONE)).sort()[0]).toBe("09:00");
  });
});
