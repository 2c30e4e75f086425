import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { insertAppointments } from "@/db/queries/appointments";
import { listAudit } from "@/db/queries/audit";
import { upsertStaff } from "@/db/queries/staff";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { escalateNoCapacity } from "@/lib/booking/capacity";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { submitIntake } from "@/lib/intakes/submit";
import { eraseOnRequest } from "@/lib/privacy/erase";
import { exportPatient } from "@/lib/privacy/export";
import { readWaitlist, removeFromWaitlist } from "@/lib/staff/waitlist";
import { signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { joinWaitlist } from "@/lib/waitlist/join-service";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

// Wednesday 2 December 2026, 09:00 in New York.
const NOW = new Date("2026-12-02T14:00:00Z");
const ZONE = "America/New_York";
const SECRET = "test-secret-test-secret-test-secret-0123";
const HOUR = 3_600_000;

async function waiting(db: TestDb["db"], vignette: string, joinedAt: Date, lastName: string) {
  const raw = vignetteIntake(vignette, joinedAt) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, lastName, email: `${lastName.toLowerCase()}@example.test` };
  const answers = makeIntakeAnswersSchema({ now: joinedAt }).parse(raw);
  const result = await submitIntake(db, { answers, now: joinedAt, timeZone: ZONE });
  if (result.status === "key_conflict") throw new Error("unexpected");
  const token = signToken(SECRET, "booking", result.response.id);
  const joined = await joinWaitlist(db, { bookingToken: token, availability: { mon: ["morning"] } }, joinedAt, {
    secret: SECRET,
  });
  if (joined.status !== "joined") throw new Error(joined.status);
  return { intakeId: result.response.id, entryId: joined.entry.id, level: result.response.level };
}

