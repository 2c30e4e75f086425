import { createHash } from "node:crypto";

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
      response: jsonError(415, "unsupported_media_type", "Send the intake as JSON (Content-Type: application/json)."),
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
 * The client's address for rate limiting: the entry of X-Forwarded-For added by the nearest
 * trusted proxy (`trustedProxies` hops from the right). Next itself fills the header from the
 * socket when no proxy set it. Only a keyed hash of it is ever stored.
 */
export function clientKey(headers: Headers, trustedProxies: number, secret: string): string {
  return createHash("sha256")
    .update(`${secret}\n${clientAddress(headers, trustedProxies)}`)
    .digest("base64url")
    .slice(0, 22);
}

/** The client's address: the entry `trustedProxies` from the right of X-Forwarded-For. */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return (chain[Math.max(0, chain.length - Math.max(1, trustedProxies))] ?? "unknown").slice(0, 100);
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
