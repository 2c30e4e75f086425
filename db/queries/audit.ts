import { and, desc, eq, getTableColumns, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { appointments, auditEvents, clinicians, intakes, patients, staffUsers, type AuditEvent } from "../schema";

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

export type AuditCursor = { at: Date; id: string };

export type AuditFilter = {
  actorId?: string;
  action?: string;
  subjectId?: string;
  /** Events about a patient whose name or email contains this (their case, their appointments, their patient record). */
  patient?: string;
  /** From this instant (inclusive) to that one (exclusive). */
  from?: Date;
  to?: Date;
  before?: AuditCursor;
};

const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

// subject_id is text (a staff id, an appointment id, a case id…): only what looks like a uuid is cast.
const UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
const subjectUuid = (type: string) =>
  sql`(case when ${auditEvents.subjectType} = ${type} and ${auditEvents.subjectId} ~* ${UUID_PATTERN} then ${auditEvents.subjectId}::uuid end)`;

function patientMatch(table: Record<"firstName" | "lastName" | "email", AnyPgColumn>, term: string): SQL {
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(
    ilike(table.firstName, pattern),
    ilike(table.lastName, pattern),
    ilike(table.email, pattern),
    ilike(sql`${table.firstName} || ' ' || ${table.lastName}`, pattern),
  )!;
}

function auditWhere(db: Db, filter: AuditFilter): SQL | undefined {
  const where: SQL[] = [];
  if (filter.actorId) where.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.subjectId) where.push(eq(auditEvents.subjectId, filter.subjectId));
  if (filter.from) where.push(gte(auditEvents.at, at(filter.from)));
  if (filter.to) where.push(lt(auditEvents.at, at(filter.to)));
  const term = filter.patient?.trim();
  if (term) {
    // The matching patients' case ids and appointment ids, so the subject index finds their events.
    const p = alias(intakes, "patient");
    const pa = alias(appointments, "patient_appointment");
    where.push(
      or(
        and(
          eq(auditEvents.subjectType, "intake"),
          inArray(
            auditEvents.subjectId,
            db
              .select({ id: sql<string>`${p.id}::text` })
              .from(p)
              .where(patientMatch(p, term)),
          ),
        ),
        and(
          eq(auditEvents.subjectType, "appointment"),
          inArray(
            auditEvents.subjectId,
            db
              .select({ id: sql<string>`${pa.id}::text` })
              .from(pa)
              .innerJoin(p, eq(p.id, pa.intakeId))
              .where(patientMatch(p, term)),
          ),
        ),
        and(
          eq(auditEvents.subjectType, "patient"),
          inArray(
            auditEvents.subjectId,
            db
              .select({ id: sql<string>`${patients.id}::text` })
              .from(patients)
              .where(patientMatch(patients, term)),
          ),
        ),
      )!,
    );
  }
  if (filter.before) {
    const { at: when, id } = filter.before;
    where.push(or(lt(auditEvents.at, at(when)), and(eq(auditEvents.at, at(when)), lt(auditEvents.id, id)))!);
  }
  return where.length ? and(...where) : undefined;
}

/** The audit trail, newest first, filtered, keyset-paged by (at, id). */
export async function listAudit(db: Db, filter: AuditFilter, limit = 50): Promise<AuditEvent[]> {
  return db
    .select()
    .from(auditEvents)
    .where(auditWhere(db, filter))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}

export type AuditTrailRow = AuditEvent & {
  /** The acting staff member's name (null for the system or a patient's link). */
  actorName: string | null;
  /** The name of the staff account or clinician the event is about, if it is about one. */
  subjectName: string | null;
  /** The patient the event is about: its case, or the case of its appointment. */
  patient: { intakeId: string; firstName: string; lastName: string } | null;
};

/** The audit trail as people read it: with the actor's name and the patient each event is about. */
export async function listAuditTrail(db: Db, filter: AuditFilter, limit = 50): Promise<AuditTrailRow[]> {
  const subjectStaff = alias(staffUsers, "subject_staff");
  const rows = await db
    .select({
      ...getTableColumns(auditEvents),
      actorName: staffUsers.name,
      subjectName: sql<string | null>`coalesce(${subjectStaff.name}, ${clinicians.name})`,
      patientIntakeId: intakes.id,
      patientFirstName: intakes.firstName,
      patientLastName: intakes.lastName,
    })
    .from(auditEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, auditEvents.actorId))
    .leftJoin(subjectStaff, sql`${subjectStaff.id} = ${subjectUuid("staff_user")}`)
    .leftJoin(clinicians, sql`${clinicians.id} = ${subjectUuid("clinician")}`)
    .leftJoin(appointments, sql`${appointments.id} = ${subjectUuid("appointment")}`)
    .leftJoin(intakes, sql`${intakes.id} = coalesce(${subjectUuid("intake")}, ${appointments.intakeId})`)
    .where(auditWhere(db, filter))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
  return rows.map(({ patientIntakeId, patientFirstName, patientLastName, ...e }) => ({
    ...e,
    patient:
      patientIntakeId === null
        ? null
        : { intakeId: patientIntakeId, firstName: patientFirstName ?? "", lastName: patientLastName ?? "" },
  }));
}
