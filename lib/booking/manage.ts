import type { Db } from "@/db/client";
import {
  cancelBookedAppointment,
  findBookedByManageTokenHash,
  markAppointmentRescheduled,
} from "@/db/queries/appointments";
import { recordAudit } from "@/db/queries/audit";
import { isManageLinkErased } from "@/db/queries/privacy";
import { getIntake, getLatestRegrade } from "@/db/queries/intakes";
import type { Intake } from "@/db/schema";
import { getClinicCached } from "@/lib/clinic-settings";
import { queueAppointmentBooked, queueAppointmentCancelled, type QueuedAppointment } from "@/lib/notifications/queue";
import { asQueued, bookAppointment, hashManageToken, type BookRequest, type BookResult } from "./book";
import { movesAsUrgent, typeLevelFor } from "./eligibility";
import { forgetOffers, typeFor } from "./schedule";

/** The booked appointment a manage link opens, while the link is valid (until the appointment ends). */
export async function findByManageToken(db: Db, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null; // not one of ours: no query
  return findBookedByManageTokenHash(db, { tokenHash: hashManageToken(token), now });
}

/**
 * Whether a manage link belongs to an appointment whose patient's data was erased (the appointment
 * was cancelled with it): the page then says so instead of "not found". It shows nothing else.
 */
export async function isErasedManageLink(db: Db, token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  return isManageLinkErased(db, hashManageToken(token));
}

/** Whether changes are still allowed online: before the clinic's cancellation cut-off. */
export async function beforeCutoff(db: Db, startsAt: Date, now: Date): Promise<boolean> {
  return startsAt.getTime() - now.getTime() >= (await cutoffHours(db)) * 3600_000;
}

/** The clinic's cancellation cut-off in hours. */
export async function cutoffHours(db: Db): Promise<number> {
  return (await getClinicCached(db))?.cancellationCutoffHours ?? 24;
}

export type ChangeResult = { status: "done" } | { status: "too_late" } | { status: "not_found" };

/** What a cancel or a move needs of the appointment it changes (a manage link's or staff's view of it). */
export type ChangedAppointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  clinicianId: string;
  clinicianName: string;
  intakeId: string;
  typeId: string;
  seriesId: string;
  sequence: number;
  email: string;
  firstName: string;
};

/** Who changes an appointment, for its audit row: the patient's manage link, or a staff member. */
export type ChangeActor =
  | { kind: "manage_link" }
  | {
      kind: "staff";
      id: string;
      /** The staff account stored as having cancelled (default `id`; null for an integration key). */
      staffId?: string | null;
      email: string;
      clientAddress?: string | null;
      reason: string;
    };

const auditActor = (by: ChangeActor) =>
  by.kind === "staff"
    ? { actor: { id: by.id, email: by.email }, clientAddress: by.clientAddress ?? null, reason: by.reason }
    : { actor: null };

/**
 * Cancels a booked appointment in the caller's transaction: a compare-and-swap (still booked, and
 * before `cutoffHours` when given), the reminder withdrawn and the patient told, and its audit row.
 * A patient's reason is theirs: the trail says only whether they gave one; a staff member's
 * reason is the clinic's own and goes in the trail. Returns whether it cancelled.
 */
export async function cancelBooked(
  tx: Db,
  a: ChangedAppointment,
  {
    reason,
    now,
    cutoffHours,
    late = false,
    by,
  }: {
    reason: string;
    now: Date;
    cutoffHours: number | null;
    late?: boolean;
    by: ChangeActor;
  },
): Promise<boolean> {
  const byStaffId = by.kind === "staff" ? (by.staffId === undefined ? by.id : by.staffId) : null;
  if (!(await cancelBookedAppointment(tx, { id: a.id, now, reason, cutoffHours, byStaffId, late }))) return false;
  // The reminder is cancelled and the patient told in the same transaction as the cancel.
  await queueAppointmentCancelled(tx, {
    appointment: queuedFrom(a),
    patient: a,
    now,
    byStaff: by.kind === "staff",
    late,
  });
  await recordAudit(tx, {
    ...auditActor(by),
    action: "appointment_cancelled",
    subjectType: "appointment",
    subjectId: a.id,
    before: { status: "booked", start: a.startsAt.toISOString(), clinician: a.clinicianName },
    after: {
      via: by.kind,
      intakeId: a.intakeId,
      status: "cancelled",
      ...(by.kind === "staff" ? { late } : { reasonGiven: reason !== "No reason given" }),
    },
  });
  return true;
}

/**
 * Cancels by manage link. A compare-and-swap update: it changes the row only while it is still
 * booked and before the cut-off, so a double click or a race cancels once. Audited (actor: the
 * patient's manage link) in the same transaction.
 */
export async function cancelAppointment(
  db: Db,
  { token, reason, now }: { token: string; reason: string; now: Date },
): Promise<ChangeResult> {
  const found = await findByManageToken(db, token, now);
  if (!found) return { status: "not_found" };
  const hours = await cutoffHours(db);
  if (found.startsAt.getTime() - now.getTime() < hours * 3600_000) return { status: "too_late" };
  const done = await db.transaction((tx) =>
    cancelBooked(tx, changedFrom(found), { reason, now, cutoffHours: hours, by: { kind: "manage_link" } }),
  );
  if (done) forgetOffers(db);
  return done ? { status: "done" } : { status: "not_found" };
}

/**
 * The grade that governs moving an appointment: the newest re-grade of its intake ("has anything got
 * worse?"), else its own intake. A patient re-graded EMERGENCY or URGENT can no longer move into a
 * time their first grade allowed, whichever page or link they come back through.
 */
