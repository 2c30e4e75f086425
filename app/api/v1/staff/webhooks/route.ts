import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http";
import { createWebhookApi, listWebhooksApi, WEBHOOK_API_ACCESS } from "@/lib/staff/webhooks-api";
import { requireStaffApi } from "@/lib/staff/session";

const { roles, scope } = WEBHOOK_API_ACCESS;

/** The webhook endpoints (admins, or a key with webhooks:manage); see README "Webhooks". */
export const GET = apiRoute(async (request: Request) =>
  listWebhooksApi(await requireStaffApi(roles, { scope, request }), await getDb()),
);

/** Adds an endpoint: 201 with its signing secret, shown this once. */
export const POST = apiRoute(async (request: Request) =>
  createWebhookApi(request, await requireStaffApi(roles, { scope, request }), await getDb()),
);
