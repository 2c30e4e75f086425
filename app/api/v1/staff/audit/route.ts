import { listAuditApi } from "@/lib/staff/api";

/** The audit trail as JSON (admins only). */
export function GET(request: Request) {
  return listAuditApi(request);
}
