import type { Db } from "@/db/client";
import { getClinicZone } from "@/lib/clinic-settings";
import { bodyHash, clientKey, jsonError, readJsonBody } from "@/lib/http";
import { signToken } from "@/lib/tokens";
import { checkIntake, hitIntakeLimit } from "./check";
import { submitIntake, type IntakeResponse } from "./submit";

export const MAX_INTAKE_BYTES = 64 * 1024;
export const BOOKING_TOKEN_PURPOSE = "booking";

export type IntakeApiOptions = {
  rateLimitPerMinute: number;
  trustedProxies: number;
  secret: string;
  now?: () => Date;
};

/**
 * POST /api/v1/intakes: rate limit → Idempotency-Key → size and type → JSON → validation →
 * grade and store. Every failure of the request itself is a 4xx with a clear message.
 */
export async function handleCreateIntake(db: Db, request: Request, options: IntakeApiOptions): Promise<Response> {
  const limit = await hitIntakeLimit(db, {
    clientKey: clientKey(request.headers, options.trustedProxies, options.secret),
    perMinute: options.rateLimitPerMinute,
  });
  if (!limit.allowed) {
    return jsonError(
      429,
      "rate_limited",
      "Too many intakes from this device. Please wait a minute and try again.",
      {},
      {
        "Retry-After": String(limit.retryAfterSeconds),
      },
    );
  }

  const key = request.headers.get("idempotency-key");
  if (key !== null && (key.length < 1 || key.length > 100)) {
    return jsonError(400, "invalid_idempotency_key", "Idempotency-Key must be 1 to 100 characters.");
  }

  const body = await readJsonBody(request, MAX_INTAKE_BYTES);
  if (!body.ok) return body.response;

  const now = options.now?.() ?? new Date();
  const timeZone = await getClinicZone(db);
  const checked = checkIntake(body.json, { timeZone, now: options.now ? now : undefined });
  if (!checked.ok) {
    return jsonError(400, "invalid_intake", "Some answers are missing or not valid.", {
      fieldErrors: checked.fieldErrors,
    });
  }

  const result = await submitIntake(db, {
    answers: checked.answers,
    now,
    timeZone,
    idempotency: key === null ? undefined : { scope: "intakes", key, requestHash: bodyHash(body.text) },
  });
  if (result.status === "key_conflict") {
    return jsonError(
      422,
      "idempotency_key_reused",
      "This Idempotency-Key was already used with a different request body.",
    );
  }
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (result.status === "replayed") headers["Idempotent-Replayed"] = "true";
  return Response.json(withBookingLink(result.response, options.secret), { status: 201, headers });
}

/** Adds the booking capability (never stored) to a response whose level may book. */
function withBookingLink(response: IntakeResponse, secret: string) {
  if (!response.next.canBook) return { ...response, next: { ...response.next, bookingToken: null, bookingUrl: null } };
  const bookingToken = signToken(secret, BOOKING_TOKEN_PURPOSE, response.id);
  return {
    ...response,
    next: { ...response.next, bookingToken, bookingUrl: `/book?token=${encodeURIComponent(bookingToken)}` },
  };
}
