import { createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { deleteDraft, getDraft, purgeExpiredDrafts, saveDraft } from "@/db/queries/drafts";
import { getDb } from "@/lib/db";
import { privateCookie } from "@/lib/cookies";
import type { DraftAnswers } from "./model";

const COOKIE = "bt_intake_draft";
const DRAFT_DAYS = 7;

export type Draft = { answers: DraftAnswers; completedSteps: string[] };

const hash = (token: string) => createHash("sha256").update(token).digest("base64url");

/** The patient's half-finished intake from their cookie, or an empty one. */
export async function loadDraft(now = new Date()): Promise<Draft> {
  const token = (await cookies()).get(COOKIE)?.value;
  if (!token) return { answers: {}, completedSteps: [] };
  const row = await getDraft(await getDb(), { tokenHash: hash(token), now });
  return row
    ? { answers: row.answers as DraftAnswers, completedSteps: row.completedSteps }
    : { answers: {}, completedSteps: [] };
}

/**
 * Saves the draft under the token in the patient's httpOnly cookie, creating the token when
 * needed. Only a hash of the token is stored, so the table alone cannot open anyone's draft.
 * Each save keeps the draft (and the cookie) for another 7 days.
 */
export async function storeDraft(draft: Draft, now = new Date()): Promise<void> {
  const jar = await cookies();
  const token = jar.get(COOKIE)?.value ?? randomBytes(32).toString("base64url"); // 256 bits: unguessable
  jar.set(COOKIE, token, privateCookie(DRAFT_DAYS * 24 * 60 * 60));
  const db = await getDb();
  // Expired drafts are unreadable already; now and then delete them so no answers linger.
  if (Math.random() < 0.05) await purgeExpiredDrafts(db, now);
  await saveDraft(db, {
    tokenHash: hash(token),
    now,
    expiresAt: new Date(now.getTime() + DRAFT_DAYS * 24 * 60 * 60 * 1000),
    answers: draft.answers,
    completedSteps: draft.completedSteps,
  });
}

/** Forgets the draft (after submission, or "start again"): its row and the cookie. */
export async function discardDraft(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(COOKIE)?.value;
  if (token) await deleteDraft(await getDb(), hash(token));
  jar.delete(COOKIE);
}
