// What staff do with an escalated case. Each change and its audit event are one transaction;
// each change is a compare-and-swap where doing it twice would be wrong (acknowledge, resolve).
import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { z } from "zod";
import { LEVELS } from "@/common/vocabulary";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { appointments, appointmentTypes, caseNotes, clinicians, intakes, outbox, staffUsers, type Intake } from "@/db/schema";
import { bookUrgentSlot, type BookResult } from "@/lib/booking/book";
import { getIntakeForBooking } from "@/db/queries/intakes";
import type { Staff } from "./session";

export type Actor = Pick<Staff, "id" | "email" | "clientAddress">;

const audit = (db: Db, actor: Actor, action: string, intakeId: string, extra: { before?: unknown; after?: unknown; reason?: string | null } = {}) =>
  recordAudit(db, { actor: { id: actor.id, email: actor.email }, action, subjectType: "intake", subjectId: intakeId, clientAddress: actor.clientAddress, ...extra });

/** Opens a case for a staff member: the record and its history, and a "viewed" audit event. */
export async function viewCase(db: Db, actor: Actor, intakeId: string) {
  if (!z.uuid().safeParse(intakeId).success) return null;
  const [intake] = await db.select().from(intakes).where(eq(intakes.id, intakeId)).limit(1);
  if (!intake) return null;
  await audit(db, actor, "case_viewed", intakeId);
  const [notes, bookings, emails, staffNames] = await Promise.all([
    db
      .select({ id: caseNotes.id, kind: caseNotes.kind, outcome: caseNotes.outcome, body: caseNotes.body, createdAt: caseNotes.createdAt, author: staffUsers.name })
      .from(caseNotes)
      .innerJoin(staffUsers, eq(staffUsers.id, caseNotes.authorId))
      .where(eq(caseNotes.intakeId, intakeId))
      .orderBy(asc(caseNotes.createdAt)),
    db
      .select({ id: appointments.id, startsAt: appointments.startsAt, status: appointments.status, clinician: clinicians.name, type: appointmentTypes.name })
      .from(appointments)
      .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
      .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
      .where(eq(appointments.intakeId, intakeId))
      .orderBy(desc(appointments.startsAt)),
    emailHistory(db, intake),
    db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers),
  ]);
  const nameOf = (id: string | null) => (id ? (staffNames.find((s) => s.id === id)?.name ?? "a former colleague") : null);
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

function emailHistory(db: Db, intake: Intake) {
  const appts = db.select({ id: appointments.id }).from(appointments).where(eq(appointments.intakeId, intake.id));
  return db
    .select({ id: outbox.id, kind: outbox.kind, status: outbox.status, dueAt: outbox.dueAt, sentAt: outbox.sentAt, attempts: outbox.attempts })
    .from(outbox)
    .where(or(eq(outbox.recipient, intake.email), inArray(outbox.appointmentId, appts)))
    .orderBy(desc(outbox.createdAt))
    .limit(50);
}

export type CaseChange = { status: "done" } | { status: "not_found" } | { status: "already" };

/** "I have seen this and am acting on it." Once; a second acknowledgement changes nothing. */
export function acknowledgeCase(db: Db, actor: Actor, intakeId: string, now: Date): Promise<CaseChange> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(intakes)
      .set({ acknowledgedAt: now, acknowledgedBy: actor.id })
      .where(and(eq(intakes.id, intakeId), isNull(intakes.acknowledgedAt)))
      .returning({ id: intakes.id });
    if (!rows.length) return (await exists(tx, intakeId)) ? { status: "already" } : { status: "not_found" };
    await audit(tx, actor, "case_acknowledged", intakeId, { before: { acknowledgedAt: null }, after: { acknowledgedAt: now.toISOString() } });
    return { status: "done" };
  });
}

export const callSchema = z.object({
  outcome: z.enum(["reached", "no_answer", "voicemail", "wrong_number"], { error: "Choose how the call went" }),
  body: z.string().trim().max(4000, { error: "Keep the note under 4,000 characters" }).default(""),
});
export const noteSchema = z.object({ body: z.string().trim().min(1, { error: "Write the note first" }).max(4000, { error: "Keep the note under 4,000 characters" }) });
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
export async function logCall(db: Db, actor: Actor, intakeId: string, call: z.output<typeof callSchema>): Promise<CaseChange> {
  return addCaseNote(db, actor, intakeId, { kind: "call", outcome: call.outcome, body: call.body }, "call_logged");
}

/** Adds a note to the case. */
export async function addNote(db: Db, actor: Actor, intakeId: string, note: z.output<typeof noteSchema>): Promise<CaseChange> {
  return addCaseNote(db, actor, intakeId, { kind: "note", outcome: null, body: note.body }, "note_added");
}

async function addCaseNote(db: Db, actor: Actor, intakeId: string, note: { kind: "note" | "call"; outcome: string | null; body: string }, action: string): Promise<CaseChange> {
  return db.transaction(async (tx) => {
    if (!(await exists(tx, intakeId))) return { status: "not_found" };
    const [row] = await tx.insert(caseNotes).values({ intakeId, authorId: actor.id, ...note }).returning({ id: caseNotes.id });
    await audit(tx, actor, action, intakeId, { after: { noteId: row!.id, outcome: note.outcome, body: note.body } });
    return { status: "done" };
  });
}

/** A clinician's new level, with a reason. The original grade is kept and stays visible. */
export async function overrideLevel(db: Db, actor: Actor, intakeId: string, o: z.output<typeof overrideSchema>, now: Date): Promise<CaseChange> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ level: intakes.level, overrideLevel: intakes.overrideLevel }).from(intakes).where(eq(intakes.id, intakeId)).for("update");
    if (!before) return { status: "not_found" };
    await tx.update(intakes).set({ overrideLevel: o.level, overrideReason: o.reason, overriddenBy: actor.id, overriddenAt: now }).where(eq(intakes.id, intakeId));
    await audit(tx, actor, "level_overridden", intakeId, { before: { level: before.overrideLevel ?? before.level }, after: { level: o.level }, reason: o.reason });
    return { status: "done" };
  });
}

/** Closes the case (it leaves the open queue). Once. */
export function resolveCase(db: Db, actor: Actor, intakeId: string, now: Date): Promise<CaseChange> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(intakes)
      .set({ resolvedAt: now, resolvedBy: actor.id })
      .where(and(eq(intakes.id, intakeId), isNull(intakes.resolvedAt)))
      .returning({ id: intakes.id });
    if (!rows.length) return (await exists(tx, intakeId)) ? { status: "already" } : { status: "not_found" };
    await audit(tx, actor, "case_resolved", intakeId, { before: { resolvedAt: null }, after: { resolvedAt: now.toISOString() } });
    return { status: "done" };
  });
}

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
        after: { appointmentId: result.appointment.id, start: result.appointment.start.toISOString(), clinicianId: result.appointment.clinicianId },
      });
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

async function exists(db: Db, intakeId: string): Promise<boolean> {
  const rows = await db.select({ id: intakes.id }).from(intakes).where(eq(intakes.id, intakeId)).limit(1);
  return rows.length > 0;
}
