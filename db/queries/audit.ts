import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { auditEvents, type AuditEvent } from "../schema";

export type AuditInput = {
  actor: { id: string; email: string } | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  clientAddress?: string | null;
};

/** Appends one audit event; call with the transaction of the change it records. */
export async function recordAudit(db: Db, e: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: e.actor?.id ?? null,
    actorEmail: e.actor?.email ?? null,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason ?? null,
    clientAddress: e.clientAddress ?? null,
  });
}

export type AuditFilter = { actorId?: string; action?: string; subjectId?: string; before?: { at: Date; id: string } };

/** The audit trail, newest first, filtered, keyset-paged by (at, id). */
export async function listAudit(db: Db, filter: AuditFilter, limit = 50): Promise<AuditEvent[]> {
  const where: SQL[] = [];
  if (filter.actorId) where.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.subjectId) where.push(eq(auditEvents.subjectId, filter.subjectId));
  if (filter.before) {
    const at = filter.before.at.toISOString();
    where.push(
      or(
        lt(auditEvents.at, sql`${at}::timestamptz`),
        and(eq(auditEvents.at, sql`${at}::timestamptz`), lt(auditEvents.id, filter.before.id)),
      )!,
    );
  }
  return db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}
