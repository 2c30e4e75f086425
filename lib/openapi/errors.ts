// The error answers the routes share, with the codes lib/http.ts and the handlers send. Each status
// lists every code a route can answer it with (read from the handlers, not guessed).
import { z } from "zod";
import { errorResponse, fieldErrorsSchema, RETRY_AFTER, type ResponseSpec } from "./model";

/** Any route wrapped in apiRoute (lib/http.ts) while the database cannot be reached. */
export const unavailable: ResponseSpec = errorResponse(
  "The database cannot be reached; try again after `Retry-After` seconds.",
  ["unavailable"],
  {},
  RETRY_AFTER,
);

/** A per-client (or per-key) rate limit. */
export const rateLimited = (what: string): ResponseSpec =>
  errorResponse(`Too many requests: ${what}. Wait \`Retry-After\` seconds.`, ["rate_limited"], {}, RETRY_AFTER);

/** readJsonBody (lib/http.ts): the declared or streamed body is over the limit. */
export const payloadTooLarge = (kib: number): ResponseSpec =>
  errorResponse(`The body is larger than ${kib} KiB (declared or streamed).`, ["payload_too_large"]);

/** readJsonBody: any Content-Type other than application/json. */
export const unsupportedMediaType: ResponseSpec = errorResponse("The body is not sent as `application/json`.", [
  "unsupported_media_type",
]);

/** A 400 whose codes include a validation code that carries `fieldErrors`. */
export const invalid = (description: string, codes: readonly [string, ...string[]]): ResponseSpec =>
  errorResponse(description, codes, { fieldErrors: fieldErrorsSchema.optional() });

/** A booking link that opens nothing (refusedBookingLink in lib/booking/api.ts). */
export const badBookingLink: ResponseSpec = errorResponse("The booking token is forged or unknown.", ["invalid_token"]);
export const goneBookingLink: ResponseSpec = errorResponse(
  "The booking token is older than 30 days (`token_expired`), or the patient's details were erased (`erased`).",
  ["token_expired", "erased"],
);

/**
 * requireStaffApi (lib/staff/session.ts and api-keys.ts), added by document.ts to every staff
 * operation: no live session and no valid key, or a session whose sign-in is not finished.
 */
export const staffUnauthorized: ResponseSpec = errorResponse(
  "No live staff session (`unauthorized`) or sign-in not finished (`sign_in_incomplete`: second factor or new password); an integration key unknown or revoked (`invalid_key`).",
  ["unauthorized", "sign_in_incomplete", "invalid_key"],
  {},
  { "WWW-Authenticate": '`Bearer error="invalid_token"` for a key that is refused.' },
);

/** A key without the operation's scope (or any key, on a route for people only). */
export const insufficientScope = (scope: string | null): ResponseSpec =>
  errorResponse(
    scope
      ? `\`insufficient_scope\`: an integration key without \`${scope}\`.`
      : "`insufficient_scope`: an integration key; this route is for a signed-in person only.",
    ["insufficient_scope"],
    {},
    scope ? { "WWW-Authenticate": `\`Bearer error="insufficient_scope", scope="${scope}"\`` } : undefined,
  );

/** Each integration key's own limit (API_KEY_REQUESTS_PER_MINUTE). */
export const keyRateLimited: ResponseSpec = rateLimited("more than 600 requests a minute with one integration key");

/** The Origin check of the staff changes (crossSite in lib/staff/api.ts). */
export const crossSite: ResponseSpec = errorResponse(
  "`cross_site`: sent with the session cookie from another site's page (Origin or Sec-Fetch-Site).",
  ["cross_site"],
);

/** A time taken between choosing and booking: other times of the same kind. */
export const alternativesSchema = <T extends z.ZodType>(slot: T) =>
  z.array(slot).describe("Other free times near the one asked for (`slot_taken` only).");
