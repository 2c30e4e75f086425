import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { getIntake, listEscalations } from "@/db/queries/intakes";
import { upsertStaff } from "@/db/queries/staff";
import { clinicHours, outbox } from "@/db/schema";
import { seed } from "@/db/seed";
import { handleListSlots } from "@/lib/booking/api";
import { bookingAccess } from "@/lib/booking/access";
import { escalateNoCapacity } from "@/lib/booking/capacity";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { BOOKING_TOKEN_PURPOSE } from "@/lib/intakes/api";
import { submitIntake } from "@/lib/intakes/submit";
import {
  bookUrgentForCase,
  logCall,
  overrideLevel,
  resolveCase,
  reviewCase,
  urgentSlotsForCase,
  viewCase,
} from "@/lib/staff/cases";
import { alertOverdueCases } from "@/lib/staff/overdue";
import { pageQueue, queueQuerySchema } from "@/lib/staff/queue";
import { signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

const SECRET = "escalation-test-secret-escalation-test-secret";
const ZONE = "America/New_York";
// Tuesday 1 December 2026, 10:00 in New York: the demo clinic is open (Mon–Fri 08:00–18:00).
const NOW = new Date("2026-12-01T15:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
let n = 0;

async function staffMember(db: TestDb["db"], role: "admin" | "clinician" | "reception") {
  const email = `esc${++n}@clinic.test`;
  const { id } = await upsertStaff(db, { email, name: `Staff ${n}`, role, passwordHash: "x" });
  return { id, email, clientAddress: "192.0.2.1", role };
}

async function intake(db: TestDb["db"], vignette: string, when = NOW) {
  const r = await submitIntake(db, {
    answers: makeIntakeAnswersSchema({ now: when }).parse(vignetteIntake(vignette, when)),
    now: when,
    timeZone: ZONE,
  });
  if (r.status === "key_conflict") throw new Error("unexpected");
  return r.response.id;
}

async function ready(db: TestDb["db"]) {
  await seed(db);
  clearSettingsCaches();
}

const emailsOf = (db: TestDb["db"], kind: string) => db.select().from(outbox).where(eq(outbox.kind, kind));

const slotsRequest = (id: string) =>
  new Request(
    `http://clinic.test/api/v1/slots?bookingToken=${encodeURIComponent(signToken(SECRET, BOOKING_TOKEN_PURPOSE, id))}`,
  );
const slotsApi = (db: TestDb["db"], id: string) =>
  handleListSlots(db, slotsRequest(id), {
    secret: SECRET,
    trustedProxies: 1,
    rateLimitPerMinute: 1000,
    appUrl: "http://clinic.test",
    now: () => NOW,
  });

describeEachDb("a clinician's level is the level that acts", (ctx) => {
  it("raising a ROUTINE case to URGENT puts it in the queue above older ones, with a deadline from now, alerts, and withdraws self-booking", async () => {
    const { db } = ctx();
    await ready(db);
    const clinician = await staffMember(db, "clinician");
    const urgent = await intake(db, "P07", at(-60));
    const routine = await intake(db, "P15", at(-30));
    expect((await bookingAccess(db, signToken(SECRET, BOOKING_TOKEN_PURPOSE, routine), NOW, SECRET)).status).toBe("ok");
    expect((await slotsApi(db, routine)).status).toBe(200);

    expect(
      await overrideLevel(
        db,
        clinician,
        routine,
        { level: "EMERGENCY", reason: "On the phone: new saddle numbness" },
        NOW,
      ),
    ).toEqual({
      status: "done",
    });
    const row = (await getIntake(db, routine))!;
    expect(row.level).toBe("ROUTINE"); // the grade stays
    expect(row.effectiveLevel).toBe("EMERGENCY");
    expect(row.escalated).toBe(true);
    expect(row.escalationReason).toBe("override");
    expect(row.ackDueAt).toEqual(at(15)); // a new escalation, counted from the override
    const queue = await listEscalations(db, {});
    expect(queue.map((c) => c.id).indexOf(routine)).toBeLessThan(queue.map((c) => c.id).indexOf(urgent));
    // Alerted like a new escalation, and the patient told (no clinical words), once each.
    const alerts = (await db.select().from(outbox).where(eq(outbox.intakeId, routine))).filter(
      (e) => e.kind === "staff_escalation" || e.kind === "staff_digest",
    );
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    const told = (await emailsOf(db, "level_reviewed")).filter((e) => e.recipient === row.email);
    expect(told).toHaveLength(1);
    // Self-booking withdrawn: the booking link and the API both refuse, with a clear 422.
    expect((await bookingAccess(db, signToken(SECRET, BOOKING_TOKEN_PURPOSE, routine), NOW, SECRET)).status).toBe(
      "not_eligible",
    );
    const refused = await slotsApi(db, routine);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: "not_eligible" });
  });

  it("lowering an URGENT case opens self-booking and drops its acknowledgement deadline", async () => {
    const { db } = ctx();
    await ready(db);
    const clinician = await staffMember(db, "clinician");
    const id = await intake(db, "P07");
    expect((await getIntake(db, id))!.ackDueAt).toEqual(at(120));
    expect((await slotsApi(db, id)).status).toBe(422);
    await overrideLevel(
      db,
      clinician,
      id,
      { level: "ROUTINE", reason: "Called: pain settled, no leg symptoms" },
      at(30),
    );
    const row = (await getIntake(db, id))!;
    expect(row.effectiveLevel).toBe("ROUTINE");
    expect(row.ackDueAt).toBeNull();
    expect((await slotsApi(db, id)).status).toBe(200);
    const { cases } = await pageQueue(db, queueQuerySchema.parse({}), 50, at(200));
    expect(cases.find((c) => c.id === id)).toMatchObject({
      effectiveLevel: "ROUTINE",
      overdueMs: null,
      callDue: false,
    });
  });

  it("raising SELF_CARE to SOON cancels the self-care check-in, queues it as 'call to book' and puts it on the review list", async () => {
    const { db } = ctx();
    await ready(db);
    const clinician = await staffMember(db, "clinician");
    const id = await intake(db, "P17");
    const email = (await getIntake(db, id))!.email;
    const checkIns = async () =>
      (
        await db
          .select()
          .from(outbox)
          .where(and(eq(outbox.kind, "self_care_checkin"), eq(outbox.recipient, email)))
      ).map((e) => e.status);
    expect(await checkIns()).toEqual(["pending"]);
    await overrideLevel(db, clinician, id, { level: "SOON", reason: "Night pain since the intake, wants review" }, NOW);
    expect(await checkIns()).toEqual(["cancelled"]);
    const row = (await getIntake(db, id))!;
    expect(row).toMatchObject({ escalated: true, escalationReason: "call_to_book", ackDueAt: null });
    expect(row.reviewDueAt).not.toBeNull();
    const review = await pageQueue(db, queueQuerySchema.parse({ queue: "review" }), 50, NOW);
    expect(review.cases.map((c) => c.id)).toContain(id);
  });
});

