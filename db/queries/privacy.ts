// The patient's rights over their data: who "the patient" is, what an export reads, what an
// erasure changes, which patients the retention purge finds, and the clinic's privacy notices.
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import {
  appointments,
  appointmentTypes,
  auditEvents,
  caseNotes,
  clinic,
  clinicians,
  devMailbox,
  idempotencyKeys,
  intakeDrafts,
  intakes,
  outbox,
  patients,
  preVisitChecks,
  privacyNotices,
  staffUsers,
  waitlistEntries,
  type Intake,
} from "../schema";
import { listNotes } from "./cases";
import { ALERT_KINDS } from "./outbox";

/** What erased free text (a note, a reason) reads as afterwards. */
export const ERASED_TEXT = "[erased]";

// ---------------------------------------------------------------------------------------------
// Who the patient is

/**
 * Every intake of the patient `intakeId` belongs to (its `patients` row: see db/schema.ts), oldest
 * first; empty when there is no such intake. Export, erasure and the retention purge all ask here.
 */
export async function patientIntakeIds(db: Db, intakeId: string): Promise<string[]> {
  const rows = await db
    .select({ id: intakes.id })
    .from(intakes)
    .where(eq(intakes.patientId, sql`(select ${intakes.patientId} from ${intakes} where ${intakes.id} = ${intakeId})`))
    .orderBy(asc(intakes.createdAt), asc(intakes.id));
  return rows.map((r) => r.id);
}

/** The patient records of these intakes get the same pseudonym and erasure mark as the intakes. */
export async function erasePatients(
  db: Db,
  { intakeIds, contact, at }: { intakeIds: readonly string[]; contact: ErasedContact; at: Date },
): Promise<number> {
  if (!intakeIds.length) return 0;
  const rows = await db
    .update(patients)
    .set({ ...contact, erasedAt: at, updatedAt: at })
    .where(
      and(
        isNull(patients.erasedAt),
        inArray(
          patients.id,
          db
            .select({ id: intakes.patientId })
            .from(intakes)
            .where(inArray(intakes.id, [...intakeIds])),
        ),
      ),
    )
    .returning({ id: patients.id });
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// What is held about the patient (the export reads these; erasure counts them first)

/** The patient's intakes, whole, oldest first. */
export async function listPatientIntakes(db: Db, intakeIds: readonly string[]): Promise<Intake[]> {
  if (!intakeIds.length) return [];
  return db
    .select()
    .from(intakes)
    .where(inArray(intakes.id, [...intakeIds]))
    .orderBy(asc(intakes.createdAt), asc(intakes.id));
}

/** The patient's appointments (any status), oldest start first, with clinician and type names; no manage-link hash. */
export async function listPatientAppointments(db: Db, intakeIds: readonly string[]) {
  if (!intakeIds.length) return [];
  return db
    .select({
      id: appointments.id,
      intakeId: appointments.intakeId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      clinician: clinicians.name,
      clinicianRole: clinicians.role,
      type: appointmentTypes.name,
      createdAt: appointments.createdAt,
      cancelledAt: appointments.cancelledAt,
      cancelReason: appointments.cancelReason,
      rescheduledFromId: appointments.rescheduledFromId,
    })
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .where(inArray(appointments.intakeId, [...intakeIds]))
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
}

/** The notes and logged calls on the patient's cases, oldest first, with their author's name. */
export function listPatientNotes(db: Db, intakeIds: readonly string[]) {
  return listNotes(db, { scope: { intakeIds }, order: "oldest" });
}

/** Staff alerts and webhook deliveries name a case but go to staff: never the patient's emails. */
const STAFF_KINDS = [ALERT_KINDS.email, ALERT_KINDS.digest, ALERT_KINDS.webhook];

type PatientScope = { intakeIds: readonly string[]; appointmentIds: readonly string[]; emails: readonly string[] };

/**
 * Outbox rows that are emails to the patient: about their cases or their appointments, or to their
 * address when about no case or appointment at all (a family sharing an address are different
 * patients: an email about the other's case is the other's).
 */
function patientEmailWhere({ intakeIds, appointmentIds, emails }: PatientScope): SQL | undefined {
  const about: SQL[] = [];
  if (emails.length)
    about.push(
      and(
        inArray(
          sql`lower(${outbox.recipient})`,
          emails.map((e) => e.toLowerCase()),
        ),
        isNull(outbox.intakeId),
        isNull(outbox.appointmentId),
      )!,
    );
  if (appointmentIds.length) about.push(inArray(outbox.appointmentId, [...appointmentIds]));
  if (intakeIds.length) about.push(inArray(outbox.intakeId, [...intakeIds]));
  if (!about.length) return undefined;
  return and(notInArray(outbox.kind, STAFF_KINDS), or(...about));
}

/** The emails sent (or waiting) to the patient, oldest first: what, to whom, how it stands; not their contents. */
export async function listPatientEmails(db: Db, scope: PatientScope) {
  const where = patientEmailWhere(scope);
  if (!where) return [];
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      recipient: outbox.recipient,
      status: outbox.status,
      createdAt: outbox.createdAt,
      dueAt: outbox.dueAt,
      sentAt: outbox.sentAt,
      attempts: outbox.attempts,
      appointmentId: outbox.appointmentId,
      intakeId: outbox.intakeId,
    })
    .from(outbox)
    .where(where)
    .orderBy(asc(outbox.createdAt), asc(outbox.id));
}

