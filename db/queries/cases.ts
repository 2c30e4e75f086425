// What staff read and change on an escalated case (intakes seen as cases): its notes, bookings and
// emails, and the compare-and-swap changes of acknowledging, overriding and resolving it.
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  appointments,
  appointmentTypes,
  caseNotes,
  clinicians,
  intakes,
  outbox,
  staffUsers,
  type Intake,
} from "../schema";

/** Whether an intake with this id exists. */
export async function intakeExists(db: Db, intakeId: string): Promise<boolean> {
  const rows = await db.select({ id: intakes.id }).from(intakes).where(eq(intakes.id, intakeId)).limit(1);
  return rows.length > 0;
}

/** The case's notes and logged calls, oldest first, with their author's name. */
export async function listCaseNotes(db: Db, intakeId: string) {
  return db
    .select({
      id: caseNotes.id,
      kind: caseNotes.kind,
      outcome: caseNotes.outcome,
      body: caseNotes.body,
      createdAt: caseNotes.createdAt,
      author: staffUsers.name,
    })
    .from(caseNotes)
    .innerJoin(staffUsers, eq(staffUsers.id, caseNotes.authorId))
    .where(eq(caseNotes.intakeId, intakeId))
    .orderBy(asc(caseNotes.createdAt));
}

/** Every appointment of the case (any status), newest start first, with clinician and type names. */
export async function listCaseBookings(db: Db, intakeId: string) {
  return db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      status: appointments.status,
      clinician: clinicians.name,
      type: appointmentTypes.name,
    })
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .where(eq(appointments.intakeId, intakeId))
    .orderBy(desc(appointments.startsAt));
}

/** The last 50 emails to the patient's address or about the case's appointments, newest first. */
export async function listCaseEmails(db: Db, { intakeId, email }: { intakeId: string; email: string }) {
  const appts = db.select({ id: appointments.id }).from(appointments).where(eq(appointments.intakeId, intakeId));
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      status: outbox.status,
      dueAt: outbox.dueAt,
      sentAt: outbox.sentAt,
      attempts: outbox.attempts,
    })
    .from(outbox)
    .where(or(eq(outbox.recipient, email), inArray(outbox.appointmentId, appts)))
    .orderBy(desc(outbox.createdAt))
    .limit(50);
}

/** Marks the case acknowledged by `by` at `at` unless it already is; returns whether this call did it. */
export async function acknowledgeIntake(
  db: Db,
  { intakeId, by, at }: { intakeId: string; by: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(intakes)
    .set({ acknowledgedAt: at, acknowledgedBy: by })
    .where(and(eq(intakes.id, intakeId), isNull(intakes.acknowledgedAt)))
    .returning({ id: intakes.id });
  return rows.length > 0;
}

/** Marks the case resolved by `by` at `at` unless it already is; returns whether this call did it. */
export async function resolveIntake(
  db: Db,
  { intakeId, by, at }: { intakeId: string; by: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(intakes)
    .set({ resolvedAt: at, resolvedBy: by })
    .where(and(eq(intakes.id, intakeId), isNull(intakes.resolvedAt)))
    .returning({ id: intakes.id });
  return rows.length > 0;
}

/** Adds a note or logged call to the case and returns its id. */
export async function insertCaseNote(
  db: Db,
  note: { intakeId: string; authorId: string; kind: "note" | "call"; outcome: string | null; body: string },
): Promise<{ id: string }> {
  const [row] = await db.insert(caseNotes).values(note).returning({ id: caseNotes.id });
  return row!;
}

/** The case's graded and overridden level, locked until the end of the transaction; null when unknown. */
export async function getIntakeLevelForUpdate(
  db: Db,
  intakeId: string,
): Promise<Pick<Intake, "level" | "overrideLevel"> | null> {
  const rows = await db
    .select({ level: intakes.level, overrideLevel: intakes.overrideLevel })
    .from(intakes)
    .where(eq(intakes.id, intakeId))
    .for("update");
  return rows[0] ?? null;
}

/** Sets a clinician's override of the case's level, with its reason, who and when. */
export async function setOverrideLevel(
  db: Db,
  {
    intakeId,
    level,
    reason,
    by,
    at,
  }: { intakeId: string; level: NonNullable<Intake["overrideLevel"]>; reason: string; by: string; at: Date },
): Promise<void> {
  await db
    .update(intakes)
    .set({ overrideLevel: level, overrideReason: reason, overriddenBy: by, overriddenAt: at })
    .where(eq(intakes.id, intakeId));
}

/**
 * Up to 50 escalated cases of this level submitted before `createdBefore` that nobody has
 * acknowledged or resolved and that have not had their overdue alert yet.
 */
export async function listOverdueCases(
  db: Db,
  { level, createdBefore }: { level: Intake["level"]; createdBefore: Date },
): Promise<{ id: string }[]> {
  return db
    .select({ id: intakes.id })
    .from(intakes)
    .where(
      and(
        eq(intakes.escalated, true),
        eq(intakes.level, level),
        isNull(intakes.acknowledgedAt),
        isNull(intakes.resolvedAt),
        isNull(intakes.overdueAlertedAt),
        sql`${intakes.createdAt} < ${createdBefore.toISOString()}::timestamptz`,
      ),
    )
    .limit(50);
}

/**
 * Claims the case's overdue alert (marks it sent at `now`) while it is still unalerted and
 * unacknowledged; returns the case's id, level and submission time, or null when not claimed.
 */
export async function claimOverdueAlert(db: Db, { intakeId, now }: { intakeId: string; now: Date }) {
  const rows = await db
    .update(intakes)
    .set({ overdueAlertedAt: now })
    .where(and(eq(intakes.id, intakeId), isNull(intakes.overdueAlertedAt), isNull(intakes.acknowledgedAt)))
    .returning({ id: intakes.id, level: intakes.level, createdAt: intakes.createdAt });
  return rows[0] ?? null;
}