describeEachDb("urgent slots follow the effective level", (ctx) => {
  it("offers reserved urgent slots to a case raised to URGENT, and none once it is lowered", async () => {
    const { db } = ctx();
    await ready(db);
    const clinician = await staffMember(db, "clinician");
    const id = await intake(db, "P15");
    const offered = async () => {
      const row = (await getIntake(db, id))!;
      return urgentSlotsForCase(
        db,
        { level: row.effectiveLevel, hasActiveBooking: false },
        { now: NOW, timeZone: ZONE },
      );
    };
    expect(await offered()).toEqual([]);
    await overrideLevel(db, clinician, id, { level: "URGENT", reason: "Phoned: new leg weakness this morning" }, NOW);
    const slots = await offered();
    expect(slots.length).toBeGreaterThan(0);
    const [clinicianId, start] = slots[0]!.value.split("|") as [string, string];
    const booked = await bookUrgentForCase(db, clinician, id, { clinicianId, start: new Date(start) }, NOW);
    expect(booked.status).toBe("booked");
    await overrideLevel(db, clinician, id, { level: "ROUTINE", reason: "Seen: weakness was pain-limited only" }, at(5));
    expect(await offered()).toEqual([]);
  });
});

describeEachDb("the review list", (ctx) => {
  it("holds every SOON intake and any flagged one, due within a working day, until a clinician marks it reviewed", async () => {
    const { db } = ctx();
    await ready(db);
    const clinician = await staffMember(db, "clinician");
    const soon = await intake(db, "P11");
    const flaggedRoutine = await intake(db, "P32");
    const plainRoutine = await intake(db, "P15");
    const list = async (status?: string) =>
      (await pageQueue(db, queueQuerySchema.parse({ queue: "review", status }), 50, NOW)).cases;
    const open = await list();
    expect(open.map((c) => c.id).sort()).toEqual([soon, flaggedRoutine].sort());
    expect(open.map((c) => c.id)).not.toContain(plainRoutine);
    // Within one working day: by the close of the next day the clinic is open (Wednesday 18:00 in New York).
    expect(open.find((c) => c.id === soon)!.due).toEqual(new Date("2026-12-02T23:00:00Z"));

    expect(await reviewCase(db, clinician, soon, { note: "", level: undefined }, at(60))).toEqual({ status: "done" });
    expect(await reviewCase(db, clinician, soon, { note: "", level: undefined }, at(61))).toEqual({
      status: "already",
    });
    expect((await list()).map((c) => c.id)).toEqual([flaggedRoutine]);
    expect((await list("resolved")).map((c) => c.id)).toEqual([soon]);
    // Reviewing with a new level acts as an override, with the note as its reason.
    await reviewCase(
      db,
      clinician,
      flaggedRoutine,
      { note: "Weight loss confirmed: see within the week", level: "SOON" },
      at(70),
    );
    const row = (await getIntake(db, flaggedRoutine))!;
    expect(row).toMatchObject({ effectiveLevel: "SOON", overrideReason: "Weight loss confirmed: see within the week" });
    expect((await list()).map((c) => c.id)).toEqual([]);
    const actions = (await listAudit(db, { subjectId: flaggedRoutine })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["case_reviewed", "level_overridden"]));
  });

  it("alerts the admins once when a review is overdue", async () => {
    const { db } = ctx();
    await ready(db);
    await staffMember(db, "admin");
    const soon = await intake(db, "P11");
    // Due at Wednesday's close, 32 hours after Tuesday 10:00.
    await alertOverdueCases(db, at(32 * 60 - 1));
    expect((await getIntake(db, soon))!.reviewOverdueAlertedAt).toBeNull();
    await alertOverdueCases(db, at(32 * 60 + 1));
    expect((await getIntake(db, soon))!.reviewOverdueAlertedAt).toEqual(at(32 * 60 + 1));
    expect(await alertOverdueCases(db, at(33 * 60))).toBe(0);
    expect((await listAudit(db, { subjectId: soon })).map((e) => e.action)).toContain("review_overdue_alert_queued");
  });
});

