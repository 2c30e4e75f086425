import type { Db } from "@/db/client";
import { getClinicZone } from "@/lib/clinic-settings";
import { bodyHash, clientKey, jsonError, readJsonBody } from "@/lib/http";
import { signToken } from "@/lib/tokens";
import { eligibilityFor } from "@/lib/booking/eligibility";
import { SILENT_RESULT } from "@/lib/content/silent";
import { patientSeesGrade } from "@/lib/governance/silent";
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
  return Response.json(withBookingLink(forPatient(result.response), options.secret), { status: 201, headers });
}

/** The 201's body before its booking link: the grade may be left out (the silent pilot). */
type PatientIntakeResponse = Omit<IntakeResponse, "level" | "next"> & {
  level: IntakeResponse["level"] | null;
  next: Omit<IntakeResponse["next"], "action"> & { action: IntakeResponse["next"]["action"] | "await_contact" };
};

/**
 * The answer as the patient may see it. A silent-pilot intake (issue 22) leaves its grade out: level
 * null, no rules or flags, the neutral next step, booking not limited by grade (except the under-16
 * route); an EMERGENCY keeps its answer (emergency advice is never hidden). The stored grade is intact.
 */
function forPatient(response: IntakeResponse): PatientIntakeResponse {
  if (patientSeesGrade({ silent: response.silent, level: response.level })) return response;
  const firedRules = response.firedRules.map((r) => r.id);
  const canBook = eligibilityFor({ level: response.level, firedRules, silent: true }).canSelfBook;
  return {
    ...response,
    level: null,
    firedRules: [],
    flags: [],
    silent: true,
    next: { action: "await_contact", message: SILENT_RESULT.message, canBook, bookWithinDays: null },
  };
}

/** Adds the booking capability (never stored) to a response whose level may book. */
function withBookingLink(response: PatientIntakeResponse, secret: string) {
  if (!response.next.canBook) return { ...response, next: { ...response.next, bookingToken: null, bookingUrl: null } };
  const bookingToken = signToken(secret, BOOKING_TOKEN_PURPOSE, response.id);
  return {
    ...response,
    next: { ...response.next, bookingToken, bookingUrl: `/book?token=${encodeURIComponent(bookingToken)}` },
  };
}
