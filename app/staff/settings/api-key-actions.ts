"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { formInput, parseFormInput, refusedState, type FormState } from "@/lib/forms";
import { staffAction } from "@/lib/staff/action";
import { apiKeyRowSchema, createApiKey, newApiKeySchema, revokeKey, type CreatedApiKey } from "@/lib/staff/api-keys";
import { requireStaff } from "@/lib/staff/session";
import { ADMIN, saved } from "./done";

/** What creating a key answers: the form's state, and once, on success, the key itself. */
export type CreateApiKeyAnswer = { state: FormState; created?: CreatedApiKey };

/**
 * Creates an integration key. Like adding a webhook it answers instead of redirecting: the key is
 * shown once, from this answer only, never in a URL, a cookie or the page's cache.
 */
export async function createApiKeyAction(form: FormData): Promise<CreateApiKeyAnswer> {
  const input = formInput(form);
  const admin = await requireStaff(ADMIN.roles, ADMIN.next);
  const parsed = parseFormInput(newApiKeySchema, input);
  if (!parsed.ok) return { state: refusedState(parsed.refusal, input) };
  const result = await createApiKey(await getDb(), admin, parsed.data);
  if (!result.ok) return { state: refusedState(result, input) };
  revalidatePath("/staff/settings");
  return { state: { at: Date.now() }, created: result.created };
}

export const revokeApiKeyAction = staffAction(
  { ...ADMIN, schema: apiKeyRowSchema },
  async (input, { db, staff, now }) => saved(await revokeKey(db, staff, input, now), "api_key_revoked"),
);
