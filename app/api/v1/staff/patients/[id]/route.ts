import { apiRoute } from "@/lib/http";
import { getPatientApi } from "@/lib/staff/patients-api";

/** One patient's timeline as JSON (any staff role; audited as a view). */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  getPatientApi(request, (await params).id),
);
