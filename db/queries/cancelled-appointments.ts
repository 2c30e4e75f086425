import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { appointments, appointmentTypes, clinicians, intakes } from "../schema";

/**
 * The cancelled appointment a manage link opened, for the page that says so: when it was, with
 * whom, when it was cancelled and whether the clinic did it; or null (an unknown link, a moved
 * appointment's old row, or a patient whose details were erased, which a page of its own explains).
 */
export async function findCancelledByManageTokenHash(db: Db, tokenHash: string) {
  const rows = await db
    .select({
      id: appointments.id,
      intakeId: appointments.intakeId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      cancelledAt: appointments.cancelledAt,
      cancelledByClinic: appointments.cancelledByStaffId,
      clinicianName: clinicians.name,
      clinicianRole: clinicians.role,
      typeName: appointmentTypes.name,
    })
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .innerJoin(intakes, eq(intakes.id, appointments.intakeId))
    .where(
      and(eq(appointments.manageTokenHash, tokenHash), eq(appointments.status, "cancelled"), isNull(intakes.erasedAt)),
    )
    .limit(1);
  const row = rows[0];
  return row ? { ...row, cancelledByClinic: row.cancelledByClinic !== null } : null;
}
