import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { intakeDrafts, type IntakeDraft } from "../schema";

/** A draft that has not expired, or null. */
export async function getDraft(db: Db, { tokenHash, now }: { tokenHash: string; now: Date }): Promise<IntakeDraft | null> {
  const rows = await db
    .select()
    .from(intakeDrafts)
    .where(and(eq(intakeDrafts.tokenHash, tokenHash), gt(intakeDrafts.expiresAt, now)))
    .limit(1);
  return rows[0] ?? null;
}

/** Creates the draft or merges one section into it, marking the step done. */
export async function saveDraftSection(
  db: Db,
  { tokenHash, now, expiresAt, section, step }: { tokenHash: string; now: Date; expiresAt: Date; section: Record<string, unknown>; step: string },
): Promise<void> {
  await db
    .insert(intakeDrafts)
    .values({ tokenHash, answers: section, completedSteps: [step], createdAt: now, updatedAt: now, expiresAt })
    .onConflictDoUpdate({
      target: intakeDrafts.tokenHash,
      set: {
        answers: sql`${intakeDrafts.answers} || ${JSON.stringify(section)}::jsonb`,
        completedSteps: sql`(select array_agg(distinct s) from unnest(${intakeDrafts.completedSteps} || array[${step}]::text[]) s)`,
        updatedAt: now,
      },
    });
}

/** Removes a draft (after submission, or when the patient starts again). */
export async function deleteDraft(db: Db, tokenHash: string): Promise<void> {
  await db.delete(intakeDrafts).where(eq(intakeDrafts.tokenHash, tokenHash));
}

/** Deletes expired drafts; returns how many. */
export async function purgeExpiredDrafts(db: Db, now: Date): Promise<number> {
  const rows = await db.delete(intakeDrafts).where(lte(intakeDrafts.expiresAt, now)).returning({ t: intakeDrafts.tokenHash });
  return rows.length;
}
