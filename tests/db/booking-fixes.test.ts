// The booking bugs of issue 17, item 7: each test failed before its fix.
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { getIntake } from "@/db/queries/intakes";
import { upsertStaff } from "@/db/queries/staff";
import { appointments, outbox } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { handleCreateBooking, type BookingApiOptions } from "@/lib/booking/api";
import { findByManageToken, rescheduleAppointment } from "@/lib/booking/manage";
import { regradeBeforeReschedule } from "@/lib/booking/regrade";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { submitIntake } from "@/lib/intakes/submit";
import { bookUrgentForCase, overrideLevel, viewCase } from "@/lib/staff/cases";
import { signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

type DB = TestDb["db"];
// Tuesday 1 December 2026, 10:00 in New York.
const NOW = new Date("2026-12-01T15:00:00Z");
const ZONE = "America/New_York";
const SECRET = "test-secret-test-secret-test-secret-0123";
const RAMAN = DEMO_CLINICIANS[0].id;
const DAY = 24 * 3600_000;
let client = 0;
let n = 0;

const options = (now = NOW): BookingApiOptions => ({
  secret: SECRET,
  trustedProxies: 1,
  rateLimitPerMinute: 10_000,
  appUrl: "http://clinic.test",
  now: () => now,
});

async function intakeFor(db: DB, vignette: string, at = NOW) {
  const answers = makeIntakeAnswersSchema({ now: at }).parse(vignetteIntake(vignette, at));
  const result = await submitIntake(db, { answers, now: at, timeZone: ZONE });
  if (result.status === "key_conflict") throw new Error("unexpected");
  return {
    id: result.response.id,
    token: signToken(SECRET, "booking", result.response.id),
    level: result.response.level,
  };
}

/** A patient's own booking through the API; its manage token. */
async function book(db: DB, vignette: string, start: string) {
  const p = await intakeFor(db, vignette);
  const res = await handleCreateBooking(
    db,
    new Request("http://clinic.test/api/v1/bookings", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `10.9.0.${++client % 250}` },
      body: JSON.stringify({ bookingToken: p.token, appointmentTypeId: "initial", clinicianId: RAMAN, start }),
    }),
    options(),
  );
  expect(res.status).toBe(201);
  return { ...p, manageToken: (await res.json()).manageUrl.split("/").pop() as string };
}

async function staffMember(db: DB) {
  const email = `fix${++n}@clinic.test`;
  const { id } = await upsertStaff(db, { email, name: `Staff ${n}`, role: "clinician", passwordHash: "x" });
  return { id, email, clientAddress: "192.0.2.9" };
}

const calm = {
  cauda: { saddleNumbness: "no", bladderChange: "no", bowelChange: "no", sexualFunctionChange: "no" },
  legs: { weakness: "none", difficultyWalking: false },
  pain: { intensity: 5, pattern: "stable" },
};
const bladder = { ...calm, cauda: { ...calm.cauda, bladderChange: "yes" } };

describeEachDb("a move is not bound by the booking link's age", (ctx) => {
  it("moves an appointment 35 days after the intake by its manage link", async () => {
    const { db } = ctx();
    await seed(db);
    clearSettingsCaches();
    // Thursday 14 January 2027, 10:00 New York: 44 days ahead, within the 60-day horizon.
    const b = await book(db, "P15", "2027-01-14T15:00:00.000Z");
    const later = new Date(NOW.getTime() + 35 * DAY); // the booking link expired 5 days ago
    const moved = await rescheduleAppointment(db, {
      token: b.manageToken,
      clinicianId: RAMAN,
      start: new Date("2027-01-14T16:00:00.000Z"),
      now: later,
    });
    expect(moved.status).toBe("booked");
    expect((await findByManageToken(db, b.manageToken, later))?.startsAt.toISOString()).toBe(
      "2027-01-14T16:00:00.000Z",
    );
  });
});

