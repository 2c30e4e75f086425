// What staff do with an escalated case. Each change and its audit event are one transaction;
// each change is a compare-and-swap where doing it twice would be wrong (acknowledge, resolve).
import { z } from "zod";
import { LEVELS } from "@/common/vocabulary";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import {
  acknowledgeIntake,
  getIntakeLevelForUpdate,
  insertCaseNote,
  intakeExists,
  listCaseBookings,
  listCaseEmails,
  listCaseNotes,
  resolveIntake,
  setOverrideLevel,
} from "@/db/queries/cases";
import { getIntake, getIntakeForBooking } from "@/db/queries/intakes";
import { listStaffNames } from "@/db/queries/staff";
import { bookUrgentSlot, type BookResult } from "@/lib/booking/book";
import { formatDateTime } from "@/lib/booking/format";
import { offeredSlots } from "@/lib/booking/schedule";
import { getScheduleSettings } from "@/lib/clinic-settings";
import { localDate } from "@/lib/scheduling";
import type { Staff } from "./session";

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
  const [notes, bookings, emails, staffNames] = await Promise.all([
    listCaseNotes(db, intakeId),
    listCaseBookings(db, intakeId),
    listCaseEmails(db, { intakeId: intake.id, email: intake.email }),
    listStaffNames(db),
  ]);
  const nameOf = (id: string | null) =>
    id ? (staffNames.find((s) => s.id === id)?.name ?? "a former colleague") : null;
  return {
    intake,
    notes,
    bookings,
    emails,
    acknowledgedByName: nameOf(intake.acknowledgedBy),
    overriddenByName: nameOf(intake.overriddenBy),
    resolvedByName: nameOf(intake.resolvedBy),
  };
}

export type CaseChange = { status: "done" } | { status: "not_found" } | { status: "already" };

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

export const callSchema = z.object({
  outcome: z.enum(["reached", "no_answer", "voicemail", "wrong_number"], { error: "Choose how the call went" }),
  body: z.string().trim().max(4000, { error: "Keep the note under 4,000 characters" }).default(""),
});
export const noteSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, { error: "Write the note first" })
    .max(4000, { error: "Keep the note under 4,000 characters" }),
});
export const overrideSchema = z.object({
  level: z.enum(LEVELS, { error: "Choose the new level" }),
  reason: z.string().trim().min(10, { error: "Give the reason (at least 10 characters)" }).max(2000),
});

export const CALL_OUTCOMES: Record<z.output<typeof callSchema>["outcome"], string> = {
  reached: "Spoke to the patient",
  no_answer: "No answer",
  voicemail: "Left a voicemail",
  wrong_number: "Wrong number",
};

/** Logs a call to the patient (outcome and free text). */
export async function logCall(
  db: Db,
  actor: Actor,
  intakeId: string,
  call: z.output<typeof callSchema>,
): Promise<CaseChange> {
  return addCaseNote(db, actor, intakeId, { kind: "call", outcome: call.outcome, body: call.body }, "call_logged");
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
): Promise<CaseChange> {
  return db.transaction(async (tx) => {
    if (!(await intakeExists(tx, intakeId))) return { status: "not_found" };
    const row = await insertCaseNote(tx, { intakeId, authorId: actor.id, ...note });
    await audit(tx, actor, action, intakeId, { after: { noteId: row.id, outcome: note.outcome, body: note.body } });
    return { status: "done" };
  });
}

/** A clinician's new level, with a reason. The original grade is kept and stays visible. */
export async function overrideLevel(
  db: Db,
  actor: Actor,
  intakeId: string,
  o: z.output<typeof overrideSchema>,
  now: Date,
): Promise<CaseChange> {
  return db.transaction(async (tx) => {
    const before = await getIntakeLevelForUpdate(tx, intakeId);
    if (!before) return { status: "not_found" };
    await setOverrideLevel(tx, { intakeId, level: o.level, reason: o.reason, by: actor.id, at: now });
    await audit(tx, actor, "level_overridden", intakeId, {
      before: { level: before.overrideLevel ?? before.level },
      after: { level: o.level },
      reason: o.reason,
    });
    return { status: "done" };
  });
}

/** Closes the case (it leaves the open queue). Once. */
export function resolveCase(db: Db, actor: Actor, intakeId: string, now: Date): Promise<CaseChange> {
  return db.transaction(async (tx) => {
    if (!(await resolveIntake(tx, { intakeId, by: actor.id, at: now })))
      return (await intakeExists(tx, intakeId)) ? { status: "already" } : { status: "not_found" };
    await audit(tx, actor, "case_resolved", intakeId, {
      before: { resolvedAt: null },
      after: { resolvedAt: now.toISOString() },
    });
    return { status: "done" };
  });
}

/** The appointment type staff book from reserved urgent capacity. */
export const URGENT_TYPE_ID = "urgent-review";

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
  const type = (await getScheduleSettings(db)).types.find((t) => t.id === URGENT_TYPE_ID);
  if (!type) return [];
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

/** A reserved urgent time as the case page offers it ("clinicianId|start", see urgentSlotsForCase) and its type. */
export const urgentSlotSchema = z.object({
  slot: z
    .string({ error: "Choose a time" })
    .regex(/^[0-9a-f-]{36}\|\d{4}-\d\d-\d\dT[\d:.]+Z$/, { error: "Choose a time" })
    .transform((value) => {
      const [clinicianId, start] = value.split("|") as [string, string];
      return { clinicianId, start: new Date(start) };
    })
    .refine((s) => !Number.isNaN(s.start.getTime()), { error: "Choose a time" }),
  typeId: z.string().min(1).max(50),
});

/** Books a reserved urgent slot for the patient (the confirmation email is queued with it). */
export async function bookUrgentForCase(
  db: Db,
  actor: Actor,
  intakeId: string,
  slot: { clinicianId: string; start: Date; typeId: string },
  now: Date,
): Promise<BookResult | { status: "not_found" }> {
  const intake = await getIntakeForBooking(db, intakeId);
  if (!intake) return { status: "not_found" };
  class Refused extends Error {
    constructor(readonly result: BookResult) {
      super(result.status);
    }
  }
  try {
    return await db.transaction(async (tx) => {
      const result = await bookUrgentSlot(tx, { intake, ...slot, now });
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
