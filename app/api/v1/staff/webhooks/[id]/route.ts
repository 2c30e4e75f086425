import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http";
import { deleteWebhookApi, WEBHOOK_API_ACCESS } from "@/lib/staff/webhooks-api";
import { requireStaffApi } from "@/lib/staff/session";

const { roles, scope } = WEBHOOK_API_ACCESS;

/** Removes an endpoint (its waiting deliveries are cancelled): 204, or 404. */
export const DELETE = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  deleteWebhookApi(request, (await params).id, await requireStaffApi(roles, { scope, request }), await getDb()),
);
