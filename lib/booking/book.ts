import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import type { AppointmentType as TypeRow } from "@/db/schema";
import { insertAppointment, lockClinicianBookings } from "@/db/queries/appointments";
import { recordAudit } from "@/db/queries/audit";
import { listBusy } from "@/db/queries/scheduling";
import { clinicZone } from "@/lib/clinic-settings";
import type { BookingIntake } from "@/db/queries/intakes";
import { queueAppointmentBooked, type QueuedAppointment } from "@/lib/notifications/queue";
import { blockedRange, localDate, overlaps, type Slot } from "@/lib/scheduling";
import type { Level } from "@/lib/triage";
import { BOOKING_TOKEN_DAYS, eligibilityFor, typeLevelFor, URGENT_DAYS } from "./eligibility";
import {
  bookingSettings,
  forgetOffers,
  offeredSlots,
  pickType,
  staffOfferMode,
  type BookingSettings,
  type OfferMode,
} from "./schedule";

export type BookedAppointment = {
  id: string;
  start: Date;
  end: Date;
  clinicianId: string;
  /** The clinician's name when booked (for the audit trail). */
  clinicianName: string;
  appointmentTypeId: string;
  seriesId: string;
  sequence: number;
};

/** How a patient reached a change: the booking pages, the manage link, or the booking API. */
export type PatientChannel = "booking_link" | "manage_link" | "api";

export type BookResult =
  | { status: "booked"; appointment: BookedAppointment; manageToken: string }
  | { status: "slot_taken"; alternatives: (Slot & { clinicianName: string })[] }
  | { status: "already_booked" }
  | { status: "not_eligible"; message: string }
  | { status: "expired" };

export type BookRequest = {
  intake: BookingIntake;
  clinicianId: string;
  start: Date;
  typeId?: string;
  now: Date;
  /**
   * Rescheduling: the appointment replaced, the manage link's hash that moves to the new one, and
   * the calendar series it continues (the caller queues the "moved" email with the link).
   */
  reschedule?: { of: string; manageTokenHash: string; seriesId: string; sequence: number };
  /** Staff booking an URGENT case into reserved urgent capacity (see bookUrgentSlot). */
  urgent?: true;
  /**
   * Staff booking for a caller (lib/staff/caller-booking.ts): `typeId` may be any active type, into
   * any time the slot engine offers staff (staffOfferMode), with no grade window; who booked it and
   * why it is outside the grade's allowance are stored with it. The caller audits it.
   */
  /** `staffId` null: an integration key booked it (the audit row names the key). */
  staff?: { staffId: string | null; outsideLevelReason: string | null };
  /** The staff member booking an URGENT case from the case page (stored as who booked it). */
  bookedBy?: string;
  /**
   * Which of the patient's links made a new booking, for its audit row (the booking pages unless
   * said otherwise). Moves are audited by the manage link (manage.ts), urgent bookings by staff.
   */
  via?: Exclude<PatientChannel, "manage_link">;
};

/** A new random manage-link token and the hash that is stored instead of it. */
export function newManageToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url"); // 256 bits
  return { token, hash: hashManageToken(token) };
}

export const hashManageToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/**
 * Whether an intake's booking link is too old to use: 30 days from the intake, or from when the
 * patient was found not improving (the clinic then offers an appointment again).
 */
export function bookingExpired(
  intake: Pick<BookingIntake, "createdAt"> & { reopenedAt?: Date | null },
  now: Date,
): boolean {
  const from = Math.max(intake.createdAt.getTime(), intake.reopenedAt?.getTime() ?? 0);
  return now.getTime() - from > BOOKING_TOKEN_DAYS * 24 * 3600_000;
}

/**
 * Books a slot for an intake. The slot must be one the clinic offers this grade right now; the
 * exclusion constraint then settles any race: of two requests for overlapping time, the
 * database lets exactly one in.
 */
export async function bookAppointment(db: Db, req: BookRequest): Promise<BookResult> {
  // A transaction chosen as a deadlock victim (40P01) changed nothing and is safe to try again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await bookOnce(db, req);
    } catch (error) {
      if (pgCode(error) !== "40P01" || attempt >= 3) throw error;
    }
  }
}

