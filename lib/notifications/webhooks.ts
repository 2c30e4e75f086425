// The second alert channel: signed webhooks (Standard Webhooks, https://www.standardwebhooks.com).
// A delivery is an outbox row of kind "webhook" whose recipient is the endpoint's id; its payload
// is the event exactly as sent. The body names the case by id and link only: never answers,
// symptoms, or the patient's name or contact details.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { z } from "zod";
import { LEVELS } from "@/common/vocabulary";
import type { Db } from "@/db/client";
import { ALERT_KINDS } from "@/db/queries/outbox";
import { getWebhookEndpoint } from "@/db/queries/webhooks";
import type { OutboxRow } from "@/db/schema";
import { env } from "@/lib/env";
import { openSecret } from "@/lib/tokens";
import type { SendOutcome, Transport } from "./worker";
import type { WebhookEvent } from "./webhook-events";

export { WEBHOOK_EVENTS, WEBHOOK_EVENT_DESCRIPTIONS, type WebhookEvent } from "./webhook-events";

/** Why a case alerts staff (the same words in alert emails and webhook events). */
export const ALERT_REASONS = ["level", "no_capacity", "overdue", "override", "review_overdue"] as const;
export type AlertReason = (typeof ALERT_REASONS)[number];

/** A missed deadline is `case.overdue`; anything else that needs staff now is `case.escalated`. */
export function webhookEventFor(reason: AlertReason): "case.escalated" | "case.overdue" {
  return reason === "overdue" || reason === "review_overdue" ? "case.overdue" : "case.escalated";
}

const id = z.uuid();
const instant = z.iso.datetime();

const alertData = z.strictObject({
  caseId: id,
  level: z.enum(LEVELS),
  reason: z.enum(ALERT_REASONS),
  deadline: instant.nullable(),
  url: z.url(),
});

const appointmentData = z.strictObject({
  appointmentId: id,
  caseId: id.nullable(),
  patientId: id.nullable(),
  appointmentTypeId: z.string().max(100),
  clinicianId: id,
  start: instant,
  end: instant,
  /** Whether staff made the change (else the patient, through their link). */
  byStaff: z.boolean(),
});

/**
 * The `data` of each event: ids, levels and times only. Never a name, contact detail, answer,
 * note or free text: a consumer fetches what it may see with an integration key.
 */
export const WEBHOOK_DATA = {
  "intake.graded": z.strictObject({
    caseId: id,
    patientId: id.nullable(),
    level: z.enum(LEVELS),
    rulesetVersion: z.string().max(20),
    /** The case this re-grades (null for a first intake). */
    regradeOf: id.nullable(),
    url: z.url(),
  }),
  "case.escalated": alertData,
  "case.overdue": alertData,
  "case.resolved": z.strictObject({ caseId: id, level: z.enum(LEVELS), url: z.url() }),
  "appointment.booked": appointmentData,
  "appointment.moved": appointmentData.extend({ previousAppointmentId: id, previousStart: instant }),
  "appointment.cancelled": appointmentData.extend({ lateCancellation: z.boolean() }),
  "waitlist.offered": z.strictObject({
    caseId: id,
    clinicianId: id,
    start: instant,
    end: instant,
    offerExpiresAt: instant,
  }),
} as const satisfies Record<WebhookEvent, z.ZodType>;

export type WebhookData<E extends WebhookEvent> = z.input<(typeof WEBHOOK_DATA)[E]>;

const envelope = <E extends WebhookEvent>(type: E) =>
  z.strictObject({ type: z.literal(type), timestamp: instant, data: WEBHOOK_DATA[type] });

/**
 * The body of every delivery. Strict: a payload with anything more (a name, an answer) does not
 * parse, and a row that does not parse is never sent.
 */
export const webhookPayloadSchema = z.discriminatedUnion("type", [
  envelope("intake.graded"),
  envelope("case.escalated"),
  envelope("case.overdue"),
  envelope("case.resolved"),
  envelope("appointment.booked"),
  envelope("appointment.moved"),
  envelope("appointment.cancelled"),
  envelope("waitlist.offered"),
]);
export type WebhookPayload = z.output<typeof webhookPayloadSchema>;

