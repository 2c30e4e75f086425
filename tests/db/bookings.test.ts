import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { intakes } from "@/db/schema";
import { seed, DEMO_CLINICIANS } from "@/db/seed";
import { handleCreateBooking, handleListSlots, type BookingApiOptions } from "@/lib/booking/api";
import { cancelAppointment, findByManageToken, rescheduleAppointment } from "@/lib/booking/manage";
import { submitIntake } from "@/lib/intakes/submit";
import { signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

// Tuesday 1 December 2026, 08:00 in New York.
const NOW = new Date("2026-12-01T13:00:00Z");
const SECRET = "test-secret-test-secret-test-secret-0123";
const RAMAN = DEMO_CLINICIANS[0].id;
let client = 0;

const options = (now = NOW): BookingApiOptions => ({
  secret: SECRET,
  trustedProxies: 1,
  rateLimitPerMinute: 10_000,
  appUrl: "http://clinic.test",
  now: () => now,
});

/** A graded intake for a vignette, and its booking token. */
async function intakeFor(db: TestDb["db"], vignette: string, at = NOW) {
  const answers = makeIntakeAnswersSchema({ now: at }).parse(vignetteIntake(vignette, at));
  const result = await submitIntake(db, { answers, now: at, timeZone: "America/New_York" });
  if (result.status === "key_conflict") throw new Error("unexpected");
  return {
    id: result.response.id,
    token: signToken(SECRET, "booking", result.response.id),
    level: result.response.level,
  };
}

const get = (query: string) =>
  new Request(`http://clinic.test/api/v1/slots?${query}`, {
    headers: { "x-forwarded-for": `10.1.0.${++client % 250}` },
  });
const post = (body: unknown) =>
  new Request("http://clinic.test/api/v1/bookings", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `10.2.${(++client >> 8) % 250}.${client % 250}` },
    body: JSON.stringify(body),
  });

type SlotJson = { start: string; end: string; clinicianId: string; appointmentTypeId: string };
async function slotsFor(
  db: TestDb["db"],
  token: string,
  from = "2026-12-02",
  days = 1,
  now = NOW,
): Promise<SlotJson[]> {
  const res = await handleListSlots(
    db,
    get(`bookingToken=${encodeURIComponent(token)}&from=${from}&days=${days}`),
    options(now),
  );
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body.timeZone).toBe("America/New_York");
  return body.slots;
}

