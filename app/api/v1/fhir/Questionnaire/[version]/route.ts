import { questionnaireResponse } from "@/lib/fhir/api";
import { apiRoute } from "@/lib/http";

/** The intake Questionnaire of one contract version (any staff role, or fhir:read). */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ version: string }> }) =>
  questionnaireResponse(request, (await params).version),
);
