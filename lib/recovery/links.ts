// The private "My back" page's links (issue 20): a random 256-bit token, stored hashed, valid 90
// days from when its email goes. Every patient email carries a new one (lib/notifications/queue.ts);
// a patient who lost theirs asks for another with their email and date of birth.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { findMyBackLink, insertMyBackLink, touchMyBackLink } from "@/db/queries/recovery";

/** How long a link opens the page, from when its email goes. */
export const MY_BACK_DAYS = 90;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The stored form of a link's token: SHA-256, as manage links. */
export const hashMyBackToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** A new link for the patient, valid MY_BACK_DAYS from `from` (when its email goes); returns the token. */
export async function mintMyBackLink(db: Db, { patientId, from }: { patientId: string; from: Date }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await insertMyBackLink(db, {
    patientId,
    tokenHash: hashMyBackToken(token),
    expiresAt: new Date(from.getTime() + MY_BACK_DAYS * 24 * 3600_000),
  });
  return token;
}

export type MyBackAccess = { status: "ok"; patientId: string } | { status: "expired" } | { status: "not_found" };

/** What a link opens: the patient (the one their record was merged into, if so), or why not. */
export async function openMyBack(db: Db, token: string, now: Date): Promise<MyBackAccess> {
  if (!TOKEN.test(token)) return { status: "not_found" };
  const link = await findMyBackLink(db, hashMyBackToken(token));
  if (!link) return { status: "not_found" };
  if (link.expiresAt.getTime() <= now.getTime()) return { status: "expired" };
  await touchMyBackLink(db, { id: link.id, now });
  return { status: "ok", patientId: link.patientId };
}