describeEachDb("booking", (ctx) => {
  it("offers a ROUTINE patient times in the clinic's hours, as instants", async () => {
    const { db } = ctx();
    await seed(db);
    const { token, level } = await intakeFor(db, "P15");
    expect(level).toBe("ROUTINE");
    const slots = await slotsFor(db, token);
    const raman = slots.filter((s) => s.clinicianId === RAMAN).map((s) => s.start);
    // Wednesday 2 December: 08:30–12:30 and 13:30–17:00 New York (UTC−5). The first hour
    // (08:30, 45 min + 15 min buffer) is kept for urgent cases until noon, so 09:30 comes first.
    expect(raman[0]).toBe("2026-12-02T14:30:00.000Z"); // 09:30 local
    expect(raman).not.toContain("2026-12-02T13:30:00.000Z"); // 08:30 local: the urgent reserve
    expect(raman).toContain("2026-12-02T18:30:00.000Z"); // 13:30 local, after lunch
    expect(raman).not.toContain("2026-12-02T17:45:00.000Z"); // 12:45 local: lunch
    expect(slots.every((s) => s.appointmentTypeId === "initial")).toBe(true);
  });

  it("lets exactly one of 50 patients racing for one slot have it; the others get 409 slot_taken", async () => {
    const { db } = ctx();
    const patients = [];
    for (let i = 0; i < 50; i++) patients.push(await intakeFor(db, "P15"));
    const start = "2026-12-03T15:00:00.000Z"; // Thursday 10:00 New York
    const results = await Promise.all(
      patients.map((p) =>
        handleCreateBooking(
          db,
          post({ bookingToken: p.token, appointmentTypeId: "initial", clinicianId: RAMAN, start }),
          options(),
        ),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const refused = await results.find((r) => r.status === 409)!.json();
    expect(refused.error).toBe("slot_taken");
  });

  it("refuses an overlapping booking with a different start time, but allows buffers that only touch", async () => {
    const { db } = ctx();
    const first = await intakeFor(db, "P16");
    const start = "2026-12-04T15:00:00.000Z"; // Friday 10:00, 45 min + 15 min buffer: blocks until 11:00
    expect(
      (
        await handleCreateBooking(
          db,
          post({ bookingToken: first.token, appointmentTypeId: "initial", clinicianId: RAMAN, start }),
          options(),
        )
      ).status,
    ).toBe(201);
    const second = await intakeFor(db, "P16");
    const overlapping = await handleCreateBooking(
      db,
      post({
        bookingToken: second.token,
        appointmentTypeId: "initial",
        clinicianId: RAMAN,
        start: "2026-12-04T15:30:00.000Z",
      }),
      options(),
    );
    expect(overlapping.status).toBe(409);
    const touching = await handleCreateBooking(
      db,
      post({
        bookingToken: second.token,
        appointmentTypeId: "initial",
        clinicianId: RAMAN,
        start: "2026-12-04T16:00:00.000Z",
      }),
      options(),
    );
    expect(touching.status).toBe(201);
  });

  it("allows one active booking per intake", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P19");
    const book = (start: string) =>
      handleCreateBooking(
        db,
        post({ bookingToken: p.token, appointmentTypeId: "initial", clinicianId: RAMAN, start }),
        options(),
      );
    expect((await book("2026-12-07T15:00:00.000Z")).status).toBe(201);
    const again = await book("2026-12-08T15:00:00.000Z");
    expect(again.status).toBe(409);
    expect((await again.json()).error).toBe("already_booked");
  });

  it("offers a SOON patient nothing beyond 7 days, and refuses a booking on day 8", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P12");
    expect(p.level).toBe("SOON");
    const slots = await slotsFor(db, p.token, "2026-12-01", 14);
    const limit = NOW.getTime() + 7 * 24 * 3600_000;
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => new Date(s.start).getTime() < limit)).toBe(true);
    const day8 = await handleCreateBooking(
      db,
      post({
        bookingToken: p.token,
        appointmentTypeId: "initial",
        clinicianId: RAMAN,
        start: "2026-12-09T15:00:00.000Z",
      }),
      options(),
    );
    expect(day8.status).toBe(422);
  });

  it("never lets an EMERGENCY or URGENT result book, and refuses forged or expired links", async () => {
    const { db } = ctx();
    for (const vignette of ["P01", "P07"]) {
      const p = await intakeFor(db, vignette);
      const res = await handleCreateBooking(
        db,
        post({
          bookingToken: p.token,
          appointmentTypeId: "initial",
          clinicianId: RAMAN,
          start: "2026-12-03T19:00:00.000Z",
        }),
        options(),
      );
      expect(res.status).toBe(422);
      expect((await handleListSlots(db, get(`bookingToken=${encodeURIComponent(p.token)}`), options())).status).toBe(
        422,
      );
    }
    const p = await intakeFor(db, "P15");
    const forged = p.token.slice(0, -2) + (p.token.endsWith("A") ? "BB" : "AA");
    expect(
      (
        await handleCreateBooking(
          db,
          post({
            bookingToken: forged,
            appointmentTypeId: "initial",
            clinicianId: RAMAN,
            start: "2026-12-03T19:00:00.000Z",
          }),
          options(),
        )
      ).status,
    ).toBe(401);
    const later = new Date(NOW.getTime() + 31 * 24 * 3600_000);
    expect((await handleListSlots(db, get(`bookingToken=${encodeURIComponent(p.token)}`), options(later))).status).toBe(
      410,
    );
  });

  it("answers malformed requests with 400 and field errors", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P15");
    const bad = await handleCreateBooking(
      db,
      post({ bookingToken: p.token, appointmentTypeId: "initial", clinicianId: "nope", start: "tomorrow" }),
      options(),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fieldErrors)).toEqual(expect.arrayContaining(["clinicianId", "start"]));
    expect(
      (await handleListSlots(db, get(`bookingToken=${encodeURIComponent(p.token)}&days=99`), options())).status,
    ).toBe(400);
  });

  it("cancels and reschedules by manage link before the cut-off, keeps history, and refuses after it", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P15");
    const res = await handleCreateBooking(
      db,
      post({
        bookingToken: p.token,
        appointmentTypeId: "initial",
        clinicianId: RAMAN,
        start: "2026-12-10T15:00:00.000Z",
      }),
      options(),
    );
    const booked = await res.json();
    const token = booked.manageUrl.split("/").pop();
    expect(await findByManageToken(db, token, NOW)).toMatchObject({ id: booked.id });

    const moved = await rescheduleAppointment(db, {
      token,
      clinicianId: RAMAN,
      start: new Date("2026-12-10T16:00:00.000Z"),
      now: NOW,
    });
    expect(moved.status).toBe("booked");
    const current = await findByManageToken(db, token, NOW);
    expect(current?.startsAt.toISOString()).toBe("2026-12-10T16:00:00.000Z");
    expect(current?.id).not.toBe(booked.id);

    // Less than 24 h before the appointment: changes are refused on the server.
    const dayBefore = new Date("2026-12-09T17:00:00.000Z");
    expect(await cancelAppointment(db, { token, reason: "feeling better", now: dayBefore })).toEqual({
      status: "too_late",
    });
    expect(await cancelAppointment(db, { token, reason: "feeling better", now: NOW })).toEqual({ status: "done" });
    // A used, forged or expired link opens nothing.
    expect(await findByManageToken(db, token, NOW)).toBeNull();
    expect(await cancelAppointment(db, { token, reason: "again", now: NOW })).toEqual({ status: "not_found" });
    expect(await findByManageToken(db, "x".repeat(43), NOW)).toBeNull();
  });
});

