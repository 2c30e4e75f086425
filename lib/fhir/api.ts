// The FHIR routes' handlers: GET /api/v1/fhir/Patient/<id>/$everything and
// GET /api/v1/fhir/Questionnaire/<contract version>. FHIR JSON in, OperationOutcome for every
// error (the 401 and 403 of the staff check too, re-worded as FHIR with the same status and headers).
import { getClinicZone } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { EXPORT_ROLES } from "@/lib/privacy/export";
import { localDate } from "@/lib/scheduling/zoned";
import { ANY_STAFF, requireStaffApi } from "@/lib/staff/session";
import { fhirBaseUrl, patientEverything } from "./everything";
import { intakeQuestionnaire } from "./questionnaire";
import type { OperationOutcome } from "./types";

export const FHIR_JSON = "application/fhir+json; charset=utf-8";

/** A FHIR resource as the response, never cached. */
export function fhirResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": FHIR_JSON,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...headers,
    },
  });
}

const ISSUE_CODE: Record<number, string> = { 401: "login", 403: "forbidden", 404: "not-found", 307: "informational" };

/** An OperationOutcome with one issue; `error` is our stable machine code, `message` a sentence. */
export function outcomeResponse(
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const outcome: OperationOutcome = {
    resourceType: "OperationOutcome",
    issue: [
      {
        severity: status < 400 ? "information" : "error",
        code: ISSUE_CODE[status] ?? "exception",
        details: { text: error },
        diagnostics: message,
      },
    ],
  };
  return fhirResponse(outcome, status, headers);
}

/** The staff check's JSON 401 or 403, as an OperationOutcome with the same status and headers. */
async function asOutcome(refused: Response): Promise<Response> {
  const body = (await refused.json().catch(() => ({}))) as { error?: string; message?: string };
  const headers: Record<string, string> = {};
  refused.headers.forEach((value, name) => {
    if (!["content-type", "content-length", "cache-control"].includes(name)) headers[name] = value;
  });
  return outcomeResponse(refused.status, body.error ?? "refused", body.message ?? "Not allowed.", headers);
}

/**
 * GET Patient/<id>/$everything: clinicians and admins (who may export a patient's record; not
 * reception), or a key with fhir:read. `?download=1` adds an attachment file name holding the
 * date and the start of the id, never the patient's name. A merged-away id answers 307 to the
 * record it joined; an unknown, malformed or erased one 404.
 */
export async function everythingResponse(request: Request, id: string): Promise<Response> {
  const staff = await requireStaffApi(EXPORT_ROLES, { scope: "fhir:read", request });
  if (staff instanceof Response) return asOutcome(staff);
  const db = await getDb();
  const now = new Date();
  const result = await patientEverything(db, staff, id, { base: fhirBaseUrl(), now });
  if (result.status === "not_found") return outcomeResponse(404, "not_found", "No patient with that id.");
  const url = new URL(request.url);
  if (result.status === "merged")
    return outcomeResponse(307, "merged", "This record was merged into another.", {
      Location: `/api/v1/fhir/Patient/${result.survivorId}/$everything${url.search}`,
    });
  const download = url.searchParams.get("download") === "1";
  const day = download ? localDate(now, await getClinicZone(db)) : "";
  return fhirResponse(
    result.bundle,
    200,
    download ? { "Content-Disposition": `attachment; filename="fhir-patient-${day}-${id.slice(0, 8)}.json"` } : {},
  );
}

/** GET Questionnaire/<contract version>: the intake as a Questionnaire (no patient data); any staff role or fhir:read. */
export async function questionnaireResponse(request: Request, version: string): Promise<Response> {
  const staff = await requireStaffApi(ANY_STAFF, { scope: "fhir:read", request });
  if (staff instanceof Response) return asOutcome(staff);
  const questionnaire = intakeQuestionnaire(version);
  if (!questionnaire) return outcomeResponse(404, "not_found", "No intake contract has that version.");
  return fhirResponse(questionnaire);
}
