// The integration events (issue 21, item 4): each change queues a signed delivery to the endpoints
// subscribed to it, with ids, levels and times only; endpoints are managed through the API too.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAudit } from "@/db/queries/audit";
import { upsertStaff } from "@/db/queries/staff";
import { appointments, intakes, outbox } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { submitIntake } from "@/lib/intakes/submit";
import { WEBHOOK_EVENTS, webhookPayloadSchema, webhookTransport } from "@/lib/notifications/webhooks";
import { devMailboxSender, renderingTransport } from "@/lib/notifications/transports";
import { sendDueEmails } from "@/lib/notifications/worker";
import { bookForCaller, cancelForCaller, moveForCaller } from "@/lib/staff/caller-booking";
import { bookForCallerApi, cancelForCallerApi, moveForCallerApi } from "@/lib/staff/caller-booking-api";
import { bearerToken, createApiKey, keyActorEmail } from "@/lib/staff/api-keys";
import { erasePatient } from "@/lib/privacy/erase";
import { resolveCase } from "@/lib/staff/cases";
import type { Staff } from "@/lib/staff/session";
import { retryWebhookDelivery } from "@/lib/staff/webhooks";
import { createWebhookApi, deleteWebhookApi, listDeliveriesApi, listWebhooksApi } from "@/lib/staff/webhooks-api";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb } from "./support";

// Tuesday 1 December 2026, 10:00 in New York.
const NOW = new Date("2026-12-01T15:00:00Z");
const THU_10 = "2026-12-03T15:00:00.000Z";
const FRI_10 = "2026-12-04T15:00:00.000Z";
const RAMAN = DEMO_CLINICIANS[0].id;

const received: { path: string; headers: Record<string, string>; body: string }[] = [];
const server = createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => (body += chunk));
  req.on("end", () => {
    received.push({ path: req.url ?? "", headers: req.headers as Record<string, string>, body });
    res.writeHead(req.url === "/refuses" ? 400 : 200);
    res.end();
  });
});
const url = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const transports = (db: Db) => ({
  email: renderingTransport(db, devMailboxSender(db)),
  webhook: webhookTransport(db, { timeoutMs: 2000 }),
});

let n = 0;
async function admin(db: Db): Promise<Staff> {
  const email = `integrator${++n}@clinic.test`;
  const { id } = await upsertStaff(db, { email, name: `Admin ${n}`, role: "admin", passwordHash: "x" });
  return { id, email, name: `Admin ${n}`, role: "admin", clientAddress: "192.0.2.10", sessionId: "s" };
}

const post = (body: unknown) =>
  new Request("http://localhost/api/v1/staff/webhooks", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** Every delivery queued to an endpoint, oldest first. */
const deliveriesTo = (db: Db, endpointId: string) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, "webhook"), eq(outbox.recipient, endpointId)))
    .orderBy(outbox.createdAt, outbox.id);

