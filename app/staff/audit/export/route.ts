import { apiRoute } from "@/lib/http";
import { auditExportResponse } from "@/lib/staff/audit-api";

/** The filtered audit trail as a CSV download (admins only; audited as an export). */
export const GET = apiRoute((request: Request) => auditExportResponse(request));
