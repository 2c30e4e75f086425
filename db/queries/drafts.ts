import { and, eq, gt, lte } from "drizzle-orm";
import type { Db } from "../client";
import { intakeDrafts, type IntakeDraft } from "../schema";

/** A draft that has not expired, or null. */
export async function getDraft(
  db: Db,
  { tokenHash, now }: { tokenHash: string; now: Date },
): Promise<IntakeDraft | null> {
  const rows = await db
    .select()
    .from(intakeDrafts)
    .where(and(eq(intakeDrafts.tokenHash, tokenHash), gt(intakeDrafts.expiresAt, now)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Creates or replaces a draft: its answers, finished steps and new expiry. With `replaces`, the
 * draft held under that hash moves to `tokenHash` in the same statement (a new token on every save,
 * so a token known before the save opens nothing written by it); when there is none, a new draft.
 */
export async function saveDraft(
  db: Db,
  d: {
    tokenHash: string;
    replaces?: string;
    now: Date;
    expiresAt: Date;
    answers: Record<string, unknown>;
    completedSteps: string[];
  },
): Promise<void> {
  if (d.replaces !== undefined) {
    const moved = await db
      .update(intakeDrafts)
      .set({
        tokenHash: d.tokenHash,
        answers: d.answers,
        completedSteps: d.completedSteps,
        updatedAt: d.now,
        expiresAt: d.expiresAt,
      })
      .where(eq(intakeDrafts.tokenHash, d.replaces))
      .returning({ tokenHash: intakeDrafts.tokenHash });
    if (moved.length) return;
  }
  await db
    .insert(intakeDrafts)
    .values({
      tokenHash: d.tokenHash,
      answers: d.answers,
      completedSteps: d.completedSteps,
      createdAt: d.now,
      updatedAt: d.now,
      expiresAt: d.expiresAt,
    })
    .onConflictDoUpdate({
      target: intakeDrafts.tokenHash,
      set: { answers: d.answers, completedSteps: d.completedSteps, updatedAt: d.now, expiresAt: d.expiresAt },
    });
}

/** Removes a draft (after submission, or when the patient starts again). */
export async function deleteDraft(db: Db, tokenHash: string): Promise<void> {
  await db.delete(intakeDrafts).where(eq(intakeDrafts.tokenHash, tokenHash));
}

/** Deletes expired drafts; returns how many. */
export async function purgeExpiredDrafts(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(intakeDrafts)
    .where(lte(intakeDrafts.expiresAt, now))
    .returning({ t: intakeDrafts.tokenHash });
  return rows.length;
}
