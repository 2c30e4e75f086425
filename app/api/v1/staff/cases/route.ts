import { listCasesApi } from "@/lib/staff/api";

/** The escalated-case queue as JSON (any staff role); see README "Staff API". */
export function GET(request: Request) {
  return listCasesApi(request);
}
