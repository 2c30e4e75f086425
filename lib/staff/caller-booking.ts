// Staff booking, moving and cancelling for a patient who calls (issue 17, item 3). The times are the
// slot engine's (staffOfferMode: any free working time, the urgent reserve only for the urgent
// type); what the patient's grade would allow them to book themselves is worked out beside it, and
// a time outside that needs a reason, stored with the appointment and in its audit row. The
// patient gets the same emails and calendar files as for their own changes. The page, the server
// actions and the staff API all call these.
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  findBookedForIntakes,
  getStaffAppointment,
  listAppointmentSeries,
  type StaffAppointment,
} from "@/db/queries/appointments";
import { recordAudit } from "@/db/queries/audit";
import { getIntakeForBooking, type BookingIntake } from "@/db/queries/intakes";
import { getPatient, listPatientIntakes } from "@/db/queries/patients";
import type { AppointmentType as TypeRow } from "@/db/schema";
import { bookAppointment, type BookResult } from "@/lib/booking/book";
import { recoverManageToken } from "@/lib/booking/manage-link";
import { eligibilityFor, URGENT_DAYS, type GradeForBooking } from "@/lib/booking/eligibility";
import {
  cancelBooked,
  changedFrom,
  cutoffHours,
  governingIntake,
  moveBooked,
  type RescheduleResult,
} from "@/lib/booking/manage";
import {
  bookingSettings,
  forgetOffers,
  offeredSlots,
  staffOfferMode,
  type BookingSettings,
} from "@/lib/booking/schedule";
import { clinicZone } from "@/lib/clinic-settings";
import { CONTROL_CHARACTER, freeText, oneLineText } from "@/lib/forms";
import { isLocalDate, localDate } from "@/lib/scheduling/zoned";
import type { Level } from "@/lib/triage";
import type { StaffRole } from "@/common/vocabulary";
import type { Actor } from "./cases";
import { LEVEL_NAMES } from "./format";

const DAY_MS = 24 * 3600_000;
const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** A staff member's reason (for a booking outside the grade, a move, a cancel): one to 500 characters. */
export const staffReasonSchema = z
  .string({ error: "Give the reason" })
  .trim()
  .min(1, "Give the reason")
  .max(500, "Keep the reason under 500 characters")
  .refine(freeText, CONTROL_CHARACTER);

const optionalReason = z
  .string()
  .trim()
  .max(500, "Keep the reason under 500 characters")
  .refine(freeText, CONTROL_CHARACTER)
  .optional()
  .transform((r) => r || undefined);

const instant = z
  .string({ error: "Choose a time" })
  .pipe(z.iso.datetime({ offset: true, error: "start must be an ISO 8601 instant, e.g. 2026-12-01T14:00:00Z" }))
  .transform((s) => new Date(s));

/** A booking for a caller: the API's body and the booking form's fields. */
export const staffBookSchema = z.object({
  patientId: z.uuid({ error: "Choose the patient" }),
  appointmentTypeId: z
    .string({ error: "Choose the kind of appointment" })
    .min(1, "Choose the kind of appointment")
    .max(50)
    .refine(oneLineText, CONTROL_CHARACTER),
  clinicianId: z.uuid({ error: "Choose a clinician" }),
  start: instant,
  reason: optionalReason,
});
export type StaffBookInput = z.output<typeof staffBookSchema>;

/** Moving an appointment: the new time, another clinician if wanted, and why. */
export const staffMoveSchema = z.object({
  start: instant,
  clinicianId: z.uuid({ error: "Choose a clinician" }).optional(),
  reason: staffReasonSchema,
});
export type StaffMoveInput = z.output<typeof staffMoveSchema>;

/** Cancelling an appointment: why. */
export const staffCancelSchema = z.object({ reason: staffReasonSchema });

