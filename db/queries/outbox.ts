import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { outbox, type OutboxRow } from "../schema";

export type NewEmail = {
  kind: string;
  recipient: string;
  payload: Record<string, unknown>;
  dueAt?: Date;
  appointmentId?: string;
};

/** Queues an email; call with the transaction of the change that causes it. */
export async function enqueueEmail(db: Db, email: NewEmail): Promise<string> {
  const rows = await db.insert(outbox).values(email).returning({ id: outbox.id });
  return rows[0]!.id;
}

/**
 * Claims up to `limit` due emails for `leaseMs`. SKIP LOCKED lets several workers (several app
 * instances) claim at once without waiting on or taking each other's rows; the lease hides a
 * claimed row until it runs out, so a crashed worker's emails come back.
 */
export async function claimDueEmails(
  db: Db,
  { now, limit, leaseMs }: { now: Date; limit: number; leaseMs: number },
): Promise<OutboxRow[]> {
  const nowIso = now.toISOString();
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, "pending"),
        sql`${outbox.dueAt} <= ${nowIso}::timestamptz`,
        sql`(${outbox.claimedUntil} is null or ${outbox.claimedUntil} <= ${nowIso}::timestamptz)`,
      ),
    )
    .orderBy(asc(outbox.dueAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(outbox)
    .set({ claimedUntil: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning();
}

/** Marks a claimed email sent (only while it is still pending: a cancel wins). */
export async function markEmailSent(db: Db, { id, now }: { id: string; now: Date }): Promise<void> {
  await db
    .update(outbox)
    .set({ status: "sent", sentAt: now, claimedUntil: null, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, "pending")));
}

/** Records a failed send: due again after `retryAt`, or dead when `dead` (shown to staff). */
export async function markEmailFailed(
  db: Db,
  { id, error, retryAt, dead }: { id: string; error: string; retryAt: Date; dead: boolean },
): Promise<void> {
  await db
    .update(outbox)
    .set(
      dead
        ? { status: "dead", lastError: error.slice(0, 500), claimedUntil: null }
        : { dueAt: retryAt, lastError: error.slice(0, 500), claimedUntil: null },
    )
    .where(and(eq(outbox.id, id), eq(outbox.status, "pending")));
}

/** Cancels an appointment's unsent emails of these kinds (e.g. its reminder when it is cancelled). */
export async function cancelAppointmentEmails(
  db: Db,
  { appointmentId, kinds }: { appointmentId: string; kinds: string[] },
): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: "cancelled", claimedUntil: null })
    .where(and(eq(outbox.appointmentId, appointmentId), eq(outbox.status, "pending"), inArray(outbox.kind, kinds)))
    .returning({ id: outbox.id });
  return rows.length;
}

/** Emails that gave up, newest first, for the staff dashboard. */
export async function listDeadEmails(db: Db, { limit = 50 }: { limit?: number } = {}) {
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      recipient: outbox.recipient,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(eq(outbox.status, "dead"))
    .orderBy(sql`${outbox.createdAt} desc`)
    .limit(limit);
}

/** One email's delivery state, locked until the end of the transaction; null when unknown. */
export async function getEmailForUpdate(db: Db, id: string) {
  const rows = await db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      recipient: outbox.recipient,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
    })
    .from(outbox)
    .where(eq(outbox.id, id))
    .for("update");
  return rows[0] ?? null;
}

/**
 * Puts a dead email back in the queue: pending, due now, a fresh set of attempts. Only while it
 * is still dead, so a second retry (or one racing the first) changes nothing; returns whether it
 * did. `last_error` is kept until the next attempt overwrites it (or a send clears it).
 */
export async function requeueDeadEmail(db: Db, { id, now }: { id: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: "pending", attempts: 0, dueAt: now, claimedUntil: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, "dead")))
    .returning({ id: outbox.id });
  return rows.length > 0;
}
