import type { Db } from "@/db/client";
import { claimDueEmails, markEmailFailed, markEmailSent } from "@/db/queries/outbox";
import type { OutboxRow } from "@/db/schema";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff";

/** What a transport reports for one email. `permanent`: retrying cannot help (e.g. a 4xx). */
export type SendOutcome = { ok: true } | { ok: false; error: string; permanent: boolean };

/** Sends one email; the outbox row id is its idempotency key, so a repeat is not a second email. */
export type Transport = (email: OutboxRow) => Promise<SendOutcome>;

export type RunReport = { claimed: number; sent: number; retried: number; dead: number };

/**
 * One pass of the worker: claim due emails, send each, record the outcome. A transport that
 * throws counts as a temporary failure; an email that keeps failing is marked dead after
 * MAX_ATTEMPTS and shown to staff.
 */
export async function sendDueEmails(
  db: Db,
  transport: Transport,
  {
    now = new Date(),
    limit = 20,
    leaseMs = 120_000,
    random = Math.random,
  }: { now?: Date; limit?: number; leaseMs?: number; random?: () => number } = {},
): Promise<RunReport> {
  const claimed = await claimDueEmails(db, { now, limit, leaseMs });
  const report: RunReport = { claimed: claimed.length, sent: 0, retried: 0, dead: 0 };
  // The batch is sent at once, so one slow provider answer does not hold the others past their
  // lease (a transport must bound each send well inside the lease).
  await Promise.all(
    claimed.map(async (email) => {
      let outcome: SendOutcome;
      try {
        outcome = await transport(email);
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