/** What a patient's grade lets them book themselves, and what "inside" means for a time staff offer. */
export type Allowance = {
  level: Level;
  /** The types the grade may book (for URGENT: the urgent type, which staff book for them). */
  typeIds: string[];
  /** How many days ahead those times may be (null: the clinic's whole horizon). */
  withinDays: number | null;
  /** Whether the patient may book online at all (EMERGENCY and URGENT may not). */
  selfBook: boolean;
  /** The same in words, for the page. */
  summary: string;
};

/**
 * The allowance of an effective level (eligibility.ts): EMERGENCY nothing (nor under 16s); URGENT
 * the urgent type within URGENT_DAYS, booked by staff; SOON its types within 7 days; ROUTINE and
 * SELF_CARE their types in the horizon. The urgent type is for URGENT only.
 */
export function allowanceFor(grade: GradeForBooking, types: readonly TypeRow[]): Allowance {
  const level = (grade.effectiveLevel ?? grade.level) as Level;
  const name = LEVEL_NAMES[level];
  const names = (list: readonly TypeRow[]) => list.map((t) => t.name).join(", ");
  if (level === "URGENT") {
    const urgent = types.filter((t) => t.urgent);
    return {
      level,
      typeIds: urgent.map((t) => t.id),
      withinDays: URGENT_DAYS,
      selfBook: false,
      summary: urgent.length
        ? `${name}: cannot book online. The clinic books ${names(urgent)} within ${URGENT_DAYS} days, including the times held for urgent cases.`
        : `${name}: cannot book online, and no urgent appointment type is active.`,
    };
  }
  const rules = eligibilityFor(grade);
  if (!rules.canSelfBook)
    return {
      level,
      typeIds: [],
      withinDays: null,
      selfBook: false,
      summary:
        level === "EMERGENCY"
          ? `${name}: the patient needs emergency care, not an appointment. Nothing is inside this level.`
          : `${name}: under 16, not seen here (a GP or a children's service). Nothing is inside this level.`,
    };
  const allowed = types.filter((t) => !t.urgent && (t.levels as string[]).includes(level));
  return {
    level,
    typeIds: allowed.map((t) => t.id),
    withinDays: rules.withinDays,
    selfBook: true,
    summary: allowed.length
      ? `${name}: may book ${names(allowed)} online, ${rules.withinDays ? `within ${rules.withinDays} days` : "any time the clinic offers"}.`
      : `${name}: no appointment type is open to this level online.`,
  };
}

/** Who books for a caller: the staff member, with their role. */
export type BookingActor = Actor & { role: StaffRole; apiKey?: { id: string } };

/** The staff account to store as having made a change: none for an integration key (its audit row names it). */
const staffRowOf = (actor: Actor & { apiKey?: { id: string } }) => (actor.apiKey ? null : actor.id);

/**
 * Whether this staff member may book an EMERGENCY or URGENT patient outside what the level allows
 * (into an ordinary time, or later than the urgent window): a clinical decision, a clinician's or
 * an admin's, never reception's alone (as with overriding a grade). Other levels: anyone, with a reason.
 */
export function mayBookOutside(actor: BookingActor, level: Level): boolean {
  return actor.role !== "reception" || (level !== "EMERGENCY" && level !== "URGENT");
}

/** Whether a time for a type is one the patient's grade would allow (see allowanceFor). */
export function insideAllowance(allowance: Allowance, typeId: string, start: Date, now: Date): boolean {
  if (!allowance.typeIds.includes(typeId)) return false;
  return allowance.withinDays === null || start.getTime() < now.getTime() + allowance.withinDays * DAY_MS;
}

export type Caller =
  | {
      status: "ok";
      patient: { id: string; name: string };
      /** The intake a booking belongs to: the patient's newest (a re-grade supersedes the intake it re-grades). */
      intake: BookingIntake;
      allowance: Allowance;
      /** A booked appointment of that intake or of those it re-grades: move it rather than book another. */
      booked: { id: string; startsAt: Date } | null;
    }
  | { status: "not_found" }
  | { status: "erased" }
  | { status: "no_intake"; patient: { id: string; name: string } };