describeEachDb("closing an emergency or urgent case needs an outcome", (ctx) => {
  it("refuses to resolve without a logged call or a clinician's written reason; reception must log the call", async () => {
    const { db } = ctx();
    await ready(db);
    const reception = await staffMember(db, "reception");
    const clinician = await staffMember(db, "clinician");
    const a = await intake(db, "P07");
    const b = await intake(db, "P01");
    expect((await pageQueue(db, queueQuerySchema.parse({}), 50, NOW)).cases.find((c) => c.id === a)!.callDue).toBe(
      true,
    );

    expect(await resolveCase(db, reception, a, NOW)).toEqual({ status: "needs_outcome" });
    expect(await resolveCase(db, reception, a, NOW, { reason: "Reception thinks it is fine" })).toEqual({
      status: "needs_outcome",
    });
    expect((await getIntake(db, a))!.resolvedAt).toBeNull();

    await logCall(db, reception, a, { outcome: "went_to_ed", body: "" }, at(5));
    expect((await getIntake(db, a))!.firstCallAt).toEqual(at(5));
    expect((await pageQueue(db, queueQuerySchema.parse({}), 50, NOW)).cases.find((c) => c.id === a)!.callDue).toBe(
      false,
    );
    expect(await resolveCase(db, reception, a, at(6))).toEqual({ status: "done" });

    expect(
      await resolveCase(db, clinician, b, NOW, { reason: "Seen in person at the front desk, sent to ED" }),
    ).toEqual({
      status: "done",
    });
    expect((await getIntake(db, b))!.resolutionReason).toBe("Seen in person at the front desk, sent to ED");
  });

  it("a case raised to EMERGENCY after it was closed on a call needs a new call", async () => {
    const { db } = ctx();
    await ready(db);
    const reception = await staffMember(db, "reception");
    const clinician = await staffMember(db, "clinician");
    const id = await intake(db, "P07");
    await logCall(db, reception, id, { outcome: "no_answer", body: "" }, at(5));
    expect(await resolveCase(db, reception, id, at(6))).toEqual({ status: "done" });
    await overrideLevel(
      db,
      clinician,
      id,
      { level: "EMERGENCY", reason: "Patient rang back: new bladder symptoms" },
      at(60),
    );
    const row = (await getIntake(db, id))!;
    expect(row).toMatchObject({ resolvedAt: null, acknowledgedAt: null, firstCallAt: null, ackDueAt: at(75) });
    expect(await resolveCase(db, reception, id, at(61))).toEqual({ status: "needs_outcome" });
  });

  it("gives a 'no capacity' case the URGENT deadline", async () => {
    const { db } = ctx();
    await ready(db);
    const soon = await intake(db, "P11");
    expect(await escalateNoCapacity(db, soon, at(10))).toBe(true);
    const row = (await getIntake(db, soon))!;
    expect(row).toMatchObject({ escalated: true, escalationReason: "no_capacity" });
    expect(row.ackDueAt).toEqual(at(10 + 120));
  });
});

describeEachDb("deadlines follow the clinic's hours", (ctx) => {
  it("an EMERGENCY at 2 a.m. on a Saturday is due at Saturday's opening and marked out of hours", async () => {
    const { db } = ctx();
    await ready(db);
    const hours = await db.select().from(clinicHours);
    expect(hours.length).toBeGreaterThan(0); // the demo clinic has opening hours
    const saturday2am = new Date("2026-12-05T07:00:00Z"); // 02:00 in New York
    const id = await intake(db, "P01", saturday2am);
    const row = (await getIntake(db, id))!;
    expect(row.arrivedOutOfHours).toBe(true);
    expect(row.ackDueAt).toEqual(new Date("2026-12-05T14:00:00Z")); // Saturday 09:00 in New York
    const found = await viewCase(db, await staffMember(db, "clinician"), id);
    expect(found?.intake.arrivedOutOfHours).toBe(true);
  });
});
