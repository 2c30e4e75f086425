import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAudit } from "@/db/queries/audit";
import { readCalendar } from "@/db/queries/calendar";
import { getClinic } from "@/db/queries/clinic";
import { listSchedule } from "@/db/queries/schedule";
import { findTimeOff, listUpcomingTimeOff } from "@/db/queries/scheduling";
import { upsertStaff } from "@/db/queries/staff";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { clearSettingsCaches, getScheduleSettings } from "@/lib/clinic-settings";
import { seedDemo } from "@/lib/demo";
import { localDate, localInstant, localTime } from "@/lib/scheduling/zoned";
import { calendarQuerySchema, viewCalendar } from "@/lib/staff/calendar-view";
import { addTimeOff } from "@/lib/staff/settings";
import { cancelForCaller } from "@/lib/staff/caller-booking";
import { overrideLevel } from "@/lib/staff/cases";
import { intakes } from "@/db/schema";
import { submitIntake } from "@/lib/intakes/submit";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb } from "./support";

const ZONE = "America/New_York";
// Tuesday 1 December 2026, 10:00 in New York; the week runs Monday 30 November to Sunday 6 December.
const NOW = new Date("2026-12-01T15:00:00Z");
const WEEK_FROM = localInstant("2026-11-30", "00:00", ZONE);
const WEEK_TO = localInstant("2026-12-07", "00:00", ZONE);
const ALL = DEMO_CLINICIANS.map((c) => c.id);

let n = 0;
async function staffMember(db: Db, role: "admin" | "reception") {
  const email = `calendar${++n}@clinic.test`;
  const { id } = await upsertStaff(db, { email, name: `Staff ${n}`, role, passwordHash: "x" });
  return { id, email, role, clientAddress: "192.0.2.41" };
}

async function demoWeek(db: Db) {
  await seed(db);
  await seedDemo(db, { now: NOW, timeZone: ZONE });
  clearSettingsCaches();
  return listSchedule(db, { from: WEEK_FROM, to: WEEK_TO });
}

const local = (at: Date) => ({ date: localDate(at, ZONE), time: localTime(at, ZONE) });

