// What staff read and change on an escalated case (intakes seen as cases): its notes, bookings and
// emails, and the compare-and-swap changes of acknowledging, overriding and resolving it.
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
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

/** Whose notes: one case's, several cases' (a patient's, for the privacy export), or every case of a patient. */
export type NoteScope = { intakeId: string } | { intakeIds: readonly string[] } | { patientId: string };

/** The one column set of a note or logged call as staff and the patient's export read it. */
const noteColumns = {
  id: caseNotes.id,
  intakeId: caseNotes.intakeId,
  kind: caseNotes.kind,
  outcome: caseNotes.outcome,
  body: caseNotes.body,
  createdAt: caseNotes.createdAt,
  author: staffUsers.name,
};

/** Notes and logged calls in `scope`, with their author's name, oldest or newest first (ties by id). */
export async function listNotes(db: Db, { scope, order }: { scope: NoteScope; order: "oldest" | "newest" }) {
  let where: SQL;
  if ("intakeId" in scope) where = eq(caseNotes.intakeId, scope.intakeId);
  else if ("intakeIds" in scope) {
    if (!scope.intakeIds.length) return [];
    where = inArray(caseNotes.intakeId, [...scope.intakeIds]);
  } else
    where = inArray(
      caseNotes.intakeId,
      db.select({ id: intakes.id }).from(intakes).where(eq(intakes.patientId, scope.patientId)),
    );
  const by = order === "oldest" ? asc : desc;
  return (
    db
      .select(noteColumns)
      .from(caseNotes)
      // author_id is NOT NULL and references staff_users: a left join only keeps the export whole if that ever changes.
      .leftJoin(staffUsers, eq(staffUsers.id, caseNotes.authorId))
      .where(where)
      .orderBy(by(caseNotes.createdAt), by(caseNotes.id))
  );
}

/** The case's notes and logged calls, oldest first, with their author's name. */
export function listCaseNotes(db: Db, intakeId: string) {
  return listNotes(db, { scope: { intakeId }, order: "oldest" });
}

const bookedBy = alias(staffUsers, "booked_by");

/**
 * The one column set of an appointment as the case and patient pages list it: when, what, with whom,
 * its status, and who booked or cancelled it and why.
 */
export const appointmentRowColumns = {
  id: appointments.id,
  intakeId: appointments.intakeId,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  status: appointments.status,
  cancelledAt: appointments.cancelledAt,
  cancelReason: appointments.cancelReason,
  lateCancellation: appointments.lateCancellation,
  bookedByStaff: bookedBy.name,
  outsideLevelReason: appointments.outsideLevelReason,
  clinician: clinicians.name,
  type: appointmentTypes.name,
};

/** Appointments matching `where`, newest start first, in the shape of appointmentRowColumns. */
export function listAppointmentRows(db: Db, where: SQL) {
  return (
    db
      .select(appointmentRowColumns)
      .from(appointments)
      .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
      .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
      .leftJoin(bookedBy, eq(bookedBy.id, appointments.bookedByStaffId))
      // A time held for a waitlist offer is not an appointment yet: the offer shows it.
      .where(and(where, ne(appointments.status, "held")))
      .orderBy(desc(appointments.startsAt), desc(appointments.id))
  );
}

export type AppointmentRow = Awaited<ReturnType<typeof listAppointmentRows>>[number];

