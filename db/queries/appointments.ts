import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { appointments, appointmentTypes, clinicians, intakes } from "../schema";

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

/** Cancels (and unlinks) an appointment only while booked and at least `cutoffHours` ahead of `now`; compare-and-swap, returns whether it did. */
export async function cancelBookedAppointment(
  db: Db,
  { id, now, reason, cutoffHours }: { id: string; now: Date; reason: string; cutoffHours: number },
): Promise<boolean> {
  const rows = await db
    .update(appointments)
    .set({ status: "cancelled", cancelledAt: now, cancelReason: reason, manageTokenHash: null })
    .where(
      and(
        eq(appointments.id, id),
        eq(appointments.status, "booked"),
        sql`${appointments.startsAt} >= ${now.toISOString()}::timestamptz + make_interval(hours => ${cutoffHours})`,
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