describeEachDb("moving a staff-booked URGENT appointment", (ctx) => {
  it("moves only into the urgent type's reserved times within the urgent window", async () => {
    const { db } = ctx();
    await seed(db);
    clearSettingsCaches();
    const clinician = await staffMember(db);
    const p = await intakeFor(db, "P07");
    expect(p.level).toBe("URGENT");
    // Thursday 3 December 08:30 New York: Dr Raman's reserved urgent time; then 14:30 the same day.
    const first = [RAMAN, "2026-12-03T13:30:00.000Z"] as const;
    const second = [RAMAN, "2026-12-03T19:30:00.000Z"] as const;
    const booked = await bookUrgentForCase(
      db,
      clinician,
      p.id,
      { clinicianId: first![0], start: new Date(first![1]) },
      NOW,
    );
    if (booked.status !== "booked") throw new Error(booked.status);
    const token = booked.manageToken;
    // Beyond the urgent window (5 days): refused, nothing changes.
    const tooLate = await rescheduleAppointment(db, {
      token,
      clinicianId: RAMAN,
      start: new Date("2026-12-10T15:00:00.000Z"),
      now: NOW,
    });
    expect(tooLate.status).toBe("not_eligible");
    expect((await findByManageToken(db, token, NOW))?.id).toBe(booked.appointment.id);
    const moved = await rescheduleAppointment(db, {
      token,
      clinicianId: second![0],
      start: new Date(second![1]),
      now: NOW,
    });
    expect(moved.status).toBe("booked");
    const now = await findByManageToken(db, token, NOW);
    expect(now?.startsAt.toISOString()).toBe(new Date(second![1]).toISOString());
    expect(now?.typeId).toBe("urgent-review");
  });
  it("moves a staff-booked appointment whose case was lowered to ROUTINE into the grade's own type", async () => {
    const { db } = ctx();
    const clinician = await staffMember(db);
    const p = await intakeFor(db, "P07");
    // Friday 4 December 08:30 New York: Dr Raman's reserved urgent time.
    const booked = await bookUrgentForCase(
      db,
      clinician,
      p.id,
      { clinicianId: RAMAN, start: new Date("2026-12-04T13:30:00.000Z") },
      NOW,
    );
    if (booked.status !== "booked") throw new Error(booked.status);
    await overrideLevel(db, clinician, p.id, { level: "ROUTINE", reason: "Phoned: settled, routine review" }, NOW);
    const moved = await rescheduleAppointment(db, {
      token: booked.manageToken,
      clinicianId: RAMAN,
      start: new Date("2026-12-10T15:00:00.000Z"),
      now: NOW,
    });
    expect(moved.status).toBe("booked");
    expect((await findByManageToken(db, booked.manageToken, NOW))?.typeId).toBe("initial");
  });
});

describeEachDb("an escalating re-grade", (ctx) => {
  it("links to the first intake, shows its appointment on the new case, withdraws the reminder, and stops moves", async () => {
    const { db } = ctx();
    await seed(db);
    clearSettingsCaches();
    const b = await book(db, "P15", "2026-12-17T15:00:00.000Z");
    const appointment = await findByManageToken(db, b.manageToken, NOW);
    const reminders = () =>
      db
        .select({ status: outbox.status })
        .from(outbox)
        .where(and(eq(outbox.appointmentId, appointment!.id), eq(outbox.kind, "appointment_reminder")));
    expect((await reminders()).map((r) => r.status)).toEqual(["pending"]);

    const result = await regradeBeforeReschedule(db, { token: b.manageToken, now: NOW, recheck: bladder });
    expect(result).toMatchObject({ status: "graded", level: "EMERGENCY" });
    if (result.status !== "graded") return;
    expect((await getIntake(db, result.intakeId))?.previousIntakeId).toBe(b.id);

    // The appointment stays booked (the clinic calls), its reminder is withdrawn, audited.
    expect((await db.select().from(appointments).where(eq(appointments.id, appointment!.id)))[0]?.status).toBe(
      "booked",
    );
    expect((await reminders()).map((r) => r.status)).toEqual(["cancelled"]);
    expect(await listAudit(db, { action: "appointment_reminder_withdrawn" })).toHaveLength(1);

    // The new case names the first intake and shows the appointment still booked from it.
    const clinician = await staffMember(db);
    const view = await viewCase(db, clinician, result.intakeId);
    expect(view?.previous?.id).toBe(b.id);
    expect(view?.earlierBookings.map((a) => [a.id, a.status])).toEqual([[appointment!.id, "booked"]]);

    // Back on the manage link ("nothing got worse"): the newest grade applies, EMERGENCY books nothing.
    const move = await rescheduleAppointment(db, {
      token: b.manageToken,
      clinicianId: RAMAN,
      start: new Date("2026-12-18T16:00:00.000Z"),
      now: NOW,
    });
    expect(move.status).toBe("not_eligible");
    expect((await findByManageToken(db, b.manageToken, NOW))?.id).toBe(appointment!.id);
  });

  it("holds an URGENT re-grade to the urgent window, and refuses a stale re-grade once a newer one exists", async () => {
    const { db } = ctx();
    const b = await book(db, "P15", "2026-12-17T16:00:00.000Z");
    const soon = await regradeBeforeReschedule(db, {
      token: b.manageToken,
      now: NOW,
      recheck: { ...calm, legs: { weakness: "one_leg_worsening", difficultyWalking: false } },
    });
    if (soon.status !== "graded") throw new Error(soon.status);
    // Day 21 is beyond the urgent window (5 days): refused.
    const far = await rescheduleAppointment(db, {
      token: b.manageToken,
      clinicianId: RAMAN,
      start: new Date("2026-12-22T16:00:00.000Z"),
      now: NOW,
    });
    expect(soon.level).toBe("URGENT"); // new worsening weakness in one leg
    expect(far.status).toBe("not_eligible");
    // A minute later (re-grades of one appointment are told apart by when they were made).
    const minuteLater = new Date(NOW.getTime() + 60_000);
    const newer = await regradeBeforeReschedule(db, { token: b.manageToken, now: minuteLater, recheck: calm });
    if (newer.status !== "graded") throw new Error(newer.status);
    const stale = await rescheduleAppointment(db, {
      token: b.manageToken,
      clinicianId: RAMAN,
      start: new Date("2026-12-21T16:00:00.000Z"),
      now: minuteLater,
      regradedIntakeId: soon.intakeId,
    });
    expect(stale.status).toBe("not_found");
  });
});
