"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { formInput, parseFormInput, refusedState, type FormState } from "@/lib/forms";
import { staffAction } from "@/lib/staff/action";
import { requireStaff } from "@/lib/staff/session";
import {
  createWebhookEndpoint,
  newWebhookSchema,
  removeWebhookEndpoint,
  retryWebhookDelivery,
  webhookDeliverySchema,
  sendWebhookTest,
  setWebhookEndpointActive,
  webhookActiveSchema,
  webhookEndpointSchema,
  type CreatedWebhook,
} from "@/lib/staff/webhooks";
import { ADMIN, saved } from "./done";

/** What adding an endpoint answers: the form's state, and once, on success, the endpoint with its secret. */
export type CreateWebhookAnswer = { state: FormState; created?: CreatedWebhook };

/**
 * Adds an endpoint. Unlike the other settings actions it answers instead of redirecting: the
 * signing secret is shown once, from this answer only, so it is never in a URL, a cookie, the
 * page's cache or a reload. Otherwise the same steps as staffAction: the admin's session (checked
 * again here), the form parsed with the lib's schema, refusals beside their fields.
 */
export async function createWebhookAction(form: FormData): Promise<CreateWebhookAnswer> {
  const input = formInput(form);
  const admin = await requireStaff(ADMIN.roles, ADMIN.next);
  const parsed = parseFormInput(newWebhookSchema, input);
  if (!parsed.ok) return { state: refusedState(parsed.refusal, input) };
  const result = await createWebhookEndpoint(await getDb(), admin, parsed.data);
  if (!result.ok) return { state: refusedState(result, input) };
  revalidatePath("/staff/settings");
  return { state: { at: Date.now() }, created: result.created };
}

export const setWebhookActiveAction = staffAction(
  { ...ADMIN, schema: webhookActiveSchema },
  async (input, { db, staff }) =>
    saved(
      await setWebhookEndpointActive(db, staff, input),
      input.active ? "webhook_reactivated" : "webhook_deactivated",
    ),
);

export const removeWebhookAction = staffAction(
  { ...ADMIN, schema: webhookEndpointSchema },
  async (input, { db, staff }) => saved(await removeWebhookEndpoint(db, staff, input), "webhook_removed"),
);

export const retryWebhookDeliveryAction = staffAction(
  { ...ADMIN, schema: webhookDeliverySchema },
  async (input, { db, staff, now }) =>
    saved(await retryWebhookDelivery(db, staff, input, now), "webhook_delivery_retried"),
);

export const testWebhookAction = staffAction(
  { ...ADMIN, schema: webhookEndpointSchema },
  async (input, { db, staff, now }) => saved(await sendWebhookTest(db, staff, input, now), "webhook_tested"),
);
