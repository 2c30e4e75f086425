// The clinic's recovery measures (issue 20), for the staff outcomes page: of the check-ins due in a
// period, how many were answered; and of the 6-week check-ins answered, the share improved, by the
// episode's grade (lib/outcomes improved(): pain down 2, function better 10, or "better" with neither worse).
import { LEVELS } from "@/common/vocabulary";
import type { Db } from "@/db/client";
import { listDueCheckins } from "@/db/queries/recovery";
import { improved, type CheckinScore } from "@/lib/outcomes";
import type { Level } from "@/lib/triage";
import { storedScore } from "./checkin";

export type OutcomeMeasures = {
  from: Date;
  to: Date;
  due: number;
  answered: number;
  /** answered ÷ due, or null when none was due. */
  responseRate: number | null;
  /** Per level: 6-week check-ins answered with something to compare, and how many improved. */
  sixWeeks: { level: Level; compared: number; improved: number; share: number | null }[];
};

/** The baseline a stored score was made against (its numbers minus their changes). */
function baselineOf(s: CheckinScore) {
  return {
    pain: s.painChange === null ? null : s.pain - s.painChange,
    functionPercent:
      s.functionChange === null || s.functionPercent === null ? null : s.functionPercent - s.functionChange,
    activities: [],
  };
}

/** The measures over check-ins due from `from` to `to`. */
export async function outcomeMeasures(db: Db, { from, to }: { from: Date; to: Date }): Promise<OutcomeMeasures> {
  const rows = await listDueCheckins(db, { from, to });
  const answered = rows.filter((r) => r.answeredAt).length;
  const sixWeeks = LEVELS.map((level) => {
    let compared = 0;
    let better = 0;
    for (const r of rows) {
      if (r.level !== level || r.week !== 6 || !r.answeredAt) continue;
      const score = storedScore(r.score);
      const verdict = score ? improved(baselineOf(score), score) : null;
      if (verdict === null) continue;
      compared++;
      if (verdict) better++;
    }
    return { level, compared, improved: better, share: compared ? better / compared : null };
  });
  return {
    from,
    to,
    due: rows.length,
    answered,
    responseRate: rows.length ? answered / rows.length : null,
    sixWeeks,
  };
}
