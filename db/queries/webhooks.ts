// The alert webhooks admins set up (the second alert channel). The signing secret is stored
// sealed; only the sender and the admin functions that create one ever see it.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { appointments, intakes, outbox, webhookEndpoints } from "../schema";

/** An endpoint as the settings page lists it: never its secret. */
const listed = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  active: webhookEndpoints.active,
  createdAt: webhookEndpoints.createdAt,
};

export type ListedWebhookEndpoint = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];

/** Adds an endpoint; returns it as listed (without the secret). */
export async function insertWebhookEndpoint(
  db: Db,
  endpoint: { url: string; description: string; secretSealed: string; events: string[]; createdBy: string | null },
) {
  const rows = await db.insert(webhookEndpoints).values(endpoint).returning(listed);
  return rows[0]!;
}

/** Every endpoint, oldest first, for the settings page. */
export async function listWebhookEndpoints(db: Db) {
  return db.select(listed).from(webhookEndpoints).orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

/** The active endpoints subscribed to `event`: each gets one delivery of it. */
export async function listSubscribedWebhookEndpoints(db: Db, event: string): Promise<{ id: string }[]> {
  return db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.active, true), sql`${event} = any(${webhookEndpoints.events})`))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

/** One endpoint with its sealed secret (for the sender); null when unknown or not an id. */
export async function getWebhookEndpoint(db: Db, id: string) {
  if (!UUID.test(id)) return null;
  const rows = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One endpoint, locked until the end of the transaction; null when unknown. */
export async function getWebhookEndpointForUpdate(db: Db, id: string) {
  const rows = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).for("update");
  return rows[0] ?? null;
}

/** Turns an endpoint's deliveries on or off. */
export async function setWebhookEndpointActive(db: Db, { id, active }: { id: string; active: boolean }) {
  await db.update(webhookEndpoints).set({ active }).where(eq(webhookEndpoints.id, id));
}

/** Removes an endpoint (its past deliveries stay in the outbox, shown as a removed endpoint). */
export async function deleteWebhookEndpoint(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .delete(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** An endpoint's latest deliveries, newest first: the event, where it stands, the last error. */
export async function listWebhookDeliveries(db: Db, endpointId: string, { limit = 20 }: { limit?: number } = {}) {
  if (!UUID.test(endpointId)) return [];
  return db
    .select({
      id: outbox.id,
      event: sql<string>`${outbox.payload}->>'type'`,
      caseId: outbox.intakeId,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      dueAt: outbox.dueAt,
      sentAt: outbox.sentAt,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(and(eq(outbox.kind, "webhook"), eq(outbox.recipient, endpointId)))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

export type WebhookDelivery = Awaited<ReturnType<typeof listWebhookDeliveries>>[number];

/** Whose an appointment is (for its webhook events: ids only). */
export async function appointmentOwner(db: Db, id: string) {
  const rows = await db
    .select({ intakeId: appointments.intakeId, patientId: appointments.patientId })
    .from(appointments)
    .where(eq(appointments.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** A graded intake's ids and ruleset (for `intake.graded`). */
export async function gradedIntakeIds(db: Db, id: string) {
  const rows = await db
    .select({
      patientId: intakes.patientId,
      rulesetVersion: intakes.rulesetVersion,
      regradeOf: intakes.previousIntakeId,
    })
    .from(intakes)
    .where(eq(intakes.id, id))
    .limit(1);
  return rows[0] ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