export async function governingIntake(db: Db, appointmentIntakeId: string): Promise<Intake | null> {
  return (await getLatestRegrade(db, appointmentIntakeId)) ?? (await getIntake(db, appointmentIntakeId));
}

export type RescheduleResult = BookResult | { status: "too_late" } | { status: "not_found" };

/** A move's booking request, as the mover decides it from the grade that governs (see moveBooked). */
export type MoveTerms = Pick<BookRequest, "typeId" | "urgent" | "staff">;

/**
 * Moves a booked appointment: in one transaction the old one becomes "rescheduled" (kept as
 * history) and the new one is booked under the manage link `manageToken` (the patient's own, or
 * the one staff recovered or issued), the "moved" email and new reminder queued, and the move
 * audited; if the new time is refused, nothing changes. `terms` decides the booking from the grade
 * that governs now (the newest re-grade of the appointment's intake).
 */
export async function moveBooked(
  db: Db,
  found: ChangedAppointment,
  {
    clinicianId,
    start,
    now,
    manageToken,
    regradedIntakeId,
    terms,
    by,
  }: {
    clinicianId: string;
    start: Date;
    now: Date;
    manageToken: string;
    regradedIntakeId?: string;
    terms: (tx: Db, intake: Intake, regraded: boolean) => Promise<MoveTerms>;
    by: ChangeActor;
  },
): Promise<RescheduleResult> {
  class Refused extends Error {
    constructor(readonly result: RescheduleResult) {
      super(result.status);
    }
  }
  try {
    return await db
      .transaction(async (tx) => {
        if (!(await markAppointmentRescheduled(tx, found.id))) throw new Refused({ status: "not_found" });
        // The newest grade applies (a re-grade supersedes this appointment's own intake); a page
        // showing an older re-grade than the newest is stale: nothing is moved.
        const intake = await governingIntake(tx, found.intakeId);
        const regraded = intake !== null && intake.id !== found.intakeId;
        if (!intake || (regradedIntakeId && regradedIntakeId !== intake.id)) throw new Refused({ status: "not_found" });
        const chosen = await terms(tx, intake, regraded);
        const result = await bookAppointment(tx, {
          intake,
          clinicianId,
          start,
          now,
          ...chosen,
          reschedule: {
            of: found.id,
            manageTokenHash: hashManageToken(manageToken),
            seriesId: found.seriesId,
            sequence: found.sequence,
          },
        });
        if (result.status !== "booked") throw new Refused(result);
        // The old reminder is cancelled and the new one queued with the "moved" email, all in this transaction.
        await queueAppointmentBooked(tx, {
          appointment: asQueued(result.appointment),
          patient: { email: intake.email, firstName: intake.firstName },
          manageToken,
          now,
          previous: { id: found.id, startsAt: found.startsAt },
          byStaff: by.kind === "staff",
        });
        const moved = result.appointment;
        await recordAudit(tx, {
          ...auditActor(by),
          action: "appointment_moved",
          subjectType: "appointment",
          subjectId: moved.id,
          before: {
            appointmentId: found.id,
            start: found.startsAt.toISOString(),
            clinician: found.clinicianName,
            intakeId: found.intakeId,
          },
          after: {
            via: by.kind,
            appointmentId: moved.id,
            start: moved.start.toISOString(),
            clinician: moved.clinicianName,
            intakeId: intake.id,
            ...(by.kind === "staff" ? { outsideLevel: !!chosen.staff?.outsideLevelReason } : {}),
          },
        });
        return { ...result, manageToken };
      })
      .finally(() => forgetOffers(db));
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

/**
 * Moves an appointment by its manage link (the patient), before the cut-off. URGENT moves only
 * into the urgent type's reserved times, as staff book them; otherwise the appointment's own type
 * while the grade may book it, else the grade's.
 */
export async function rescheduleAppointment(
  db: Db,
  {
    token,
    clinicianId,
    start,
    now,
    regradedIntakeId,
  }: {
    token: string;
    clinicianId: string;
    start: Date;
    now: Date;
    /** After "something got worse": the new grade (an intake superseding this appointment's). */
    regradedIntakeId?: string;
  },
): Promise<RescheduleResult> {
  const found = await findByManageToken(db, token, now);
  if (!found) return { status: "not_found" };
  if (!(await beforeCutoff(db, found.startsAt, now))) return { status: "too_late" };
  return moveBooked(db, changedFrom(found), {
    clinicianId,
    start,
    now,
    manageToken: token,
    regradedIntakeId,
    by: { kind: "manage_link" },
    terms: async (tx, intake, regraded) => ({
      // A silent-pilot grade the patient was never told limits nothing (lib/booking/eligibility.ts).
      ...(movesAsUrgent(intake) ? { urgent: true as const } : {}),
      // The appointment's own type while the grade may book it (a staff-booked type may not be), else the grade's.
      typeId: regraded ? undefined : (await typeFor(tx, typeLevelFor(intake), found.typeId))?.id,
    }),
  });
}

/** Just what a cancel or a move needs, from a larger row (a manage link's or staff's view of the appointment). */
export function changedFrom(a: ChangedAppointment): ChangedAppointment {
  return {
    id: a.id,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    clinicianId: a.clinicianId,
    clinicianName: a.clinicianName,
    intakeId: a.intakeId,
    typeId: a.typeId,
    seriesId: a.seriesId,
    sequence: a.sequence,
    email: a.email,
    firstName: a.firstName,
  };
}

function queuedFrom(a: ChangedAppointment): QueuedAppointment {
  return {
    id: a.id,
    seriesId: a.seriesId,
    sequence: a.sequence,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    clinicianId: a.clinicianId,
    appointmentTypeId: a.typeId,
  };
}
