import { createHmac, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { listCaseAlerts, listDeadEmails, listFailedEmergencyAlerts } from "@/db/queries/outbox";
import { listWebhookEndpoints } from "@/db/queries/webhooks";
import { devMailbox, intakes, outbox, webhookEndpoints, type OutboxRow } from "@/db/schema";
import { seed } from "@/db/seed";
import { env } from "@/lib/env";
import { fieldErrors, parseThen } from "@/lib/forms";
import { queueStaffAlert } from "@/lib/notifications/queue";
import { renderEmail, UnsendableEmail } from "@/lib/notifications/render";
import { devMailboxSender, renderingTransport } from "@/lib/notifications/transports";
import { newWebhookSecret, postWebhook, webhookTransport } from "@/lib/notifications/webhooks";
import { sendDueEmails, type Transports } from "@/lib/notifications/worker";
import type { Actor } from "@/lib/staff/cases";
import {
  createWebhookEndpoint,
  newWebhookSchema,
  removeWebhookEndpoint,
  sendWebhookTest,
  setWebhookEndpointActive,
} from "@/lib/staff/webhooks";
import { openSecret } from "@/lib/tokens";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

type DB = TestDb["db"];

// Tuesday 1 December 2026, 08:00 in New York. Deliveries carry the real clock in their
// webhook-timestamp header (receivers reject old messages), so the package verifies them as sent.
const NOW = new Date("2026-12-01T13:00:00Z");
const HOUR = 3600_000;
const ADMIN: Actor = { id: randomUUID(), email: "admin@clinic.test", clientAddress: "127.0.0.1" };
const STAFF = ["lead@clinic.test"];

type Received = { path: string; headers: Record<string, string>; body: string };

/** A local HTTP receiver: answers each request with the status `answer` gives, and keeps it. */
function receiver(answer: (request: Received, nthOnPath: number) => number) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const request = { path: req.url ?? "", headers: req.headers as Record<string, string>, body };
      received.push(request);
      res.writeHead(answer(request, received.filter((r) => r.path === request.path).length));
      res.end("thanks");
    });
  });
  return {
    received,
    on: (path: string) => received.filter((r) => r.path === path),
    url: (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    start: () => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// /a fails once with a 500, /d always refuses with a 400, /status/N answers N,
// in time, everything else is accepted.
const hook = receiver(({ path }, nth) =>
  path === "/a" && nth === 1 ? 500 : path === "/d" ? 400 : path.startsWith("/status/") ? Number(path.slice(8)) : 200,
);
beforeAll(hook.start);
afterAll(hook.stop);

/** An endpoint added through the admin's form, as the action does it; returns it with its secret. */
async function addEndpoint(db: DB, raw: Record<string, string>) {
  const result = await parseThen(newWebhookSchema, raw, (input) => createWebhookEndpoint(db, ADMIN, input));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.created;
}

let n = 0;
/** An EMERGENCY case with a name, contact details and answers that must never leave in a webhook. */
async function emergencyCase(db: DB) {
  const i = ++n;
  const answers = vignetteIntake("P01", NOW);
  const [row] = await db
    .insert(intakes)
    .values({
      firstName: `Zephyrine${i}`,
      lastName: `Quillfeather${i}`,
      email: `zq${i}@example.test`,
      phone: `+1 555 010 77${String(i).padStart(2, "0")}`,
      dateOfBirth: "1994-11-29",
      sex: "female",
      answers,
      privacyNoticeVersion: "2026-11",
      level: "EMERGENCY",
      levelRank: 5,
      rulesetVersion: "2026.12",
      firedRules: ["E1"],
      flags: [],
      scores: {},
      ageAtGrading: 32,
      createdAt: NOW,
    })
    .returning();
  return { ...row!, answers };
}

const transports = (db: DB): Transports => ({
  email: renderingTransport(db, devMailboxSender(db)),
  webhook: webhookTransport(db, { timeoutMs: 2000 }),
});

/** A case's webhook deliveries (to one endpoint, when named). */
const deliveries = async (db: DB, intakeId: string, endpointId?: string) =>
  (
    await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.intakeId, intakeId), eq(outbox.kind, "webhook")))
  ).filter((r) => !endpointId || r.recipient === endpointId);

