// Integration keys (issue 21): an admin creates one with a name and scopes on the settings page;
// the key is shown once and only its SHA-256 is stored. An integration sends it as
// `Authorization: Bearer <key>` to /api/v1/staff/* and /api/v1/fhir/*: each handler names the scope
// a key needs (requireStaffApi), every use is audited and counted against the key's own rate limit.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { API_SCOPES, type ApiScope } from "@/common/vocabulary";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { findLiveApiKey, insertApiKey, revokeApiKey, touchApiKey } from "@/db/queries/api-keys";
import { hitRateLimit } from "@/db/queries/rate-limits";
import type { Refusal } from "@/lib/forms";
import type { Actor } from "./cases";
import { scopeField } from "./api-scopes";
import { auditSetting, checkbox, done, refuse, rowId, text, type SettingsResult } from "./settings-fields";

/** Requests a key may make a minute; more answer 429 with Retry-After. */
export const API_KEY_REQUESTS_PER_MINUTE = 600;

export const newApiKeySchema = z
  .object({
    name: text("key's name", 100),
    ...Object.fromEntries(API_SCOPES.map((scope) => [scopeField(scope), checkbox])),
  })
  .transform((v, ctx) => {
    const record = v as Record<string, unknown>;
    const scopes = API_SCOPES.filter((scope) => record[scopeField(scope)] === true);
    if (!scopes.length) {
      ctx.addIssue({ code: "custom", path: [scopeField(API_SCOPES[0])], message: "Choose at least one scope" });
      return z.NEVER;
    }
    return { name: v.name, scopes };
  });

/** The key just created: its secret is in this answer only. */
export type CreatedApiKey = { id: string; name: string; prefix: string; scopes: ApiScope[]; key: string };

/** "btk_" and 32 random bytes as base64url: 256 bits, unguessable, safe in a header. */
function newKey(): string {
  return `btk_${randomBytes(32).toString("base64url")}`;
}

/** How a key is stored and looked up. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The part of a key shown in lists to tell keys apart (never enough to use it). */
const prefixOf = (key: string) => key.slice(0, 12);

export async function createApiKey(
  db: Db,
  actor: Actor,
  input: z.output<typeof newApiKeySchema>,
): Promise<{ ok: true; created: CreatedApiKey } | Refusal> {
  const key = newKey();
  return db.transaction(async (tx) => {
    const row = await insertApiKey(tx, {
      name: input.name,
      prefix: prefixOf(key),
      secretHash: hashApiKey(key),
      scopes: [...input.scopes],
      createdBy: actor.id,
    });
    const after = { name: row.name, prefix: row.prefix, scopes: row.scopes };
    await auditSetting(tx, actor, "api_key_created", { type: "api_key", id: row.id }, { after });
    return {
      ok: true as const,
      created: { id: row.id, name: row.name, prefix: row.prefix, scopes: input.scopes, key },
    };
  });
}

export const apiKeyRowSchema = rowId("That key no longer exists.");

/** Revokes a key at once: its next request is a 401. */
export async function revokeKey(
  db: Db,
  actor: Actor,
  { id }: z.output<typeof apiKeyRowSchema>,
  now: Date,
): Promise<SettingsResult> {
  return db.transaction(async (tx) => {
    const row = await revokeApiKey(tx, { id, by: actor.id, now });
    if (!row) return refuse("That key no longer exists or was already revoked.");
    await auditSetting(
      tx,
      actor,
      "api_key_revoked",
      { type: "api_key", id },
      { before: { name: row.name, prefix: row.prefix, scopes: row.scopes } },
    );
    return done;
  });
}

/** The key behind a request, as the handlers see it. */
export type KeyActor = { id: string; name: string; prefix: string; scopes: readonly string[] };

export type KeyCheck =
  | { ok: true; key: KeyActor }
  | { ok: false; status: 401 | 403 | 429; code: string; message: string; retryAfterSeconds?: number };

/**
 * The bearer token of an Authorization header: null when the request does not use the Bearer
 * scheme (a cookie request, or Basic auth a proxy in front asks browsers for), "" when it says
 * Bearer but gives no usable token (a 401).
 */
export function bearerToken(authorization: string | null): string | null {
  if (!authorization || !/^Bearer(\s|$)/i.test(authorization.trim())) return null;
  const match = authorization.trim().match(/^Bearer[ ]+(\S+)$/i);
  return match ? match[1]! : "";
}

/**
 * Checks a presented key for one request: live, holding `scope`, within its rate limit. A use is
 * audited (method and path, never the query: it may hold a patient's name) and marks the key used.
 */
export async function checkApiKey(
  db: Db,
  {
    token,
    scope,
    method,
    path,
    clientAddress,
    now,
    limit = API_KEY_REQUESTS_PER_MINUTE,
  }: {
    token: string;
    scope: ApiScope | undefined;
    method: string;
    path: string;
    clientAddress: string;
    now: Date;
    /** Requests a minute (tests lower it). */
    limit?: number;
  },
): Promise<KeyCheck> {
  const key = token.startsWith("btk_") ? await findLiveApiKey(db, hashApiKey(token)) : null;
  if (!key) return { ok: false, status: 401, code: "invalid_key", message: "The API key is unknown or revoked." };
  const actor = { id: key.id, email: keyActorEmail(key) };
  if (!scope || !key.scopes.includes(scope)) {
    await recordAudit(db, {
      actor,
      action: "api_key_refused",
      subjectType: "api_key",
      subjectId: key.id,
      after: { method, path, needs: scope ?? "a signed-in person" },
      clientAddress,
    });
    return {
      ok: false,
      status: 403,
      code: "insufficient_scope",
      message: scope ? `This key does not have the ${scope} scope.` : "This needs a signed-in person, not a key.",
    };
  }
  const counted = await hitRateLimit(db, { bucket: `apikey:${key.id}`, limit });
  if (!counted.allowed)
    return {
      ok: false,
      status: 429,
      code: "rate_limited",
      message: "Too many requests with this key; wait and try again.",
      retryAfterSeconds: counted.retryAfterSeconds,
    };
  await touchApiKey(db, key.id, now);
  await recordAudit(db, {
    actor,
    action: "api_key_used",
    subjectType: "api_key",
    subjectId: key.id,
    after: { method, path, scope },
    clientAddress,
  });
  return { ok: true, key };
}

/** How a key appears as the actor of audit events: its name and prefix. */
export function keyActorEmail(key: { name: string; prefix: string }): string {
  return `api-key ${key.prefix}… (${key.name})`;
}
