// What staff see of an episode's recovery (issue 20), on the case and the patient pages: the
// check-ins and their chart, "not improving" and why, the running plan and its weeks, discharge.
import type { Db } from "@/db/client";
import { episodeRootOf, getRecovery, latestEpisodeRoot, listEpisodeIntakes } from "@/db/queries/recovery";
import { progressSeries } from "@/lib/outcomes";
import { episodeBaseline, scoresOf } from "./checkin";
import { episodeCheckins } from "./episode";
import { planAccess, readPlan } from "./run-plan";

/** The recovery of the episode a case belongs to (`intakeId`), or of the patient's latest (`patientId`); null when none. */
export async function staffRecoveryView(db: Db, at: { intakeId: string } | { patientId: string }, now: Date) {
  const root = "intakeId" in at ? await episodeRootOf(db, at.intakeId) : await latestEpisodeRoot(db, at.patientId);
  if (!root) return null;
  const [recovery, intakes] = await Promise.all([getRecovery(db, root.id), listEpisodeIntakes(db, root)]);
  const latest = intakes[0] ?? root;
  const { checkins, open } = await episodeCheckins(db, root.id, recovery, now);
  const baseline = episodeBaseline(root, recovery);
  const scores = scoresOf(checkins);
  return {
    root,
    latest,
    recovery,
    checkins,
    open,
    scores,
    series: progressSeries(baseline, scores),
    plan: await readPlan(db, root.id),
    planAccess: planAccess(root, latest, recovery),
    erased: !!root.erasedAt,
  };
}

export type StaffRecoveryView = NonNullable<Awaited<ReturnType<typeof staffRecoveryView>>>;
