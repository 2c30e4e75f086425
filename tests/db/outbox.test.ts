import { expect, it } from "vitest";
import {
  cancelAppointmentEmails,
  claimDueEmails,
  enqueueEmail,
  listDeadEmails,
  markEmailFailed,
  markEmailSent,
} from "@/db/queries/outbox";
import { seed, DEMO_CLINICIANS } from "@/db/seed";
import { appointments, intakes } from "@/db/schema";
import { describeEachDb, openTestDb, TEST_DATABASES } from "./support";

const T0 = new Date("2026-12-01T12:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describeEachDb("email outbox", (ctx) => {
  it("hands out only due emails, each to one claimer until its lease runs out", async () => {
    const { db } = ctx();
    const now = await enqueueEmail(db, { kind: "test", recipient: "a@example.test", payload: {}, dueAt: T0 });
    await enqueueEmail(db, { kind: "test", recipient: "b@example.test", payload: {}, dueAt: at(3600) });
    const first = await claimDueEmails(db, { now: T0, limit: 10, leaseMs: 60_000 });
    expect(first.map((r) => r.id)).toEqual([now]);
    expect(first[0]!.attempts).toBe(1);
    expect(await claimDueEmails(db, { now: at(30), limit: 10, leaseMs: 60_000 })).toEqual([]);
    // The worker died without reporting: after the lease the email is claimed again, not lost.
    const again = await claimDueEmails(db, { now: at(61), limit: 10, leaseMs: 60_000 });
    expect(again.map((r) => r.id)).toEqual([now]);
    await markEmailSent(db, { id: now, now: at(62) });
    expect(await claimDueEmails(db, { now: at(200), limit: 10, leaseMs: 60_000 })).toEqual([]);
  });

  it("retries a failed send later and gives up after the last attempt, showing it to staff", async () => {
    const { db } = ctx();
    const id = await enqueueEmail(db, { kind: "test", recipient: "c@example.test", payload: {}, dueAt: T0 });
    await claimDueEmails(db, { now: T0, limit: 1, leaseMs: 60_000 });
    await markEmailFailed(db, { id, error: "503 from provider", retryAt: at(120), dead: false });
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(ids(await claimDueEmails(db, { now: at(119), limit: 10, leaseMs: 60_000 }))).not.toContain(id);
    const retried = (await claimDueEmails(db, { now: at(120), limit: 10, leaseMs: 60_000 })).find((r) => r.id === id);
    expect(retried).toMatchObject({ lastError: "503 from provider", attempts: 2 });
    await markEmailFailed(db, { id, error: "422 invalid recipient", retryAt: at(999), dead: true });
    expect(ids(await claimDueEmails(db, { now: at(5000), limit: 10, leaseMs: 60_000 }))).not.toContain(id);
    expect((await listDeadEmails(db)).map((d) => [d.id, d.lastError])).toContainEqual([id, "422 invalid recipient"]);
  });

  it("cancels an appointment's pending reminder but not what was already sent", async () => {
    const { db } = ctx();
    await seed(db);
    const [intake] = await db
      .insert(intakes)
      .values({
        firstName: "A",
        lastName: "B",
        email: "a@example.test",
        phone: "+1 555 010 0000",
        dateOfBirth: "1980-01-01",
        sex: "female",
        answers: {},
        privacyNoticeVersion: "2026-11",
        level: "ROUTINE",
        levelRank: 2,
        rulesetVersion: "2026.11",
        firedRules: ["R1"],
        flags: [],
        scores: {},
        ageAtGrading: 46,
      })
      .returning();
    const [appt] = await db
      .insert(appointments)
      .values({
        intakeId: intake!.id,
        seriesId: crypto.randomUUID(),
        clinicianId: DEMO_CLINICIANS[1].id,
        appointmentTypeId: "initial",
        startsAt: at(86400 * 3),
        endsAt: at(86400 * 3 + 2700),
        blocked: `[${at(86400 * 3).toISOString()},${at(86400 * 3 + 3600).toISOString()})`,
      })
      .returning();
    const confirmation = await enqueueEmail(db, {
      kind: "booking_confirmation",
      recipient: "a@example.test",
      payload: {},
      dueAt: T0,
      appointmentId: appt!.id,
    });
    const reminder = await enqueueEmail(db, {
      kind: "reminder",
      recipient: "a@example.test",
      payload: {},
      dueAt: at(86400 * 2),
      appointmentId: appt!.id,
    });
    await markEmailSent(db, { id: confirmation, now: T0 });
    expect(
      await cancelAppointmentEmails(db, { appointmentId: appt!.id, kinds: ["reminder", "booking_confirmation"] }),
    ).toBe(1);
    const due = await claimDueEmails(db, { now: at(86400 * 2 + 1), limit: 50, leaseMs: 60_000 });
    expect(due.map((r) => r.id)).not.toContain(reminder);
  });
});

if (TEST_DATABASES.includes("postgres")) {
  it("two workers claiming at once never get the same email [postgres]", async () => {
    const test = await openTestDb("postgres");
    try {
      for (let i = 0; i < 40; i++)
        await enqueueEmail(test.db, { kind: "test", recipient: `r${i}@example.test`, payload: {}, dueAt: T0 });
      const claim = () => claimDueEmails(test.db, { now: T0, limit: 15, leaseMs: 60_000 });
      const batches = await Promise.all([claim(), claim(), claim()]);
      const ids = batches.flat().map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(40);
    } finally {
      await test.dispose();
    }
  });
}
