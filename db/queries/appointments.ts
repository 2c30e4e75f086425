import { and, asc, desc, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { appointments, appointmentTypes, clinicians, intakes, outbox, patients, staffUsers } from "../schema";

export type NewAppointment = typeof appointments.$inferInsert;

// The first key of the two-key advisory locks that queue bookings per clinician.
const BOOKING_LOCK_SPACE = 727_274_002;

/** Queues bookings per clinician until the transaction ends (a two-key advisory lock; see bookAppointment). */
export async function lockClinicianBookings(db: Db, clinicianId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${BOOKING_LOCK_SPACE}, hashtext(${clinicianId}))`);
}

/** Inserts one appointment; the exclusion constraint (23P01) and the one-active-per-intake index (23505) may refuse it. */
export async function insertAppointment(db: Db, values: NewAppointment): Promise<void> {
  await db.insert(appointments).values(values);
}

/** Inserts several appointments in one statement, with no emails (the development demo schedule). */
export async function insertAppointments(db: Db, values: NewAppointment[]): Promise<void> {
  await db.insert(appointments).values(values);
}

/** The booked appointment with this manage-link hash that has not ended by `now`, with its clinician, type and patient; or null. */
export async function findBookedByManageTokenHash(db: Db, { tokenHash, now }: { tokenHash: string; now: Date }) {
  const rows = await db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      intakeId: appointments.intakeId,
      clinicianId: appointments.clinicianId,
      clinicianName: clinicians.name,
      clinicianRole: clinicians.role,
      typeId: appointmentTypes.id,
      typeName: appointmentTypes.name,
      firstName: intakes.firstName,
      email: intakes.email,
      seriesId: appointments.seriesId,
      sequence: appointments.sequence,
    })
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .innerJoin(intakes, eq(intakes.id, appointments.intakeId))
    .where(
      and(eq(appointments.manageTokenHash, tokenHash), eq(appointments.status, "booked"), gt(appointments.endsAt, now)),
    )
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Cancels an appointment only while booked and, when `cutoffHours` is given (a patient's own
 * cancel), at least that many hours ahead of `now`; compare-and-swap, returns whether it did. Staff
 * cancel with no cut-off, naming themselves and whether it is late. The manage link's hash stays,
 * so the patient's link says the appointment was cancelled (and offers the next step), not "not found".
 */
export async function cancelBookedAppointment(
  db: Db,
  {
    id,
    now,
    reason,
    cutoffHours,
    byStaffId = null,
    late = false,
  }: { id: string; now: Date; reason: string; cutoffHours: number | null; byStaffId?: string | null; late?: boolean },
): Promise<boolean> {
  const rows = await db
    .update(appointments)
    .set({
      status: "cancelled",
      cancelledAt: now,
      cancelReason: reason,
      cancelledByStaffId: byStaffId,
      lateCancellation: late,
    })
    .where(
      and(
        eq(appointments.id, id),
        eq(appointments.status, "booked"),
        cutoffHours === null
          ? undefined
          : sql`${appointments.startsAt} >= ${now.toISOString()}::timestamptz + make_interval(hours => ${cutoffHours})`,
      ),
    )
    .returning({ id: appointments.id });
  return rows.length > 0;
}

/** Marks a booked appointment "rescheduled" (kept as history) and drops its manage link; compare-and-swap, returns whether it did. */
export async function markAppointmentRescheduled(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(appointments)
    .set({ status: "rescheduled", manageTokenHash: null })
    .where(and(eq(appointments.id, id), eq(appointments.status, "booked")))
    .returning({ id: appointments.id });
  return rows.length > 0;
}

const bookedBy = alias(staffUsers, "booked_by");
const cancelledBy = alias(staffUsers, "cancelled_by");

/** One appointment (any status) as staff see it: clinician, type, patient, who booked or cancelled it; or null. */
export async function getStaffAppointment(db: Db, id: string) {
  const rows = await db
    .select({
      id: appointments.id,
      intakeId: appointments.intakeId,
      patientId: appointments.patientId,
      status: appointments.status,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      clinicianId: appointments.clinicianId,
      clinicianName: clinicians.name,
      typeId: appointmentTypes.id,
      typeName: appointmentTypes.name,
      typeUrgent: appointmentTypes.urgent,
      seriesId: appointments.seriesId,
      sequence: appointments.sequence,
      manageTokenHash: appointments.manageTokenHash,
      createdAt: appointments.createdAt,
      cancelledAt: appointments.cancelledAt,
      cancelReason: appointments.cancelReason,
      lateCancellation: appointments.lateCancellation,
      outsideLevelReason: appointments.outsideLevelReason,
      bookedByName: bookedBy.name,
      cancelledByName: cancelledBy.name,
      firstName: intakes.firstName,
      email: intakes.email,
      patientName: sql<string>`${patients.firstName} || ' ' || ${patients.lastName}`,
      erasedAt: intakes.erasedAt,
      patientErasedAt: patients.erasedAt,
    })
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .innerJoin(intakes, eq(intakes.id, appointments.intakeId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .leftJoin(bookedBy, eq(bookedBy.id, appointments.bookedByStaffId))
    .leftJoin(cancelledBy, eq(cancelledBy.id, appointments.cancelledByStaffId))
    .where(eq(appointments.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export type StaffAppointment = NonNullable<Awaited<ReturnType<typeof getStaffAppointment>>>;

/** Every version of an appointment (its reschedule chain, one calendar series), oldest first. */
export async function listAppointmentSeries(db: Db, seriesId: string) {
  return db
    .select({
      id: appointments.id,
      status: appointments.status,
      startsAt: appointments.startsAt,
      clinicianName: clinicians.name,
      createdAt: appointments.createdAt,
      bookedByName: bookedBy.name,
    })
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
    .leftJoin(bookedBy, eq(bookedBy.id, appointments.bookedByStaffId))
    .where(eq(appointments.seriesId, seriesId))
    .orderBy(asc(appointments.sequence), asc(appointments.createdAt));
}

/**
 * The sealed manage-link tokens queued in emails about a series' appointments, newest first: a
 * staff move keeps the patient's link by re-sealing the same token into the "moved" email.
 */
export async function listSealedManageTokens(db: Db, seriesId: string): Promise<string[]> {
  const rows = await db
    .select({ sealed: sql<string>`${outbox.payload} ->> 'manageToken'` })
    .from(outbox)
    .innerJoin(appointments, eq(appointments.id, outbox.appointmentId))
    .where(and(eq(appointments.seriesId, seriesId), isNotNull(sql`${outbox.payload} ->> 'manageToken'`)))
    .orderBy(desc(outbox.createdAt))
    .limit(5);
  return rows.map((r) => r.sealed);
}

/** The first booked appointment of any of these intakes (ending after `endingAfter` when given), or null. */
export async function findBookedForIntakes(db: Db, intakeIds: string[], { endingAfter }: { endingAfter?: Date } = {}) {
  if (intakeIds.length === 0) return null;
  const rows = await db
    .select({ id: appointments.id, startsAt: appointments.startsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.status, "booked"),
        inArray(appointments.intakeId, intakeIds),
        endingAfter ? gt(appointments.endsAt, endingAfter) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(1);
  return rows[0] ?? null;
}
