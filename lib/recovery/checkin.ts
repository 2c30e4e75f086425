// Answering a recovery check-in on My back (issue 20): stored once with its score against the
// episode's first intake; something worse (the patient says so, or a red flag is new) re-grades the
// episode's latest intake as the pre-visit check does; the outcome rules (lib/outcomes) then decide
// "not improving", which puts the case on the staff review list and offers the patient an appointment.
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import {
  getCheckinForUpdate,
  getEpisodeIntake,
  getRecovery,
  listCheckins,
  listEpisodeIntakes,
  lockRecovery,
  markForReview,
  recordCheckin,
  updateRecovery,
  type CheckinRow,
} from "@/db/queries/recovery";
import { somethingWorse } from "@/lib/booking/pre-visit";
import { regradeIntake } from "@/lib/booking/regrade";
import { clinicDeadlines } from "@/lib/deadlines";
import { fieldErrors } from "@/lib/forms";
import {
  baselineFrom,
  checkinAnswersSchema,
  notImproving,
  scoreCheckin,
  type Baseline,
  type CheckinScore,
} from "@/lib/outcomes";
import type { IntakeAnswers, Level } from "@/lib/triage";
import { openCheckin } from "./episode";
import { pausePlanIfClosed } from "./run-plan";

/** A stored score, or null when it is not one (an erased row). */
export function storedScore(score: unknown): CheckinScore | null {
  return score && typeof score === "object" && "week" in score && "pain" in score ? (score as CheckinScore) : null;
}

/** The episode's baseline: its first intake's answers and the activities the patient chose. */
export function episodeBaseline(root: { answers: unknown }, recovery: { activities: unknown } | null): Baseline {
  return baselineFrom(root.answers, (recovery?.activities as { id: string; rating: number }[] | null) ?? null);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CheckinResult =
  | { status: "not_found" }
  | { status: "closed" }
  | { status: "invalid"; fieldErrors: Record<string, string[]> }
  | {
      status: "answered";
      /** The new grade when something got worse; `canBook` false: show its advice (go now, or we will call). */
      regrade: { intakeId: string; level: Level; canBook: boolean } | null;
      /** Something got worse but the first answers were to an older form: the whole form is needed again. */
      refill: boolean;
      /** The outcome rules found the patient not improving (now or before): an appointment is offered. */
      notImproving: boolean;
    };

/**
 * Answers the open check-in `checkinId` of the patient's episode `rootId`, once. Audited without
 * the answers (the check-in, its week, a re-grade's level, "not improving" and its rules).
 */
export async function answerCheckin(
  db: Db,
  { patientId, checkinId, input, now }: { patientId: string; checkinId: string; input: unknown; now: Date },
): Promise<CheckinResult> {
  if (!UUID.test(checkinId)) return { status: "not_found" }; // not one of ours: no query
  const parsed = checkinAnswersSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { trend, cauda, legs, pain } = parsed.data;
  const recheck = { cauda, legs, pain };
  const { clock } = await clinicDeadlines(db, now);

  return db.transaction(async (tx): Promise<CheckinResult> => {
    const checkin = await getCheckinForUpdate(tx, checkinId);
    if (!checkin) return { status: "not_found" };
    const root = await getEpisodeIntake(tx, checkin.intakeId);
    if (!root || root.erasedAt || root.patientId !== patientId) return { status: "not_found" };
    const recovery = await getRecovery(tx, root.id);
    const all = await listCheckins(tx, root.id);
    if (openCheckin(all, recovery, now)?.id !== checkin.id) return { status: "closed" };

    const latest = (await listEpisodeIntakes(tx, root))[0] ?? root;
    let regrade: Extract<CheckinResult, { status: "answered" }>["regrade"] = null;
    let refill = false;
    if (
      latest.answers &&
      somethingWorse(latest.answers as IntakeAnswers, recheck, trend === "worse" ? "worse" : "same")
    ) {
      const result = await regradeIntake(tx, { intakeId: latest.id, recheck, now });
      if (result.status === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors };
      if (result.status === "refill") refill = true;
      else if (result.status === "graded")
        regrade = { intakeId: result.intakeId, level: result.level, canBook: result.canBook };
    }

    const baseline = episodeBaseline(root, recovery);
    const score = scoreCheckin(baseline, checkin.week, parsed.data);
    if (
      !(await recordCheckin(tx, {
        id: checkin.id,
        answers: parsed.data,
        score,
        regradeIntakeId: regrade?.intakeId ?? null,
        now,
      }))
    )
      return { status: "closed" };

    const scores = [...scoresOf(all.filter((c) => c.id !== checkin.id)), score].sort((a, b) => a.week - b.week);
    const verdict = notImproving(baseline, scores);
    // A rule that fires at this check-in puts the case on the review list again, even when an earlier
    // check-in's did before (that one may have been reviewed and settled since).
    const firedNow = verdict.fired.filter((f) => f.week === checkin.week);
    const acting = regrade?.intakeId ?? latest.id; // the case that acts now: a re-grade's, else the latest
    if (firedNow.length) {
      await lockRecovery(tx, root.id);
      await updateRecovery(tx, root.id, {
        notImprovingAt: now,
        notImproving: { version: verdict.version, fired: verdict.fired, week: checkin.week },
      });
      await markForReview(tx, { intakeId: acting, reason: "not_improving", due: clock.reviewDue(now) });
    }
    // Something worse that could not be re-graded (answers to an older form): a clinician looks now.
    if (refill) await markForReview(tx, { intakeId: acting, reason: "worse_not_regraded", due: now });
    // A re-grade may close the running plan (a level it is not open to): paused, its emails withdrawn.
    if (regrade) await pausePlanIfClosed(tx, { rootId: root.id, now });
    await recordAudit(tx, {
      actor: null,
      action: "recovery_checkin_answered",
      subjectType: "intake",
      subjectId: root.id,
      after: {
        checkinId: checkin.id,
        week: checkin.week,
        regradeIntakeId: regrade?.intakeId ?? null,
        ...(regrade ? { level: regrade.level } : {}),
        ...(firedNow.length ? { notImproving: firedNow.map((f) => f.id), rulesVersion: verdict.version } : {}),
      },
    });
    return { status: "answered", regrade, refill, notImproving: verdict.notImproving || !!recovery?.notImprovingAt };
  });
}

/** The scores of answered check-ins, by week. */
export function scoresOf(checkins: readonly Pick<CheckinRow, "score" | "answeredAt">[]): CheckinScore[] {
  return checkins
    .filter((c) => c.answeredAt)
    .map((c) => storedScore(c.score))
    .filter((s): s is CheckinScore => s !== null)
    .sort((a, b) => a.week - b.week);
}
