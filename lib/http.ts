import { createHash } from "node:crypto";
import { DbUnavailableError, RETRY_AFTER_SECONDS } from "@/db/errors";
import { socketAddress } from "./socket-address";

/** A JSON error response; `error` is a stable machine code, `message` a human sentence. */
export function jsonError(
  status: number,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: HeadersInit = {},
) {
  return Response.json({ error, message, ...extra }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** The answer of an API route while the database cannot be reached: 503, try again in 30 seconds. */
export function unavailableResponse(): Response {
  return jsonError(
    503,
    "unavailable",
    "The service is briefly unavailable. Please try again in a minute.",
    {},
    { "Retry-After": String(RETRY_AFTER_SECONDS) },
  );
}

/**
 * Every API route handler, wrapped: when the database cannot be reached (at start-up, or later when
 * the pool loses PostgreSQL: db/client.ts turns a lost connection into DbUnavailableError) it
 * answers 503 with Retry-After instead of an empty 500. Other errors go on to Next, which logs them
 * (a database error's message names no value: db/errors.ts).
 */
export function apiRoute<A extends unknown[]>(
  handler: (...args: A) => Response | Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof DbUnavailableError) return unavailableResponse();
      throw error;
    }
  };
}

export type BodyResult = { ok: true; text: string; json: unknown } | { ok: false; response: Response };

/**
 * Reads and parses a JSON request body of at most `maxBytes`: 415 for another content type, 413
 * when larger (checked on the declared length and again while reading, for chunked bodies), 400
 * when it is not JSON. `text` is kept for hashing (idempotent replay).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return {
      ok: false,
      response: jsonError(415, "unsupported_media_type", "Send the body as JSON (Content-Type: application/json)."),
    };
  }
  const tooLarge = () => ({
    ok: false as const,
    response: jsonError(
      413,
      "payload_too_large",
      `The request body is larger than ${Math.round(maxBytes / 1024)} KiB.`,
    ),
  });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return tooLarge();
  if (!request.body) return parseJson("");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge();
    }
    chunks.push(value);
  }
  return parseJson(Buffer.concat(chunks).toString("utf8"));
}

function parseJson(text: string): BodyResult {
  try {
    return { ok: true, text, json: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: jsonError(400, "invalid_json", "The request body is not valid JSON.") };
  }
}

/**
 * A keyed hash of the client's address (clientAddress), for rate limiting: only the hash is ever
 * stored.
 */
export function clientKey(headers: Headers, trustedProxies: number, secret: string): string {
  return createHash("sha256")
    .update(`${secret}\n${clientAddress(headers, trustedProxies)}`)
    .digest("base64url")
    .slice(0, 22);
}

/**
 * The client's address. With no trusted proxy (the default) it is the socket's address
 * (lib/socket-address.ts) and X-Forwarded-For is ignored: a client sets that header as it likes,
 * and Next keeps a client's header rather than adding the socket to it. With `trustedProxies` = N
 * the socket is the nearest proxy, and each of the N proxies appended the address it saw, so the
 * client is the entry N from the right; a shorter header did not come through them all, and the
 * socket's address is used. "unknown" (one shared bucket) when the request carries no stamp.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const socket = socketAddress(headers);
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const address = trustedProxies > 0 && chain.length >= trustedProxies ? chain[chain.length - trustedProxies] : socket;
  // An IPv4 client on a dual-stack socket shows as ::ffff:192.0.2.1.
  return (address ?? "unknown").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").slice(0, 100);
}

/** A stable hash of a request body, for idempotent replay. */
export function bodyHash(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}

/**
 * The referrer policy of pages whose address is private (a patient's manage link, a case page):
 * their address never goes to another site in a Referer header. "same-origin", not "no-referrer":
 * with "no-referrer" a browser sends "Origin: null" on the page's own form posts, and Next refuses
 * those as cross-site, so the forms failed without JavaScript (or before it had loaded).
 */
export const PRIVATE_PAGE_REFERRER = "same-origin" as const;
