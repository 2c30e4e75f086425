import { apiRoute } from "@/lib/http";
import { getCaseApi } from "@/lib/staff/api";

/** One case as JSON (any staff role; audited as a view). */
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) =>
  getCaseApi((await params).id),
);
