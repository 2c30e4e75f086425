// /api/v1/staff/webhooks: an integration manages its own webhook endpoints (issue 21). An admin's
// session, or a key with webhooks:manage; changes are Origin-checked for sessions and audited like
// the settings page's (lib/staff/webhooks.ts). The signing secret is answered once, on creation.
// The routes pass the caller check's answer in, so the handlers are tested without a request context.
import type { Db } from "@/db/client";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/db/queries/webhooks";
import { fieldErrors } from "@/lib/forms";
import { jsonError, readJsonBody } from "@/lib/http";
import { crossSite } from "./api";
import type { Staff } from "./session";
import { createWebhookEndpoint, newWebhookApiSchema, removeWebhookEndpoint } from "./webhooks";

const NO_STORE = { "Cache-Control": "no-store" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => jsonError(404, "not_found", "No webhook endpoint with that id.");

/** Who may manage webhooks: admins signed in, or a key holding the scope. */
export const WEBHOOK_API_ACCESS = { roles: ["admin"] as const, scope: "webhooks:manage" as const };

const endpointJson = (e: Awaited<ReturnType<typeof listWebhookEndpoints>>[number]) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  events: e.events,
  active: e.active,
  createdAt: e.createdAt.toISOString(),
});

/** GET /api/v1/staff/webhooks: every endpoint, oldest first, never a secret. */
export async function listWebhooksApi(auth: Staff | Response, db: Db): Promise<Response> {
  if (auth instanceof Response) return auth;
  const endpoints = await listWebhookEndpoints(db);
  return Response.json({ endpoints: endpoints.map(endpointJson) }, { headers: NO_STORE });
}

/** POST /api/v1/staff/webhooks `{ url, description?, events }`: 201 with the signing secret, shown this once. */
export async function createWebhookApi(request: Request, auth: Staff | Response, db: Db): Promise<Response> {
  if (auth instanceof Response) return auth;
  if (crossSite(request)) return jsonError(403, "cross_site", "Changes must come from the clinic's own pages.");
  const body = await readJsonBody(request, 4 * 1024);
  if (!body.ok) return body.response;
  const parsed = newWebhookApiSchema.safeParse(body.json);
  if (!parsed.success)
    return jsonError(400, "invalid_request", "Some fields are missing or not valid.", {
      fieldErrors: fieldErrors(parsed.error),
    });
  const result = await createWebhookEndpoint(db, auth, parsed.data);
  if (!result.ok) return jsonError(422, "refused", result.message ?? "The endpoint could not be added.");
  const { id, url, description, events, secret } = result.created;
  return Response.json(
    { id, url, description, events, active: true, secret },
    { status: 201, headers: { ...NO_STORE, Location: `/api/v1/staff/webhooks/${id}` } },
  );
}

/** DELETE /api/v1/staff/webhooks/:id: 204; its waiting deliveries are cancelled. */
export async function deleteWebhookApi(
  request: Request,
  id: string,
  auth: Staff | Response,
  db: Db,
): Promise<Response> {
  if (auth instanceof Response) return auth;
  if (crossSite(request)) return jsonError(403, "cross_site", "Changes must come from the clinic's own pages.");
  if (!UUID.test(id)) return notFound();
  const result = await removeWebhookEndpoint(db, auth, { id });
  if (!result.ok) return notFound();
  return new Response(null, { status: 204, headers: NO_STORE });
}

/** GET /api/v1/staff/webhooks/:id/deliveries: the latest 50, newest first (the settings page's log). */
export async function listDeliveriesApi(id: string, auth: Staff | Response, db: Db): Promise<Response> {
  if (auth instanceof Response) return auth;
  if (!UUID.test(id) || !(await listWebhookEndpoints(db)).some((e) => e.id === id)) return notFound();
  const deliveries = await listWebhookDeliveries(db, id, { limit: 50 });
  return Response.json(
    {
      deliveries: deliveries.map((d) => ({
        id: d.id,
        event: d.event,
        caseId: d.caseId,
        status: d.status,
        attempts: d.attempts,
        lastError: d.lastError,
        queuedAt: d.createdAt.toISOString(),
        dueAt: d.dueAt.toISOString(),
        deliveredAt: d.sentAt?.toISOString() ?? null,
      })),
    },
    { headers: NO_STORE },
  );
}
