import { apiRoute } from "@/lib/http";
import { getCaseApi } from "@/lib/staff/api";

/** One case as JSON (any staff role; audited as a view). */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  getCaseApi(request, (await params).id),
);
