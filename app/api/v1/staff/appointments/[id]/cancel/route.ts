import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http";
import { cancelForCallerApi } from "@/lib/staff/caller-booking-api";
import { ANY_STAFF, requireStaffApi } from "@/lib/staff/session";

/** Cancel an appointment for a patient (any staff role; reason required; marked late inside the cut-off; audited). */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const auth = await requireStaffApi(ANY_STAFF, { scope: "appointments:write", request });
  return cancelForCallerApi(request, (await params).id, auth, await getDb());
});