/** The patient staff book for: their newest intake, what its level allows, and any appointment already booked. */
export async function callerForBooking(
  db: Db,
  patientId: string,
  { types, now }: { types?: readonly TypeRow[]; now: Date },
): Promise<Caller> {
  if (!isUuid(patientId)) return { status: "not_found" };
  const patient = await getPatient(db, patientId);
  if (!patient || patient.mergedIntoId) return { status: "not_found" };
  if (patient.erasedAt) return { status: "erased" };
  const named = { id: patient.id, name: `${patient.firstName} ${patient.lastName}` };
  const intakes = await listPatientIntakes(db, patient.id);
  const newest = intakes[0];
  if (!newest) return { status: "no_intake", patient: named };
  const intake = await getIntakeForBooking(db, newest.id);
  if (!intake) return { status: "no_intake", patient: named };
  if (intake.erasedAt) return { status: "erased" };
  // Any appointment still to come, from this episode or an earlier one (a record merged into this
  // one brought its intakes along): one at a time, so a second booking is a move of that one.
  const [booked, allTypes] = await Promise.all([
    findBookedForIntakes(
      db,
      intakes.map((i) => i.id),
      { endingAfter: now },
    ).then(
      // One that is over but still marked booked holds the newest intake's one active booking (a
      // database rule): shown too, so staff open it and mark attendance rather than meet a refusal.
      async (upcoming) => upcoming ?? (await findBookedForIntakes(db, [newest.id])),
    ),
    types ? Promise.resolve(types) : bookingSettings(db).then((s) => s.schedule.types),
  ]);
  return { status: "ok", patient: named, intake, allowance: allowanceFor(intake, allTypes), booked };
}

/**
 * The booking page's view of a caller (their name, level, latest case and any booked time): a view
 * of patient data, audited as `patient_viewed` (via the booking page) unless it is a prefetch.
 */
export async function viewCallerForBooking(
  db: Db,
  actor: Actor,
  patientId: string,
  { types, recordView, now }: { types: readonly TypeRow[]; recordView: boolean; now: Date },
): Promise<Caller> {
  const caller = await callerForBooking(db, patientId, { types, now });
  if (caller.status !== "not_found" && caller.status !== "erased" && recordView)
    await recordAudit(db, {
      actor: { id: actor.id, email: actor.email },
      action: "patient_viewed",
      subjectType: "patient",
      subjectId: caller.patient.id,
      clientAddress: actor.clientAddress,
      after: { via: "booking" },
    });
  return caller;
}

/**
 * The times staff may book a type into on one clinic-local day, by clinician, each marked inside or
 * outside the allowance; `given`: the settings the request already read.
 */
export async function staffTimes(
  db: Db,
  { type, date, now, allowance }: { type: TypeRow; date: string; now: Date; allowance: Allowance | null },
  given?: BookingSettings,
) {
  const settings = given ?? (await bookingSettings(db));
  const offer = await offeredSlots(
    db,
    { now, from: date, days: 1, type, withinDays: null, mode: staffOfferMode(type) },
    settings,
  );
  const clinicians = settings.schedule.clinicians.map((c) => ({
    id: c.id,
    name: c.name,
    slots: offer.slots
      .filter((s) => s.clinicianId === c.id)
      .map((s) => ({
        start: s.start,
        reserved: s.reserved,
        inside: allowance ? insideAllowance(allowance, type.id, s.start, now) : true,
      })),
  }));
  return { timeZone: offer.timeZone, clinicians };
}

/**
 * The times an appointment can move to on a day (its own type, any clinician), marked against the
 * grade that governs it now; null when its type is no longer offered. `given`: the settings the
 * request already read.
 */
export async function moveTimes(
  db: Db,
  a: StaffAppointment,
  { date, now }: { date: string; now: Date },
  given?: BookingSettings,
) {
  const settings = given ?? (await bookingSettings(db));
  const types = settings.schedule.types;
  const type = types.find((t) => t.id === a.typeId);
  if (!type) return null;
  const intake = await governingIntake(db, a.intakeId);
  const allowance = intake ? allowanceFor(intake, types) : null;
  return { type, allowance, ...(await staffTimes(db, { type, date, now, allowance }, settings)) };
}

