// Clinical governance (issue 22): clinicians' verdicts on grades, with their history.
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { gradeVerdicts, staffUsers } from "../schema";

/** A case's current verdict (the one not superseded), with who recorded it; null when none. */
export async function currentVerdict(db: Db, intakeId: string) {
  const rows = await db
    .select({
      id: gradeVerdicts.id,
      verdict: gradeVerdicts.verdict,
      diagnosis: gradeVerdicts.diagnosis,
      diagnosisText: gradeVerdicts.diagnosisText,
      recordedAt: gradeVerdicts.recordedAt,
      recordedBy: staffUsers.name,
    })
    .from(gradeVerdicts)
    .leftJoin(staffUsers, eq(staffUsers.id, gradeVerdicts.recordedBy))
    .where(and(eq(gradeVerdicts.intakeId, intakeId), isNull(gradeVerdicts.supersededAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** Every verdict recorded on a case, oldest first (the current one last). */
export async function verdictHistory(db: Db, intakeId: string) {
  return db
    .select({
      id: gradeVerdicts.id,
      verdict: gradeVerdicts.verdict,
      diagnosis: gradeVerdicts.diagnosis,
      diagnosisText: gradeVerdicts.diagnosisText,
      recordedAt: gradeVerdicts.recordedAt,
      supersededAt: gradeVerdicts.supersededAt,
      recordedBy: staffUsers.name,
    })
    .from(gradeVerdicts)
    .leftJoin(staffUsers, eq(staffUsers.id, gradeVerdicts.recordedBy))
    .where(eq(gradeVerdicts.intakeId, intakeId))
    .orderBy(asc(gradeVerdicts.recordedAt), asc(gradeVerdicts.id));
}

export type VerdictHistoryRow = Awaited<ReturnType<typeof verdictHistory>>[number];

/** Ends the case's current verdict (a new one replaces it); returns it as it was, or null. */
export async function supersedeVerdict(db: Db, { intakeId, at }: { intakeId: string; at: Date }) {
  const rows = await db
    .update(gradeVerdicts)
    .set({ supersededAt: at })
    .where(and(eq(gradeVerdicts.intakeId, intakeId), isNull(gradeVerdicts.supersededAt)))
    .returning({
      verdict: gradeVerdicts.verdict,
      diagnosis: gradeVerdicts.diagnosis,
      diagnosisText: gradeVerdicts.diagnosisText,
    });
  return rows[0] ?? null;
}

/**
 * Erasure: a verdict's free-text details may name the patient, so they go; the verdict and the
 * diagnosis from the list stay (the triage audit counts them, under the case's pseudonym).
 */
export async function eraseVerdictTexts(db: Db, intakeIds: readonly string[]): Promise<number> {
  if (!intakeIds.length) return 0;
  const rows = await db
    .update(gradeVerdicts)
    .set({ diagnosisText: null })
    .where(and(inArray(gradeVerdicts.intakeId, [...intakeIds]), isNotNull(gradeVerdicts.diagnosisText)))
    .returning({ id: gradeVerdicts.id });
  return rows.length;
}

export async function insertVerdict(
  db: Db,
  v: {
    intakeId: string;
    verdict: (typeof gradeVerdicts.$inferInsert)["verdict"];
    diagnosis: (typeof gradeVerdicts.$inferInsert)["diagnosis"];
    diagnosisText: string | null;
    recordedBy: string;
    recordedAt: Date;
  },
): Promise<void> {
  await db.insert(gradeVerdicts).values(v);
}
