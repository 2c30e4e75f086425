import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "../client";
import { appointments, appointmentTypes, clinicians, intakes } from "../schema";

/** Statuses the schedule shows: what still happens or happened (not cancelled or moved away). */
export const SCHEDULED = ["booked", "arrived", "no_show", "completed"] as const;

/** Appointments starting in [from, to), per clinician then time, with the patient's name. */
export async function listSchedule(db: Db, { from, to, clinicianId }: { from: Date; to: Date; clinicianId?: string }) {
  return db
    .select({
      id: appointments.id,
      intakeId: appointments.intakeId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      clinicianId: appointments.clinicianId,
      clinician: clinicians.name,
      type: appointmentTypes.name,
      firstName: intakes.firstName,
      lastName: intakes.lastName,
      phone: intakes.phone,
    })
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .innerJoin(intakes, eq(intakes.id, appointments.intakeId))
    .where(
      and(
        gte(appointments.startsAt, from),
        lt(appointments.startsAt, to),
        inArray(appointments.status, [...SCHEDULED]),
        clinicianId ? eq(appointments.clinicianId, clinicianId) : undefined,
      ),
    )
    .orderBy(asc(clinicians.name), asc(appointments.startsAt));
}

export type ScheduleRow = Awaited<ReturnType<typeof listSchedule>>[number];

/** Statuses attendance marks move between: expected, arrived, did not come. */
export const MARKABLE = ["booked", "arrived", "no_show"] as const;

/** An appointment's status, start and intake, for marking attendance; null when unknown. */
export async function getAppointmentForMark(db: Db, appointmentId: string) {
  const rows = await db
    .select({ status: appointments.status, startsAt: appointments.startsAt, intakeId: appointments.intakeId })
    .from(appointments)
    .where(eq(appointments.id, appointmentId))
    .limit(1);
  return rows[0] ?? null;
}

/** Sets an attendance mark while the appointment is still booked or marked; returns whether it changed a row. */
export async function setAttendanceStatus(
  db: Db,
  { appointmentId, status }: { appointmentId: string; status: (typeof MARKABLE)[number] },
): Promise<boolean> {
  const rows = await db
    .update(appointments)
    .set({ status })
    .where(and(eq(appointments.id, appointmentId), inArray(appointments.status, [...MARKABLE])))
    .returning({ id: appointments.id });
  return rows.length > 0;
}
