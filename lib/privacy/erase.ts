// Erasing a patient's personal data, on request (an admin, after a confirmation step) or by the
// retention purge (the system). One transaction over every intake of the patient: contact details,
// answers, notes, the clinicians' free-text reasons, drafts and emails are purged; the grade,
// appointments (times, clinician, type, status) and the audit trail stay under a pseudonym.
import { eraseVerdictTexts } from "@/db/queries/governance";
import { queueAppointmentCancelledEvent } from "@/lib/notifications/queue";
import { eraseRecoveryAnswers } from "@/db/queries/recovery";
import { listOpenOffersForIntakes } from "@/db/queries/waitlist-offers";
import { letGo } from "@/lib/waitlist/offers";
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import {
  deleteIdempotencyRecords,
  deletePatientDrafts,
  eraseAppointments,
  eraseCaseNotes,
  eraseEmails,
  eraseIntakes,
  erasePatients,
  eraseWaitlistEntries,
  erasePreVisitAnswers,
  listPatientAppointmentIds,
  listPatientDrafts,
  listPatientEmails,
  listPatientIntakes,
  listPatientNotes,
  listUpcomingAppointments,
  lockPatientIntakes,
  patientIntakeIds,
  patientLastContact,
} from "@/db/queries/privacy";
import { forgetOffers } from "@/lib/booking/schedule";
import { CONTROL_CHARACTER, fieldError, freeText, oneLineText, type Refusal } from "@/lib/forms";
import type { Actor } from "@/lib/staff/cases";
import { erasedContact, pseudonymCode } from "./pseudonym";

/**
 * Who may erase: admins only. Erasure cannot be undone and removes what clinicians wrote about
 * the patient, so it is the clinic's decision as the holder of the records (who answers the
 * patient's request and checks no legal duty to keep the record applies), not part of daily care.
 */
export const ERASE_ROLES = ["admin"] as const;

/** What an erasure changed, for its audit event and the staff's note. */
export type ErasureCounts = {
  intakes: number;
  notes: number;
  appointmentsKept: number;
  appointmentsCancelled: number;
  cancelReasonsErased: number;
  emailsPurged: number;
  emailsCancelled: number;
  mailboxCopiesDeleted: number;
  draftsDeleted: number;
  replayRecordsDeleted: number;
};

export type ErasureResult =
  | { status: "erased"; pseudonym: string; intakeIds: string[]; counts: ErasureCounts }
  /** Every intake of the patient was already erased: nothing changed, nothing recorded. */
  | { status: "already" }
  | { status: "not_found" }
  /** The retention purge re-checked under lock and the patient is not due (new contact, an open case). */
  | { status: "kept"; why: "open_case" | "recent_contact" };

/**
 * Erases the patient `intakeId` belongs to (see patientIntakeIds), in one transaction, and records
 * one `patient_erased` event per intake (the intake ids, the counts, the pseudonym; `reason` in the
 * event's reason). `actor` null: the system (the retention purge). With `retentionCutoff`, the
 * patient is re-checked under lock and kept when their last contact is not before it, or when one
 * of their cases is still open. Erasing an erased patient again changes and records nothing.
 */