describeEachDb("the staff calendar", (ctx) => {
  it("reads the week's appointments with the patient's name, type and level, its time off and closures", async () => {
    const { db } = ctx();
    const demo = await demoWeek(db);
    expect(demo).toHaveLength(3);
    const admin = await staffMember(db, "admin");
    const first = demo[0]!;
    const start = local(first.startsAt);
    const end = local(new Date(first.endsAt.getTime() + 60 * 60_000));
    expect(
      await addTimeOff(
        db,
        admin,
        {
          clinicianId: first.clinicianId,
          startDate: start.date,
          startTime: start.time,
          endDate: end.date,
          endTime: end.time,
          reason: "Course",
        },
        NOW,
      ),
    ).toEqual({ ok: true });
    expect(
      await addTimeOff(
        db,
        admin,
        {
          clinicianId: null,
          startDate: "2026-12-04",
          startTime: "00:00",
          endDate: "2026-12-05",
          endTime: "00:00",
          reason: null,
        },
        NOW,
      ),
    ).toEqual({ ok: true });

    const week = await readCalendar(db, { from: WEEK_FROM, to: WEEK_TO, clinicianIds: ALL });
    expect(week.appointments.map((a) => a.id).sort()).toEqual(demo.map((r) => r.id).sort());
    const shown = week.appointments.find((a) => a.id === first.id)!;
    expect(shown).toMatchObject({
      firstName: first.firstName,
      lastName: first.lastName,
      type: first.type,
      clinicianId: first.clinicianId,
    });
    expect(["SOON", "ROUTINE", "SELF_CARE"]).toContain(shown.level);
    // The blocked range covers the appointment and its buffers.
    expect(shown.blockStart.getTime()).toBeLessThanOrEqual(first.startsAt.getTime());
    expect(shown.blockEnd.getTime()).toBeGreaterThanOrEqual(first.endsAt.getTime());
    expect(week.timeOff.map((t) => [t.clinicianId, t.reason])).toEqual([
      [first.clinicianId, "Course"],
      [null, null],
    ]);
    expect(week.openingHours.length).toBeGreaterThan(0);

    // "Something got worse": a re-grade to EMERGENCY of the appointment's intake shows at once.
    const raw = vignetteIntake("P01", NOW) as { contact: Record<string, unknown> };
    const regrade = await submitIntake(db, {
      answers: makeIntakeAnswersSchema({ now: NOW }).parse(raw),
      now: NOW,
      timeZone: ZONE,
    });
    if (regrade.status === "key_conflict") throw new Error("unexpected");
    await db.update(intakes).set({ previousIntakeId: first.intakeId }).where(eq(intakes.id, regrade.response.id));
    const after = await readCalendar(db, { from: WEEK_FROM, to: WEEK_TO, clinicianIds: ALL });
    expect(after.appointments.find((a) => a.id === first.id)?.level).toBe("EMERGENCY");

    // One clinician: only theirs.
    const other = ALL.find((id) => id !== first.clinicianId)!;
    const theirs = await readCalendar(db, { from: WEEK_FROM, to: WEEK_TO, clinicianIds: [other] });
    expect(theirs.appointments.every((a) => a.clinicianId === other)).toBe(true);
    // Another week: none.
    const later = await readCalendar(db, {
      from: WEEK_TO,
      to: localInstant("2026-12-14", "00:00", ZONE),
      clinicianIds: ALL,
    });
    expect(later.appointments).toEqual([]);
  });

  it("counts every clinician's week per day (booked, urgent, free, closed), matching each day's grid, and audits the view", async () => {
    const { db } = ctx();
    const reception = await staffMember(db, "reception");
    const [clinic, settings] = await Promise.all([getClinic(db), getScheduleSettings(db)]);
    const view = (query: Record<string, string>) =>
      viewCalendar(db, reception, { query: calendarQuerySchema.parse(query), now: NOW, clinic, settings });
    const week = await view({ view: "week" });
    if (week.kind !== "summary") throw new Error("the week of everyone is a summary");
    expect(week.days[0]).toBe("2026-11-30");
    expect(week.clinicians.map((c) => c.id).sort()).toEqual([...ALL].sort());
    expect(week.summary).toHaveLength(7 * ALL.length);
    // The three demo appointments; the one re-graded to EMERGENCY above counts as urgent.
    expect(week.summary.reduce((sum, c) => sum + c.booked, 0)).toBe(3);
    expect(week.summary.reduce((sum, c) => sum + c.urgent, 0)).toBe(1);
    // Friday 4 December is closed: no free time for anyone, and every cell says so.
    const friday = week.summary.filter((c) => c.date === "2026-12-04");
    expect(friday.every((c) => c.freeMinutes === 0 && c.off.some((o) => o.closure && o.time === "all day"))).toBe(true);
    // Monday is over (now is Tuesday): nothing free in the past.
    expect(week.summary.filter((c) => c.date === "2026-11-30").every((c) => c.freeMinutes === 0)).toBe(true);
    // Each cell's free time is its day's grid, summed.
    for (const day of ["2026-12-01", "2026-12-02", "2026-12-03"]) {
      const grid = await view({ view: "day", date: day });
      if (grid.kind !== "grid") throw new Error("a day is a grid");
      for (const cell of grid.layout.cells) {
        const free = cell.blocks
          .filter((b) => b.kind === "free")
          .reduce((sum, b) => sum + (b.end.getTime() - b.start.getTime()) / 60_000, 0);
        const summary = week.summary.find((c) => c.date === day && c.clinicianId === cell.clinicianId)!;
        expect({ day, clinician: cell.clinician, free: summary.freeMinutes }).toEqual({
          day,
          clinician: cell.clinician,
          free,
        });
        expect(summary.booked).toBe(cell.blocks.filter((b) => b.kind === "appointment").length);
      }
    }
    expect(week.summary.some((c) => c.date === "2026-12-03" && c.freeMinutes > 0)).toBe(true);

    // One clinician's week is their grid, hour by hour, with the names.
    const mine = await view({ view: "week", clinician: ALL[0]! });
    expect(mine.kind).toBe("grid");

    const events = await listAudit(db, { actorId: reception.id, action: "schedule_viewed" });
    expect(
      events.find(
        (e) =>
          (e.after as { view: string }).view === "calendar_week" &&
          !(e.after as { clinician: string | null }).clinician,
      ),
    ).toMatchObject({
      subjectType: "schedule",
      after: { view: "calendar_week", from: "2026-11-30", days: 7, clinician: null, appointments: 3 },
    });
  });

  it("lists the appointments booked inside time off: the clinician's own, or everyone's for a closure", async () => {
    const { db } = ctx();
    const now = NOW;
    const upcoming = await listUpcomingTimeOff(db, { now });
    const demo = await listSchedule(db, { from: WEEK_FROM, to: WEEK_TO });
    const first = demo[0]!;
    const course = upcoming.find((t) => t.reason === "Course")!;
    expect(course.booked.map((b) => ({ id: b.id, name: `${b.firstName} ${b.lastName}`, type: b.type }))).toEqual([
      { id: first.id, name: `${first.firstName} ${first.lastName}`, type: first.type },
    ]);
    // The Friday closure has nothing booked in it.
    expect(upcoming.find((t) => t.clinicianId === null)!.booked).toEqual([]);

    // Another clinician's time off over the same hours lists none of it; a closure lists all of that day's.
    const admin = await staffMember(db, "admin");
    const other = ALL.find((id) => id !== first.clinicianId)!;
    const day = local(first.startsAt).date;
    await addTimeOff(
      db,
      admin,
      { clinicianId: other, startDate: day, startTime: "00:00", endDate: day, endTime: "23:59", reason: "Other" },
      now,
    );
    await addTimeOff(
      db,
      admin,
      { clinicianId: null, startDate: day, startTime: "00:00", endDate: day, endTime: "23:59", reason: "Flood" },
      now,
    );
    const again = await listUpcomingTimeOff(db, { now });
    const theirs = demo.filter((r) => r.clinicianId === other && local(r.startsAt).date === day);
    expect(again.find((t) => t.reason === "Other")!.booked.map((b) => b.id)).toEqual(theirs.map((r) => r.id));
    const flood = again.find((t) => t.reason === "Flood")!;
    expect(flood.booked.map((b) => b.id).sort()).toEqual(
      demo
        .filter((r) => local(r.startsAt).date === day)
        .map((r) => r.id)
        .sort(),
    );
    // The settings page finds the row it just added, to list what is booked inside it.
    expect(
      await findTimeOff(db, {
        clinicianId: null,
        startsAt: localInstant(day, "00:00", ZONE),
        endsAt: localInstant(day, "23:59", ZONE),
      }),
    ).toBe(flood.id);
    expect(await findTimeOff(db, { clinicianId: other, startsAt: now, endsAt: WEEK_TO })).toBeNull();
  });

  it("keeps the week of everyone between views, and shows this process's cancel and changed level at once", async () => {
    const { db } = ctx();
    const reception = await staffMember(db, "reception");
    const clinician = await upsertStaff(db, {
      email: `calendar-clinician${++n}@clinic.test`,
      name: "Dr Cache",
      role: "clinician",
      passwordHash: "x",
    });
    const [clinic, settings] = await Promise.all([getClinic(db), getScheduleSettings(db)]);
    // The first test's demo week, 30 seconds into a minute: free time counts
    // from the next whole minute, so a kept week is exactly a fresh one.
    const at = new Date(NOW.getTime() + 30_000);
    const week = async () => {
      const v = await viewCalendar(db, reception, {
        query: calendarQuerySchema.parse({ view: "week" }),
        now: at,
        clinic,
        settings,
      });
      if (v.kind !== "summary") throw new Error("the week of everyone is a summary");
      const total = (k: "booked" | "urgent") => v.summary.reduce((sum, c) => sum + c[k], 0);
      return {
        booked: total("booked"),
        urgent: total("urgent"),
        free: v.summary.map((c) => c.freeMinutes),
        summary: v.summary,
      };
    };
    const first = await week();
    const fresh = await week();
    expect(fresh.summary).toBe(first.summary); // the same kept week, not a new read
    expect(first.free).toEqual(
      await viewCalendar(db, reception, {
        query: calendarQuerySchema.parse({ view: "week" }),
        now: new Date(NOW.getTime() + 60_000),
        clinic,
        settings,
      }).then((v) => (v.kind === "summary" ? v.summary.map((c) => c.freeMinutes) : [])),
    );

    // A cancel made here: the week shows one appointment fewer on the next view.
    const booked = (await listSchedule(db, { from: at, to: WEEK_TO })).filter((r) => r.status === "booked");
    const urgentIntake = (
      await db
        .select({ id: intakes.id, previous: intakes.previousIntakeId })
        .from(intakes)
        .where(eq(intakes.effectiveLevel, "EMERGENCY"))
    ).find((r) => r.previous)!.previous!;
    const cancelled = booked.find((r) => r.intakeId !== urgentIntake)!;
    expect(
      await cancelForCaller(
        db,
        { id: reception.id, email: reception.email, clientAddress: reception.clientAddress },
        cancelled.id,
        { reason: "Caller asked to cancel" },
        at,
      ),
    ).toMatchObject({ status: "done" });
    const afterCancel = await week();
    expect(afterCancel.booked).toBe(first.booked - 1);

    // A clinician's new level on the urgent appointment's case: no longer counted as urgent.
    const regrade = (
      await db.select({ id: intakes.id }).from(intakes).where(eq(intakes.previousIntakeId, urgentIntake))
    )[0]!;
    expect(
      await overrideLevel(
        db,
        { id: clinician.id, email: "c@clinic.test", clientAddress: "192.0.2.42" },
        regrade.id,
        { level: "ROUTINE", reason: "Phoned: settled since the check" },
        at,
      ),
    ).toMatchObject({ status: "done" });
    expect((await week()).urgent).toBe(first.urgent - 1);
  });
});
