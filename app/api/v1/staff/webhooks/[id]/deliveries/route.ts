import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http";
import { listDeliveriesApi, WEBHOOK_API_ACCESS } from "@/lib/staff/webhooks-api";
import { requireStaffApi } from "@/lib/staff/session";

const { roles, scope } = WEBHOOK_API_ACCESS;

/** An endpoint's latest 50 deliveries, newest first. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  listDeliveriesApi((await params).id, await requireStaffApi(roles, { scope, request }), await getDb()),
);
