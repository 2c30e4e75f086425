import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http";
import { moveForCallerApi } from "@/lib/staff/caller-booking-api";
import { ANY_STAFF, requireStaffApi } from "@/lib/staff/session";

/** Move an appointment for a patient (any staff role; reason required; audited). */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const auth = await requireStaffApi(ANY_STAFF, { scope: "appointments:write", request });
  return moveForCallerApi(request, (await params).id, auth, await getDb());
});
