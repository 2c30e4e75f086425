// The daily retention purge, run by the email worker before its passes (in the server and in
// `npm run worker`): every patient whose last contact is older than the clinic's retention period
// is erased (actor: the system). Open escalated cases are never purged automatically: a person
// must close them first.
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { getClinic } from "@/db/queries/clinic";
import { lastRetentionPurge, listPatientsPastRetention, RETENTION_SUBJECT } from "@/db/queries/privacy";
import { erasePatient } from "./erase";
import { purgeDue, retentionCutoff, retentionReason } from "./retention";

export type PurgeReport = { erased: number; kept: number; more: boolean; retentionYears: number | null };

/**
 * Erases up to `limit` patients past the clinic's retention period at `now`, oldest contact first;
 * `more` says whether others may be waiting. Each erasure is its own transaction and re-checks the
 * patient under lock (a new intake or an open case keeps them). Nothing before the clinic is set up.
 */
export async function purgeExpiredPatients(db: Db, now: Date, { limit = 25 } = {}): Promise<PurgeReport> {
  const clinic = await getClinic(db);
  if (!clinic) return { erased: 0, kept: 0, more: false, retentionYears: null };
  const years = clinic.retentionYears;
  const cutoff = retentionCutoff(now, years);
  const due = await listPatientsPastRetention(db, { cutoff, limit });
  let erased = 0;
  let kept = 0;
  for (const { intakeId } of due) {
    const result = await erasePatient(db, {
      actor: null,
      intakeId,
      reason: retentionReason(years),
      now,
      retentionCutoff: cutoff,
    });
    if (result.status === "erased") erased++;
    else kept++;
  }
  // A full batch in which nothing could be erased would come back the same next pass: rest instead.
  return { erased, kept, more: due.length === limit && erased > 0, retentionYears: years };
}

// When this process last saw the purge finish, per database (tests and tools open their own).
const finished = new WeakMap<Db, Date>();

/**
 * The worker's hook: runs the purge at most once a day. A pass first asks this process's memory,
 * then the audit trail (another worker may have run it: one indexed look-up), and only then looks
 * for patients. A batch at a time, so a first purge of years of history never holds up the
 * emails of a pass (EMERGENCY alerts among them): while a batch comes back full, the next pass
 * continues; when one does not, the purge records that it finished (`retention_purge_completed`)
 * and rests for a day. Returns the pass's report, or null when it was not due.
 */
export async function runDailyRetentionPurge(db: Db, now: Date, { batch = 25 } = {}): Promise<PurgeReport | null> {
  if (!purgeDue(finished.get(db) ?? null, now)) return null;
  const elsewhere = await lastRetentionPurge(db);
  if (elsewhere && !purgeDue(elsewhere, now)) {
    finished.set(db, elsewhere);
    return null;
  }
  const report = await purgeExpiredPatients(db, now, { limit: batch });
  if (!report.more) {
    await recordAudit(db, {
      actor: null,
      action: "retention_purge_completed",
      subjectType: RETENTION_SUBJECT.type,
      subjectId: RETENTION_SUBJECT.id,
      after: {
        ranAt: now.toISOString(),
        erased: report.erased,
        kept: report.kept,
        retentionYears: report.retentionYears,
      },
    });
    finished.set(db, now);
  }
  return report;
}

/**
 * runDailyRetentionPurge for a worker pass: never throws (a failed purge must not stop the alerts
 * and emails of the pass), and says so in one line without any patient value.
 */
export async function retentionPurgePass(
  db: Db,
  now: Date,
  log: Pick<Console, "info" | "error"> = console,
): Promise<void> {
  try {
    const report = await runDailyRetentionPurge(db, now);
    if (report?.erased) log.info(`[privacy] retention purge erased ${report.erased} patient(s)`);
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    log.error(
      `[privacy] retention purge failed${typeof code === "string" ? ` (${code})` : ""}; it runs again next pass`,
    );
  }
}
