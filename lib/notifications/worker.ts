import type { Db } from "@/db/client";
import { ALERT_KINDS, claimDueEmails, markEmailFailed, markEmailSent } from "@/db/queries/outbox";
import type { OutboxRow } from "@/db/schema";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff";

/** What a transport reports for one email. `permanent`: retrying cannot help (e.g. a 4xx). */
export type SendOutcome = { ok: true } | { ok: false; error: string; permanent: boolean };

/** Sends one email; the outbox row id is its idempotency key, so a repeat is not a second email. */
export type Transport = (email: OutboxRow) => Promise<SendOutcome>;

/**
 * A transport per channel: emails (rendered, to a provider or the development mailbox) and webhook
 * deliveries (signed POSTs). Without a webhook transport, webhook rows are left in the queue.
 */
export type Transports = { email: Transport; webhook?: Transport };

export type RunReport = { claimed: number; sent: number; retried: number; dead: number };

/**
 * One pass of the worker: claim due emails, send each through its channel's transport (webhook
 * deliveries to the webhook transport, every other kind to the email transport), record the
 * outcome. A transport that throws counts as a temporary failure; an email that keeps failing is
 * marked dead after MAX_ATTEMPTS and shown to staff. A plain Transport is the email transport.
 */
export async function sendDueEmails(
  db: Db,
  transports: Transport | Transports,
  {
    now = new Date(),
    limit = 20,
    leaseMs = 120_000,
    random = Math.random,
  }: { now?: Date; limit?: number; leaseMs?: number; random?: () => number } = {},
): Promise<RunReport> {
  const { email: emailTransport, webhook } = typeof transports === "function" ? { email: transports } : transports;
  const claimed = await claimDueEmails(db, { now, limit, leaseMs, skipKinds: webhook ? [] : [ALERT_KINDS.webhook] });
  const report: RunReport = { claimed: claimed.length, sent: 0, retried: 0, dead: 0 };
  // The batch is sent at once, so one slow provider answer does not hold the others past their
  // lease (a transport must bound each send well inside the lease).
  await Promise.all(
    claimed.map(async (email) => {
      let outcome: SendOutcome;
      try {
        const transport = email.kind === ALERT_KINDS.webhook ? webhook : emailTransport;
        outcome = transport
          ? await transport(email)
          : { ok: false, error: "no transport for this kind", permanent: false };
      } catch (error) {
        outcome = { ok: false, error: error instanceof Error ? error.message : String(error), permanent: false };
      }
      if (outcome.ok) {
        await markEmailSent(db, { id: email.id, now: new Date() });
        report.sent++;
        return;
      }
      const dead = outcome.permanent || email.attempts >= MAX_ATTEMPTS;
      await markEmailFailed(db, {
        id: email.id,
        error: outcome.error,
        retryAt: new Date(now.getTime() + retryDelayMs(email.attempts, random)),
        dead,
      });
      if (dead) report.dead++;
      else report.retried++;
    }),
  );
  return report;
}
