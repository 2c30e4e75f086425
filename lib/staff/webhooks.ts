// Alert webhooks on the admin's settings page: add an endpoint (its signing secret shown once),
// turn it off and on, remove it, send it a test event. Same shape as settings.ts: a schema the
// action parses the form with, then one transaction with its audit event. The secret is stored
// sealed and never written to the audit trail.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { ALERT_KINDS, cancelWebhookDeliveries, getEmailForUpdate, requeueDeadEmail } from "@/db/queries/outbox";
import {
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  getWebhookEndpointForUpdate,
  insertWebhookEndpoint,
  setWebhookEndpointActive as setActive,
} from "@/db/queries/webhooks";
import { env, isLoopback } from "@/lib/env";
import type { Refusal } from "@/lib/forms";
import { newWebhookSecret, postWebhook, WEBHOOK_EVENTS, type PingPayload } from "@/lib/notifications/webhooks";
import { openSecret, sealSecret } from "@/lib/tokens";
import type { Actor } from "./cases";
import { WEBHOOK_EVENT_FIELDS } from "./webhook-fields";
import { auditSetting, checkbox, done, optionalText, refuse, rowId, type SettingsResult } from "./settings-fields";

/**
 * Whether an endpoint on this machine itself may be used: only when the app runs on it (tests and
 * local development, APP_URL on localhost). On a server, an endpoint on localhost would let whoever
 * adds webhooks (an admin, or an integration key) probe the server's own ports through the
 * delivery log's errors.
 */
const loopbackAllowed = () => isLoopback(env().APP_URL);

const webhookUrl = z
  .string({ error: "Enter the endpoint's URL" })
  .trim()
  .min(1, { error: "Enter the endpoint's URL" })
  .max(2000, { error: "Keep the URL under 2,000 characters" })
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a full URL like https://alerts.example.com/backtrack" });
      return;
    }
    const local = isLoopback(url.href);
    if (local && !loopbackAllowed()) {
      ctx.addIssue({ code: "custom", message: "Use an address outside this server (not localhost)" });
      return;
    }
    if (url.protocol === "https:" || (url.protocol === "http:" && local)) {
      if (url.username || url.password)
        ctx.addIssue({ code: "custom", message: "Leave the user name and password out of the URL" });
      return;
    }
    ctx.addIssue({
      code: "custom",
      message:
        url.protocol === "http:"
          ? "Use an https:// URL (plain http only for localhost)"
          : "Enter a full URL like https://alerts.example.com/backtrack",
    });
  });

export { WEBHOOK_EVENT_FIELDS } from "./webhook-fields";

type EventField = keyof typeof WEBHOOK_EVENT_FIELDS;
const EVENT_FIELDS = Object.keys(WEBHOOK_EVENT_FIELDS) as EventField[];

export const newWebhookSchema = z
  .object({
    url: webhookUrl,
    description: optionalText("description", 200),
    ...(Object.fromEntries(EVENT_FIELDS.map((field) => [field, checkbox])) as Record<EventField, typeof checkbox>),
  })
  .refine((v) => EVENT_FIELDS.some((field) => v[field]), {
    path: ["escalated"],
    error: "Choose at least one event to send",
  })
  .transform(({ url, description, ...chosen }) => ({
    url,
    description: description ?? "",
    events: EVENT_FIELDS.filter((field) => chosen[field]).map((field) => WEBHOOK_EVENT_FIELDS[field]),
  }));

/**
 * The same endpoint as the webhooks API takes it (JSON, webhooks:manage): the events by name.
 * Answers the same shape as the settings form's schema.
 */
export const newWebhookApiSchema = z
  .strictObject({
    url: webhookUrl,
    description: z.string().trim().max(200, { error: "Keep the description under 200 characters" }).optional(),
    events: z
      .array(z.enum(WEBHOOK_EVENTS), { error: `Choose events from: ${WEBHOOK_EVENTS.join(", ")}` })
      .min(1, { error: "Choose at least one event to send" })
      .max(WEBHOOK_EVENTS.length),
  })
  .transform(({ url, description, events }) => ({
    url,
    description: description ?? "",
    events: WEBHOOK_EVENTS.filter((e) => events.includes(e)),
  }));

/** The endpoint just added, with its signing secret: shown to the admin once, never again. */
export type CreatedWebhook = { id: string; url: string; description: string; events: string[]; secret: string };

/** Adds an endpoint with a new signing secret (stored sealed); the answer carries the secret once. */
export async function createWebhookEndpoint(
  db: Db,
  actor: Actor,
  input: z.output<typeof newWebhookSchema>,
): Promise<{ ok: true; created: CreatedWebhook } | Refusal> {
  const secret = newWebhookSecret();
  return db.transaction(async (tx) => {
    const row = await insertWebhookEndpoint(tx, {
      url: input.url,
      description: input.description,
      events: [...input.events],
      secretSealed: sealSecret(env().AUTH_SECRET, secret),
      createdBy: actor.id,
    });
    const after = { url: row.url, description: row.description, events: row.events, active: row.active };
    await auditSetting(tx, actor, "webhook_created", { type: "webhook_endpoint", id: row.id }, { after });
    return { ok: true as const, created: { ...after, id: row.id, secret } };
  });
}