/** The test event an admin sends from the settings page. */
export type PingPayload = { type: "ping"; timestamp: string; data: Record<string, never> };

/** A new signing secret: "whsec_" and the base64 of 24 random bytes, as Standard Webhooks has it. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** The Standard Webhooks headers of one message: its id, when it was sent, and its signature. */
export function webhookHeaders(
  secret: string,
  { id, body, sentAt }: { id: string; body: string; sentAt: Date },
): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    // "v1,<base64 HMAC-SHA256 of id.timestamp.body>", keyed with the secret's decoded bytes.
    "webhook-signature": new Webhook(secret).sign(id, sentAt, body),
  };
}

const SEND_TIMEOUT_MS = 15_000;

/**
 * POSTs one signed message. 2xx is delivered; 429, 5xx, a timeout or no answer are worth
 * retrying; any other status (a 4xx, a redirect, which is never followed) means the endpoint
 * refuses it, so it is permanent.
 */
export async function postWebhook({
  url,
  secret,
  id,
  body,
  sentAt = new Date(),
  timeoutMs = SEND_TIMEOUT_MS,
}: {
  url: string;
  secret: string;
  /** The message id: the outbox row's, so a retry is recognisably the same message. */
  id: string;
  body: string;
  sentAt?: Date;
  timeoutMs?: number;
}): Promise<SendOutcome & { status: number | null }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "BackTrack-Webhooks/1",
        ...webhookHeaders(secret, { id, body, sentAt }),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const message = timedOut ? `no answer within ${timeoutMs / 1000} s` : `${errorText(error)}${cause}`;
    return { ok: false, error: `webhook: ${message}`, permanent: false, status: null };
  }
  // The answer's body is not needed: let the connection go.
  await response.body?.cancel().catch(() => {});
  const status = response.status;
  if (status >= 200 && status < 300) return { ok: true, status };
  // Only answers that say this delivery itself can never be taken (a malformed body, a gone or
  // too-large endpoint) or that point elsewhere end it; a 401, 404 or 408 while a pager bridge is
  // being redeployed must not lose an EMERGENCY alert after one try, so those are retried.
  const permanent = (status >= 300 && status < 400) || PERMANENT_STATUSES.has(status);
  const why = status >= 300 && status < 400 ? " (redirects are not followed: use the final URL)" : "";
  return { ok: false, error: `webhook ${status} ${response.statusText}`.trim() + why, permanent, status };
}

/** Answers after which retrying the same delivery cannot help. */
const PERMANENT_STATUSES: ReadonlySet<number> = new Set([400, 410, 413, 415, 422]);

/**
 * The worker's transport for webhook deliveries: the endpoint's URL and secret, read fresh for
 * each delivery, and the stored payload, checked again before it goes. Any other kind of row is
 * refused (an email is never posted to a webhook).
 */
export function webhookTransport(
  db: Db,
  { timeoutMs = SEND_TIMEOUT_MS, clock = () => new Date() }: { timeoutMs?: number; clock?: () => Date } = {},
): Transport {
  return async (row: OutboxRow) => {
    if (row.kind !== ALERT_KINDS.webhook) return permanent(`not a webhook delivery: ${row.kind}`);
    const endpoint = await getWebhookEndpoint(db, row.recipient);
    if (!endpoint) return permanent("the webhook endpoint was removed");
    if (!endpoint.active) return permanent("the webhook endpoint is deactivated");
    const secret = openSecret(env().AUTH_SECRET, endpoint.secretSealed);
    if (!secret) return permanent("the endpoint's secret cannot be opened (was AUTH_SECRET changed?)");
    const parsed = webhookPayloadSchema.safeParse(row.payload);
    if (!parsed.success) return permanent("the delivery's payload is not a webhook event");
    const outcome = await postWebhook({
      url: endpoint.url,
      secret,
      id: row.id,
      body: JSON.stringify(parsed.data),
      sentAt: clock(),
      timeoutMs,
    });
    return outcome.ok ? { ok: true } : { ok: false, error: outcome.error, permanent: outcome.permanent };
  };
}

const permanent = (error: string): SendOutcome => ({ ok: false, error, permanent: true });

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
