import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { getIntake, listEscalations } from "@/db/queries/intakes";
import { listSchedule } from "@/db/queries/schedule";
import { upsertStaff } from "@/db/queries/staff";
import { appointments, clinic } from "@/db/schema";
import { seed } from "@/db/seed";
import { seedDemo } from "@/lib/demo";
import { ackDeadlines } from "@/lib/escalation";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { alertOverdueCases } from "@/lib/staff/overdue";
import { markAttendance } from "@/lib/staff/schedule";
import { localDate, localInstant } from "@/lib/scheduling/zoned";
import { describeEachDb, type TestDb } from "./support";

const ZONE = "America/New_York";
// Tuesday 1 December 2026, 10:00 in New York.
const NOW = new Date("2026-12-01T15:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function reception(db: TestDb["db"]) {
  const { id } = await upsertStaff(db, {
    email: "rosa@clinic.test",
    name: "Rosa",
    role: "reception",
    passwordHash: "x",
  });
  return { id, email: "rosa@clinic.test", clientAddress: "192.0.2.40" };
}

async function demoDay(db: TestDb["db"]) {
  await seed(db);
  await seedDemo(db, { now: NOW, timeZone: ZONE });
  const today = localDate(NOW, ZONE);
  return listSchedule(db, { from: localInstant(today, "00:00", ZONE), to: localInstant("2026-12-02", "00:00", ZONE) });
}

describeEachDb("the demo data", (ctx) => {
  it("gives a fresh clinic escalated cases to act on and a schedule for today, once", async () => {
    const { db } = ctx();
    const day = await demoDay(db);
    const queue = await listEscalations(db, { filter: {} });
    expect(queue.map((c) => c.level)).toEqual(expect.arrayContaining(["EMERGENCY", "URGENT"]));
    // Half an hour ago (9:30 in New York), in two hours and in four.
    expect(day.map((r) => r.startsAt.toISOString()).sort()).toEqual([
      "2026-12-01T14:30:00.000Z",
      "2026-12-01T17:00:00.000Z",
      "2026-12-01T19:00:00.000Z",
    ]);
    expect(day.every((r) => r.status === "booked")).toBe(true);
    expect(await seedDemo(db, { now: NOW, timeZone: ZONE })).toEqual({ staff: 0, intakes: 0 });
    expect(await db.select().from(appointments)).toHaveLength(3);
  });
});

describeEachDb("attendance marks on the schedule", (ctx) => {
  it("marks arrived from an hour before, no-show only once started, undoes a mark, and audits each with before and after", async () => {
    const { db } = ctx();
    const day = await demoDay(db);
    const staff = await reception(db);
    const started = day.find((r) => r.startsAt.toISOString() === "2026-12-01T14:30:00.000Z")!;
    const later = day.find((r) => r.startsAt.toISOString() === "2026-12-01T19:00:00.000Z")!;

    expect(await markAttendance(db, staff, { appointmentId: later.id, mark: "arrived" }, NOW, ZONE)).toEqual({
      ok: false,
      refusal: "too_early",
    });
    expect(await markAttendance(db, staff, { appointmentId: later.id, mark: "no_show" }, NOW, ZONE)).toEqual({
      ok: false,
      refusal: "not_started",
    });
    expect(
      await markAttendance(db, staff, { appointmentId: later.id, mark: "arrived" }, at(3 * 60 + 10), ZONE),
    ).toMatchObject({ ok: true });

    expect(await markAttendance(db, staff, { appointmentId: started.id, mark: "no_show" }, NOW, ZONE)).toMatchObject({
      ok: true,
    });
    expect(await markAttendance(db, staff, { appointmentId: started.id, mark: "booked" }, NOW, ZONE)).toMatchObject({
      ok: true,
    });
    expect(await markAttendance(db, staff, { appointmentId: started.id, mark: "arrived" }, NOW, ZONE)).toMatchObject({
      ok: true,
    });

    const statuses = Object.fromEntries((await db.select().from(appointments)).map((a) => [a.id, a.status]));
    expect(statuses[started.id]).toBe("arrived");
    expect(statuses[later.id]).toBe("arrived");
    const trail = await listAudit(db, { subjectId: started.id });
    expect(trail.map((e) => [e.action, e.before, e.after, e.actorId]).reverse()).toEqual([
      ["marked_no_show", { status: "booked" }, { status: "no_show" }, staff.id],
      ["attendance_undone", { status: "no_show" }, { status: "booked" }, staff.id],
      ["marked_arrived", { status: "booked" }, { status: "arrived" }, staff.id],
    ]);
  });

  it("refuses tomorrow's appointments, cancelled ones and nonsense, changing nothing", async () => {
    const { db } = ctx();
    const day = await demoDay(db);
    const staff = await reception(db);
    // The previous test marked two of them (one database per file); the one in two hours is still booked.
    const first = day.find((r) => r.startsAt.toISOString() === "2026-12-01T17:00:00.000Z")!;
    expect(first.status).toBe("booked");
    const yesterday = new Date(NOW.getTime() - 86_400_000);
    expect(await markAttendance(db, staff, { appointmentId: first.id, mark: "arrived" }, yesterday, ZONE)).toEqual({
      ok: false,
      refusal: "future_day",
    });
    expect(await markAttendance(db, staff, { appointmentId: "not-an-id", mark: "arrived" }, NOW, ZONE)).toEqual({
      ok: false,
      refusal: "invalid",
    });
    expect(
      await markAttendance(db, staff, { appointmentId: first.id, mark: "completed" as "arrived" }, NOW, ZONE),
    ).toEqual({ ok: false, refusal: "invalid" });
    await db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, first.id));
    expect(await markAttendance(db, staff, { appointmentId: first.id, mark: "arrived" }, NOW, ZONE)).toEqual({
      ok: false,
      refusal: "gone",
    });
    expect((await listAudit(db, { subjectId: first.id })).length).toBe(0);
  });
});