export type StaffBookResult =
  | (Extract<BookResult, { status: "booked" }> & { outsideLevel: boolean })
  | Exclude<BookResult, { status: "booked" | "already_booked" | "expired" }>
  | { status: "already_booked"; appointmentId: string | null }
  | { status: "needs_reason" }
  | { status: "needs_clinician" }
  | { status: "not_found" }
  | { status: "erased" }
  | { status: "no_intake" };

/**
 * Books a time for a caller: any active type, into a time the slot engine offers staff; outside
 * the grade's allowance only with a reason. The patient gets the confirmation email with a new
 * manage link and the calendar file; the booking and its audit row (actor, reason) commit together.
 */
export async function bookForCaller(
  db: Db,
  actor: BookingActor,
  input: StaffBookInput,
  now: Date,
): Promise<StaffBookResult> {
  const settings = await bookingSettings(db);
  const caller = await callerForBooking(db, input.patientId, { types: settings.schedule.types, now });
  if (caller.status !== "ok") return { status: caller.status };
  if (caller.booked) return { status: "already_booked", appointmentId: caller.booked.id };
  const type = settings.schedule.types.find((t) => t.id === input.appointmentTypeId);
  if (!type) return { status: "not_eligible", message: "That kind of appointment is not offered." };
  const inside = insideAllowance(caller.allowance, type.id, input.start, now);
  if (!inside && !input.reason) return { status: "needs_reason" };
  if (!inside && !mayBookOutside(actor, caller.allowance.level)) return { status: "needs_clinician" };
  class Refused extends Error {
    constructor(readonly result: BookResult) {
      super(result.status);
    }
  }
  try {
    const result = await db.transaction(async (tx) => {
      const r = await bookAppointment(tx, {
        intake: caller.intake,
        clinicianId: input.clinicianId,
        start: input.start,
        typeId: type.id,
        now,
        staff: { staffId: staffRowOf(actor), outsideLevelReason: inside ? null : input.reason! },
      });
      if (r.status !== "booked") throw new Refused(r);
      await recordAudit(tx, {
        actor: { id: actor.id, email: actor.email },
        action: "appointment_booked",
        subjectType: "appointment",
        subjectId: r.appointment.id,
        clientAddress: actor.clientAddress,
        reason: input.reason ?? null,
        after: {
          via: "staff",
          patientId: caller.patient.id,
          intakeId: caller.intake.id,
          level: caller.allowance.level,
          start: r.appointment.start.toISOString(),
          clinician: r.appointment.clinicianName,
          clinicianId: r.appointment.clinicianId,
          type: type.name,
          outsideLevel: !inside,
        },
      });
      return r;
    });
    forgetOffers(db);
    return { ...result, outsideLevel: !inside };
  } catch (error) {
    if (error instanceof Refused)
      return error.result.status === "already_booked"
        ? { status: "already_booked", appointmentId: null }
        : (error.result as StaffBookResult);
    throw error;
  }
}

/** One appointment for staff, with its move history, audited as a view; null when unknown (or erased). */
export async function viewStaffAppointment(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  const appointment = await getStaffAppointment(db, id);
  if (!appointment || appointment.erasedAt || appointment.patientErasedAt) return null;
  const history = await listAppointmentSeries(db, appointment.seriesId);
  await recordAudit(db, {
    actor: { id: actor.id, email: actor.email },
    action: "appointment_viewed",
    subjectType: "appointment",
    subjectId: id,
    clientAddress: actor.clientAddress,
  });
  return { appointment, history };
}

/** Whether staff can still change an appointment: booked and not yet over. */
export function changeable(a: Pick<StaffAppointment, "status" | "endsAt">, now: Date): boolean {
  return a.status === "booked" && a.endsAt.getTime() > now.getTime();
}

