// Staff book, move and cancel for a patient who calls (issue 17, items 3 and 8).
import { and, eq, isNotNull } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAudit } from "@/db/queries/audit";
import { upsertStaff } from "@/db/queries/staff";
import { appointments, intakes, outbox, patients } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { findByManageToken } from "@/lib/booking/manage";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { env } from "@/lib/env";
import { jsonError } from "@/lib/http";
import { submitIntake } from "@/lib/intakes/submit";
import {
  bookForCaller,
  callerForBooking,
  cancelForCaller,
  moveForCaller,
  viewStaffAppointment,
} from "@/lib/staff/caller-booking";
import { bookUrgentForCase } from "@/lib/staff/cases";
import { bookForCallerApi, cancelForCallerApi, moveForCallerApi } from "@/lib/staff/caller-booking-api";
import type { Staff } from "@/lib/staff/session";
import { openSecret } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb } from "./support";

// Tuesday 1 December 2026, 10:00 in New York.
const NOW = new Date("2026-12-01T15:00:00Z");
const HOUR = 3600_000;
const RAMAN = DEMO_CLINICIANS[0].id;
const OKAFOR = DEMO_CLINICIANS[1].id;
// Thursday 3 December, 10:00 and 11:00 New York; Wednesday 2 December 10:00; Tuesday 15 December 10:00.
const THU_10 = "2026-12-03T15:00:00.000Z";
const THU_11 = "2026-12-03T16:00:00.000Z";
const WED_10 = "2026-12-02T15:00:00.000Z";
const IN_14_DAYS = "2026-12-15T15:00:00.000Z";
const IN_14_DAYS_11AM = "2026-12-15T16:00:00.000Z";
const FRI_10 = "2026-12-04T15:00:00.000Z";
const MON_10 = "2026-12-07T15:00:00.000Z";
const MON_11 = "2026-12-07T16:00:00.000Z";
let n = 0;

async function patientWith(db: Db, vignette: string) {
  const tag = `caller${++n}`;
  const raw = vignetteIntake(vignette, NOW) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, firstName: "Nadia", lastName: `Okoro${tag}`, email: `${tag}@example.com` };
  const r = await submitIntake(db, {
    answers: makeIntakeAnswersSchema({ now: NOW }).parse(raw),
    now: NOW,
    timeZone: "America/New_York",
  });
  if (r.status === "key_conflict") throw new Error("unexpected");
  const [row] = await db.select({ patientId: intakes.patientId }).from(intakes).where(eq(intakes.id, r.response.id));
  return { intakeId: r.response.id, patientId: row!.patientId, email: `${tag}@example.com` };
}

async function receptionist(db: Db): Promise<Staff> {
  const email = `desk${++n}@clinic.test`;
  const { id } = await upsertStaff(db, { email, name: `Desk ${n}`, role: "reception", passwordHash: "x" });
  return { id, email, name: `Desk ${n}`, role: "reception", clientAddress: "192.0.2.77", sessionId: "s" };
}

async function ready(db: Db) {
  await seed(db);
  clearSettingsCaches();
}

/** The emails queued to an address, oldest first, with the manage link's token opened. */
async function emailsTo(db: Db, recipient: string) {
  // The appointment's emails (an intake also queues its recovery check-ins).
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, recipient), isNotNull(outbox.appointmentId)))
    .orderBy(outbox.createdAt);
  return rows.map((r) => {
    const sealed = (r.payload as { manageToken?: string }).manageToken;
    return { kind: r.kind, status: r.status, token: sealed ? openSecret(env().AUTH_SECRET, sealed) : null };
  });
}

const book = (
  patientId: string,
  start: string,
  extra: { reason?: string; type?: string; clinician?: string } = {},
) => ({
  patientId,
  appointmentTypeId: extra.type ?? "initial",
  clinicianId: extra.clinician ?? RAMAN,
  start: new Date(start),
  reason: extra.reason,
});

