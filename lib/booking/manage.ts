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
import { asQueued, bookAppointment, hashManageToken, type BookResult } from "./book";
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
  const done = await db.transaction(async (tx) => {
    const cancelled = await cancelBookedAppointment(tx, { id: found.id, now, reason, cutoffHours: hours });
    if (!cancelled) return false;
    // The reminder is cancelled and the patient told in the same transaction as the cancel.
    await queueAppointmentCancelled(tx, { appointment: queuedFrom(found), patient: found, now });
    await recordAudit(tx, {
      actor: null,
      action: "appointment_cancelled",
      subjectType: "appointment",
      subjectId: found.id,
      before: { status: "booked", start: found.startsAt.toISOString(), clinician: found.clinicianName },
      // Whether the patient gave a reason, not its words: they are the patient's own, kept with the
      // appointment (where erasure can remove them) and never in the trail, which outlives the data.
      after: {
        via: "manage_link",
        intakeId: found.intakeId,
        status: "cancelled",
        reasonGiven: reason !== "No reason given",
      },
    });
    return true;
  });
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

/**
 * Moves an appointment: in one transaction the old one becomes "rescheduled" (kept as history)
 * and the new one is booked under the same manage link, with its audit row (actor: the patient's
 * manage link); if the new time is refused, nothing changes.
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
        const level = intake.effectiveLevel ?? intake.level;
        const result = await bookAppointment(tx, {
          intake,
          clinicianId,
          start,
          now,
          // URGENT: only into the urgent type's reserved times, as staff book them.
          ...(level === "URGENT" ? { urgent: true as const } : {}),
          // The appointment's own type while the grade may book it (a staff-booked type may not be), else the grade's.
          typeId: regraded ? undefined : (await typeFor(tx, level, found.typeId))?.id,
          reschedule: {
            of: found.id,
            manageTokenHash: hashManageToken(token),
            seriesId: found.seriesId,
            sequence: found.sequence,
          },
        });
        if (result.status !== "booked") throw new Refused(result);
        // The old reminder is cancelled and the new one queued with the "moved" email, all in this transaction.
        await queueAppointmentBooked(tx, {
          appointment: asQueued(result.appointment),
          patient: { email: intake.email, firstName: intake.firstName },
          manageToken: token,
          now,
          previous: { id: found.id, startsAt: found.startsAt },
        });
        const moved = result.appointment;
        await recordAudit(tx, {
          actor: null,
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
            via: "manage_link",
            appointmentId: moved.id,
            start: moved.start.toISOString(),
            clinician: moved.clinicianName,
            intakeId: intake.id,
          },
        });
        return { ...result, manageToken: token };
      })
      .finally(() => forgetOffers(db));
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

function queuedFrom(a: NonNullable<Awaited<ReturnType<typeof findByManageToken>>>): QueuedAppointment {
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