describeEachDb("integration webhooks", (ctx) => {
  it("sends every event to the endpoints subscribed to it: ids, levels and times, never the patient", async () => {
    const { db } = ctx();
    await seed(db);
    clearSettingsCaches();
    const person = await admin(db);
    const all = await createWebhookApi(post({ url: url("/all"), events: [...WEBHOOK_EVENTS] }), person, db);
    expect(all.status).toBe(201);
    const endpoint = (await all.json()) as { id: string; secret: string; events: string[] };
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(endpoint.events).toEqual([...WEBHOOK_EVENTS]);
    const bookingsOnly = (await (
      await createWebhookApi(post({ url: url("/bookings"), events: ["appointment.booked"] }), person, db)
    ).json()) as { id: string };

    // A patient graded SOON (intake.graded), booked, moved and cancelled by the desk.
    const raw = vignetteIntake("P10", NOW) as { contact: Record<string, unknown> };
    raw.contact = { ...raw.contact, firstName: "Wilhelmina", lastName: "Hookworth", email: "whook@example.com" };
    const graded = await submitIntake(db, {
      answers: makeIntakeAnswersSchema({ now: NOW }).parse(raw),
      now: NOW,
      timeZone: "America/New_York",
    });
    if (graded.status !== "created") throw new Error(graded.status);
    const caseId = graded.response.id;
    const [{ patientId }] = (await db
      .select({ patientId: intakes.patientId })
      .from(intakes)
      .where(eq(intakes.id, caseId))) as [{ patientId: string }];
    const booked = await bookForCaller(
      db,
      person,
      { patientId, appointmentTypeId: "initial", clinicianId: RAMAN, start: new Date(THU_10), reason: undefined },
      NOW,
    );
    if (booked.status !== "booked") throw new Error(booked.status);
    const moved = await moveForCaller(
      db,
      person,
      booked.appointment.id,
      { start: new Date(FRI_10), reason: "Asked on the phone" },
      NOW,
    );
    if (moved.status !== "booked") throw new Error(moved.status);
    const movedId = moved.appointment.id;
    expect((await cancelForCaller(db, person, movedId, { reason: "Feeling better" }, NOW)).status).toBe("done");

    // An URGENT case: escalated, then closed after a clinician's reason.
    const urgentRaw = vignetteIntake("P05", NOW) as { contact: Record<string, unknown> };
    urgentRaw.contact = { ...urgentRaw.contact, email: "urgent@example.com" };
    const urgent = await submitIntake(db, {
      answers: makeIntakeAnswersSchema({ now: NOW }).parse(urgentRaw),
      now: NOW,
      timeZone: "America/New_York",
    });
    if (urgent.status !== "created") throw new Error(urgent.status);
    const clinician = { ...person, role: "clinician" as const };
    expect((await resolveCase(db, clinician, urgent.response.id, NOW, { reason: "Seen in A&E already" })).status).toBe(
      "done",
    );

    const rows = await deliveriesTo(db, endpoint.id);
    const payloads = rows.map((r) => webhookPayloadSchema.parse(r.payload));
    const types = payloads.map((p) => p.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "intake.graded",
        "appointment.booked",
        "appointment.moved",
        "appointment.cancelled",
        "case.escalated",
        "case.resolved",
      ]),
    );
    const of = <T extends string>(type: T) => payloads.find((p) => p.type === type)!.data as Record<string, unknown>;
    expect(of("intake.graded")).toEqual({
      caseId,
      patientId,
      level: "SOON",
      rulesetVersion: "2026.12",
      regradeOf: null,
      url: expect.stringMatching(new RegExp(`/staff/cases/${caseId}$`)),
    });
    expect(of("appointment.booked")).toMatchObject({
      appointmentId: booked.appointment.id,
      caseId,
      patientId,
      appointmentTypeId: "initial",
      clinicianId: RAMAN,
      start: THU_10,
      byStaff: true,
    });
    expect(of("appointment.moved")).toMatchObject({
      appointmentId: movedId,
      previousAppointmentId: booked.appointment.id,
      previousStart: THU_10,
      start: FRI_10,
      byStaff: true,
    });
    expect(of("appointment.cancelled")).toMatchObject({
      appointmentId: movedId,
      byStaff: true,
      lateCancellation: false,
    });
    expect(of("case.resolved")).toMatchObject({ caseId: urgent.response.id, level: "URGENT" });
    // Nothing a patient told us: no name, email, answers or the cancellation's reason.
    const sent = JSON.stringify(payloads);
    for (const secret of ["Wilhelmina", "Hookworth", "whook@", "Feeling better", "Asked on the phone", "A&E"])
      expect(sent).not.toContain(secret);

    // The bookings-only endpoint got the booking and nothing else.
    expect((await deliveriesTo(db, bookingsOnly.id)).map((r) => (r.payload as { type: string }).type)).toEqual([
      "appointment.booked",
    ]);

    // Sent and signed: each verifies with the endpoint's secret, the message id is the delivery's.
    received.length = 0;
    await sendDueEmails(db, transports(db), { now: new Date(), limit: 500 });
    const atAll = received.filter((r) => r.path === "/all");
    expect(atAll.length).toBe(rows.length);
    for (const r of atAll) {
      const verified = new Webhook(endpoint.secret).verify(r.body, r.headers) as { type: string };
      expect(WEBHOOK_EVENTS).toContain(verified.type);
    }
  });

  it("manages endpoints through the API: list without secrets, the delivery log, retry a failure, remove", async () => {
    const { db } = ctx();
    const person = await admin(db);
    const bad = await createWebhookApi(post({ url: url("/x"), events: ["case.closed"] }), person, db);
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual([
      expect.stringMatching(/^events/),
    ]);
    expect(
      (await createWebhookApi(post({ url: "http://example.com/hook", events: ["case.resolved"] }), person, db)).status,
    ).toBe(400);

    const created = (await (
      await createWebhookApi(post({ url: url("/refuses"), description: "EHR", events: ["intake.graded"] }), person, db)
    ).json()) as { id: string; secret: string };
    const list = (await (await listWebhooksApi(person, db)).json()) as { endpoints: { id: string }[] };
    expect(list.endpoints.map((e) => e.id)).toContain(created.id);
    expect(JSON.stringify(list)).not.toContain(created.secret.slice(6));

    const raw = vignetteIntake("P15", NOW);
    const graded = await submitIntake(db, {
      answers: makeIntakeAnswersSchema({ now: NOW }).parse(raw),
      now: NOW,
      timeZone: "America/New_York",
    });
    if (graded.status !== "created") throw new Error(graded.status);
    // The endpoint answers 400: permanent, so the delivery is dead at once and listed as failed.
    await sendDueEmails(db, transports(db), { now: new Date(), limit: 500 });
    const log = (await (await listDeliveriesApi(created.id, person, db)).json()) as {
      deliveries: { id: string; event: string; status: string; lastError: string }[];
    };
    expect(log.deliveries[0]).toMatchObject({
      event: "intake.graded",
      status: "dead",
      lastError: expect.stringContaining("400"),
    });
    expect(await retryWebhookDelivery(db, person, { id: log.deliveries[0]!.id }, NOW)).toEqual({ ok: true });
    expect((await retryWebhookDelivery(db, person, { id: log.deliveries[0]!.id }, NOW)).ok).toBe(false);
    expect((await listAudit(db, { action: "webhook_delivery_retried", subjectId: created.id })).length).toBe(1);

    const removal = new Request(`http://localhost/api/v1/staff/webhooks/${created.id}`, { method: "DELETE" });
    expect((await deleteWebhookApi(removal, created.id, person, db)).status).toBe(204);
    expect((await deleteWebhookApi(removal, created.id, person, db)).status).toBe(404);
    expect((await listDeliveriesApi(created.id, person, db)).status).toBe(404);
    expect((await listDeliveriesApi("not-an-id", person, db)).status).toBe(404);
  });

  it("lets an integration key book, move and cancel (stored as no staff account, audited under the key), and tells integrations when erasure cancels a booking", async () => {
    const { db } = ctx();
    const person = await admin(db);
    const hook = (await (
      await createWebhookApi(
        post({ url: url("/bookings"), events: ["appointment.booked", "appointment.cancelled"] }),
        person,
        db,
      )
    ).json()) as { id: string };
    const created = await createApiKey(db, person, { name: "Practice system", scopes: ["appointments:write"] });
    if (!created.ok) throw new Error("key");
    // The caller requireStaffApi makes of a key (lib/staff/session.ts).
    const key: Staff = {
      sessionId: `api-key:${created.created.id}`,
      id: created.created.id,
      email: keyActorEmail(created.created),
      name: "Practice system",
      role: "reception",
      clientAddress: "203.0.113.5",
      apiKey: { id: created.created.id, name: "Practice system" },
    };
    const raw = vignetteIntake("P15", NOW) as { contact: Record<string, unknown> };
    raw.contact = { ...raw.contact, lastName: "Keybooked", email: "keybooked@example.com" };
    const graded = await submitIntake(db, {
      answers: makeIntakeAnswersSchema({ now: NOW }).parse(raw),
      now: NOW,
      timeZone: "America/New_York",
    });
    if (graded.status !== "created") throw new Error(graded.status);
    const [{ patientId }] = (await db
      .select({ patientId: intakes.patientId })
      .from(intakes)
      .where(eq(intakes.id, graded.response.id))) as [{ patientId: string }];
    const json = (path: string, body: unknown) =>
      new Request(`http://clinic.test${path}`, {
        method: "POST",
        headers: { host: "clinic.test", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const booked = await bookForCallerApi(
      json("/api/v1/staff/appointments", {
        patientId,
        appointmentTypeId: "initial",
        clinicianId: RAMAN,
        start: THU_10,
      }),
      key,
      db,
      NOW,
    );
    expect(booked.status).toBe(201);
    const { id } = (await booked.json()) as { id: string };
    const [row] = await db.select().from(appointments).where(eq(appointments.id, id));
    expect(row).toMatchObject({ bookedByStaffId: null, intakeId: graded.response.id });
    const [audit] = await listAudit(db, { action: "appointment_booked", subjectId: id });
    expect(audit).toMatchObject({
      actorId: created.created.id,
      actorEmail: expect.stringContaining("Practice system"),
    });
    const moved = await moveForCallerApi(
      json(`/api/v1/staff/appointments/${id}/move`, { start: FRI_10, reason: "Asked by the practice system" }),
      id,
      key,
      db,
      NOW,
    );
    expect(moved.status).toBe(200);
    const { id: movedId } = (await moved.json()) as { id: string };
    const cancelled = await cancelForCallerApi(
      json(`/api/v1/staff/appointments/${movedId}/cancel`, { reason: "Cancelled in the practice system" }),
      movedId,
      key,
      db,
      NOW,
    );
    expect(cancelled.status).toBe(200);
    const [gone] = await db.select().from(appointments).where(eq(appointments.id, movedId));
    expect(gone).toMatchObject({ status: "cancelled", cancelledByStaffId: null });

    // A new booking, then the patient's data is erased: the booking is cancelled without an email,
    // and the integration hears of it. Every appointment delivery names its case.
    const again = await bookForCallerApi(
      json("/api/v1/staff/appointments", {
        patientId,
        appointmentTypeId: "initial",
        clinicianId: RAMAN,
        start: THU_10,
      }),
      key,
      db,
      NOW,
    );
    const { id: againId } = (await again.json()) as { id: string };
    const erased = await erasePatient(db, {
      actor: person,
      intakeId: graded.response.id,
      reason: "Asked by the patient",
      now: NOW,
    });
    expect(erased.status).toBe("erased");
    const rows = await deliveriesTo(db, hook.id);
    const events = rows.map((r) => [
      (r.payload as { type: string }).type,
      (r.payload as { data: { appointmentId: string } }).data.appointmentId,
      r.intakeId,
    ]);
    expect(events).toEqual([
      ["appointment.booked", id, graded.response.id],
      ["appointment.cancelled", movedId, graded.response.id],
      ["appointment.booked", againId, graded.response.id],
      ["appointment.cancelled", againId, graded.response.id],
    ]);
  });

  it("reads only the Bearer scheme as a key: Basic (a proxy's sign-in) leaves the session cookie in charge", () => {
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer btk_abc")).toBe("btk_abc");
    expect(bearerToken("bearer   btk_abc ")).toBe("btk_abc");
    expect(bearerToken("Bearer")).toBe("");
    expect(bearerToken("Bearer a b")).toBe("");
  });
});
