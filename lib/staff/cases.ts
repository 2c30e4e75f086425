// What staff do with an escalated case. Each change and its audit event are one transaction;
// each change is a compare-and-swap where doing it twice would be wrong (acknowledge, resolve).
import { z } from "zod";
import { LEVELS } from "@/common/vocabulary";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import {
  acknowledgeIntake,
  getCaseForUpdate,
  insertCaseNote,
  intakeExists,
  listCaseBookings,
  listCaseEmails,
  listCaseNotes,
  markFirstCall,
  resolveIntake,
  reviewIntake,
  setOverrideLevel,
  type CaseForUpdate,
  type CaseLevelChanges,
} from "@/db/queries/cases";
import { getIntake, getIntakeForBooking } from "@/db/queries/intakes";
import { getIntakeErasedAt } from "@/db/queries/privacy";
import { listCaseAlerts } from "@/db/queries/outbox";
import { getUrgentAppointmentType } from "@/db/queries/scheduling";
import { listStaffNames } from "@/db/queries/staff";
import { bookUrgentSlot, type BookResult } from "@/lib/booking/book";
import { formatDateTime } from "@/lib/booking/format";
import { offeredSlots } from "@/lib/booking/schedule";
import { clinicDeadlines } from "@/lib/deadlines";
import { CONTROL_CHARACTER, freeText } from "@/lib/forms";
import {
  ackMinutesFor,
  CALL_REQUIRED_LEVELS,
  CALL_TO_BOOK_LEVELS,
  ESCALATING_LEVELS,
  type AckDeadlines,
  type DeadlineClock,
} from "@/lib/escalation";
import {
  cancelSelfCareCheckIn,
  queueCaseResolved,
  queueLevelReviewed,
  queueStaffAlert,
} from "@/lib/notifications/queue";
import { localDate } from "@/lib/scheduling";
import { levelRank, type Level } from "@/lib/triage";
import type { Staff } from "./session";
import { forgetCached } from "@/lib/cache";

export type Actor = Pick<Staff, "id" | "email" | "clientAddress">;

const audit = (
  db: Db,
  actor: Actor,
  action: string,
  intakeId: string,
  extra: { before?: unknown; after?: unknown; reason?: string | null } = {},
) =>
  recordAudit(db, {
    actor: { id: actor.id, email: actor.email },
    action,
    subjectType: "intake",
    subjectId: intakeId,
    clientAddress: actor.clientAddress,
    ...extra,
  });

/** Opens a case for a staff member: the record and its history, and a "viewed" audit event. */
export async function viewCase(db: Db, actor: Actor, intakeId: string) {
  if (!z.uuid().safeParse(intakeId).success) return null;
  const intake = await getIntake(db, intakeId);
  if (!intake) return null;
  await audit(db, actor, "case_viewed", intakeId);
  const [notes, bookings, emails, alerts, staffNames, previous, earlierBookings] = await Promise.all([
    listCaseNotes(db, intakeId),
    listCaseBookings(db, intakeId),
    listCaseEmails(db, { intakeId: intake.id, email: intake.email }),
    listCaseAlerts(db, intakeId),
    listStaffNames(db),
    intake.previousIntakeId ? getIntake(db, intake.previousIntakeId) : null,
    // A re-grade ("has anything got worse?") leaves the appointment on the first intake until it is
    // moved: staff see it on the new case too.
    intake.previousIntakeId ? listCaseBookings(db, intake.previousIntakeId) : [],
  ]);
  const nameOf = (id: string | null) =>
    id ? (staffNames.find((s) => s.id === id)?.name ?? "a former colleague") : null;
  return {
    intake,
    notes,
    bookings,
    emails,
    alerts,
    /** The intake this one re-grades, if it is a re-grade, and that intake's appointments. */
    previous: previous ? { id: previous.id, createdAt: previous.createdAt } : null,
    earlierBookings,
    acknowledgedByName: nameOf(intake.acknowledgedBy),
    overriddenByName: nameOf(intake.overriddenBy),
    resolvedByName: nameOf(intake.resolvedBy),
    reviewedByName: nameOf(intake.reviewedBy),
    /** Who recorded the level given by hand (the silent pilot). */
    staffLevelByName: nameOf(intake.staffLevelBy),
  };
}

