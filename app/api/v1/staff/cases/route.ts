import { apiRoute } from "@/lib/http";
import { listCasesApi } from "@/lib/staff/api";

/** The escalated-case queue as JSON (any staff role); see README "Staff API". */
export const GET = apiRoute((request: Request) => listCasesApi(request));
