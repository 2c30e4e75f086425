import { getClinicZone } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http";
import { atAGlance } from "@/lib/staff/at-a-glance";
import { glanceSvg } from "@/lib/staff/glance-svg";
import { requireStaffApi } from "@/lib/staff/session";

/** The queue's at-a-glance chart (any staff role; 401 otherwise). Counts only, no patient data. */
export const GET = apiRoute(async () => {
  const staff = await requireStaffApi();
  if (staff instanceof Response) return staff;
  const db = await getDb();
  const glance = await atAGlance(db, new Date(), await getClinicZone(db));
  return new Response(glanceSvg(glance), {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "private, max-age=60",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
});