/** The email a draft's contact section holds, lower-cased (null when the draft has none yet). */
const draftEmail = sql`lower(${intakeDrafts.answers} #>> '{contact,email}')`;
const draftBirth = sql`${intakeDrafts.answers} #>> '{contact,dateOfBirth}'`;

/** Who a patient is, as a draft's contact section can say it. */
export type DraftIdentity = { email: string; dateOfBirth: string };

/**
 * Drafts whose contact section carries one of these email and date-of-birth pairs: a family
 * sharing an address are different patients, and a draft without a date of birth belongs to none.
 */
function draftOf(people: readonly DraftIdentity[]): SQL | undefined {
  if (!people.length) return undefined;
  return or(
    ...people.map((p) => and(sql`${draftEmail} = ${p.email.toLowerCase()}`, sql`${draftBirth} = ${p.dateOfBirth}`)!),
  );
}

/** Unfinished intake forms (drafts) of the patient (see draftOf): the only way a draft links to a patient. */
export async function listPatientDrafts(db: Db, people: readonly DraftIdentity[]) {
  const where = draftOf(people);
  if (!where) return [];
  return db
    .select({
      answers: intakeDrafts.answers,
      completedSteps: intakeDrafts.completedSteps,
      createdAt: intakeDrafts.createdAt,
      updatedAt: intakeDrafts.updatedAt,
      expiresAt: intakeDrafts.expiresAt,
    })
    .from(intakeDrafts)
    .where(where)
    .orderBy(asc(intakeDrafts.createdAt));
}

/** Audit events about the patient's cases and appointments, oldest first, with the actor's name. */
export async function listPatientAuditEvents(
  db: Db,
  { intakeIds, appointmentIds }: { intakeIds: readonly string[]; appointmentIds: readonly string[] },
) {
  const about: SQL[] = [];
  if (intakeIds.length)
    about.push(and(eq(auditEvents.subjectType, "intake"), inArray(auditEvents.subjectId, [...intakeIds]))!);
  if (appointmentIds.length)
    about.push(and(eq(auditEvents.subjectType, "appointment"), inArray(auditEvents.subjectId, [...appointmentIds]))!);
  if (!about.length) return [];
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      actorId: auditEvents.actorId,
      actorName: staffUsers.name,
      before: auditEvents.before,
      after: auditEvents.after,
      reason: auditEvents.reason,
    })
    .from(auditEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, auditEvents.actorId))
    .where(or(...about))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
}

// ---------------------------------------------------------------------------------------------
// Erasure: each step changes one table; lib/privacy/erase.ts runs them in one transaction

/** The patient's intakes, locked until the end of the transaction, with what erasure needs. */
export async function lockPatientIntakes(db: Db, intakeIds: readonly string[]) {
  if (!intakeIds.length) return [];
  return db
    .select({
      id: intakes.id,
      email: intakes.email,
      dateOfBirth: intakes.dateOfBirth,
      firstName: intakes.firstName,
      lastName: intakes.lastName,
      phone: intakes.phone,
      erasedAt: intakes.erasedAt,
      escalated: intakes.escalated,
      resolvedAt: intakes.resolvedAt,
    })
    .from(intakes)
    .where(inArray(intakes.id, [...intakeIds]))
    .orderBy(asc(intakes.id))
    .for("update");
}

export type ErasedContact = Pick<Intake, "firstName" | "lastName" | "email" | "phone" | "dateOfBirth" | "sex">;

