import { and, asc, eq, gt, inArray, lt, notInArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { appointments, appointmentTypes, clinicians, timeOff, workingHours } from "../schema";

/** Active clinicians, by name. */
export async function listClinicians(db: Db) {
  return db.select({ id: clinicians.id, name: clinicians.name, role: clinicians.role }).from(clinicians).where(eq(clinicians.active, true)).orderBy(asc(clinicians.name));
}

/** Active appointment types, default first. */
export async function listAppointmentTypes(db: Db) {
  return db.select().from(appointmentTypes).where(eq(appointmentTypes.active, true)).orderBy(asc(appointmentTypes.sortOrder));
}

/** Weekly hours of the given clinicians, times as "HH:MM". */
export async function listWorkingHours(db: Db, clinicianIds: string[]) {
  if (!clinicianIds.length) return [];
  const rows = await db.select().from(workingHours).where(inArray(workingHours.clinicianId, clinicianIds));
  return rows.map((r) => ({ clinicianId: r.clinicianId, weekday: r.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7, start: r.startTime.slice(0, 5), end: r.endTime.slice(0, 5) }));
}

/** Time off and closures overlapping [from, to). */
export async function listTimeOff(db: Db, { from, to }: { from: Date; to: Date }) {
  return db
    .select({ clinicianId: timeOff.clinicianId, start: timeOff.startsAt, end: timeOff.endsAt })
    .from(timeOff)
    .where(and(lt(timeOff.startsAt, to), gt(timeOff.endsAt, from)));
}

const HOLDING = ["cancelled", "rescheduled"] as const;

/** Time already taken (buffers included) by appointments overlapping [from, to). */
export async function listBusy(db: Db, { from, to, clinicianIds }: { from: Date; to: Date; clinicianIds?: string[] }) {
  const rows = await db
    .select({
      clinicianId: appointments.clinicianId,
      // Epoch milliseconds: parsing 1,000 timestamp strings per slot search was its main cost.
      start: sql<number>`(extract(epoch from lower(${appointments.blocked})) * 1000)::float8`,
      end: sql<number>`(extract(epoch from upper(${appointments.blocked})) * 1000)::float8`,
    })
    .from(appointments)
    .where(
      and(
        notInArray(appointments.status, [...HOLDING]),
        sql`${appointments.blocked} && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`,
        clinicianIds ? inArray(appointments.clinicianId, clinicianIds) : undefined,
      ),
    );
  return rows.map((r) => ({ clinicianId: r.clinicianId, start: new Date(Number(r.start)), end: new Date(Number(r.end)) }));
}