export type CaseChange =
  | { status: "done" }
  | { status: "not_found" }
  | { status: "already" }
  /** An EMERGENCY or URGENT case closed with neither a logged call nor a clinician's written reason. */
  | { status: "needs_outcome" }
  /** The patient's personal data was erased: nothing new is written about them or sent to them. */
  | { status: "erased" };

/** "I have seen this and am acting on it." Once; a second acknowledgement changes nothing. */
export function acknowledgeCase(db: Db, actor: Actor, intakeId: string, now: Date): Promise<CaseChange> {
  return db.transaction(async (tx) => {
    if (!(await acknowledgeIntake(tx, { intakeId, by: actor.id, at: now })))
      return (await intakeExists(tx, intakeId)) ? { status: "already" } : { status: "not_found" };
    await audit(tx, actor, "case_acknowledged", intakeId, {
      before: { acknowledgedAt: null },
      after: { acknowledgedAt: now.toISOString() },
    });
    return { status: "done" };
  });
}

/** The case a staff form acts on (its hidden intakeId); each form's own fields extend it. */
export const caseFormSchema = z.object({ intakeId: z.uuid({ error: "That case does not exist." }) });

export const CALL_OUTCOMES = {
  reached: "Spoke to the patient",
  voicemail: "Left a voicemail",
  no_answer: "No answer",
  went_to_ed: "Patient went to an emergency department",
  wrong_number: "Wrong number",
  other: "Other (say what happened)",
} as const;

export const callSchema = z
  .object({
    outcome: z.enum(Object.keys(CALL_OUTCOMES) as [keyof typeof CALL_OUTCOMES], {
      error: "Choose how the call went",
    }),
    body: z
      .string()
      .trim()
      .max(4000, { error: "Keep the note under 4,000 characters" })
      .refine(freeText, CONTROL_CHARACTER)
      .default(""),
  })
  .refine((c) => c.outcome !== "other" || c.body.length > 0, {
    path: ["body"],
    error: "Say what happened on the call",
  });
