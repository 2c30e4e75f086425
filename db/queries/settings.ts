// The admin's changes to what the clinic offers: the clinic row and its policies, clinicians,
// weekly hours, time off and appointment types. Reads that lock are meant for a transaction.
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../client";
import {
  appointmentTypes,
  clinic,
  clinicians,
  timeOff,
  workingHours,
  type AppointmentType,
  type Clinic,
  type NewClinic,
} from "../schema";

type ClinicValues = Omit<NewClinic, "id" | "updatedAt">;

/** The clinic row, locked until the end of the transaction; null before the clinic is set up. */
export async function getClinicForUpdate(db: Db): Promise<Clinic | null> {
  const rows = await db.select().from(clinic).where(eq(clinic.id, 1)).for("update");
  return rows[0] ?? null;
}

/** The clinic's time zone (unlocked, uncached); null before the clinic is set up. */
export async function getClinicTimeZone(db: Db): Promise<string | null> {
  const rows = await db.select({ timeZone: clinic.timeZone }).from(clinic).where(eq(clinic.id, 1));
  return rows[0]?.timeZone ?? null;
}

/** Creates the clinic row with these details and policies. */
export async function insertClinic(db: Db, values: ClinicValues, now: Date): Promise<void> {
  await db.insert(clinic).values({ id: 1, ...values, updatedAt: now });
}

/** Saves the clinic's details and policies. */
export async function updateClinic(db: Db, values: ClinicValues, now: Date): Promise<void> {
  await db
    .update(clinic)
    .set({ ...values, updatedAt: now })
    .where(eq(clinic.id, 1));
}

/** Adds a clinician and returns their id. */
export async function insertClinician(db: Db, values: { name: string; role: string }): Promise<{ id: string }> {
  const [row] = await db.insert(clinicians).values(values).returning({ id: clinicians.id });
  return row!;
}

/** A clinician's name and role, locked until the end of the transaction; null when unknown. */
export async function getClinicianForUpdate(db: Db, id: string): Promise<{ name: string; role: string } | null> {
  const rows = await db
    .select({ name: clinicians.name, role: clinicians.role })
    .from(clinicians)
    .where(eq(clinicians.id, id))
    .for("update");
  return rows[0] ?? null;
}

/** Whether a clinician with this id exists (active or not). */
export async function clinicianExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: clinicians.id }).from(clinicians).where(eq(clinicians.id, id));
  return rows.length > 0;
}

/** Changes a clinician's name and role. */
export async function updateClinicianDetails(
  db: Db,
  id: string,
  values: { name: string; role: string },
): Promise<void> {
  await db.update(clinicians).set(values).where(eq(clinicians.id, id));
}

/** Sets whether a clinician is offered for booking; returns false when there is no such clinician. */
export async function updateClinicianActive(db: Db, id: string, active: boolean): Promise<boolean> {
  const rows = await db
    .update(clinicians)
    .set({ active })
    .where(eq(clinicians.id, id))
    .returning({ id: clinicians.id });
  return rows.length > 0;
}

/** Adds a row of weekly hours and returns its id. */
export async function insertWorkingHours(
  db: Db,
  h: { clinicianId: string; weekday: number; start: string; end: string },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(workingHours)
    .values({ clinicianId: h.clinicianId, weekday: h.weekday, startTime: h.start, endTime: h.end })
    .returning({ id: workingHours.id });
  return row!;
}

/** Deletes a row of weekly hours and returns it; null when it was already gone. */
export async function deleteWorkingHours(db: Db, id: string) {
  const rows = await db.delete(workingHours).where(eq(workingHours.id, id)).returning();
  return rows[0] ?? null;
}

/** Adds time off for a clinician (or, with no clinician, a closure of the whole clinic) and returns its id. */
export async function insertTimeOff(
  db: Db,
  t: { clinicianId: string | null; startsAt: Date; endsAt: Date; reason: string | null },
): Promise<{ id: string }> {
  const [row] = await db.insert(timeOff).values(t).returning({ id: timeOff.id });
  return row!;
}

/** Deletes time off or a closure and returns it; null when it was already gone. */
export async function deleteTimeOff(db: Db, id: string) {
  const rows = await db.delete(timeOff).where(eq(timeOff.id, id)).returning();
  return rows[0] ?? null;
}

export type AppointmentTypeDetails = Pick<
  AppointmentType,
  "name" | "minutes" | "bufferBeforeMinutes" | "bufferAfterMinutes" | "levels" | "sortOrder" | "active"
>;

/** An appointment type's editable details and urgent mark, locked until the end of the transaction; null when unknown. */
export async function getAppointmentTypeForUpdate(
  db: Db,
  id: string,
): Promise<(AppointmentTypeDetails & { urgent: boolean }) | null> {
  const rows = await db
    .select({
      name: appointmentTypes.name,
      minutes: appointmentTypes.minutes,
      bufferBeforeMinutes: appointmentTypes.bufferBeforeMinutes,
      bufferAfterMinutes: appointmentTypes.bufferAfterMinutes,
      levels: appointmentTypes.levels,
      sortOrder: appointmentTypes.sortOrder,
      active: appointmentTypes.active,
      urgent: appointmentTypes.urgent,
    })
    .from(appointmentTypes)
    .where(eq(appointmentTypes.id, id))
    .for("update");
  return rows[0] ?? null;
}

/** Saves an appointment type's name, length, buffers, self-booking grades, order and whether it is offered. */
export async function updateAppointmentTypeDetails(
  db: Db,
  id: string,
  values: Partial<AppointmentTypeDetails>,
): Promise<void> {
  await db.update(appointmentTypes).set(values).where(eq(appointmentTypes.id, id));
}

/** Inserts a new appointment type under this id; false when the id is taken (nothing written). */
export async function insertAppointmentType(db: Db, values: AppointmentTypeDetails & { id: string }): Promise<boolean> {
  const rows = await db
    .insert(appointmentTypes)
    .values({ ...values, urgent: false })
    .onConflictDoNothing({ target: appointmentTypes.id })
    .returning({ id: appointmentTypes.id });
  return rows.length > 0;
}

/** The type marked urgent now (locked until the end of the transaction), if any. */
export async function getUrgentTypeForUpdate(db: Db): Promise<{ id: string; name: string } | null> {
  const rows = await db
    .select({ id: appointmentTypes.id, name: appointmentTypes.name })
    .from(appointmentTypes)
    .where(eq(appointmentTypes.urgent, true))
    .for("update");
  return rows[0] ?? null;
}

/**
 * Moves the urgent mark onto this type: the old mark is cleared first, then set here, so the partial
 * unique index (at most one urgent type) holds at every statement. Call inside a transaction.
 */
export async function moveUrgentMark(db: Db, id: string): Promise<void> {
  await db
    .update(appointmentTypes)
    .set({ urgent: false })
    .where(and(eq(appointmentTypes.urgent, true), ne(appointmentTypes.id, id)));
  await db.update(appointmentTypes).set({ urgent: true }).where(eq(appointmentTypes.id, id));
}