describeEachDb("urgent capacity", (ctx) => {
  it("staff can book an URGENT case into the reserved morning slot that patients are not offered", async () => {
    const { db } = ctx();
    await seed(db);
    const urgent = await intakeFor(db, "P07");
    expect(urgent.level).toBe("URGENT");
    const { bookUrgentSlot } = await import("@/lib/booking/book");
    const { getIntake } = await import("@/db/queries/intakes");
    const intake = (await getIntake(db, urgent.id))!;
    // Wednesday 2 December 08:30 New York: Dr Raman's reserved urgent slot, before its noon release.
    const start = new Date("2026-12-02T13:30:00.000Z");
    const routine = await intakeFor(db, "P15");
    expect(
      (await slotsFor(db, routine.token)).some((s) => s.start === start.toISOString() && s.clinicianId === RAMAN),
    ).toBe(false);
    const result = await bookUrgentSlot(db, { intake, clinicianId: RAMAN, start, now: NOW, typeId: "urgent-review" });
    expect(result.status).toBe("booked");
    // A patient's intake cannot use the staff path, nor can staff book an EMERGENCY case as if it were urgent.
    const emergency = (await getIntake(db, (await intakeFor(db, "P01")).id))!;
    expect(
      (
        await bookUrgentSlot(db, {
          intake: emergency,
          clinicianId: RAMAN,
          start: new Date("2026-12-02T14:30:00.000Z"),
          now: NOW,
          typeId: "urgent-review",
        })
      ).status,
    ).toBe("not_eligible");
  });
});

describeEachDb("booking with an Idempotency-Key", (ctx) => {
  it("replays the same appointment for a retried request, and refuses the key with another body", async () => {
    const { db } = ctx();
    await seed(db);
    const p = await intakeFor(db, "P15");
    const body = {
      bookingToken: p.token,
      appointmentTypeId: "initial",
      clinicianId: RAMAN,
      start: "2026-12-11T15:00:00.000Z",
    };
    const keyed = (b: unknown, key: string) => {
      const r = post(b);
      r.headers.set("idempotency-key", key);
      return r;
    };
    const first = await handleCreateBooking(db, keyed(body, "book-1"), options());
    expect(first.status).toBe(201);
    const a = await first.json();
    const again = await handleCreateBooking(db, keyed(body, "book-1"), options());
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const b = await again.json();
    expect(b.id).toBe(a.id);
    // The replay carries no link (only its hash is kept); the first one, also in the email, still works.
    expect(b.manageUrl).toBeNull();
    expect(await findByManageToken(db, a.manageUrl.split("/").pop(), NOW)).toMatchObject({ id: a.id });
    const other = await handleCreateBooking(
      db,
      keyed({ ...body, start: "2026-12-11T16:00:00.000Z" }, "book-1"),
      options(),
    );
    expect(other.status).toBe(422);
  });
});

