import { everythingResponse } from "@/lib/fhir/api";
import { apiRoute } from "@/lib/http";

/** One patient's record as a FHIR R4 Bundle (clinicians and admins, or fhir:read; audited). */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  everythingResponse(request, (await params).id),
);