/** Every string in the answers (contact details included). */
function answerValues(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(answerValues);
  return [];
}

/** The Standard Webhooks signature, computed here without the package: HMAC-SHA256 of "id.timestamp.body". */
function independentSignature(secret: string, { headers, body }: Received): string {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const signed = `${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${body}`;
  return `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
}

describeEachDb("alert webhooks", (ctx) => {
  // Each database's run starts with an empty receiver (the "/a fails once" count starts again).
  beforeAll(() => {
    hook.received.length = 0;
  });

  it("creates an endpoint: the secret is answered once, stored sealed, and never in the list or the audit trail", async () => {
    const { db } = ctx();
    const created = await addEndpoint(db, { url: hook.url("/created"), description: "On-call pager", escalated: "on" });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(created.secret.slice(6), "base64")).toHaveLength(24);
    expect(created.events).toEqual(["case.escalated"]);

    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.id));
    expect(row!.secretSealed).not.toContain(created.secret.slice(6));
    expect(openSecret(env().AUTH_SECRET, row!.secretSealed)).toBe(created.secret);
    expect(row!.createdBy).toBe(ADMIN.id);

    const listed = (await listWebhookEndpoints(db)).find((e) => e.id === created.id)!;
    expect(listed).toMatchObject({ url: hook.url("/created"), description: "On-call pager", active: true });
    expect(JSON.stringify(listed)).not.toMatch(/secret|whsec/i);

    await setWebhookEndpointActive(db, ADMIN, { id: created.id, active: false });
    await removeWebhookEndpoint(db, ADMIN, { id: created.id });
    const audit = await listAudit(db, { subjectId: created.id });
    expect(audit.map((a) => a.action).sort()).toEqual(["webhook_created", "webhook_deactivated", "webhook_removed"]);
    expect(audit.find((a) => a.action === "webhook_created")).toMatchObject({
      actorEmail: ADMIN.email,
      subjectType: "webhook_endpoint",
      after: { url: hook.url("/created"), description: "On-call pager", events: ["case.escalated"], active: true },
    });
    const trail = JSON.stringify(audit);
    expect(trail).not.toContain(created.secret.slice(6));
    expect(trail).not.toContain(row!.secretSealed);
  });

  it("refuses an address or a choice that cannot work, each beside its field", async () => {
    const { db } = ctx();
    // What the action answers for the form (parsing alone: nothing valid here is saved).
    const refusal = async (raw: Record<string, string>) => {
      const parsed = newWebhookSchema.safeParse(raw);
      return parsed.success ? null : fieldErrors(parsed.error);
    };
    const before = await listWebhookEndpoints(db);
    const refused = await parseThen(
      newWebhookSchema,
      { url: "http://alerts.example.com/hook", escalated: "on" },
      (input) => createWebhookEndpoint(db, ADMIN, input),
    );
    expect(refused).toMatchObject({ ok: false, fieldErrors: { url: [expect.stringMatching(/https/)] } });
    expect(await listWebhookEndpoints(db)).toEqual(before);
    const events = { escalated: "on", overdue: "on" };
    expect((await refusal({ url: "http://alerts.example.com/hook", ...events }))?.url?.[0]).toMatch(/https:\/\//);
    expect((await refusal({ url: "ftp://alerts.example.com/hook", ...events }))?.url).toHaveLength(1);
    expect((await refusal({ url: "alerts.example.com", ...events }))?.url?.[0]).toMatch(/full URL/);
    expect((await refusal({ url: "", ...events }))?.url?.[0]).toMatch(/Enter the endpoint's URL/);
    expect((await refusal({ url: "https://bob:pw@alerts.example.com/hook", ...events }))?.url?.[0]).toMatch(
      /user name and password/,
    );
    expect((await refusal({ url: "https://alerts.example.com/hook" }))?.escalated?.[0]).toMatch(/at least one event/);
    expect(
      (await refusal({ url: "https://alerts.example.com/hook", description: "x".repeat(201), ...events }))?.description,
    ).toHaveLength(1);
    // Plain http only on this machine (tests, local development).
    expect(await refusal({ url: "http://localhost:8080/hook", ...events })).toBeNull();
    expect(await refusal({ url: "http://127.0.0.1:8080/hook", overdue: "on" })).toBeNull();
    expect(await refusal({ url: "https://alerts.example.com/hook", ...events })).toBeNull();
  });

  it("delivers signed events: a 500 is retried with the same id, a 400 is dead and listed, and nothing about the patient is sent", async () => {
    const { db } = ctx();
    await seed(db);
    const a = await addEndpoint(db, { url: hook.url("/a"), description: "Pager A", escalated: "on", overdue: "on" });
    const b = await addEndpoint(db, { url: hook.url("/b"), description: "Overdue only", overdue: "on" });
    const c = await addEndpoint(db, { url: hook.url("/c"), description: "Switched off", escalated: "on" });
    const d = await addEndpoint(db, { url: hook.url("/d"), description: "Refuses everything", escalated: "on" });
    await setWebhookEndpointActive(db, ADMIN, { id: c.id, active: false });
    const patient = await emergencyCase(db);
    const deadline = new Date(NOW.getTime() + 15 * 60_000);

    await db.transaction((tx) =>
      queueStaffAlert(
        tx,
        { intakeId: patient.id, level: "EMERGENCY", reason: "level", submittedAt: NOW, deadline, now: NOW },
        STAFF,
      ),
    );
    // One delivery per active endpoint subscribed to case.escalated: not B (not subscribed), not C (off).
    const queued = await deliveries(db, patient.id);
    expect(queued.map((r) => r.recipient).sort()).toEqual([a.id, d.id].sort());

    await sendDueEmails(db, transports(db), { now: NOW });
    await sendDueEmails(db, transports(db), { now: new Date(NOW.getTime() + 2 * HOUR) });

    const rowA = (await deliveries(db, patient.id)).find((r) => r.recipient === a.id)!;
    const rowD = (await deliveries(db, patient.id)).find((r) => r.recipient === d.id)!;
    expect(rowA).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(rowD).toMatchObject({ status: "dead", attempts: 1 });
    expect(rowD.lastError).toMatch(/^webhook 400/);
    expect(hook.on("/b")).toHaveLength(0);
    expect(hook.on("/c")).toHaveLength(0);
    expect(hook.on("/d")).toHaveLength(1);

    // A: the 500, then the retry; one message (one webhook-id, the outbox row's), both verifiable.
    const [failed, retried] = hook.on("/a");
    expect(hook.on("/a")).toHaveLength(2);
    for (const request of [failed!, retried!]) {
      expect(request.headers["webhook-id"]).toBe(rowA.id);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["webhook-timestamp"]).toMatch(/^\d{10}$/);
      expect(new Webhook(a.secret).verify(request.body, request.headers)).toEqual(JSON.parse(request.body));
      expect(request.headers["webhook-signature"]).toBe(independentSignature(a.secret, request));
      expect(() => new Webhook(d.secret).verify(request.body, request.headers)).toThrow();
    }
    const body = JSON.parse(retried!.body);
    expect(body).toEqual({
      type: "case.escalated",
      timestamp: NOW.toISOString(),
      data: {
        caseId: patient.id,
        level: "EMERGENCY",
        reason: "level",
        deadline: deadline.toISOString(),
        url: `${env().APP_URL}/staff/cases/${patient.id}`,
      },
    });
    // Nothing about the patient: no name, no contact details, no answer.
    for (const request of hook.received.filter((r) => r.body.includes(patient.id))) {
      for (const secret of [patient.firstName, patient.lastName, patient.email, patient.phone, patient.dateOfBirth])
        expect(request.body).not.toContain(secret);
      for (const value of answerValues(patient.answers)) {
        expect(request.body).not.toContain(JSON.stringify(value));
        if (value.length >= 4) expect(request.body).not.toContain(value);
      }
    }

    // The dev mailbox got the alert email and no webhook.
    const mailbox = await db.select().from(devMailbox);
    expect(mailbox.filter((m) => m.kind === "webhook")).toHaveLength(0);
    expect(mailbox.some((m) => m.kind === "staff_escalation" && m.text.includes(patient.id))).toBe(true);

    // The dead delivery is listed with the dead emails, as a webhook delivery to its endpoint.
    expect((await listDeadEmails(db)).find((e) => e.id === rowD.id)).toMatchObject({
      kind: "webhook",
      recipient: "Refuses everything",
      attempts: 1,
    });
    // The case page: its alert email and both deliveries, with how each stands.
    const alerts = await listCaseAlerts(db, patient.id);
    expect(alerts.map((x) => [x.channel, x.recipient, x.status, x.event, x.reason]).sort()).toEqual(
      [
        ["email", STAFF[0], "sent", null, "level"],
        ["webhook", "Pager A", "sent", "case.escalated", "level"],
        ["webhook", "Refuses everything", "failed", "case.escalated", "level"],
      ].sort(),
    );
    expect(alerts.find((x) => x.recipient === "Refuses everything")!.lastError).toMatch(/^webhook 400 Bad Request$/);
    // An open EMERGENCY case with a failed alert is flagged, with its name for staff.
    expect(await listFailedEmergencyAlerts(db)).toContainEqual({
      id: patient.id,
      firstName: patient.firstName,
      lastName: patient.lastName,
      createdAt: NOW,
    });

    // Overdue: case.overdue to A and B; D subscribed to escalations only.
    await queueStaffAlert(
      db,
      { intakeId: patient.id, level: "EMERGENCY", reason: "overdue", submittedAt: NOW, deadline, now: deadline },
      STAFF,
    );
    await sendDueEmails(db, transports(db), { now: new Date(deadline.getTime() + 1000) });
    const [overdue] = hook.on("/b");
    expect(JSON.parse(overdue!.body)).toMatchObject({ type: "case.overdue", data: { reason: "overdue" } });
    expect(new Webhook(b.secret).verify(overdue!.body, overdue!.headers)).toBeTruthy();
    expect(hook.on("/a")).toHaveLength(3);
    expect(hook.on("/d")).toHaveLength(1);
  });

  it("keeps the channels apart: a webhook row is never rendered as an email, an email never posted", async () => {
    const { db } = ctx();
    await seed(db);
    const patient = await emergencyCase(db);
    const e = await addEndpoint(db, { url: hook.url("/apart"), escalated: "on" });
    await queueStaffAlert(
      db,
      { intakeId: patient.id, level: "EMERGENCY", reason: "level", submittedAt: NOW, deadline: null, now: NOW },
      STAFF,
    );
    const [row] = await deliveries(db, patient.id, e.id);
    expect(row).toBeDefined();
    const clinic = { name: "C", address: "", phone: "1", email: null, timeZone: "UTC", cancellationCutoffHours: 24 };
    await expect(
      renderEmail(row!, { clinic, appUrl: "http://clinic.test", secret: env().AUTH_SECRET }),
    ).rejects.toBeInstanceOf(UnsendableEmail);
    expect(await renderingTransport(db, devMailboxSender(db))(row!)).toMatchObject({ ok: false, permanent: true });
    const email: OutboxRow = { ...row!, kind: "staff_escalation", recipient: STAFF[0]! };
    expect(await webhookTransport(db)(email)).toMatchObject({ ok: false, permanent: true });
    expect(await webhookTransport(db)({ ...row!, payload: { ...(row!.payload as object), name: "x" } })).toMatchObject({
      ok: false,
      permanent: true,
    });

    // A worker with only an email transport leaves webhook deliveries for one that has both.
    await sendDueEmails(db, renderingTransport(db, devMailboxSender(db)), { now: NOW, limit: 100 });
    expect((await deliveries(db, patient.id, e.id))[0]).toMatchObject({ status: "pending", attempts: 0 });
    expect(hook.on("/apart")).toHaveLength(0);
    await sendDueEmails(db, transports(db), { now: NOW, limit: 100 });
    expect((await deliveries(db, patient.id, e.id))[0]).toMatchObject({ status: "sent", attempts: 1 });
    expect(hook.on("/apart")).toHaveLength(1);
    expect((await db.select().from(devMailbox).where(eq(devMailbox.outboxId, row!.id))).length).toBe(0);
  });

  it("deactivating or removing an endpoint cancels what waits for it; a test event is signed and audited", async () => {
    const { db } = ctx();
    const patient = await emergencyCase(db);
    const e = await addEndpoint(db, { url: hook.url("/ping"), description: "Chat bridge", escalated: "on" });
    const alert = () =>
      queueStaffAlert(
        db,
        { intakeId: patient.id, level: "EMERGENCY", reason: "override", submittedAt: NOW, deadline: null, now: NOW },
        STAFF,
      );
    await alert();
    expect(await setWebhookEndpointActive(db, ADMIN, { id: e.id, active: false })).toEqual({ ok: true });
    expect((await deliveries(db, patient.id, e.id)).map((r) => r.status)).toEqual(["cancelled"]);
    expect(await setWebhookEndpointActive(db, ADMIN, { id: e.id, active: true })).toEqual({ ok: true });

    // A test event: signed like the rest, answered at once, recorded.
    expect(await sendWebhookTest(db, ADMIN, { id: e.id }, new Date())).toEqual({ ok: true });
    const [ping] = hook.on("/ping");
    expect(new Webhook(e.secret).verify(ping!.body, ping!.headers)).toMatchObject({ type: "ping" });
    const refusing = await addEndpoint(db, { url: hook.url("/d"), escalated: "on" });
    const refused = await sendWebhookTest(db, ADMIN, { id: refusing.id }, new Date());
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("400") });
    const tested = await listAudit(db, { action: "webhook_tested" });
    expect(tested.map((t) => t.after)).toEqual(
      expect.arrayContaining([
        { delivered: true, status: 200 },
        { delivered: false, error: expect.stringContaining("400") },
      ]),
    );

    await alert();
    expect(await removeWebhookEndpoint(db, ADMIN, { id: e.id })).toEqual({ ok: true });
    expect(await removeWebhookEndpoint(db, ADMIN, { id: e.id })).toMatchObject({ ok: false });
    expect((await deliveries(db, patient.id, e.id)).map((r) => r.status)).toEqual(["cancelled", "cancelled"]);
    const shown = (await listCaseAlerts(db, patient.id)).filter((x) => x.channel === "webhook");
    expect(shown.map((x) => [x.recipient, x.status, x.reason])).toContainEqual([
      "Removed webhook endpoint",
      "cancelled",
      "override",
    ]);
  });
});

describe("the webhook sender's answers", () => {
  const send = (url: string, timeoutMs = 2000) =>
    postWebhook({ url, secret: newWebhookSecret(), id: "msg_1", body: "{}", timeoutMs });

  it("2xx is delivered; 429, 5xx, a 401/404/408 (an endpoint being redeployed), no answer and a refused connection are retried; 400, 410, 413, 415 and 422 are permanent", async () => {
    expect(await send(hook.url("/status/204"))).toMatchObject({ ok: true, status: 204 });
    for (const status of [401, 403, 404, 408, 409, 425, 429, 500, 502, 503])
      expect(await send(hook.url(`/status/${status}`))).toMatchObject({ ok: false, permanent: false, status });
    for (const status of [400, 410, 413, 415, 422])
      expect(await send(hook.url(`/status/${status}`))).toMatchObject({ ok: false, permanent: true, status });
    // A redirect is not followed (the signature is for this URL): fix the URL instead.
    expect(await send(hook.url("/status/301"))).toMatchObject({ ok: false, permanent: true });
    // Nothing listening: retried.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await send(`http://127.0.0.1:${port}/`)).toMatchObject({ ok: false, permanent: false, status: null });
  });

  it("gives up waiting after the timeout, to try again later", async () => {
    const slow = createServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`;
      const outcome = await send(url, 200);
      expect(outcome).toMatchObject({ ok: false, permanent: false, status: null });
      expect(outcome.ok ? "" : outcome.error).toMatch(/no answer within 0.2 s/);
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});
