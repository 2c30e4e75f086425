// The silent pilot (issue 22): the clinic's switch, which intakes were graded silently, and the level
// staff gave a silent intake by hand. The logic is in lib/governance/silent.ts.
import { and, eq } from "drizzle-orm";
import type { Level } from "@/common/vocabulary";
import type { Db } from "../client";
import { clinic, intakes } from "../schema";

/** When the silent pilot started (null: off), locked until the end of the transaction; undefined before setup. */
export async function getSilentPilotForUpdate(db: Db): Promise<Date | null | undefined> {
  const rows = await db.select({ since: clinic.silentPilotSince }).from(clinic).where(eq(clinic.id, 1)).for("update");
  return rows[0] ? rows[0].since : undefined;
}

/** Switches the silent pilot on (since `since`) or off (null). */
export async function setSilentPilotSince(db: Db, { since, now }: { since: Date | null; now: Date }): Promise<void> {
  await db.update(clinic).set({ silentPilotSince: since, updatedAt: now }).where(eq(clinic.id, 1));
}

/** Marks a just-stored intake as graded during the silent pilot (its patient is not shown the grade). */
export async function markIntakeSilent(db: Db, intakeId: string): Promise<void> {
  await db.update(intakes).set({ silent: true }).where(eq(intakes.id, intakeId));
}

/** What triage by hand needs of a case, locked until the end of the transaction; null when unknown. */
export async function getHandTriageForUpdate(db: Db, intakeId: string) {
  const rows = await db
    .select({
      id: intakes.id,
      silent: intakes.silent,
      level: intakes.level,
      effectiveLevel: intakes.effectiveLevel,
      staffLevel: intakes.staffLevel,
      escalated: intakes.escalated,
      escalationReason: intakes.escalationReason,
      acknowledgedAt: intakes.acknowledgedAt,
      resolvedAt: intakes.resolvedAt,
      erasedAt: intakes.erasedAt,
    })
    .from(intakes)
    .where(eq(intakes.id, intakeId))
    .for("update");
  return rows[0] ?? null;
}

/** Records the level staff gave a silent intake by hand (the engine's grade is never changed). */
export async function setStaffLevel(
  db: Db,
  { intakeId, level, by, at }: { intakeId: string; level: Level; by: string; at: Date },
): Promise<void> {
  await db
    .update(intakes)
    .set({ staffLevel: level, staffLevelBy: by, staffLevelAt: at })
    .where(and(eq(intakes.id, intakeId), eq(intakes.silent, true)));
}
