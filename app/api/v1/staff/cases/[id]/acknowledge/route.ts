import { apiRoute } from "@/lib/http";
import { acknowledgeCaseApi } from "@/lib/staff/api";

/** Acknowledge a case (any staff role; audited). */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  acknowledgeCaseApi(request, (await params).id),
);
