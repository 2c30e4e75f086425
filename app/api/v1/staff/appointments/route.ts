import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http";
import { bookForCallerApi } from "@/lib/staff/caller-booking-api";
import { ANY_STAFF, requireStaffApi } from "@/lib/staff/session";

/** Book an appointment for a patient who calls (any staff role; audited); see README "Staff API". */
export const POST = apiRoute(async (request: Request) => {
  const auth = await requireStaffApi(ANY_STAFF, { scope: "appointments:write", request });
  return bookForCallerApi(request, auth, await getDb());
});