async function bookOnce(db: Db, req: BookRequest): Promise<BookResult> {
  const level = (req.intake.effectiveLevel ?? req.intake.level) as Level;
  const rules = req.staff
    ? { canSelfBook: true, withinDays: null }
    : req.urgent
      ? { canSelfBook: level === "URGENT", withinDays: URGENT_DAYS }
      : eligibilityFor(req.intake);
  if (!rules.canSelfBook)
    return { status: "not_eligible", message: "This result cannot be booked online: the clinic will call you." };
  // The booking link's age binds new bookings only: a move comes by the appointment's own manage link.
  if (!req.urgent && !req.staff && !req.reschedule && bookingExpired(req.intake, req.now)) return { status: "expired" };
  // The clinic's settings, read once for the whole request.
  const settings = await bookingSettings(db);
  const types = settings.schedule.types;
  // Urgent bookings always go into the type the settings mark urgent (active types only).
  const type = req.staff
    ? (types.find((t) => t.id === req.typeId) ?? null)
    : req.urgent
      ? (types.find((t) => t.urgent) ?? null)
      : pickType(types, typeLevelFor(req.intake), req.typeId);
  if (!type) return { status: "not_eligible", message: "That kind of appointment cannot be booked with this result." };
  const zone = clinicZone(settings.clinic);
  const mode = req.staff ? staffOfferMode(type) : req.urgent ? "urgent" : "patient";

  const offer = await offeredSlots(
    db,
    {
      now: req.now,
      from: localDate(req.start, zone),
      days: 1,
      type,
      withinDays: rules.withinDays,
      mode,
      clinicianIds: [req.clinicianId],
    },
    settings,
  );
  const slot = offer.slots.find((s) => s.start.getTime() === req.start.getTime());
  if (!slot) {
    const block = blockedRange(req.start, type);
    const busy = await listBusy(db, { from: block.start, to: block.end, clinicianIds: [req.clinicianId] });
    if (busy.some((b) => overlaps(b, block)))
      return {
        status: "slot_taken",
        alternatives: await alternatives(db, req, { type, withinDays: rules.withinDays, zone, settings, mode }),
      };
    return { status: "not_eligible", message: "That time is not available for this appointment." };
  }

  const { token, hash } = req.reschedule ? { token: "", hash: req.reschedule.manageTokenHash } : newManageToken();
  const id = randomUUID();
  const booked: BookedAppointment = {
    id,
    start: slot.start,
    end: slot.end,
    clinicianId: slot.clinicianId,
    clinicianName: settings.schedule.clinicians.find((c) => c.id === slot.clinicianId)?.name ?? "",
    appointmentTypeId: type.id,
    seriesId: req.reschedule?.seriesId ?? id,
    sequence: req.reschedule ? req.reschedule.sequence + 1 : 0,
  };
  try {
    // A savepoint inside a caller's transaction, so a refused insert leaves that transaction usable.
    await db.transaction(async (tx) => {
      // Concurrent inserts that conflict under an exclusion constraint can deadlock (each waits
      // for the other's uncommitted row). Queuing bookings per clinician for the instant of the
      // insert avoids that; the constraint still decides who gets the time.
      await lockClinicianBookings(tx, slot.clinicianId);
      await insertAppointment(tx, {
        id,
        seriesId: booked.seriesId,
        sequence: booked.sequence,
        intakeId: req.intake.id,
        clinicianId: slot.clinicianId,
        appointmentTypeId: type.id,
        startsAt: slot.start,
        endsAt: slot.end,
        blocked: `[${slot.blockStart.toISOString()},${slot.blockEnd.toISOString()})`,
        manageTokenHash: hash,
        rescheduledFromId: req.reschedule?.of ?? null,
        bookedByStaffId: req.staff?.staffId ?? req.bookedBy ?? null,
        outsideLevelReason: req.staff?.outsideLevelReason ?? null,
      });
      // The confirmation and reminder commit with the booking, or neither does; so does its audit row.
      if (!req.reschedule) {
        await queueAppointmentBooked(tx, {
          appointment: asQueued(booked),
          patient: req.intake,
          manageToken: token,
          now: req.now,
          byStaff: !!req.staff || !!req.urgent,
        });
        if (!req.urgent && !req.staff) await auditPatientBooking(tx, req, booked, type.name);
      }
    });
    forgetOffers(db);
    return { status: "booked", appointment: booked, manageToken: token };
  } catch (error) {
    const code = pgCode(error);
    if (code === "23P01")
      return {
        status: "slot_taken",
        alternatives: await alternatives(db, req, { type, withinDays: rules.withinDays, zone, settings, mode }),
      };
    if (code === "23505" && constraintOf(error) === "appointments_one_active_per_intake")
      return { status: "already_booked" };
    throw error;
  }
}

/**
 * Staff book an URGENT case into the reserved urgent capacity (any free time, reserved ones
 * included), with the appointment type marked urgent in the settings (a `typeId` is not read).
 */
export function bookUrgentSlot(db: Db, req: Omit<BookRequest, "urgent" | "reschedule">): Promise<BookResult> {
  return bookAppointment(db, { ...req, urgent: true });
}

/** A patient's own booking: no staff actor, the link they used named instead. */
function auditPatientBooking(db: Db, req: BookRequest, booked: BookedAppointment, typeName: string) {
  return recordAudit(db, {
    actor: null,
    action: "appointment_booked",
    subjectType: "appointment",
    subjectId: booked.id,
    after: {
      via: req.via ?? "booking_link",
      intakeId: req.intake.id,
      start: booked.start.toISOString(),
      clinician: booked.clinicianName,
      clinicianId: booked.clinicianId,
      type: typeName,
    },
  });
}

async function alternatives(
  db: Db,
  req: BookRequest,
  {
    type,
    withinDays,
    zone,
    settings,
    mode,
  }: { type: TypeRow; withinDays: number | null; zone: string; settings: BookingSettings; mode: OfferMode },
) {
  const offer = await offeredSlots(
    db,
    {
      now: req.now,
      from: localDate(req.start, zone),
      days: 7,
      type,
      withinDays,
      mode,
    },
    settings,
  );
  return offer.slots.filter((s) => s.start.getTime() !== req.start.getTime()).slice(0, 5);
}

/** The SQLSTATE of a database error, through drizzle's wrapper if there is one. */
export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  return typeof e?.code === "string" ? e.code : typeof e?.cause?.code === "string" ? e.cause.code : undefined;
}

function constraintOf(error: unknown): string | undefined {
  const e = error as {
    constraint_name?: string;
    constraint?: string;
    cause?: { constraint_name?: string; constraint?: string };
  };
  return e.constraint_name ?? e.constraint ?? e.cause?.constraint_name ?? e.cause?.constraint;
}

/** A booked appointment in the shape the email queue takes. */
export function asQueued(a: BookedAppointment): QueuedAppointment {
  return {
    id: a.id,
    seriesId: a.seriesId,
    sequence: a.sequence,
    startsAt: a.start,
    endsAt: a.end,
    clinicianId: a.clinicianId,
    appointmentTypeId: a.appointmentTypeId,
  };
}
