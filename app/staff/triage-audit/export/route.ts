import { triageAuditExportResponse } from "@/lib/governance/audit-api";
import { apiRoute } from "@/lib/http";

/** The filtered triage audit as a CSV download (clinicians and admins; audited as an export). */
export const GET = apiRoute((request: Request) => triageAuditExportResponse(request));
