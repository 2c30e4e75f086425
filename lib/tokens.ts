import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Capability tokens derived from a record id with HMAC-SHA256 under AUTH_SECRET: unguessable,
 * single-purpose (the purpose is inside the MAC), and nothing secret is stored to leak.
 */
export function signToken(secret: string, purpose: string, id: string): string {
  return `${id}.${mac(secret, purpose, id)}`;
}

/** The id inside a token, when the token is genuine for this purpose; otherwise null. */
export function verifyToken(secret: string, purpose: string, token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(secret, purpose, id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

function mac(secret: string, purpose: string, id: string): string {
  return createHmac("sha256", secret).update(`${purpose}\n${id}`).digest("base64url");
}