describeEachDb("staff booking for a caller", (ctx) => {
  it("books a time inside the patient's level with no reason, emails a manage link that works, and audits it", async () => {
    const { db } = ctx();
    await ready(db);
    const desk = await receptionist(db);
    const p = await patientWith(db, "P10"); // SOON: initial assessment within 7 days
    const caller = await callerForBooking(db, p.patientId, { now: NOW });
    expect(caller.status === "ok" && caller.allowance).toMatchObject({ level: "SOON", withinDays: 7, selfBook: true });

    const r = await bookForCaller(db, desk, book(p.patientId, THU_10), NOW);
    if (r.status !== "booked") throw new Error(r.status);
    expect(r.outsideLevel).toBe(false);
    const [row] = await db.select().from(appointments).where(eq(appointments.id, r.appointment.id));
    expect(row).toMatchObject({ bookedByStaffId: desk.id, outsideLevelReason: null, intakeId: p.intakeId });

    const [confirmation] = await emailsTo(db, p.email);
    expect(confirmation?.kind).toBe("booking_confirmation");
    expect((await findByManageToken(db, confirmation!.token!, NOW))?.id).toBe(r.appointment.id);

    const [audit] = await listAudit(db, { action: "appointment_booked", subjectId: r.appointment.id });
    expect(audit).toMatchObject({ actorId: desk.id, actorEmail: desk.email });
    expect(audit?.after).toMatchObject({ via: "staff", outsideLevel: false, patientId: p.patientId });
  });

  it("asks for a reason outside the level, then stores it with the appointment and in the audit row", async () => {
    const { db } = ctx();
    await ready(db);
    const desk = await receptionist(db);
    const p = await patientWith(db, "P10"); // SOON: 14 days ahead is outside
    expect((await bookForCaller(db, desk, book(p.patientId, IN_14_DAYS), NOW)).status).toBe("needs_reason");
    // The urgent type is for URGENT patients only.
    expect(
      (await bookForCaller(db, desk, book(p.patientId, THU_10, { type: "urgent-review", clinician: OKAFOR }), NOW))
        .status,
    ).toBe("needs_reason");
    expect(await db.select().from(appointments).where(eq(appointments.intakeId, p.intakeId))).toHaveLength(0);

    const reason = "Patient travelling until the 14th";
    const r = await bookForCaller(db, desk, book(p.patientId, IN_14_DAYS, { reason }), NOW);
    if (r.status !== "booked") throw new Error(r.status);
    expect(r.outsideLevel).toBe(true);
    const [row] = await db.select().from(appointments).where(eq(appointments.id, r.appointment.id));
    expect(row?.outsideLevelReason).toBe(reason);
    const [audit] = await listAudit(db, { action: "appointment_booked", subjectId: r.appointment.id });
    expect(audit).toMatchObject({ actorId: desk.id, reason });
    expect(audit?.after).toMatchObject({ outsideLevel: true });
  });

  it("answers a taken time with other times, and a second booking for the same episode with the one booked", async () => {
    const { db } = ctx();
    await ready(db);
    const desk = await receptionist(db);
    const first = await patientWith(db, "P15");
    const second = await patientWith(db, "P15");
    const booked = await bookForCaller(db, desk, book(first.patientId, THU_11), NOW);
    expect(booked.status).toBe("booked");
    const taken = await bookForCaller(db, desk, book(second.patientId, THU_11), NOW);
    if (taken.status !== "slot_taken") throw new Error(taken.status);
    expect(taken.alternatives.length).toBeGreaterThan(0);
    expect(taken.alternatives.every((s) => s.start.toISOString() !== THU_11)).toBe(true);
    const again = await bookForCaller(db, desk, book(first.patientId, IN_14_DAYS), NOW);
    expect(again).toEqual({
      status: "already_booked",
      appointmentId: booked.status === "booked" ? booked.appointment.id : null,
    });
  });

  it("finds the patient's appointment still to come from an earlier episode; one that is over does not count", async () => {
    const { db } = ctx();
    await ready(db);
    const desk = await receptionist(db);
    const first = await patientWith(db, "P15");
    const thursday = await bookForCaller(
      db,
      desk,
      book(first.patientId, "2026-12-03T20:00:00.000Z", { clinician: OKAFOR }),
      NOW,
    );
    if (thursday.status !== "booked") throw new Error(thursday.status);
    // The same person fills in the form again (a new episode, not a re-grade): the same record.
    const hourLater = new Date(NOW.getTime() + HOUR);
    const raw = vignetteIntake("P15", hourLater) as { contact: Record<string, unknown> };
    raw.contact = { ...raw.contact, firstName: "Nadia", lastName: "Again", email: first.email };
    const again = await submitIntake(db, {
      answers: makeIntakeAnswersSchema({ now: hourLater }).parse(raw),
      now: hourLater,
      timeZone: "America/New_York",
    });
    if (again.status === "key_conflict") throw new Error("unexpected");
    const [row] = await db
      .select({ patientId: intakes.patientId })
      .from(intakes)
      .where(eq(intakes.id, again.response.id));
    expect(row!.patientId).toBe(first.patientId);
    expect(
      await bookForCaller(db, desk, book(first.patientId, "2026-12-15T21:00:00.000Z", { clinician: OKAFOR }), NOW),
    ).toEqual({
      status: "already_booked",
      appointmentId: thursday.appointment.id,
    });
    // (Sam Okafor: Thursday 3 December 3 pm, then Tuesday 15 December 3 and 4 pm, New York.)
    // On Friday Thursday's appointment is over (never marked): it no longer stands in the way.
    const friday = new Date(FRI_10);
    const later = await bookForCaller(
      db,
      desk,
      book(first.patientId, "2026-12-15T20:00:00.000Z", { clinician: OKAFOR }),
      friday,
    );
    expect(later.status).toBe("booked");
    // Now that one (on the newest intake) is over too, still marked booked: a new booking is refused
    // with it named, for staff to open and mark, not with nothing to open.
    if (later.status !== "booked") throw new Error(later.status);
    const weekAfter = new Date("2026-12-16T15:00:00.000Z");
    expect(await callerForBooking(db, first.patientId, { now: weekAfter })).toMatchObject({
      booked: { id: later.appointment.id },
    });
    expect(
      await bookForCaller(
        db,
        desk,
        book(first.patientId, "2026-12-22T20:00:00.000Z", { clinician: OKAFOR }),
        weekAfter,
      ),
    ).toEqual({ status: "already_booked", appointmentId: later.appointment.id });
  });

  it("refuses an erased patient and one with no intake", async () => {
    const { db } = ctx();
    await ready(db);
    const desk = await receptionist(db);
    const p = await patientWith(db, "P15");
    await db.update(patients).set({ erasedAt: NOW }).where(eq(patients.id, p.patientId));
    expect((await bookForCaller(db, desk, book(p.patientId, THU_10), NOW)).status).toBe("erased");
    const [bare] = await db
      .insert(patients)
      .values({
        firstName: "No",
        lastName: "Intake",
        email: `bare${++n}@example.com`,
        phone: "555 0100",
        dateOfBirth: "1980-01-01",
        sex: "female",
      })
      .returning({ id: patients.id });
    expect((await bookForCaller(db, desk, book(bare!.id, THU_10), NOW)).status).toBe("no_intake");
    expect(await db.select().from(appointments).where(eq(appointments.intakeId, p.intakeId))).toHaveLength(0);
  });

  it("moves an appointment: the moved email keeps the patient's link, and the move is audited with the reason", async () => {
    const { db } = ctx();
    await ready(db);
    const desk = await receptionist(db);
    const p = await patientWith(db, "P15");
    const r = await bookForCaller(db, desk, book(p.patientId, MON_10), NOW);
    if (r.status !== "booked") throw new Error(r.status);
    const token = (await emailsTo(db, p.email))[0]!.token!;

    const reason = "Patient called: can only come at 11";
    const moved = await moveForCaller(
      db,
      desk,
      r.appointment.id,
      { start: new Date(MON_11), clinicianId: OKAFOR, reason },
      NOW,
    );
    if (moved.status !== "booked") throw new Error(moved.status);
    const now = await findByManageToken(db, token, NOW);
    expect(now?.id).toBe(moved.appointment.id);
    expect(now?.clinicianId).toBe(OKAFOR);
    const emails = await emailsTo(db, p.email);
    const rescheduled = emails.find((e) => e.kind === "booking_rescheduled");
    expect(rescheduled?.token).toBe(token);
    const [old] = await db.select().from(appointments).where(eq(appointments.id, r.appointment.id));
    expect(old?.status).toBe("rescheduled");
    const [audit] = await listAudit(db, { action: "appointment_moved", subjectId: moved.appointment.id });
    expect(audit).toMatchObject({ actorId: desk.id, reason });
    expect(audit?.after).toMatchObject({ via: "staff" });
  });

  it("cancels inside the cut-off as late, emails the patient and audits the reason; a second cancel is refused", async () => {
    const { db } = ctx();
    await ready(db);
    const desk = await receptionist(db);
    const p = await patientWith(db, "P15");
    const r = await bookForCaller(db, desk, book(p.patientId, WED_10), NOW);
    if (r.status !== "booked") throw new Error(r.status);
    const later = new Date(NOW.getTime() + 2 * HOUR); // 22 hours before: inside the 24-hour cut-off
    const reason = "Patient unwell, will call back";
    expect(await cancelForCaller(db, desk, r.appointment.id, { reason }, later)).toEqual({
      status: "done",
      late: true,
    });
    const [row] = await db.select().from(appointments).where(eq(appointments.id, r.appointment.id));
    expect(row).toMatchObject({
      status: "cancelled",
      lateCancellation: true,
      cancelledByStaffId: desk.id,
      cancelReason: reason,
    });
    const cancelled = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, p.email), eq(outbox.kind, "booking_cancelled")));
    expect(cancelled).toHaveLength(1);
    const [audit] = await listAudit(db, { action: "appointment_cancelled", subjectId: r.appointment.id });
    expect(audit).toMatchObject({ actorId: desk.id, reason });
    expect(audit?.after).toMatchObject({ via: "staff", late: true });
    expect((await cancelForCaller(db, desk, r.appointment.id, { reason }, later)).status).toBe("not_booked");
  });

  it("names who booked an URGENT case from the case page, and shows the URGENT allowance", async () => {
    const { db } = ctx();
    await ready(db);
    const desk = await receptionist(db);
    const p = await patientWith(db, "P07"); // URGENT
    const caller = await callerForBooking(db, p.patientId, { now: NOW });
    expect(caller.status === "ok" && caller.allowance).toMatchObject({
      level: "URGENT",
      typeIds: ["urgent-review"],
      selfBook: false,
    });
    // Thursday 3 December 08:30 New York: Dr Raman's reserved urgent time.
    const r = await bookUrgentForCase(
      db,
      desk,
      p.intakeId,
      { clinicianId: RAMAN, start: new Date("2026-12-03T13:30:00Z") },
      NOW,
    );
    if (r.status !== "booked") throw new Error(r.status);
    const view = await viewStaffAppointment(db, desk, r.appointment.id);
    expect(view?.history[0]?.bookedByName).toBe(desk.name);
    expect(await listAudit(db, { action: "appointment_viewed", subjectId: r.appointment.id })).toHaveLength(1);
  });

  it("leaves booking an URGENT patient outside their level to a clinician: reception is refused even with a reason", async () => {
    const { db } = ctx();
    await ready(db);
    const desk = await receptionist(db);
    const p = await patientWith(db, "P07"); // URGENT: an ordinary time two weeks on is outside
    const reason = "Patient prefers to wait";
    expect((await bookForCaller(db, desk, book(p.patientId, IN_14_DAYS_11AM, { reason }), NOW)).status).toBe(
      "needs_clinician",
    );
    expect(await db.select().from(appointments).where(eq(appointments.intakeId, p.intakeId))).toHaveLength(0);
    const clinician = { ...desk, role: "clinician" as const };
    const r = await bookForCaller(db, clinician, book(p.patientId, IN_14_DAYS_11AM, { reason }), NOW);
    expect(r).toMatchObject({ status: "booked", outsideLevel: true });
  });

  it("cancels outside the cut-off without the late mark", async () => {
    const { db } = ctx();
    await ready(db);
    const desk = await receptionist(db);
    const p = await patientWith(db, "P15");
    const r = await bookForCaller(db, desk, book(p.patientId, FRI_10), NOW);
    if (r.status !== "booked") throw new Error(r.status);
    expect(await cancelForCaller(db, desk, r.appointment.id, { reason: "Feeling better" }, NOW)).toEqual({
      status: "done",
      late: false,
    });
  });
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://clinic.test${path}`, {
    method: "POST",
    headers: { host: "clinic.test", origin: "http://clinic.test", "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describeEachDb("the staff appointments API", (ctx) => {
  it("books (201), refuses a taken time (409 with alternatives) and a time outside the level without a reason (422)", async () => {
    const { db } = ctx();
    await ready(db);
    const desk = await receptionist(db);
    const p = await patientWith(db, "P10");
    const other = await patientWith(db, "P15");
    const body = { patientId: p.patientId, appointmentTypeId: "initial", clinicianId: RAMAN, start: THU_10 };

    const outside = await bookForCallerApi(
      post("/api/v1/staff/appointments", { ...body, start: IN_14_DAYS }),
      desk,
      db,
      NOW,
    );
    expect(outside.status).toBe(422);
    expect((await outside.json()).error).toBe("reason_required");

    const created = await bookForCallerApi(post("/api/v1/staff/appointments", body), desk, db, NOW);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ start: THU_10, clinicianId: RAMAN, outsideLevel: false });

    const taken = await bookForCallerApi(
      post("/api/v1/staff/appointments", { ...body, patientId: other.patientId }),
      desk,
      db,
      NOW,
    );
    expect(taken.status).toBe(409);
    const json = await taken.json();
    expect(json.error).toBe("slot_taken");
    expect(json.alternatives.length).toBeGreaterThan(0);
  });

  it("answers 401 without a session, 403 from another site, 404 for an unknown patient or appointment, 400/415 for bad bodies", async () => {
    const { db } = ctx();
    await ready(db);
    const desk = await receptionist(db);
    const p = await patientWith(db, "P15");
    const body = { patientId: p.patientId, appointmentTypeId: "initial", clinicianId: RAMAN, start: THU_10 };
    const signedOut = jsonError(401, "unauthorized", "Sign in as staff first.");
    expect((await bookForCallerApi(post("/api/v1/staff/appointments", body), signedOut, db, NOW)).status).toBe(401);
    const crossSite = post("/api/v1/staff/appointments", body, { origin: "http://evil.test" });
    expect((await bookForCallerApi(crossSite, desk, db, NOW)).status).toBe(403);
    expect(await db.select().from(appointments).where(eq(appointments.intakeId, p.intakeId))).toHaveLength(0);

    const unknown = { ...body, patientId: "3b244471-d441-427a-ae3d-f89947a0c98a" };
    expect((await bookForCallerApi(post("/api/v1/staff/appointments", unknown), desk, db, NOW)).status).toBe(404);
    expect((await bookForCallerApi(post("/api/v1/staff/appointments", "{"), desk, db, NOW)).status).toBe(400);
    const missing = await bookForCallerApi(
      post("/api/v1/staff/appointments", { patientId: p.patientId }),
      desk,
      db,
      NOW,
    );
    expect(missing.status).toBe(400);
    const text = post("/api/v1/staff/appointments", body, { "content-type": "text/plain" });
    expect((await bookForCallerApi(text, desk, db, NOW)).status).toBe(415);
    const nobody = "3b244471-d441-427a-ae3d-f89947a0c98a";
    const move = post(`/api/v1/staff/appointments/${nobody}/move`, { start: THU_11, reason: "Asked" });
    expect((await moveForCallerApi(move, nobody, desk, db, NOW)).status).toBe(404);
    const cancel = post(`/api/v1/staff/appointments/${nobody}/cancel`, { reason: "Asked" });
    expect((await cancelForCallerApi(cancel, nobody, desk, db, NOW)).status).toBe(404);
  });

  it("moves (200) and cancels (200, late inside the cut-off); a change to a cancelled appointment is 409; a move needs a reason", async () => {
    const { db } = ctx();
    await ready(db);
    const desk = await receptionist(db);
    const p = await patientWith(db, "P15");
    const body = { patientId: p.patientId, appointmentTypeId: "initial", clinicianId: RAMAN, start: WED_10 };
    const { id } = await (await bookForCallerApi(post("/api/v1/staff/appointments", body), desk, db, NOW)).json();
    const noReason = post(`/api/v1/staff/appointments/${id}/move`, { start: THU_11 });
    expect((await moveForCallerApi(noReason, id, desk, db, NOW)).status).toBe(400);
    const moved = await moveForCallerApi(
      post(`/api/v1/staff/appointments/${id}/move`, { start: FRI_10, reason: "Patient asked" }),
      id,
      desk,
      db,
      NOW,
    );
    expect(moved.status).toBe(200);
    const newId = (await moved.json()).id as string;
    const again = post(`/api/v1/staff/appointments/${id}/cancel`, { reason: "Asked" });
    expect((await cancelForCallerApi(again, id, desk, db, NOW)).status).toBe(409);
    const late = new Date(new Date(FRI_10).getTime() - 3 * HOUR);
    const cancelled = await cancelForCallerApi(
      post(`/api/v1/staff/appointments/${newId}/cancel`, { reason: "Asked" }),
      newId,
      desk,
      db,
      late,
    );
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toEqual({ id: newId, status: "cancelled", late: true });
  });
});
