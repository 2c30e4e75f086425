import { and, asc, desc, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { intakes, outbox, webhookEndpoints, type OutboxRow } from "../schema";

export type NewEmail = {
  kind: string;
  recipient: string;
  payload: Record<string, unknown>;
  dueAt?: Date;
  appointmentId?: string;
  /** The case the row is about (a staff alert, a webhook delivery, a patient's check-in). */
  intakeId?: string | null;
};

/**
 * The outbox kinds that alert staff about a case: one alert email, a digest of several (one
 * email listing every case that came in within a minute of the last alert email), and one
 * webhook delivery (recipient: the endpoint's id; never rendered as an email).
 */
export const ALERT_KINDS = { email: "staff_escalation", digest: "staff_digest", webhook: "webhook" } as const;

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
  {
    now,
    limit,
    leaseMs,
    skipKinds = [],
  }: {
    now: Date;
    limit: number;
    leaseMs: number;
    /** Kinds this worker has no transport for: left for one that has (e.g. webhooks). */
    skipKinds?: readonly string[];
  },
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
        skipKinds.length ? notInArray(outbox.kind, [...skipKinds]) : undefined,
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

/** A webhook delivery's endpoint, joined by id (the delivery's recipient); none for other kinds. */
const endpointOfDelivery = and(
  eq(outbox.kind, ALERT_KINDS.webhook),
  sql`${webhookEndpoints.id}::text = ${outbox.recipient}`,
);

/** What a delivery's recipient reads as: the address, or the endpoint's description (else its URL). */
const recipientLabel = sql<string>`case when ${outbox.kind} = ${ALERT_KINDS.webhook}
  then coalesce(nullif(${webhookEndpoints.description}, ''), ${webhookEndpoints.url}, 'Removed webhook endpoint')
  else ${outbox.recipient} end`;

/**
 * Emails and webhook deliveries that gave up, newest first, for the staff dashboard. A webhook
 * delivery's `recipient` is its endpoint's description or URL (its kind, "webhook", says what it is).
 */
export async function listDeadEmails(db: Db, { limit = 50 }: { limit?: number } = {}) {
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      recipient: recipientLabel,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .leftJoin(webhookEndpoints, endpointOfDelivery)
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

// The first key of the two-key advisory locks that queue staff alerts per recipient.
const ALERT_LOCK_SPACE = 727_274_003;

/**
 * Queues staff alerts to one recipient until the transaction ends, so two transactions alerting
 * at once cannot both send "the first alert" or both start a digest.
 */
export async function lockAlertRecipient(db: Db, recipient: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ALERT_LOCK_SPACE}, hashtext(${recipient}::text))`);
}

/**
 * The latest alert email (single or digest, sent or not yet tried) to `recipient`, by when it is or was
 * due, and whether that is within `windowMs` before `now` (or later). `now` unset: the database's clock.
 */
export async function latestAlertEmail(
  db: Db,
  { recipient, now, windowMs }: { recipient: string; now?: Date; windowMs: number },
): Promise<{ id: string; dueAt: Date; recent: boolean } | null> {
  const at = sql`coalesce(${now?.toISOString() ?? null}::timestamptz, now())`;
  const rows = await db
    .select({
      id: outbox.id,
      dueAt: outbox.dueAt,
      recent: sql<boolean>`${outbox.dueAt} > ${at} - make_interval(secs => ${windowMs / 1000})`,
    })
    .from(outbox)
    .where(
      and(
        eq(outbox.recipient, recipient),
        inArray(outbox.kind, [ALERT_KINDS.email, ALERT_KINDS.digest]),
        // Sent, waiting for its first try, or being sent right now: one that failed and waits for a
        // retry (or is dead) holds back no new alert, which then goes at once (its due time is the
        // retry's, up to an hour away).
        or(
          eq(outbox.status, "sent"),
          and(eq(outbox.status, "pending"), or(isNull(outbox.lastError), sql`${outbox.claimedUntil} > ${at}`)),
        ),
      ),
    )
    .orderBy(desc(outbox.dueAt))
    .limit(1);
  const row = rows[0];
  return row ? { ...row, recent: row.recent === true || String(row.recent) === "true" } : null;
}

/**
 * Adds one alert to `recipient`'s digest that is still waiting (pending, not claimed by a worker
 * at `now`); returns its id, or null when there is none (a worker may be sending it right now:
 * then the alert needs a new digest). The row is locked, and the claim re-checked, by the update.
 */
export async function appendToPendingDigest(
  db: Db,
  { recipient, alert, now }: { recipient: string; alert: Record<string, unknown>; now?: Date },
): Promise<string | null> {
  const at = sql`coalesce(${now?.toISOString() ?? null}::timestamptz, now())`;
  const waiting = and(
    eq(outbox.recipient, recipient),
    eq(outbox.kind, ALERT_KINDS.digest),
    eq(outbox.status, "pending"),
    // Never tried: a digest that was (even partly) sent once keeps its body, or a retry under the
    // same idempotency key would be a different email, which the provider refuses as "already sent".
    eq(outbox.attempts, 0),
    sql`(${outbox.claimedUntil} is null or ${outbox.claimedUntil} <= ${at})`,
  );
  const target = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(waiting)
    .orderBy(desc(outbox.dueAt))
    .limit(1)
    .for("update");
  const rows = await db
    .update(outbox)
    .set({
      payload: sql`jsonb_set(${outbox.payload}, '{alerts}', coalesce(${outbox.payload} -> 'alerts', '[]'::jsonb) || ${JSON.stringify([alert])}::jsonb)`,
    })
    .where(and(inArray(outbox.id, target), waiting))
    .returning({ id: outbox.id });
  return rows[0]?.id ?? null;
}

/**
 * Cancels a patient's unsent emails of `kind`: those about `intakeId`, and older ones queued before
 * rows named their case (matched by address); without `intakeId`, every one to the address.
 */
export async function cancelPatientEmails(
  db: Db,
  { kind, intakeId, email }: { kind: string; intakeId?: string; email: string },
): Promise<number> {
  const toAddress = sql`lower(${outbox.recipient}) = lower(${email})`;
  const rows = await db
    .update(outbox)
    .set({ status: "cancelled", claimedUntil: null })
    .where(
      and(
        eq(outbox.kind, kind),
        eq(outbox.status, "pending"),
        intakeId ? or(eq(outbox.intakeId, intakeId), and(isNull(outbox.intakeId), toAddress)) : toAddress,
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}

/** Cancels the unsent emails of `kind` about one case (e.g. an earlier "reviewed" email not yet sent). */
export async function cancelCaseEmails(db: Db, { kind, intakeId }: { kind: string; intakeId: string }) {
  const rows = await db
    .update(outbox)
    .set({ status: "cancelled", claimedUntil: null })
    .where(and(eq(outbox.kind, kind), eq(outbox.status, "pending"), eq(outbox.intakeId, intakeId)))
    .returning({ id: outbox.id });
  return rows.length;
}

/** Cancels an endpoint's unsent deliveries (it was deactivated or removed). */
export async function cancelWebhookDeliveries(db: Db, endpointId: string): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: "cancelled", claimedUntil: null })
    .where(and(eq(outbox.kind, ALERT_KINDS.webhook), eq(outbox.recipient, endpointId), eq(outbox.status, "pending")))
    .returning({ id: outbox.id });
  return rows.length;
}

/** How a delivery stands, in the words the case page uses. */
export type AlertStatus = "queued" | "sent" | "failed" | "cancelled";
const ALERT_STATUS: Record<OutboxRow["status"], AlertStatus> = {
  pending: "queued",
  sent: "sent",
  dead: "failed",
  cancelled: "cancelled",
};

/** One staff alert about a case, by email (alone or in a digest) or webhook. */
export type CaseAlert = {
  id: string;
  channel: "email" | "webhook";
  /** An email listing several cases (see ALERT_KINDS.digest). */
  digest: boolean;
  /** The email address, or the endpoint's description (else its URL). */
  recipient: string;
  /** Why the case alerted: "level", "no_capacity", "overdue", "override", "review_overdue". */
  reason: string | null;
  /** A webhook's event type ("case.escalated", "case.overdue"); null for emails. */
  event: string | null;
  status: AlertStatus;
  attempts: number;
  /** The last failure's first line, while it is the last thing that happened. */
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

const alertColumns = {
  id: outbox.id,
  kind: outbox.kind,
  recipient: recipientLabel,
  payload: outbox.payload,
  status: outbox.status,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

/**
 * The staff alerts about one case, newest first: its alert emails, the digests that listed it
 * and its webhook deliveries, each with its recipient and how it stands.
 */
export async function listCaseAlerts(db: Db, intakeId: string, { limit = 50 }: { limit?: number } = {}) {
  const own = await db
    .select(alertColumns)
    .from(outbox)
    .leftJoin(webhookEndpoints, endpointOfDelivery)
    .where(and(eq(outbox.intakeId, intakeId), inArray(outbox.kind, [ALERT_KINDS.email, ALERT_KINDS.webhook])))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
  const digests = await db
    .select(alertColumns)
    .from(outbox)
    .leftJoin(webhookEndpoints, endpointOfDelivery)
    .where(
      and(
        eq(outbox.kind, ALERT_KINDS.digest),
        sql`${outbox.payload} -> 'alerts' @> ${JSON.stringify([{ intakeId }])}::jsonb`,
      ),
    )
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
  return [...own, ...digests]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))
    .slice(0, limit)
    .map((row): CaseAlert => {
      const payload = (row.payload ?? {}) as Record<string, unknown>;
      const webhook = row.kind === ALERT_KINDS.webhook;
      const digest = row.kind === ALERT_KINDS.digest;
      const about = webhook
        ? (payload.data as Record<string, unknown> | undefined)
        : digest
          ? (payload.alerts as Record<string, unknown>[] | undefined)?.find((a) => a.intakeId === intakeId)
          : payload;
      return {
        id: row.id,
        channel: webhook ? "webhook" : "email",
        digest,
        recipient: row.recipient,
        reason: typeof about?.reason === "string" ? about.reason : null,
        event: webhook && typeof payload.type === "string" ? payload.type : null,
        status: ALERT_STATUS[row.status],
        attempts: row.attempts,
        lastError: row.lastError?.split("\n")[0]?.trim() || null,
        createdAt: row.createdAt,
        sentAt: row.sentAt,
      };
    });
}

/** An open EMERGENCY case with an alert that could not be delivered. */
export type FailedEmergencyAlert = { id: string; firstName: string; lastName: string; createdAt: Date };

/** An alert that has failed: given up, or failed at least once and not delivered yet (retrying, for up to about 2 hours). */
const FAILED = sql`(${outbox.status} = 'dead' or (${outbox.status} = 'pending' and ${outbox.attempts} > 0))`;

/**
 * Open (unresolved) cases whose acting level is EMERGENCY and that have at least one alert (email,
 * digest or webhook) that failed (given up, or still retrying after a failure), oldest first: staff
 * must know nobody may have been told.
 */
export async function listFailedEmergencyAlerts(db: Db): Promise<FailedEmergencyAlert[]> {
  // From the failed alerts (few) to their cases: an OR of two subqueries over the intakes read every
  // open EMERGENCY intake's row (half a second at a million intakes, on every queue page).
  const failedFor = sql`(
    select ${outbox.intakeId} from ${outbox}
    where ${FAILED} and ${outbox.kind} in (${ALERT_KINDS.email}, ${ALERT_KINDS.webhook}) and ${outbox.intakeId} is not null
    union
    select (alert ->> 'intakeId')::uuid from ${outbox}, jsonb_array_elements(${outbox.payload} -> 'alerts') as alert
    where ${FAILED} and ${outbox.kind} = ${ALERT_KINDS.digest} and alert ->> 'intakeId' ~ '^[0-9a-fA-F-]{36}$')`;
  return db
    .select({ id: intakes.id, firstName: intakes.firstName, lastName: intakes.lastName, createdAt: intakes.createdAt })
    .from(intakes)
    .where(and(eq(intakes.effectiveLevel, "EMERGENCY"), isNull(intakes.resolvedAt), inArray(intakes.id, failedFor)))
    .orderBy(asc(intakes.createdAt), asc(intakes.id));
}