describeEachDb("the database itself", (ctx) => {
  it("refuses two overlapping appointments of one clinician even when the application does not check", async () => {
    const { db } = ctx();
    await seed(db);
    const { appointments } = await import("@/db/schema");
    const { pgCode } = await import("@/lib/booking/book");
    const { eq } = await import("drizzle-orm");
    const a = await intakeFor(db, "P15");
    const b = await intakeFor(db, "P16");
    const row = (intakeId: string, blocked: string) => ({
      intakeId,
      seriesId: crypto.randomUUID(),
      clinicianId: RAMAN,
      appointmentTypeId: "initial",
      blocked,
      startsAt: new Date(blocked.slice(1, 25)),
      endsAt: new Date(new Date(blocked.slice(1, 25)).getTime() + 45 * 60_000),
    });
    const [first] = await db
      .insert(appointments)
      .values(row(a.id, "[2026-12-14T15:00:00.000Z,2026-12-14T16:00:00.000Z)"))
      .returning();
    const clash = await db
      .insert(appointments)
      .values(row(b.id, "[2026-12-14T15:59:00.000Z,2026-12-14T17:00:00.000Z)"))
      .catch((e: unknown) => e);
    expect(pgCode(clash)).toBe("23P01");
    // Touching ranges are fine; a cancelled appointment no longer holds its time.
    await db.insert(appointments).values(row(b.id, "[2026-12-14T16:00:00.000Z,2026-12-14T17:00:00.000Z)"));
    await db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, first!.id));
    const c = await intakeFor(db, "P19");
    await db.insert(appointments).values(row(c.id, "[2026-12-14T15:00:00.000Z,2026-12-14T15:59:00.000Z)"));
  });
});

describeEachDb("the shared offer", (ctx) => {
  it("stops listing a time as soon as this server books it", async () => {
    const { db } = ctx();
    await seed(db);
    const p = await intakeFor(db, "P15");
    const q = await intakeFor(db, "P16");
    const before = await slotsFor(db, p.token, "2026-12-15");
    const taken = before.find((s) => s.clinicianId === RAMAN)!;
    const res = await handleCreateBooking(
      db,
      post({ bookingToken: p.token, appointmentTypeId: "initial", clinicianId: RAMAN, start: taken.start }),
      options(),
    );
    expect(res.status).toBe(201);
    const after = await slotsFor(db, q.token, "2026-12-15");
    expect(after.some((s) => s.clinicianId === RAMAN && s.start === taken.start)).toBe(false);
  });
});