/** Whether a change now falls inside the clinic's cancellation cut-off (a cancel is then marked late). */
export async function insideCutoff(db: Db, startsAt: Date, now: Date): Promise<boolean> {
  return startsAt.getTime() - now.getTime() < (await cutoffHours(db)) * 3600_000;
}

type Found = { status: "ok"; appointment: StaffAppointment } | { status: "not_found" } | { status: "not_booked" };

async function findChangeable(db: Db, id: string, now: Date): Promise<Found> {
  if (!isUuid(id)) return { status: "not_found" };
  const appointment = await getStaffAppointment(db, id);
  if (!appointment || appointment.erasedAt || appointment.patientErasedAt) return { status: "not_found" };
  if (!changeable(appointment, now)) return { status: "not_booked" };
  return { status: "ok", appointment };
}

export type StaffChangeResult = RescheduleResult | { status: "not_booked" } | { status: "needs_clinician" };

/**
 * Moves an appointment for a caller, whatever the cut-off: its own type, to a time staff may book
 * (another clinician if given), under the patient's existing manage link; the "moved" email and
 * calendar update go to the patient. The reason is audited, and stored as the outside-level reason
 * when the new time is outside the grade that governs now.
 */
export async function moveForCaller(
  db: Db,
  actor: BookingActor,
  id: string,
  input: StaffMoveInput,
  now: Date,
): Promise<StaffChangeResult> {
  const found = await findChangeable(db, id, now);
  if (found.status !== "ok") return found;
  const a = found.appointment;
  const types = (await bookingSettings(db)).schedule.types;
  const governing = await governingIntake(db, a.intakeId);
  if (governing) {
    const allowance = allowanceFor(governing, types);
    if (!insideAllowance(allowance, a.typeId, input.start, now) && !mayBookOutside(actor, allowance.level))
      return { status: "needs_clinician" };
  }
  return moveBooked(db, changedFrom(a), {
    clinicianId: input.clinicianId ?? a.clinicianId,
    start: input.start,
    now,
    manageToken: await recoverManageToken(db, a),
    by: { kind: "staff", id: actor.id, email: actor.email, clientAddress: actor.clientAddress, reason: input.reason },
    terms: async (_tx, intake) => {
      const inside = insideAllowance(allowanceFor(intake, types), a.typeId, input.start, now);
      return {
        typeId: a.typeId,
        staff: { staffId: staffRowOf(actor), outsideLevelReason: inside ? null : input.reason },
      };
    },
  });
}

export type StaffCancelResult = { status: "done"; late: boolean } | { status: "not_found" } | { status: "not_booked" };

/**
 * Cancels an appointment for a caller, whatever the cut-off (inside it, marked late); the patient
 * gets the cancellation email and calendar update. Audited with the staff member and the reason.
 */
export async function cancelForCaller(
  db: Db,
  actor: Actor & { apiKey?: { id: string } },
  id: string,
  { reason }: { reason: string },
  now: Date,
): Promise<StaffCancelResult> {
  const found = await findChangeable(db, id, now);
  if (found.status !== "ok") return found;
  const late = await insideCutoff(db, found.appointment.startsAt, now);
  const done = await db.transaction((tx) =>
    cancelBooked(tx, changedFrom(found.appointment), {
      reason,
      now,
      cutoffHours: null,
      late,
      by: {
        kind: "staff",
        id: actor.id,
        staffId: staffRowOf(actor),
        email: actor.email,
        clientAddress: actor.clientAddress,
        reason,
      },
    }),
  );
  if (!done) return { status: "not_booked" };
  forgetOffers(db);
  return { status: "done", late };
}

/** The clinic-local day a page shows: the one asked for if it is a real date, else the time's or today's. */
export function dayToShow(asked: string | undefined, start: Date | null, now: Date, timeZone: string): string {
  if (asked && isLocalDate(asked)) return asked;
  return localDate(start ?? now, timeZone);
}

/** The clinic's time zone, with the settings read once. */
export async function bookingZone(db: Db): Promise<string> {
  return clinicZone((await bookingSettings(db)).clinic);
}
