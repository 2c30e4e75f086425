import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

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

/**
 * Seals a secret (a manage-link token waiting in the outbox) with AES-256-GCM under a key derived
 * from AUTH_SECRET, so the database never holds a usable link in plain text.
 */
export function sealSecret(secret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealKey(secret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

/** The sealed text, or null when it was not sealed under this secret or was altered. */
export function openSecret(secret: string, sealed: string): string | null {
  const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !body || iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealKey(secret), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

function sealKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "backtrack", "outbox-seal", 32));
}