export async function erasePatient(
  db: Db,
  {
    actor,
    intakeId,
    reason,
    now,
    retentionCutoff,
  }: { actor: Actor | null; intakeId: string; reason: string; now: Date; retentionCutoff?: Date },
): Promise<ErasureResult> {
  if (!z.uuid().safeParse(intakeId).success) return { status: "not_found" };
  const result = await db.transaction(async (tx): Promise<ErasureResult> => {
    const intakeIds = await patientIntakeIds(tx, intakeId);
    const locked = await lockPatientIntakes(tx, intakeIds);
    if (!locked.length) return { status: "not_found" };
    const toErase = locked.filter((i) => !i.erasedAt);
    if (!toErase.length) return { status: "already" };
    if (retentionCutoff) {
      if (locked.some((i) => i.escalated && !i.resolvedAt)) return { status: "kept", why: "open_case" };
      const last = await patientLastContact(tx, intakeIds);
      if (!last || last >= retentionCutoff) return { status: "kept", why: "recent_contact" };
    }
    const code = pseudonymCode();
    const contact = erasedContact(code);
    const emails = [...new Set(locked.map((i) => i.email.toLowerCase()))];
    // Open waitlist offers are withdrawn: their held times are let go and offered to the next patient.
    for (const offer of await listOpenOffersForIntakes(tx, intakeIds)) await letGo(tx, offer, "withdrawn", now);
    const appointmentIds = await listPatientAppointmentIds(tx, intakeIds);
    // Emails first: they are found by the patient's address, which the intakes are about to lose.
    const mail = await eraseEmails(tx, { intakeIds, appointmentIds, emails, recipient: contact.email });
    const drafts = await deletePatientDrafts(
      tx,
      locked.map((i) => ({ email: i.email, dateOfBirth: i.dateOfBirth })),
    );
    const appts = await eraseAppointments(tx, { intakeIds, now });
    // No email tells the patient (theirs are gone); an integration mirroring the calendar hears of it.
    for (const a of appts.cancelled) await queueAppointmentCancelledEvent(tx, a, { now, byStaff: true });
    const notes = await eraseCaseNotes(tx, intakeIds);
    await eraseVerdictTexts(tx, intakeIds);
    await eraseWaitlistEntries(tx, { intakeIds, at: now });
    await erasePreVisitAnswers(tx, intakeIds);
    await eraseRecoveryAnswers(tx, intakeIds);
    const replays = await deleteIdempotencyRecords(tx, intakeIds);
    const erased = await eraseIntakes(tx, { intakeIds, contact, at: now });
    await erasePatients(tx, { intakeIds, contact, at: now });
    const counts: ErasureCounts = {
      intakes: erased,
      notes,
      appointmentsKept: appointmentIds.length,
      appointmentsCancelled: appts.cancelled.length,
      cancelReasonsErased: appts.reasonsErased,
      emailsPurged: mail.purged,
      emailsCancelled: mail.cancelled,
      mailboxCopiesDeleted: mail.mailbox,
      draftsDeleted: drafts,
      replayRecordsDeleted: replays,
    };
    const pseudonym = `${contact.firstName} ${contact.lastName}`;
    // One event per intake, so each case's own trail (and its page's banner) shows the erasure.
    // Ids, counts and the pseudonym only: the audit trail outlives the data and must never hold it.
    for (const id of intakeIds)
      await recordAudit(tx, {
        actor: actor ? { id: actor.id, email: actor.email } : null,
        action: "patient_erased",
        subjectType: "intake",
        subjectId: id,
        after: { intakeIds, pseudonym, trigger: retentionCutoff ? "retention" : "request", ...counts },
        reason,
        clientAddress: actor?.clientAddress ?? null,
      });
    return { status: "erased", pseudonym, intakeIds, counts };
  });
  // Cancelled appointments free their times: patients see them at once, not after the cache expires.
  if (result.status === "erased" && result.counts.appointmentsCancelled) forgetOffers(db);
  return result;
}

/** The confirmation form: the case, why (kept in the audit trail), and the patient's last name typed out. */
export const eraseSchema = z.object({
  intakeId: z.uuid({ error: "That case does not exist." }),
  reason: z
    .string({ error: "Give the reason for erasing" })
    .trim()
    .min(10, { error: "Give the reason for erasing (at least 10 characters)" })
    .max(500, { error: "Keep the reason under 500 characters" })
    .refine(freeText, CONTROL_CHARACTER),
  confirm: z
    .string({ error: "Type the patient's last name to confirm" })
    .trim()
    .min(1, { error: "Type the patient's last name to confirm" })
    .max(200, { error: "Type the patient's last name to confirm" })
    .refine(oneLineText, CONTROL_CHARACTER),
});

