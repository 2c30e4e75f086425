// An episode of care (issue 20): a patient's latest first intake and its re-grades. It begins with
// the intake: its recovery check-ins are made then (one per week of the clinic's schedule, each
// emailed when it opens), and an earlier episode's pending recovery emails are withdrawn.
import type { Db } from "@/db/client";
import {
  cancelEpisodeEmails,
  earlierEpisodeRoots,
  getRecoveryContact,
  insertCheckins,
  listCheckins,
  patientIdOf,
  type CheckinRow,
  type RecoveryRow,
} from "@/db/queries/recovery";
import { getClinicCached } from "@/lib/clinic-settings";
import { queueRecoveryCheckin, RECOVERY_KINDS } from "@/lib/notifications/queue";
import type { Level } from "@/lib/triage";

/** The weeks a clinic that has not chosen gets check-ins at. */
export const DEFAULT_CHECKIN_WEEKS = [2, 6, 12] as const;

const WEEK_MS = 7 * 24 * 3600_000;

/**
 * A new first intake begins an episode: its check-ins are made for the clinic's weeks, each emailed
 * when it opens (unless the patient stopped recovery emails: the check-in still opens on My back).
 * A SELF_CARE patient's two-week check-in is not emailed again: their "how is your back?" email goes
 * then and links to it. The patient's earlier episodes' unsent recovery emails are withdrawn.
 * Call in the intake's transaction.
 */
export async function startEpisode(
  db: Db,
  { intake, level, now }: { intake: { id: string; createdAt: Date }; level: Level; now: Date },
): Promise<void> {
  const patientId = await patientIdOf(db, { intakeId: intake.id });
  if (!patientId) return;
  const earlier = await earlierEpisodeRoots(db, { ...intake, patientId });
  await cancelEpisodeEmails(db, { intakeIds: earlier, kinds: RECOVERY_KINDS });
  const clinic = await getClinicCached(db);
  const weeks = [...new Set(clinic?.checkinWeeks ?? DEFAULT_CHECKIN_WEEKS)].sort((a, b) => a - b);
  const made = await insertCheckins(
    db,
    weeks.map((week) => ({ intakeId: intake.id, week, dueAt: new Date(intake.createdAt.getTime() + week * WEEK_MS) })),
  );
  const contact = await getRecoveryContact(db, patientId);
  if (!contact || contact.stoppedAt) return;
  for (const c of made) {
    if (level === "SELF_CARE" && c.week === 2) continue; // the self-care check-in email is this one's
    if (c.dueAt.getTime() <= now.getTime()) continue;
    await queueRecoveryCheckin(db, { intakeId: intake.id, week: c.week, dueAt: c.dueAt, patient: contact });
  }
}

/**
 * The check-in open now: the latest one due, unanswered, while the episode is not discharged (and
 * not before its week). One answered, or passed by the next, is closed.
 */
export function openCheckin(
  checkins: readonly CheckinRow[],
  recovery: Pick<RecoveryRow, "dischargedAt"> | null,
  now: Date,
): CheckinRow | null {
  if (recovery?.dischargedAt) return null;
  const due = checkins.filter((c) => c.dueAt.getTime() <= now.getTime());
  const latest = due.at(-1);
  return latest && !latest.answeredAt ? latest : null;
}

/** The episode's check-ins and the one open now. */
export async function episodeCheckins(
  db: Db,
  intakeId: string,
  recovery: Pick<RecoveryRow, "dischargedAt"> | null,
  now: Date,
) {
  const checkins = await listCheckins(db, intakeId);
  return { checkins, open: openCheckin(checkins, recovery, now) };
}