const ENDPOINT_GONE = "That webhook endpoint no longer exists.";

/** A row's endpoint (a hidden id). */
export const webhookEndpointSchema = rowId(ENDPOINT_GONE);
export const webhookActiveSchema = webhookEndpointSchema.extend({ active: checkbox });

/** Stops (or restarts) an endpoint's deliveries; stopping cancels the ones still waiting. */
export async function setWebhookEndpointActive(
  db: Db,
  actor: Actor,
  { id, active }: z.output<typeof webhookActiveSchema>,
): Promise<SettingsResult> {
  return db.transaction(async (tx) => {
    const endpoint = await getWebhookEndpointForUpdate(tx, id);
    if (!endpoint) return refuse(ENDPOINT_GONE);
    if (endpoint.active === active) return done;
    await setActive(tx, { id, active });
    const cancelled = active ? 0 : await cancelWebhookDeliveries(tx, id);
    await auditSetting(
      tx,
      actor,
      active ? "webhook_reactivated" : "webhook_deactivated",
      { type: "webhook_endpoint", id },
      { before: { active: endpoint.active }, after: { active, ...(active ? {} : { deliveriesCancelled: cancelled }) } },
    );
    return done;
  });
}

/** Removes an endpoint and cancels its waiting deliveries (past ones stay listed on their cases). */
export async function removeWebhookEndpoint(
  db: Db,
  actor: Actor,
  { id }: z.output<typeof webhookEndpointSchema>,
): Promise<SettingsResult> {
  return db.transaction(async (tx) => {
    const endpoint = await getWebhookEndpointForUpdate(tx, id);
    if (!endpoint) return refuse(ENDPOINT_GONE);
    const cancelled = await cancelWebhookDeliveries(tx, id);
    await deleteWebhookEndpoint(tx, id);
    await auditSetting(
      tx,
      actor,
      "webhook_removed",
      { type: "webhook_endpoint", id },
      {
        before: {
          url: endpoint.url,
          description: endpoint.description,
          events: endpoint.events,
          active: endpoint.active,
        },
        after: { deliveriesCancelled: cancelled },
      },
    );
    return done;
  });
}

/**
 * Sends the endpoint a signed "ping" now and waits for its answer (not through the outbox: the
 * admin wants to know at once, and a test is never retried). Recorded in the audit trail.
 */
export async function sendWebhookTest(
  db: Db,
  actor: Actor,
  { id }: z.output<typeof webhookEndpointSchema>,
  now: Date,
  { timeoutMs = 10_000 }: { timeoutMs?: number } = {},
): Promise<SettingsResult> {
  const endpoint = await getWebhookEndpoint(db, id);
  if (!endpoint) return refuse(ENDPOINT_GONE);
  const secret = openSecret(env().AUTH_SECRET, endpoint.secretSealed);
  if (!secret)
    return refuse("The endpoint's secret cannot be opened (was AUTH_SECRET changed?). Remove it and add it again.");
  const ping: PingPayload = { type: "ping", timestamp: now.toISOString(), data: {} };
  const outcome = await postWebhook({
    url: endpoint.url,
    secret,
    id: `msg_${randomUUID()}`,
    body: JSON.stringify(ping),
    sentAt: now,
    timeoutMs,
  });
  await auditSetting(
    db,
    actor,
    "webhook_tested",
    { type: "webhook_endpoint", id },
    { after: outcome.ok ? { delivered: true, status: outcome.status } : { delivered: false, error: outcome.error } },
  );
  return outcome.ok ? done : refuse(`The endpoint did not accept the test event: ${outcome.error}.`);
}

const DELIVERY_GONE = "That delivery no longer exists.";
export const webhookDeliverySchema = rowId(DELIVERY_GONE);

/**
 * Sends a delivery that failed for good again: back in the queue, due now, with fresh attempts,
 * the same message id (a receiver that got it after all recognises it). Once per failure.
 */
export async function retryWebhookDelivery(
  db: Db,
  actor: Actor,
  { id }: z.output<typeof webhookDeliverySchema>,
  now: Date,
): Promise<SettingsResult> {
  return db.transaction(async (tx) => {
    const delivery = await getEmailForUpdate(tx, id);
    if (!delivery || delivery.kind !== ALERT_KINDS.webhook) return refuse(DELIVERY_GONE);
    if (!(await getWebhookEndpoint(tx, delivery.recipient))) return refuse(ENDPOINT_GONE);
    if (!(await requeueDeadEmail(tx, { id, now })))
      return refuse("That delivery was already retried: it is back in the queue, or delivered.");
    await auditSetting(
      tx,
      actor,
      "webhook_delivery_retried",
      { type: "webhook_endpoint", id: delivery.recipient },
      {
        before: { delivery: id, status: delivery.status, attempts: delivery.attempts, lastError: delivery.lastError },
        after: { delivery: id, status: "pending", dueAt: now.toISOString() },
      },
    );
    return done;
  });
}