/**
 * Replaces the contact fields of the intakes not yet erased with `contact` (a pseudonym and
 * placeholders), empties their answers, clears the clinicians' free-text reasons (they may quote
 * the patient) and stamps `erasedAt`. The grade, its rules, scores, dates and who handled the case
 * stay. Returns how many intakes it changed.
 */
export async function eraseIntakes(
  db: Db,
  { intakeIds, contact, at }: { intakeIds: readonly string[]; contact: ErasedContact; at: Date },
): Promise<number> {
  if (!intakeIds.length) return 0;
  const rows = await db
    .update(intakes)
    .set({
      ...contact,
      answers: sql`'{}'::jsonb`,
      overrideReason: sql`case when ${intakes.overrideReason} is null then null else ${ERASED_TEXT} end`,
      resolutionReason: sql`case when ${intakes.resolutionReason} is null then null else ${ERASED_TEXT} end`,
      erasedAt: at,
    })
    .where(and(inArray(intakes.id, [...intakeIds]), isNull(intakes.erasedAt)))
    .returning({ id: intakes.id });
  return rows.length;
}

/** Replaces the text of the cases' notes and calls with "[erased]" (who wrote them, when, and a call's outcome stay). */
export async function eraseCaseNotes(db: Db, intakeIds: readonly string[]): Promise<number> {
  if (!intakeIds.length) return 0;
  const rows = await db
    .update(caseNotes)
    .set({ body: ERASED_TEXT })
    .where(and(inArray(caseNotes.intakeId, [...intakeIds]), ne(caseNotes.body, ERASED_TEXT)))
    .returning({ id: caseNotes.id });
  return rows.length;
}

/** The ids of the patient's appointments, any status. */
export async function listPatientAppointmentIds(db: Db, intakeIds: readonly string[]): Promise<string[]> {
  if (!intakeIds.length) return [];
  const rows = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(inArray(appointments.intakeId, [...intakeIds]));
  return rows.map((r) => r.id);
}

