// The "not improving" rules (issue 20): which check-ins staff should look at, versioned like the
// triage rules (lib/triage/versions.ts). A result keeps the version it was decided under; a change
// to a threshold or a rule is a new version, never an edit of this one.
//
// Thresholds are the commonly used minimal important changes for low back pain:
// - pain 0-10: 2 points (Ostelo et al. 2008, the international consensus on interpreting change
//   scores in low back pain: 2 points on a 0-10 numeric scale, or 30% from baseline);
// - daily function 0-100%: 10 points (the same consensus for the Oswestry Disability Index, whose
//   scoring our function screen uses: lib/triage/scores.ts);
// - activities 0-10: 2 points for the mean of the chosen activities (the Patient-Specific
//   Functional Scale: Stratford et al. 1995; Horn et al. 2012 review it at about 2 points for the
//   mean score, 3 for one activity).
import { change, type Baseline, type CheckinScore } from "./score";

export const OUTCOME_RULES_VERSION = "2026.12";

/** A rule as staff read it, with where its threshold comes from. */
export type OutcomeRule = { id: string; summary: string; source: string };

/** A change in pain at least this far down is an important improvement (0-10 scale). */
export const PAIN_MIC = 2;
/** A change in the function percent at least this far down is an important improvement. */
export const FUNCTION_MIC = 10;
/** A rise in the activities' mean rating of at least this is an important improvement. */
export const ACTIVITY_MIC = 2;

const OSTELO =
  "Ostelo et al. 2008, Spine 33(1):90-94: minimal important change in low back pain, 2 points of 10 for pain, 10 points of 100 for disability";

type Changes = { pain: number | null; function: number | null; activity: number | null };
type RuleDef = OutcomeRule & { fires: (score: CheckinScore, changes: Changes) => boolean };

const painBetter = (c: Changes) => c.pain !== null && c.pain <= -PAIN_MIC;
const functionBetter = (c: Changes) => c.function !== null && c.function <= -FUNCTION_MIC;

const RULES: readonly RuleDef[] = [
  {
    id: "O1",
    summary: "The patient says their back is worse than when they filled in the form",
    source: "The patient's own rating of change (better / about the same / worse), asked at every check-in",
    fires: (score) => score.trend === "worse",
  },
  {
    id: "O2",
    summary:
      "At 6 weeks or later, pain is not down by 2 points and daily function is not better by 10 points since the form",
    source: OSTELO,
    // Each measure counts when both sides were answered; when one is missing the other decides alone.
    fires: (score, c) => {
      if (score.week < 6) return false;
      if (c.pain === null && c.function === null) return false;
      return !painBetter(c) && !functionBetter(c);
    },
  },
  {
    id: "O3",
    summary: "At 12 weeks or later, the chosen activities' mean rating is not up by 2 points since the result",
    source:
      "Patient-Specific Functional Scale: Stratford et al. 1995, Physiotherapy Canada 47:258-263; Horn et al. 2012, J Orthop Sports Phys Ther 42(1):30-42 (about 2 points for the mean score)",
    fires: (score, c) => score.week >= 12 && c.activity !== null && c.activity < ACTIVITY_MIC,
  },
];

/** The rules in this version, as staff read them. */
export const OUTCOME_RULES: readonly OutcomeRule[] = Object.freeze(
  RULES.map(({ id, summary, source }) => Object.freeze({ id, summary, source })),
);

/**
 * Pain and function changes from the baseline given (so a score and the baseline shown beside it
 * never disagree); the activities' change as scored (it needs each activity's own rating).
 */
const changesOf = (baseline: Baseline, score: CheckinScore): Changes => ({
  pain: change(score.pain, baseline.pain),
  function: change(score.functionPercent, baseline.functionPercent),
  activity: score.activityChange,
});

export type NotImprovingResult = {
  notImproving: boolean;
  fired: { id: string; summary: string; week: number }[];
  version: string;
};

/** Which rules fire at which check-in (every check-in, in week order); not improving when any does. */
export function notImproving(baseline: Baseline, scores: CheckinScore[]): NotImprovingResult {
  const fired: NotImprovingResult["fired"] = [];
  for (const score of [...scores].sort((a, b) => a.week - b.week)) {
    const changes = changesOf(baseline, score);
    for (const rule of RULES)
      if (rule.fires(score, changes)) fired.push({ id: rule.id, summary: rule.summary, week: score.week });
  }
  return { notImproving: fired.length > 0, fired, version: OUTCOME_RULES_VERSION };
}

/**
 * The clinic's measure "improved" (reported at 6 weeks): pain down by 2 or more, or function better
 * by 10 or more, or the patient says better while neither pain nor function went up at all. Null
 * when neither pain nor function can be compared (the patient's word alone is not the measure).
 */
export function improved(baseline: Baseline, score: CheckinScore): boolean | null {
  const c = changesOf(baseline, score);
  if (c.pain === null && c.function === null) return null;
  if (painBetter(c) || functionBetter(c)) return true;
  const worse = (c.pain ?? 0) > 0 || (c.function ?? 0) > 0;
  return score.trend === "better" && !worse;
}
