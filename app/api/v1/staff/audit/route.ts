import { apiRoute } from "@/lib/http";
import { auditTrailApi } from "@/lib/staff/audit-api";

/** The audit trail as JSON (admins only; the view is audited); see README "Staff API". */
export const GET = apiRoute((request: Request) => auditTrailApi(request));