/** The patient's booked appointments that start after `now` (erasure cancels them). */
export async function listUpcomingAppointments(
  db: Db,
  { intakeIds, now }: { intakeIds: readonly string[]; now: Date },
) {
  if (!intakeIds.length) return [];
  return db
    .select({ id: appointments.id, startsAt: appointments.startsAt })
    .from(appointments)
    .where(
      and(
        inArray(appointments.intakeId, [...intakeIds]),
        eq(appointments.status, "booked"),
        sql`${appointments.startsAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

/**
 * Cancels the patient's upcoming booked appointments (their times are freed; the manage link's hash
 * stays so the link can say the details were erased) and replaces every cancellation reason the
 * patient typed with "[erased]". Times, clinician, type and status stay. Returns both counts.
 */
/** An appointment erasure cancelled (for its webhook event). */
export type ErasedAppointment = {
  id: string;
  seriesId: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  clinicianId: string;
  appointmentTypeId: string;
};

export async function eraseAppointments(
  db: Db,
  { intakeIds, now }: { intakeIds: readonly string[]; now: Date },
): Promise<{ cancelled: ErasedAppointment[]; reasonsErased: number }> {
  if (!intakeIds.length) return { cancelled: [], reasonsErased: 0 };
  const cancelled = await db
    .update(appointments)
    .set({ status: "cancelled", cancelledAt: now, cancelReason: ERASED_TEXT })
    .where(
      and(
        inArray(appointments.intakeId, [...intakeIds]),
        eq(appointments.status, "booked"),
        sql`${appointments.startsAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning({
      id: appointments.id,
      seriesId: appointments.seriesId,
      sequence: appointments.sequence,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      clinicianId: appointments.clinicianId,
      appointmentTypeId: appointments.appointmentTypeId,
    });
  const reasons = await db
    .update(appointments)
    .set({ cancelReason: ERASED_TEXT })
    .where(
      and(
        inArray(appointments.intakeId, [...intakeIds]),
        isNotNull(appointments.cancelReason),
        ne(appointments.cancelReason, ERASED_TEXT),
      ),
    )
    .returning({ id: appointments.id });
  return { cancelled, reasonsErased: reasons.length };
}

/**
 * The patient's emails: those still waiting (or given up, which an admin could retry) are
 * cancelled, so none is ever sent; every one keeps its kind, status and dates but loses its
 * contents and error text, and its recipient becomes `recipient` (the pseudonymous address). Their
 * copies in the development mailbox are deleted. Returns how many were cancelled and purged.
 */
export async function eraseEmails(
  db: Db,
  scope: PatientScope & { recipient: string },
): Promise<{ cancelled: number; purged: number; mailbox: number }> {
  const where = patientEmailWhere(scope);
  if (!where) return { cancelled: 0, purged: 0, mailbox: 0 };
  const ids = db.select({ id: outbox.id }).from(outbox).where(where);
  const lowered = scope.emails.map((e) => e.toLowerCase());
  const mailbox = await db
    .delete(devMailbox)
    .where(
      lowered.length
        ? or(inArray(devMailbox.outboxId, ids), inArray(sql`lower(${devMailbox.to})`, lowered))
        : inArray(devMailbox.outboxId, ids),
    )
    .returning({ id: devMailbox.outboxId });
  const cancelled = await db
    .update(outbox)
    .set({ status: "cancelled", claimedUntil: null })
    .where(and(where, inArray(outbox.status, ["pending", "dead"])))
    .returning({ id: outbox.id });
  const purged = await db
    .update(outbox)
    .set({ recipient: scope.recipient, payload: sql`'{}'::jsonb`, lastError: null, claimedUntil: null })
    .where(where)
    .returning({ id: outbox.id });
  return { cancelled: cancelled.length, purged: purged.length, mailbox: mailbox.length };
}

/** Deletes the unfinished intake forms (drafts) that carry one of these emails. */
export async function deletePatientDrafts(db: Db, people: readonly DraftIdentity[]): Promise<number> {
  const where = draftOf(people);
  if (!where) return 0;
  const rows = await db.delete(intakeDrafts).where(where).returning({ id: intakeDrafts.tokenHash });
  return rows.length;
}

/** Deletes the API's replay records of the intakes (their request hash was made from the patient's details). */
export async function deleteIdempotencyRecords(db: Db, intakeIds: readonly string[]): Promise<number> {
  if (!intakeIds.length) return 0;
  const rows = await db
    .delete(idempotencyKeys)
    .where(inArray(idempotencyKeys.intakeId, [...intakeIds]))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}

/** The latest erasure of an intake, from the audit trail: when, by whom (null: the system), why. */
export async function getErasureRecord(db: Db, intakeId: string) {
  const rows = await db
    .select({
      at: auditEvents.at,
      actorId: auditEvents.actorId,
      actorName: staffUsers.name,
      reason: auditEvents.reason,
    })
    .from(auditEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.subjectType, "intake"),
        eq(auditEvents.subjectId, intakeId),
        eq(auditEvents.action, "patient_erased"),
      ),
    )
    .orderBy(desc(auditEvents.at))
    .limit(1);
  return rows[0] ?? null;
}

/** Whether a manage link's hash belongs to an appointment whose patient's data was erased. */
export async function isManageLinkErased(db: Db, tokenHash: string): Promise<boolean> {
  const rows = await db
    .select({ id: appointments.id })
    .from(appointments)
    .innerJoin(intakes, eq(intakes.id, appointments.intakeId))
    .where(and(eq(appointments.manageTokenHash, tokenHash), isNotNull(intakes.erasedAt)))
    .limit(1);
  return rows.length > 0;
}

/** Whether an intake's personal data was erased: its `erasedAt`, or undefined when there is no such intake. */
export async function getIntakeErasedAt(db: Db, intakeId: string): Promise<Date | null | undefined> {
  const rows = await db.select({ erasedAt: intakes.erasedAt }).from(intakes).where(eq(intakes.id, intakeId)).limit(1);
  return rows[0] ? rows[0].erasedAt : undefined;
}

// ---------------------------------------------------------------------------------------------
// Retention

/** The latest of the patient's contacts: intakes sent, appointment times, notes and calls. */
const LAST_CONTACT = sql`greatest(max(${intakes.createdAt}), max(${appointments.startsAt}), max(${caseNotes.createdAt}))`;

/**
 * Up to `limit` patients (one intake id each, their oldest) not yet erased whose last contact was
 * before `cutoff`, oldest contact first. A patient with an open escalated case (escalated, not
 * resolved) is never listed: someone must close it first. Grouped by patient.
 * A whole-table pass (hash joins, once a day), so it needs no index of its own.
 */
export async function listPatientsPastRetention(
  db: Db,
  { cutoff, limit }: { cutoff: Date; limit: number },
): Promise<{ intakeId: string; lastContact: Date }[]> {
  return db
    .select({
      intakeId: sql<string>`(array_agg(${intakes.id} order by ${intakes.createdAt}, ${intakes.id}))[1]`,
      lastContact: sql<Date>`${LAST_CONTACT}`.mapWith(intakes.createdAt),
    })
    .from(intakes)
    .leftJoin(appointments, eq(appointments.intakeId, intakes.id))
    .leftJoin(caseNotes, eq(caseNotes.intakeId, intakes.id))
    .where(isNull(intakes.erasedAt))
    .groupBy(intakes.patientId)
    .having(
      and(
        sql`${LAST_CONTACT} < ${cutoff.toISOString()}::timestamptz`,
        sql`not bool_or(${intakes.escalated} and ${intakes.resolvedAt} is null)`,
      ),
    )
    .orderBy(LAST_CONTACT)
    .limit(limit);
}

/** The patient's last contact (see LAST_CONTACT) over these intakes; null when there are none. */
export async function patientLastContact(db: Db, intakeIds: readonly string[]): Promise<Date | null> {
  if (!intakeIds.length) return null;
  const [row] = await db
    .select({ last: sql<Date | null>`${LAST_CONTACT}`.mapWith(intakes.createdAt) })
    .from(intakes)
    .leftJoin(appointments, eq(appointments.intakeId, intakes.id))
    .leftJoin(caseNotes, eq(caseNotes.intakeId, intakes.id))
    .where(inArray(intakes.id, [...intakeIds]));
  return row?.last ?? null;
}

/** Where the daily purge notes that it finished (the audit trail's subject for it). */
export const RETENTION_SUBJECT = { type: "retention_purge", id: "daily" } as const;

/**
 * When the retention purge last finished (any process), on the clock of the worker that ran it
 * (`after.ranAt`, else the row's time), or null. Its rows are found by their subject (indexed), a
 * few hundred a year.
 */
export async function lastRetentionPurge(db: Db): Promise<Date | null> {
  const ranAt = sql`coalesce((${auditEvents.after} ->> 'ranAt')::timestamptz, ${auditEvents.at})`;
  const rows = await db
    .select({ at: sql<Date>`${ranAt}`.mapWith(auditEvents.at) })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, RETENTION_SUBJECT.type), eq(auditEvents.subjectId, RETENTION_SUBJECT.id)))
    .orderBy(desc(ranAt))
    .limit(1);
  return rows[0]?.at ?? null;
}