describeEachDb("the waitlist for staff", (ctx) => {
  beforeAll(async () => {
    await seed(ctx().db);
    clearSettingsCaches();
  });

  it("lists a SOON patient before a ROUTINE one who joined earlier, saying why, and when each can come", async () => {
    const { db } = ctx();
    const routine = await waiting(db, "P15", new Date(NOW.getTime() - 48 * HOUR), "Earlyroutine");
    const soon = await waiting(db, "P12", new Date(NOW.getTime() - 2 * HOUR), "Latesoon");
    expect([routine.level, soon.level]).toEqual(["ROUTINE", "SOON"]);
    const rows = await readWaitlist(db, NOW, ZONE);
    const order = rows.map((r) => r.id);
    expect(order.indexOf(soon.entryId)).toBeLessThan(order.indexOf(routine.entryId));
    const soonRow = rows.find((r) => r.id === soon.entryId)!;
    expect(soonRow).toMatchObject({ name: expect.stringContaining("Latesoon"), level: "SOON", when: "Monday morning" });
    expect(soonRow.why).toBe("Soon: deadline in 6 days; waiting 2 hours");
    expect(rows.find((r) => r.id === routine.entryId)?.why).toBe("Routine: no deadline; waiting 2 days");
  });

  it("puts a SOON patient who found no time on the list for any time, once, keeping a choice already made", async () => {
    const { db } = ctx();
    const raw = vignetteIntake("P12", NOW) as { contact: Record<string, unknown> };
    raw.contact = { ...raw.contact, lastName: "Nocapacity", email: "nocapacity@example.test" };
    const result = await submitIntake(db, {
      answers: makeIntakeAnswersSchema({ now: NOW }).parse(raw),
      now: NOW,
      timeZone: ZONE,
    });
    if (result.status === "key_conflict") throw new Error("unexpected");
    const intakeId = result.response.id;
    expect(await escalateNoCapacity(db, intakeId, NOW)).toBe(true);
    expect(await escalateNoCapacity(db, intakeId, NOW)).toBe(false);
    const rows = (await readWaitlist(db, NOW, ZONE)).filter((r) => r.intakeId === intakeId);
    expect(rows).toMatchObject([{ level: "SOON", when: "Any day and time" }]);
    expect(await listAudit(db, { action: "waitlist_joined", subjectId: intakeId })).toHaveLength(1);

    const chose = await waiting(db, "P12", NOW, "Chosealready");
    expect(await escalateNoCapacity(db, chose.intakeId, NOW)).toBe(true);
    expect((await readWaitlist(db, NOW, ZONE)).filter((r) => r.intakeId === chose.intakeId)).toMatchObject([
      { when: "Monday morning" },
    ]);
  });

  it("ranks a waiting patient by their newest re-grade: re-graded URGENT, they are no longer offered times", async () => {
    const { db } = ctx();
    const p = await waiting(db, "P15", new Date(NOW.getTime() - 3 * HOUR), "Regraded");
    const raw = vignetteIntake("P07", NOW) as { contact: Record<string, unknown> };
    raw.contact = { ...raw.contact, lastName: "Regraded", email: "regraded@example.test" };
    const regrade = await submitIntake(db, {
      answers: makeIntakeAnswersSchema({ now: NOW }).parse(raw),
      now: NOW,
      timeZone: ZONE,
      previousIntakeId: p.intakeId,
    });
    if (regrade.status === "key_conflict") throw new Error("unexpected");
    expect(regrade.response.level).toBe("URGENT");
    const rows = await readWaitlist(db, NOW, ZONE);
    const row = rows.find((r) => r.id === p.entryId)!;
    expect(row.why).toMatch(/^Re-graded/);
    expect(rows.indexOf(row)).toBe(rows.length - 1);
  });

  it("says 'earlier than' the appointment the patient holds now, booked after joining", async () => {
    const { db } = ctx();
    const p = await waiting(db, "P15", new Date(NOW.getTime() - HOUR), "Bookedafter");
    expect((await readWaitlist(db, NOW, ZONE)).find((r) => r.id === p.entryId)?.earlierThan).toBeNull();
    const start = new Date("2026-12-09T15:00:00Z"); // Wednesday 10:00 in New York
    await insertAppointments(db, [
      {
        id: randomUUID(),
        seriesId: randomUUID(),
        intakeId: p.intakeId,
        clinicianId: DEMO_CLINICIANS[0].id,
        appointmentTypeId: "initial",
        startsAt: start,
        endsAt: new Date(start.getTime() + 45 * 60_000),
        blocked: `[${start.toISOString()},${new Date(start.getTime() + 60 * 60_000).toISOString()})`,
      },
    ]);
    expect((await readWaitlist(db, NOW, ZONE)).find((r) => r.id === p.entryId)?.earlierThan).toMatch(
      /^Wednesday 9 December 2026 at 10:00\sam$/,
    );
  });

  it("exports a patient's waitlist entries, and erasing the patient takes them off with the reasons erased", async () => {
    const { db } = ctx();
    const p = await waiting(db, "P15", new Date(NOW.getTime() - HOUR), "Erasedwaiter");
    const email = "admin-waitlist@clinic.test";
    const { id } = await upsertStaff(db, { email, name: "Admin", role: "admin", passwordHash: "x" });
    const admin = { id, email, name: "Admin", role: "admin" as const, clientAddress: "192.0.2.61" };
    const exported = await exportPatient(db, admin, p.intakeId, NOW);
    expect(exported?.waitlist).toEqual([
      expect.objectContaining({ id: p.entryId, status: "waiting", availability: { mon: ["morning"] } }),
    ]);
    const erased = await eraseOnRequest(
      db,
      admin,
      { intakeId: p.intakeId, reason: "The patient asked by email", confirm: "Erasedwaiter" },
      NOW,
    );
    expect(erased).toMatchObject({ ok: true });
    expect((await readWaitlist(db, NOW, ZONE)).some((r) => r.id === p.entryId)).toBe(false);
    const after = await exportPatient(db, admin, p.intakeId, NOW);
    expect(after?.waitlist).toEqual([expect.objectContaining({ status: "removed", removedReason: "[erased]" })]);
  });

  it("takes a patient off the list with the reason in the audit trail, once", async () => {
    const { db } = ctx();
    const p = await waiting(db, "P15", new Date(NOW.getTime() - HOUR), "Takenoff");
    const email = "reception-waitlist@clinic.test";
    const { id } = await upsertStaff(db, {
      email,
      name: "Reception",
      role: "reception",
      passwordHash: "x",
    });
    const staff = { id, email, clientAddress: "192.0.2.60" };
    const reason = "Booked by phone for Thursday";
    expect(await removeFromWaitlist(db, staff, { id: p.entryId, reason }, NOW)).toEqual({ intakeId: p.intakeId });
    expect((await readWaitlist(db, NOW, ZONE)).some((r) => r.id === p.entryId)).toBe(false);
    const [audit] = await listAudit(db, { action: "waitlist_removed", subjectId: p.intakeId });
    expect(audit).toMatchObject({ actorId: id, reason, subjectType: "intake" });
    expect(await removeFromWaitlist(db, staff, { id: p.entryId, reason: "again" }, NOW)).toBeNull();
  });
});