const comparable = (text: string) => text.normalize("NFKC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
const digits = (text: string) => text.replace(/\D/g, "");
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether free text quotes one of the patient's details (a name as a word, the email, the phone's digits). */
export function quotesPatient(
  text: string,
  patient: { firstName: string; lastName: string; email: string; phone: string },
): boolean {
  const said = comparable(text);
  const names = [patient.firstName, patient.lastName].map(comparable).filter((n) => n.length >= 2);
  if (names.some((n) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(n)}($|[^\\p{L}])`, "u").test(said))) return true;
  if (patient.email && said.includes(comparable(patient.email))) return true;
  const phone = digits(patient.phone);
  return phone.length >= 6 && digits(text).includes(phone);
}

/**
 * An admin's erasure on the patient's request: the typed last name must match the case's (so the
 * right patient is erased), and the reason must not quote the patient (it stays in the audit
 * trail after everything else is gone). Then erasePatient.
 */
export async function eraseOnRequest(
  db: Db,
  actor: Actor,
  input: z.output<typeof eraseSchema>,
  now: Date,
): Promise<Refusal | { ok: true; result: ErasureResult }> {
  const [intake] = await listPatientIntakes(db, [input.intakeId]);
  if (!intake) return { ok: true, result: { status: "not_found" } };
  if (intake.erasedAt) return { ok: true, result: { status: "already" } };
  if (comparable(input.confirm) !== comparable(intake.lastName))
    return fieldError("confirm", "That is not the patient's last name. Type it exactly as shown above.");
  if (quotesPatient(input.reason, intake))
    return fieldError(
      "reason",
      "Leave the patient's name and contact details out of the reason: it stays in the audit trail after their data is erased.",
    );
  return { ok: true, result: await erasePatient(db, { actor, intakeId: input.intakeId, reason: input.reason, now }) };
}

/**
 * What erasing the patient of `intakeId` would purge and keep, for the confirmation page; null when
 * unknown. The page shows the patient's name and records: the view is audited like the case page's.
 */
export async function erasurePlan(db: Db, viewer: Actor, intakeId: string, now: Date) {
  if (!z.uuid().safeParse(intakeId).success) return null;
  const intakeIds = await patientIntakeIds(db, intakeId);
  const intakes = await listPatientIntakes(db, intakeIds);
  const self = intakes.find((i) => i.id === intakeId);
  if (!self) return null;
  await recordAudit(db, {
    actor: { id: viewer.id, email: viewer.email },
    action: "case_viewed",
    subjectType: "intake",
    subjectId: intakeId,
    after: { page: "erasure" },
    clientAddress: viewer.clientAddress,
  });
  const emails = [...new Set(intakes.map((i) => i.email.toLowerCase()))];
  const appointmentIds = await listPatientAppointmentIds(db, intakeIds);
  const [notes, upcoming, sent, drafts] = await Promise.all([
    listPatientNotes(db, intakeIds),
    listUpcomingAppointments(db, { intakeIds, now }),
    listPatientEmails(db, { intakeIds, appointmentIds, emails }),
    listPatientDrafts(
      db,
      intakes.map((i) => ({ email: i.email, dateOfBirth: i.dateOfBirth })),
    ),
  ]);
  return {
    patient: { firstName: self.firstName, lastName: self.lastName, erasedAt: self.erasedAt },
    intakes: intakes.map((i) => ({ id: i.id, createdAt: i.createdAt, level: i.effectiveLevel, erasedAt: i.erasedAt })),
    notes: notes.length,
    appointments: appointmentIds.length,
    upcoming,
    emails: sent.length,
    waitingEmails: sent.filter((e) => e.status === "pending" || e.status === "dead").length,
    drafts: drafts.length,
    openCases: intakes.filter((i) => i.escalated && !i.resolvedAt).length,
  };
}

export type ErasurePlan = NonNullable<Awaited<ReturnType<typeof erasurePlan>>>;