export const noteSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, { error: "Write the note first" })
    .max(4000, { error: "Keep the note under 4,000 characters" })
    .refine(freeText, CONTROL_CHARACTER),
});
export const overrideSchema = z.object({
  level: z.enum(LEVELS, { error: "Choose the new level" }),
  reason: z
    .string()
    .trim()
    .min(10, { error: "Give the reason (at least 10 characters)" })
    .max(2000)
    .refine(freeText, CONTROL_CHARACTER),
});
/** Closing a case: a clinician may give a written reason instead of a logged call. */
export const resolveSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(2000, { error: "Keep the reason under 2,000 characters" })
    .refine(freeText, CONTROL_CHARACTER)
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || v.length >= 10, { error: "Give the reason (at least 10 characters)" }),
});
/** Marking a case on the review list reviewed: an optional note, and optionally a new level (with the note as its reason). */
export const reviewSchema = z
  .object({
    note: z
      .string()
      .trim()
      .max(4000, { error: "Keep the note under 4,000 characters" })
      .refine(freeText, CONTROL_CHARACTER)
      .default(""),
    level: z
      .enum(LEVELS)
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .refine((r) => !r.level || r.note.length >= 10, {
    path: ["note"],
    error: "Give the reason for the new level (at least 10 characters)",
  });

/** Logs a call to the patient (outcome and free text); the first one stops "call due". */
export async function logCall(
  db: Db,
  actor: Actor,
  intakeId: string,
  call: z.output<typeof callSchema>,
  now = new Date(),
): Promise<CaseChange> {
  return addCaseNote(db, actor, intakeId, { kind: "call", outcome: call.outcome, body: call.body }, "call_logged", now);
}

/** Adds a note to the case. */
export async function addNote(
  db: Db,
  actor: Actor,
  intakeId: string,
  note: z.output<typeof noteSchema>,
): Promise<CaseChange> {
  return addCaseNote(db, actor, intakeId, { kind: "note", outcome: null, body: note.body }, "note_added");
}

async function addCaseNote(
  db: Db,
  actor: Actor,
  intakeId: string,
  note: { kind: "note" | "call"; outcome: string | null; body: string },
  action: string,
  now = new Date(),
): Promise<CaseChange> {
  return db.transaction(async (tx) => {
    const erasedAt = await getIntakeErasedAt(tx, intakeId);
    if (erasedAt === undefined) return { status: "not_found" };
    if (erasedAt) return { status: "erased" };
    const row = await insertCaseNote(tx, { intakeId, authorId: actor.id, ...note });
    if (note.kind === "call") await markFirstCall(tx, { intakeId, at: now });
    // The note's id and the call's outcome, not its text: the text is erasable with the patient's
    // data, the audit trail is not (and would keep whatever the note said about them for good).
    await audit(tx, actor, action, intakeId, {
      after: { noteId: row.id, outcome: note.outcome, characters: note.body.length },
    });
    return { status: "done" };
  });
}

/**
 * What a new level changes on the case, decided at `now`:
 * - raised to EMERGENCY or URGENT: a new escalation (back in the queue, unacknowledged, a fresh
 *   deadline from now in clinic hours, alerted like one);
 * - raised to SOON: into the queue as "call to book" when it was not there, and onto the review list;
 * - lowered: the deadline its new level has (none below URGENT, unless nobody could book it).
 */
export function levelChanges(
  c: Pick<
    CaseForUpdate,
    "effectiveLevel" | "escalated" | "escalationReason" | "reviewDueAt" | "reviewedAt" | "ackDueAt"
  >,
  level: Level,
  now: Date,
  deadlines: AckDeadlines,
  clock: DeadlineClock,
): { changes: CaseLevelChanges; raised: boolean; alert: boolean } {
  const raised = levelRank[level] > levelRank[c.effectiveLevel];
  const changes: CaseLevelChanges = {};
  let alert = false;
  if (raised && ESCALATING_LEVELS.has(level)) {
    // A new escalation: acknowledged again, reopened, and a new call is due (an earlier call was
    // about a less urgent case).
    Object.assign(changes, {
      escalated: true,
      escalationReason: "override",
      acknowledgedAt: null,
      acknowledgedBy: null,
      overdueAlertedAt: null,
      resolvedAt: null,
      resolvedBy: null,
      firstCallAt: null,
    });
    alert = true;
  } else if (raised && CALL_TO_BOOK_LEVELS.has(level) && !c.escalated) {
    Object.assign(changes, { escalated: true, escalationReason: "call_to_book", resolvedAt: null, resolvedBy: null });
  }
  const escalated = changes.escalated ?? c.escalated;
  const reason = changes.escalationReason ?? c.escalationReason;
  const minutes = escalated ? ackMinutesFor({ level, escalationReason: reason }, deadlines) : null;
  if (!minutes) {
    Object.assign(changes, { ackDueAt: null, arrivedOutOfHours: false });
  } else if (alert || !c.ackDueAt) {
    // A new escalation, or a deadline where there was none: counted from now, in clinic hours.
    const due = clock.ackDue(now, minutes);
    Object.assign(changes, { ackDueAt: due.due, arrivedOutOfHours: due.outOfHours });
  }
  // Otherwise (the same level again, or lowered but still with a deadline) the deadline stands: it
  // can only be earlier than the new level's would be, never later.
  if (level === "SOON" && !c.reviewDueAt && !c.reviewedAt) changes.reviewDueAt = clock.reviewDue(now);
  return { changes, raised, alert };
}

/**
 * A clinician's new level, with a reason. The original grade is kept and stays visible; the new
 * (effective) level drives the queue, deadlines, alerts and what the patient may book. The patient
 * is emailed (no clinical words) that the clinic has reviewed their answers; a raised level
 * cancels the pending self-care check-in.
 */
export async function overrideLevel(
  db: Db,
  actor: Actor,
  intakeId: string,
  o: z.output<typeof overrideSchema>,
  now: Date,
): Promise<CaseChange> {
  const { deadlines, clock } = await clinicDeadlines(db, now);
  const result = await db.transaction(async (tx): Promise<CaseChange> => {
    const before = await getCaseForUpdate(tx, intakeId);
    if (!before) return { status: "not_found" };
    if (before.erasedAt) return { status: "erased" };
    return applyLevel(tx, actor, before, o, now, deadlines, clock);
  });
  if (result.status === "done") forgetCached("calendar", db); // the calendar counts urgent appointments
  return result;
}

async function applyLevel(
  tx: Db,
  actor: Actor,
  before: CaseForUpdate,
  o: z.output<typeof overrideSchema>,
  now: Date,
  deadlines: AckDeadlines,
  clock: DeadlineClock,
): Promise<CaseChange> {
  const { changes, raised, alert } = levelChanges(before, o.level, now, deadlines, clock);
  await setOverrideLevel(tx, { intakeId: before.id, level: o.level, reason: o.reason, by: actor.id, at: now, changes });
  await audit(tx, actor, "level_overridden", before.id, {
    before: { level: before.effectiveLevel },
    after: { level: o.level, queue: changes.escalationReason ?? null },
    reason: o.reason,
  });
  if (o.level === before.effectiveLevel) return { status: "done" };
  if (alert)
    await queueStaffAlert(tx, {
      intakeId: before.id,
      level: o.level,
      reason: "override",
      submittedAt: before.createdAt,
      deadline: changes.ackDueAt ?? null,
      now,
    });
  if (raised) await cancelSelfCareCheckIn(tx, { intakeId: before.id, email: before.email, now });
  await queueLevelReviewed(tx, {
    intakeId: before.id,
    patient: { email: before.email, firstName: before.firstName },
    submittedAt: before.createdAt,
    now,
  });
  return { status: "done" };
}

/**
 * Closes the case (it leaves the open queue). Once. An EMERGENCY or URGENT case needs a logged call
 * with an outcome first, or a clinician's (not reception's) written reason.
 */
export async function resolveCase(
  db: Db,
  actor: Actor & { role?: Staff["role"] },
  intakeId: string,
  now: Date,
  { reason }: z.output<typeof resolveSchema> = { reason: undefined },
): Promise<CaseChange> {
  return db.transaction(async (tx) => {
    const c = await getCaseForUpdate(tx, intakeId);
    if (!c) return { status: "not_found" };
    if (c.resolvedAt) return { status: "already" };
    const clinicianReason = reason && actor.role !== "reception" ? reason : null;
    if (CALL_REQUIRED_LEVELS.has(c.effectiveLevel) && !c.firstCallAt && !clinicianReason)
      return { status: "needs_outcome" };
    await resolveIntake(tx, { intakeId, by: actor.id, at: now, reason: clinicianReason });
    await queueCaseResolved(tx, { intakeId, level: c.effectiveLevel, now });
    await audit(tx, actor, "case_resolved", intakeId, {
      before: { resolvedAt: null },
      after: { resolvedAt: now.toISOString(), withCall: !!c.firstCallAt },
      reason: clinicianReason,
    });
    return { status: "done" };
  });
}

/**
 * A clinician has looked at a case on the "To review" list: it leaves the list. An optional note
 * is added to the case; an optional new level acts as an override does (the note is its reason).
 */
export async function reviewCase(
  db: Db,
  actor: Actor,
  intakeId: string,
  r: z.output<typeof reviewSchema>,
  now: Date,
): Promise<CaseChange> {
  const { deadlines, clock } = await clinicDeadlines(db, now);
  return db.transaction(async (tx) => {
    const c = await getCaseForUpdate(tx, intakeId);
    if (!c) return { status: "not_found" };
    if (c.erasedAt) return { status: "erased" };
    if (!(await reviewIntake(tx, { intakeId, by: actor.id, at: now }))) return { status: "already" };
    // The note is kept as a case note (erasable with the patient's data), not copied into the trail;
    // a new level's reason is recorded with the level change below, like any override's.
    await audit(tx, actor, "case_reviewed", intakeId, {
      before: { reviewedAt: null },
      after: { reviewedAt: now.toISOString(), level: r.level ?? null, withNote: r.note.length > 0 },
    });
    if (r.note) await insertCaseNote(tx, { intakeId, authorId: actor.id, kind: "note", outcome: null, body: r.note });
    if (r.level && r.level !== c.effectiveLevel)
      await applyLevel(tx, actor, c, { level: r.level, reason: r.note }, now, deadlines, clock);
    return { status: "done" };
  });
}

/**
 * Reserved urgent capacity a clinician can book for an URGENT case with no active appointment: up
 * to 12 times over the next 5 days in the clinic's zone, each as a form value and a label. Empty
 * for other cases, or when the clinic has no active urgent appointment type.
 */
export async function urgentSlotsForCase(
  db: Db,
  c: { level: string; hasActiveBooking: boolean },
  { now, timeZone }: { now: Date; timeZone: string },
): Promise<{ value: string; label: string }[]> {
  if (c.level !== "URGENT" || c.hasActiveBooking) return [];
  // The type marked urgent in the settings (an inactive one offers nothing).
  const type = await getUrgentAppointmentType(db);
  if (!type?.active) return [];
  const offer = await offeredSlots(db, {
    now,
    from: localDate(now, timeZone),
    days: 5,
    type,
    withinDays: null,
    mode: "urgent",
  });
  return offer.slots.slice(0, 12).map((s) => ({
    value: `${s.clinicianId}|${s.start.toISOString()}`,
    label: `${formatDateTime(s.start, timeZone)} with ${s.clinicianName}`,
  }));
}

/** A reserved urgent time as the case page offers it ("clinicianId|start", see urgentSlotsForCase). */
export const urgentSlotSchema = z.object({
  slot: z
    .string({ error: "Choose a time" })
    .regex(/^[0-9a-f-]{36}\|\d{4}-\d\d-\d\dT[\d:.]+Z$/, { error: "Choose a time" })
    .transform((value) => {
      const [clinicianId, start] = value.split("|") as [string, string];
      return { clinicianId, start: new Date(start) };
    })
    .refine((s) => !Number.isNaN(s.start.getTime()), { error: "Choose a time" }),
});

/** Books a reserved urgent slot, of the type marked urgent, for the patient (the confirmation email is queued with it). */
export async function bookUrgentForCase(
  db: Db,
  actor: Actor,
  intakeId: string,
  slot: { clinicianId: string; start: Date },
  now: Date,
): Promise<BookResult | { status: "not_found" }> {
  const intake = await getIntakeForBooking(db, intakeId);
  if (!intake) return { status: "not_found" };
  if (intake.erasedAt) return { status: "not_eligible", message: "The patient's personal data was erased." };
  class Refused extends Error {
    constructor(readonly result: BookResult) {
      super(result.status);
    }
  }
  try {
    return await db.transaction(async (tx) => {
      const result = await bookUrgentSlot(tx, { intake, ...slot, now, bookedBy: actor.id });
      if (result.status !== "booked") throw new Refused(result);
      await audit(tx, actor, "urgent_slot_booked", intakeId, {
        after: {
          appointmentId: result.appointment.id,
          start: result.appointment.start.toISOString(),
          clinicianId: result.appointment.clinicianId,
        },
      });
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