/** Every appointment of the case (any status), newest start first, with clinician and type names. */
export function listCaseBookings(db: Db, intakeId: string) {
  return listAppointmentRows(db, eq(appointments.intakeId, intakeId));
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

/** Marks the case resolved by `by` at `at` (with a reason when no call was logged) unless it already is; returns whether this call did it. */
export async function resolveIntake(
  db: Db,
  { intakeId, by, at, reason = null }: { intakeId: string; by: string; at: Date; reason?: string | null },
): Promise<boolean> {
  const rows = await db
    .update(intakes)
    .set({ resolvedAt: at, resolvedBy: by, resolutionReason: reason })
    .where(and(eq(intakes.id, intakeId), isNull(intakes.resolvedAt)))
    .returning({ id: intakes.id });
  return rows.length > 0;
}

/** Marks the case reviewed by `by` at `at` unless it already is; returns whether this call did it. */
export async function reviewIntake(
  db: Db,
  { intakeId, by, at }: { intakeId: string; by: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(intakes)
    .set({ reviewedAt: at, reviewedBy: by })
    .where(and(eq(intakes.id, intakeId), isNull(intakes.reviewedAt), isNotNull(intakes.reviewDueAt)))
    .returning({ id: intakes.id });
  return rows.length > 0;
}

/** Records the case's first logged call (later calls leave it). */
export async function markFirstCall(db: Db, { intakeId, at }: { intakeId: string; at: Date }): Promise<void> {
  await db
    .update(intakes)
    .set({ firstCallAt: at })
    .where(and(eq(intakes.id, intakeId), isNull(intakes.firstCallAt)));
}

/** Adds a note or logged call to the case and returns its id. */
export async function insertCaseNote(
  db: Db,
  note: { intakeId: string; authorId: string; kind: "note" | "call"; outcome: string | null; body: string },
): Promise<{ id: string }> {
  const [row] = await db.insert(caseNotes).values(note).returning({ id: caseNotes.id });
  return row!;
}

/** What a change of level or a closing needs to know of a case, locked until the end of the transaction; null when unknown. */
export async function getCaseForUpdate(db: Db, intakeId: string) {
  const rows = await db
    .select({
      id: intakes.id,
      level: intakes.level,
      overrideLevel: intakes.overrideLevel,
      effectiveLevel: intakes.effectiveLevel,
      flags: intakes.flags,
      escalated: intakes.escalated,
      escalationReason: intakes.escalationReason,
      ackDueAt: intakes.ackDueAt,
      acknowledgedAt: intakes.acknowledgedAt,
      resolvedAt: intakes.resolvedAt,
      reviewDueAt: intakes.reviewDueAt,
      reviewedAt: intakes.reviewedAt,
      firstCallAt: intakes.firstCallAt,
      createdAt: intakes.createdAt,
      email: intakes.email,
      firstName: intakes.firstName,
      erasedAt: intakes.erasedAt,
    })
    .from(intakes)
    .where(eq(intakes.id, intakeId))
    .for("update");
  return rows[0] ?? null;
}

export type CaseForUpdate = NonNullable<Awaited<ReturnType<typeof getCaseForUpdate>>>;

/** The queue and deadline fields a new level changes. */
export type CaseLevelChanges = Partial<
  Pick<
    Intake,
    | "escalated"
    | "escalationReason"
    | "ackDueAt"
    | "arrivedOutOfHours"
    | "acknowledgedAt"
    | "acknowledgedBy"
    | "overdueAlertedAt"
    | "resolvedAt"
    | "resolvedBy"
    | "reviewDueAt"
    | "firstCallAt"
  >
>;

/** Sets a clinician's override of the case's level, with its reason, who and when, and what it changes. */
export async function setOverrideLevel(
  db: Db,
  {
    intakeId,
    level,
    reason,
    by,
    at,
    changes,
  }: {
    intakeId: string;
    level: NonNullable<Intake["overrideLevel"]>;
    reason: string;
    by: string;
    at: Date;
    changes: CaseLevelChanges;
  },
): Promise<void> {
  await db
    .update(intakes)
    .set({ overrideLevel: level, overrideReason: reason, overriddenBy: by, overriddenAt: at, ...changes })
    .where(eq(intakes.id, intakeId));
}

/**
 * Up to 50 escalated cases whose acknowledgement deadline passed before `now` with nobody
 * acknowledging or resolving them, and no overdue alert yet.
 */
export async function listOverdueCases(db: Db, now: Date): Promise<{ id: string }[]> {
  return db
    .select({ id: intakes.id })
    .from(intakes)
    .where(
      and(
        eq(intakes.escalated, true),
        isNull(intakes.acknowledgedAt),
        isNull(intakes.resolvedAt),
        isNull(intakes.overdueAlertedAt),
        sql`${intakes.ackDueAt} < ${now.toISOString()}::timestamptz`,
      ),
    )
    .limit(50);
}

/**
 * Claims the case's overdue alert (marks it sent at `now`) while it is still unalerted and
 * unacknowledged; returns the case, or null when not claimed.
 */
export async function claimOverdueAlert(db: Db, { intakeId, now }: { intakeId: string; now: Date }) {
  const rows = await db
    .update(intakes)
    .set({ overdueAlertedAt: now })
    .where(
      and(
        eq(intakes.id, intakeId),
        isNull(intakes.overdueAlertedAt),
        isNull(intakes.acknowledgedAt),
        isNull(intakes.resolvedAt),
      ),
    )
    .returning({
      id: intakes.id,
      level: intakes.effectiveLevel,
      createdAt: intakes.createdAt,
      deadline: intakes.ackDueAt,
    });
  return rows[0] ?? null;
}

/** Up to 50 cases on the review list whose review deadline passed before `now`, not reviewed and not alerted yet. */
export async function listOverdueReviews(db: Db, now: Date): Promise<{ id: string }[]> {
  return db
    .select({ id: intakes.id })
    .from(intakes)
    .where(
      and(
        isNull(intakes.reviewedAt),
        isNull(intakes.reviewOverdueAlertedAt),
        sql`${intakes.reviewDueAt} < ${now.toISOString()}::timestamptz`,
      ),
    )
    .limit(50);
}

/** Claims the overdue-review alert of a case still unreviewed; returns the case, or null when not claimed. */
export async function claimReviewOverdueAlert(db: Db, { intakeId, now }: { intakeId: string; now: Date }) {
  const rows = await db
    .update(intakes)
    .set({ reviewOverdueAlertedAt: now })
    .where(and(eq(intakes.id, intakeId), isNull(intakes.reviewOverdueAlertedAt), isNull(intakes.reviewedAt)))
    .returning({
      id: intakes.id,
      level: intakes.effectiveLevel,
      createdAt: intakes.createdAt,
      deadline: intakes.reviewDueAt,
    });
  return rows[0] ?? null;
}