describeEachDb("acknowledgement deadlines from the clinic's settings", (ctx) => {
  it("gives each new case the clinic's EMERGENCY and URGENT minutes, and alerts once the deadline has passed", async () => {
    const { db } = ctx();
    await seed(db);
    await db.update(clinic).set({ emergencyAckMinutes: 5, urgentAckMinutes: 30 }).where(eq(clinic.id, 1));
    clearSettingsCaches();
    const [row] = await db.select().from(clinic);
    expect(ackDeadlines(row)).toEqual({ EMERGENCY: 5, URGENT: 30 });
    await seedDemo(db, { now: NOW, timeZone: ZONE }); // submitted while the clinic is open (a Tuesday morning)
    const [emergency] = await listEscalations(db, { filter: { level: "EMERGENCY" } });
    const [urgent] = await listEscalations(db, { filter: { level: "URGENT" } });
    expect(emergency!.ackDueAt!.getTime() - emergency!.createdAt.getTime()).toBe(5 * 60_000);
    expect(urgent!.ackDueAt!.getTime() - urgent!.createdAt.getTime()).toBe(30 * 60_000);
    expect(emergency!.arrivedOutOfHours).toBe(false);
    await upsertStaff(db, { email: "admin@clinic.test", name: "Ada", role: "admin", passwordHash: "x" });
    // Not yet due: not alerted. Past the 5 minutes: the EMERGENCY alerts, once.
    const at = (minutes: number) => new Date(emergency!.createdAt.getTime() + minutes * 60_000);
    await alertOverdueCases(db, at(4));
    expect((await getIntake(db, emergency!.id))!.overdueAlertedAt).toBeNull();
    expect(await alertOverdueCases(db, at(6))).toBeGreaterThanOrEqual(1);
    expect((await getIntake(db, emergency!.id))!.overdueAlertedAt).toEqual(at(6));
    expect(await alertOverdueCases(db, at(7))).toBe(0);
  });

  it("filters the queue by the clinician a case is booked with", async () => {
    const { db } = ctx();
    const day = await demoDay(db);
    const [urgent] = await listEscalations(db, { filter: { level: "URGENT" } });
    const clinicianId = day[0]!.clinicianId;
    expect(await listEscalations(db, { filter: { clinicianId } })).toEqual([]);
    const start = localInstant("2026-12-02", "09:00", ZONE);
    const [a] = await db.select().from(appointments).limit(1);
    await db.insert(appointments).values({
      ...a!,
      id: undefined,
      seriesId: a!.id,
      intakeId: urgent!.id,
      clinicianId,
      startsAt: start,
      endsAt: new Date(start.getTime() + 30 * 60_000),
      blocked: `[${start.toISOString()},${new Date(start.getTime() + 30 * 60_000).toISOString()})`,
      manageTokenHash: null,
    });
    expect((await listEscalations(db, { filter: { clinicianId } })).map((c) => c.id)).toEqual([urgent!.id]);
    await db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.intakeId, urgent!.id));
    expect(await listEscalations(db, { filter: { clinicianId } })).toEqual([]);
  });
});