describeEachDb("rescheduling when something got worse", (ctx) => {
  const calm = {
    cauda: { saddleNumbness: "no", bladderChange: "no", bowelChange: "no", sexualFunctionChange: "no" },
    legs: { weakness: "none", difficultyWalking: false },
    pain: { intensity: 5, pattern: "stable" },
  };

  const hours = ["15:00", "16:00", "18:30", "19:30", "20:30", "21:15"]; // 10:00 to 16:15 New York, after lunch
  let next = 0;
  async function booked(db: TestDb["db"]) {
    const p = await intakeFor(db, "P15");
    const start = `2026-12-17T${hours[next++]}:00.000Z`; // Thursday, a new time each test
    const res = await handleCreateBooking(
      db,
      post({ bookingToken: p.token, appointmentTypeId: "initial", clinicianId: RAMAN, start }),
      options(),
    );
    expect(res.status).toBe(201);
    return { ...p, manageToken: (await res.json()).manageUrl.split("/").pop() as string };
  }

  it("re-grades as a new intake linked to the first; new bladder trouble escalates to EMERGENCY", async () => {
    const { db } = ctx();
    await seed(db);
    const { regradeBeforeReschedule } = await import("@/lib/booking/regrade");
    const { getIntake } = await import("@/db/queries/intakes");
    const b = await booked(db);
    const result = await regradeBeforeReschedule(db, {
      token: b.manageToken,
      now: NOW,
      recheck: { ...calm, cauda: { ...calm.cauda, bladderChange: "yes" } },
    });
    expect(result).toMatchObject({ status: "graded", level: "EMERGENCY", canBook: false });
    if (result.status !== "graded") return;
    const regraded = await getIntake(db, result.intakeId);
    expect(regraded).toMatchObject({ previousIntakeId: b.id, escalated: true });
    expect(regraded?.firedRules).toContain("E1");
    expect((await getIntake(db, b.id))?.level).toBe("ROUTINE"); // the first grade is never changed
  });

  it("moves the appointment under the new grade, and refuses someone else's grade", async () => {
    const { db } = ctx();
    const { regradeBeforeReschedule } = await import("@/lib/booking/regrade");
    const b = await booked(db);
    const result = await regradeBeforeReschedule(db, { token: b.manageToken, now: NOW, recheck: calm });
    expect(result).toMatchObject({ status: "graded", canBook: true });
    if (result.status !== "graded") return;
    const stranger = await intakeFor(db, "P19");
    const refused = await rescheduleAppointment(db, {
      token: b.manageToken,
      clinicianId: RAMAN,
      start: new Date("2026-12-18T19:00:00.000Z"),
      now: NOW,
      regradedIntakeId: stranger.id,
    });
    expect(refused.status).toBe("not_found");
    const moved = await rescheduleAppointment(db, {
      token: b.manageToken,
      clinicianId: RAMAN,
      start: new Date("2026-12-18T19:00:00.000Z"),
      now: NOW,
      regradedIntakeId: result.intakeId,
    });
    expect(moved.status).toBe("booked");
    expect((await findByManageToken(db, b.manageToken, NOW))?.intakeId).toBe(result.intakeId);
  });

  it("counts a symptom reported now as new today and getting worse: new unsteady-or-unknown walking is a spinal cord emergency", async () => {
    const { db } = ctx();
    const { regradeBeforeReschedule } = await import("@/lib/booking/regrade");
    const { getIntake } = await import("@/db/queries/intakes");
    const b = await booked(db);
    const result = await regradeBeforeReschedule(db, {
      token: b.manageToken,
      now: NOW,
      recheck: { ...calm, legs: { ...calm.legs, difficultyWalking: true } },
    });
    expect(result).toMatchObject({ status: "graded", level: "EMERGENCY" });
    if (result.status !== "graded") return;
    const legs = ((await getIntake(db, result.intakeId))?.answers as { legs: Record<string, unknown> }).legs;
    expect(legs).toMatchObject({
      difficultyWalking: true,
      walkingKinds: ["unsure"],
      onsetDays: expect.objectContaining({ walking: 0 }),
      worsening: true,
    });
  });

  it("asks for the whole form again when the first intake was graded under an older ruleset", async () => {
    const { db } = ctx();
    const { regradeBeforeReschedule } = await import("@/lib/booking/regrade");
    const b = await booked(db);
    await db.update(intakes).set({ rulesetVersion: "2026.11" }).where(eq(intakes.id, b.id));
    expect(await regradeBeforeReschedule(db, { token: b.manageToken, now: NOW, recheck: calm })).toEqual({
      status: "refill",
    });
  });

  it("asks again when an answer is missing", async () => {
    const { db } = ctx();
    const { regradeBeforeReschedule } = await import("@/lib/booking/regrade");
    const b = await booked(db);
    const result = await regradeBeforeReschedule(db, {
      token: b.manageToken,
      now: NOW,
      recheck: { ...calm, pain: { pattern: "stable" } },
    });
    expect(result.status).toBe("invalid");
  });
});
