import { Resend } from "resend";
import type { Db } from "@/db/client";
import { getClinicCached } from "@/lib/clinic-settings";
import { insertMailboxEmail } from "@/db/queries/mailbox";
import { ALERT_KINDS } from "@/db/queries/outbox";
import type { OutboxRow } from "@/db/schema";
import { env } from "@/lib/env";
import { renderEmail, UnsendableEmail, type Attachment } from "./render";
import { webhookTransport } from "./webhooks";
import type { SendOutcome, Transport, Transports } from "./worker";

/** One rendered email, ready for a provider. `id` (the outbox row id) is its idempotency key. */
export type OutgoingEmail = {
  id: string;
  kind: string;
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  attachments: Attachment[];
};

/** Hands a rendered email to a provider. */
export type Sender = (email: OutgoingEmail) => Promise<SendOutcome>;

/**
 * The worker's transport: render the queued email with the clinic's current settings, then send
 * it. A payload that cannot be rendered is a permanent failure (dead at once, shown to staff).
 */
export function renderingTransport(db: Db, send: Sender): Transport {
  return async (row: OutboxRow) => {
    // A webhook delivery is never an email (nor rendered as one): the worker sends it elsewhere.
    if (row.kind === ALERT_KINDS.webhook)
      return { ok: false, error: "a webhook delivery is not an email", permanent: true };
    const clinic = await getClinicCached(db);
    if (!clinic) return { ok: false, error: "the clinic is not set up yet", permanent: false };
    const config = env();
    let rendered;
    try {
      rendered = await renderEmail(row, { clinic, appUrl: config.APP_URL, secret: config.AUTH_SECRET });
    } catch (error) {
      if (error instanceof UnsendableEmail) return { ok: false, error: error.message, permanent: true };
      throw error;
    }
    return send({
      id: row.id,
      kind: row.kind,
      from: config.EMAIL_FROM,
      to: row.recipient,
      replyTo: config.EMAIL_REPLY_TO ?? clinic.email,
      ...rendered,
    });
  };
}

const SEND_TIMEOUT_MS = 15_000;

/**
 * Resend, with the outbox row id as its idempotency key: a send repeated after a timeout or a
 * crash is the same email to Resend, not a second one. 429 and 5xx (and no answer) are worth
 * retrying; other 4xx mean the email itself is wrong.
 */
export function resendSender({
  apiKey,
  baseUrl,
  timeoutMs = SEND_TIMEOUT_MS,
}: {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
}): Sender {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return async (email) => {
    const { error } = await resend.emails.send(
      {
        from: email.from,
        to: email.to,
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        subject: email.subject,
        html: email.html,
        text: email.text,
        attachments: email.attachments.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
        tags: [{ name: "kind", value: email.kind }],
      },
      // The SDK passes these options to fetch: the signal bounds a hung connection.
      { idempotencyKey: email.id, signal: AbortSignal.timeout(timeoutMs) } as { idempotencyKey: string },
    );
    if (!error) return { ok: true };
    // Resend has already accepted an email under this key (an earlier try whose answer was lost).
    if (error.name === "invalid_idempotent_request") return { ok: true };
    const status = typeof error.statusCode === "number" ? error.statusCode : null;
    // 429 (slow down) and 409 (the same key in flight) are temporary, as is no answer at all.
    const permanent = status !== null && status >= 400 && status < 500 && status !== 429 && status !== 409;
    return { ok: false, error: `resend ${status ?? "no response"}: ${error.name}`, permanent };
  };
}

/** Development: store the email in the database, listed at /dev/mailbox. A repeat is ignored. */
export function devMailboxSender(db: Db): Sender {
  return async (email) => {
    await insertMailboxEmail(db, {
      outboxId: email.id,
      kind: email.kind,
      from: email.from,
      to: email.to,
      replyTo: email.replyTo,
      subject: email.subject,
      html: email.html,
      text: email.text,
      attachments: email.attachments,
    });
    return { ok: true };
  };
}

/**
 * Emails through Resend when RESEND_API_KEY is set, otherwise the development mailbox; webhook
 * deliveries as signed POSTs to their endpoints (never to the mailbox).
 */
export function configuredTransport(db: Db): { transport: Transports; name: "resend" | "dev-mailbox" } {
  const config = env();
  const timeoutMs = config.EMAIL_SEND_TIMEOUT_SECONDS * 1000;
  const webhook = webhookTransport(db, { timeoutMs });
  if (config.RESEND_API_KEY) {
    const sender = resendSender({ apiKey: config.RESEND_API_KEY, baseUrl: config.RESEND_BASE_URL, timeoutMs });
    return { transport: { email: renderingTransport(db, sender), webhook }, name: "resend" };
  }
  return { transport: { email: renderingTransport(db, devMailboxSender(db)), webhook }, name: "dev-mailbox" };
}
