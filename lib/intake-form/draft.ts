import { createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import type { Db } from "@/db/client";
import { deleteDraft, getDraft, purgeExpiredDrafts, saveDraft } from "@/db/queries/drafts";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { privateCookie } from "@/lib/cookies";
import { signToken, verifyToken } from "@/lib/tokens";
import type { DraftAnswers } from "./model";
import { withSplitPagesDone } from "./steps";

const COOKIE = "bt_intake_draft";
const PURPOSE = "intake-draft";
const DRAFT_DAYS = 7;
const DRAFT_MS = DRAFT_DAYS * 24 * 60 * 60 * 1000;

export type Draft = { answers: DraftAnswers; completedSteps: string[] };

/** The part of Next's cookie store a draft uses (tests pass a plain one). */
export type DraftCookies = {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options: ReturnType<typeof privateCookie>): void;
  delete(name: string): void;
};

const hash = (token: string) => createHash("sha256").update(token).digest("base64url");
const empty = (): Draft => ({ answers: {}, completedSteps: [] });

/**
 * The draft token in a cookie this server issued ("token.mac", the MAC under AUTH_SECRET), or null
 * for any other value: a token a visitor or an attacker chose opens nothing and is never saved under.
 */
export function draftTokenFrom(cookie: string | undefined, secret: string): string | null {
  if (!cookie) return null;
  const token = verifyToken(secret, PURPOSE, cookie);
  return token && /^[\w-]{43}$/.test(token) ? token : null;
}

/** The patient's half-finished intake from the cookie, or an empty one (no cookie, or not ours). */
export async function readDraft(db: Db, jar: DraftCookies, { secret, now }: { secret: string; now: Date }) {
  const token = draftTokenFrom(jar.get(COOKIE)?.value, secret);
  if (!token) return empty();
  const row = await getDraft(db, { tokenHash: hash(token), now });
  if (!row) return empty();
  const answers = row.answers as DraftAnswers;
  return { answers, completedSteps: withSplitPagesDone(row.completedSteps, answers) };
}

/**
 * Saves the draft under a new token made here (256 bits) and puts it in the cookie. The draft the
 * cookie held, if the server issued that cookie, moves to the new token in the same statement; a
 * planted cookie starts a fresh draft. So a token is only ever made by the server, and one known
 * in advance (planted in a victim's browser after the attacker started a draft of their own) stops
 * opening the draft at the victim's first save: nothing the victim types is stored under it.
 * Only a hash of the token is stored, so the table alone cannot open anyone's draft.
 */
export async function writeDraft(
  db: Db,
  jar: DraftCookies,
  draft: Draft,
  { secret, now, cookie }: { secret: string; now: Date; cookie: ReturnType<typeof privateCookie> },
): Promise<void> {
  const previous = draftTokenFrom(jar.get(COOKIE)?.value, secret);
  const token = randomBytes(32).toString("base64url");
  // Expired drafts are unreadable already; now and then delete them so no answers linger.
  if (Math.random() < 0.05) await purgeExpiredDrafts(db, now);
  await saveDraft(db, {
    tokenHash: hash(token),
    replaces: previous ? hash(previous) : undefined,
    now,
    expiresAt: new Date(now.getTime() + DRAFT_MS),
    answers: draft.answers,
    completedSteps: draft.completedSteps,
  });
  jar.set(COOKIE, signToken(secret, PURPOSE, token), cookie);
}

/** Forgets the draft (after submission, or "start again"): its row and the cookie. */
export async function forgetDraft(db: Db, jar: DraftCookies, { secret }: { secret: string }): Promise<void> {
  const token = draftTokenFrom(jar.get(COOKIE)?.value, secret);
  if (token) await deleteDraft(db, hash(token));
  jar.delete(COOKIE);
}

/** The patient's half-finished intake from their cookie, or an empty one. */
export async function loadDraft(now = new Date()): Promise<Draft> {
  return readDraft(await getDb(), await cookies(), { secret: env().AUTH_SECRET, now });
}

/** Saves the draft (a new token each time, see writeDraft); the draft and its cookie last 7 more days. */
export async function storeDraft(draft: Draft, now = new Date()): Promise<void> {
  const cookie = privateCookie(DRAFT_MS / 1000);
  await writeDraft(await getDb(), await cookies(), draft, { secret: env().AUTH_SECRET, now, cookie });
}

/** Forgets the draft (after submission, or "start again"): its row and the cookie. */
export async function discardDraft(): Promise<void> {
  await forgetDraft(await getDb(), await cookies(), { secret: env().AUTH_SECRET });
}