/** The clinic's retention period in years, locked until the end of the transaction; null before the clinic is set up. */
export async function getRetentionYearsForUpdate(db: Db): Promise<number | null> {
  const rows = await db.select({ years: clinic.retentionYears }).from(clinic).where(eq(clinic.id, 1)).for("update");
  return rows[0]?.years ?? null;
}

/** Sets the clinic's retention period. */
export async function setRetentionYears(db: Db, { years, at }: { years: number; at: Date }): Promise<void> {
  await db.update(clinic).set({ retentionYears: years, updatedAt: at }).where(eq(clinic.id, 1));
}

// ---------------------------------------------------------------------------------------------
// Privacy notices

export type PrivacyNoticeRow = typeof privacyNotices.$inferSelect;

/** The published notice with the highest version (the one shown), or null when none was published. */
export async function getLatestNotice(db: Db): Promise<PrivacyNoticeRow | null> {
  const rows = await db.select().from(privacyNotices).orderBy(desc(privacyNotices.version)).limit(1);
  return rows[0] ?? null;
}

/** The highest published version number, or null: what a new intake records, without reading the text. */
export async function getLatestNoticeVersion(db: Db): Promise<number | null> {
  const rows = await db
    .select({ version: privacyNotices.version })
    .from(privacyNotices)
    .orderBy(desc(privacyNotices.version))
    .limit(1);
  return rows[0]?.version ?? null;
}

/** One published version, or null. */
export async function getNotice(db: Db, version: number): Promise<PrivacyNoticeRow | null> {
  const rows = await db.select().from(privacyNotices).where(eq(privacyNotices.version, version)).limit(1);
  return rows[0] ?? null;
}

/** The subject id of a version's audit event ("v3"), which also holds its "what changed" summary. */
export const noticeSubjectId = (version: number) => `v${version}`;

/** Every published version, newest first: when, by whom, and the publisher's "what changed" (kept in its audit event). */
export async function listNotices(db: Db) {
  const rows = await db
    .select({
      version: privacyNotices.version,
      publishedAt: privacyNotices.publishedAt,
      publishedBy: staffUsers.name,
      summary: sql<string | null>`${auditEvents.after} ->> 'summary'`,
    })
    .from(privacyNotices)
    .leftJoin(staffUsers, eq(staffUsers.id, privacyNotices.publishedBy))
    .leftJoin(
      auditEvents,
      and(
        eq(auditEvents.subjectType, "privacy_notice"),
        eq(auditEvents.subjectId, sql`'v' || ${privacyNotices.version}::text`),
        eq(auditEvents.action, "privacy_notice_published"),
      ),
    )
    .orderBy(desc(privacyNotices.version));
  return rows;
}

