// GET /staff/cases/<id>/export: the patient's export as a JSON download, for clinicians and admins.
import { z } from "zod";
import { getClinicZone } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { jsonError } from "@/lib/http";
import { localDate } from "@/lib/scheduling/zoned";
import { requireStaffApi } from "@/lib/staff/session";
import { EXPORT_ROLES, exportPatient } from "./export";

/**
 * The download: 401 signed out, 403 for reception, 404 for an id that is not a case (a malformed
 * one too), else the document as an attachment that no cache keeps. The file name holds the date
 * and the start of the case id, never the patient's name (downloads folders and logs list it).
 */
export async function patientExportResponse(intakeId: string): Promise<Response> {
  const staff = await requireStaffApi(EXPORT_ROLES);
  if (staff instanceof Response) return staff;
  const notFound = () => jsonError(404, "not_found", "There is no such case.");
  if (!z.uuid().safeParse(intakeId).success) return notFound();
  const db = await getDb();
  const now = new Date();
  const document = await exportPatient(db, staff, intakeId, now);
  if (!document) return notFound();
  const day = localDate(now, await getClinicZone(db));
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="patient-export-${day}-${intakeId.slice(0, 8)}.json"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
