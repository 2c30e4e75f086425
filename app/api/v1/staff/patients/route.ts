import { apiRoute } from "@/lib/http";
import { listPatientsApi } from "@/lib/staff/patients-api";

/** Patient search as JSON (any staff role; audited with its terms); see README "Staff API". */
export const GET = apiRoute((request: Request) => listPatientsApi(request));