// The first key of the advisory lock that numbers new notice versions one at a time.
const NOTICE_LOCK = 727_274_004;

/** Publishes a new version (the highest so far plus one) and returns its number. */
export async function insertNotice(
  db: Db,
  { body, by, at }: { body: string; by: string | null; at: Date },
): Promise<number> {
  // Two admins publishing at once get versions n and n + 1, never a clash on the key.
  await db.execute(sql`select pg_advisory_xact_lock(${NOTICE_LOCK})`);
  const [row] = await db
    .insert(privacyNotices)
    .values({
      version: sql`(select coalesce(max(${privacyNotices.version}), 0) + 1 from ${privacyNotices})`,
      body,
      publishedAt: at,
      publishedBy: by,
    })
    .returning({ version: privacyNotices.version });
  return row!.version;
}

/**
 * Takes the patient's waiting entries off the waitlist ("[erased]") and replaces the staff's
 * free-text removal reasons (they may quote the patient); when and by whom stay.
 */
export async function eraseWaitlistEntries(db: Db, { intakeIds, at }: { intakeIds: readonly string[]; at: Date }) {
  if (!intakeIds.length) return 0;
  const rows = await db
    .update(waitlistEntries)
    .set({
      status: sql`case when ${waitlistEntries.status} = 'waiting' then 'removed' else ${waitlistEntries.status} end`,
      removedAt: sql`coalesce(${waitlistEntries.removedAt}, ${at.toISOString()}::timestamptz)`,
      removedReason: sql`case when ${waitlistEntries.status} = 'waiting' or ${waitlistEntries.removedReason} is not null
        then ${ERASED_TEXT} else null end`,
    })
    .where(inArray(waitlistEntries.intakeId, [...intakeIds]))
    .returning({ id: waitlistEntries.id });
  return rows.length;
}

/** The patient's waitlist entries, any status, oldest first (the export). */
export async function listPatientWaitlistEntries(db: Db, intakeIds: readonly string[]) {
  if (!intakeIds.length) return [];
  return db
    .select({
      id: waitlistEntries.id,
      intakeId: waitlistEntries.intakeId,
      availability: waitlistEntries.availability,
      notBefore: waitlistEntries.notBefore,
      joinedAt: waitlistEntries.joinedAt,
      status: waitlistEntries.status,
      removedAt: waitlistEntries.removedAt,
      removedReason: waitlistEntries.removedReason,
    })
    .from(waitlistEntries)
    .where(inArray(waitlistEntries.intakeId, [...intakeIds]))
    .orderBy(asc(waitlistEntries.joinedAt), asc(waitlistEntries.id));
}

/**
 * Replaces the answers of the patient's pre-visit checks with a marker (the rows stay, with their
 * dates and outcome, for the appointments' history). Returns how many.
 */
export async function erasePreVisitAnswers(db: Db, intakeIds: readonly string[]): Promise<number> {
  if (!intakeIds.length) return 0;
  const rows = await db
    .update(preVisitChecks)
    .set({ answers: sql`'{"erased": true}'::jsonb` })
    .where(and(inArray(preVisitChecks.intakeId, [...intakeIds]), isNotNull(preVisitChecks.answers)))
    .returning({ id: preVisitChecks.id });
  return rows.length;
}

/** The patient's pre-visit checks, oldest first (the export): when sent, answered, the answers and the outcome. */
export async function listPatientPreVisitChecks(db: Db, intakeIds: readonly string[]) {
  if (!intakeIds.length) return [];
  return db
    .select({
      id: preVisitChecks.id,
      appointmentId: preVisitChecks.appointmentId,
      createdAt: preVisitChecks.createdAt,
      answeredAt: preVisitChecks.answeredAt,
      answers: preVisitChecks.answers,
      regradeIntakeId: preVisitChecks.regradeIntakeId,
      gaveBackAt: preVisitChecks.gaveBackAt,
    })
    .from(preVisitChecks)
    .where(inArray(preVisitChecks.intakeId, [...intakeIds]))
    .orderBy(asc(preVisitChecks.createdAt), asc(preVisitChecks.id));
}
