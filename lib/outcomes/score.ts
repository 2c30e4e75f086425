// Scores a check-in against the intake it follows: pain (0-10), daily function (percent, lower is
// better) and the chosen activities (mean rating 0-10, higher is better), each with its change.
// Changes are "later minus baseline", so less pain or less disability is negative and better
// activities positive; a change is null when either side is missing, never guessed.
import { FUNCTION_SECTIONS } from "@/lib/triage/schema-screens";
import { scoreFunction } from "@/lib/triage/scores";
import type { CheckinAnswers, CheckinTrend } from "./checkin";

/** What the check-ins are compared with: the intake's pain and function, and the activities as first rated. */
export type Baseline = {
  pain: number | null;
  functionPercent: number | null;
  activities: { id: string; rating: number }[];
};

type Loose = Record<string, unknown>;
const isRecord = (x: unknown): x is Loose => typeof x === "object" && x !== null && !Array.isArray(x);
const isWhole = (x: unknown, min: number, max: number): x is number =>
  typeof x === "number" && Number.isInteger(x) && x >= min && x <= max;

/** One decimal, from the exact value, so 5.667 - 3.667 reads as 2 and not 1.9999999. */
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The function screen's percent, or null when it was skipped, too little was answered or the shape is not a screen's. */
function functionPercentOf(fn: unknown): number | null {
  if (!isRecord(fn) || !Array.isArray(fn.sections) || fn.sections.length !== FUNCTION_SECTIONS) return null;
  const sections: unknown[] = fn.sections;
  if (!sections.every((s) => s === null || isWhole(s, 0, 5))) return null;
  return scoreFunction({ sections: sections as (number | null)[] })?.percent ?? null;
}

/**
 * The baseline from an intake's stored answers (pain.intensity, and the function screen scored as
 * at intake) and the activities the patient rated with their result. Defensive: an older contract,
 * a skipped screen or a malformed row gives nulls (and unrated activities are dropped), never a throw.
 */
export function baselineFrom(intakeAnswers: unknown, activities: { id: string; rating: number }[] | null): Baseline {
  try {
    const answers = isRecord(intakeAnswers) ? intakeAnswers : {};
    const pain = isRecord(answers.pain) && isWhole(answers.pain.intensity, 0, 10) ? answers.pain.intensity : null;
    const seen = new Set<string>();
    const rated: Baseline["activities"] = [];
    for (const a of Array.isArray(activities) ? (activities as unknown[]) : []) {
      if (!isRecord(a) || typeof a.id !== "string" || !isWhole(a.rating, 0, 10) || seen.has(a.id)) continue;
      seen.add(a.id);
      rated.push({ id: a.id, rating: a.rating });
    }
    return { pain, functionPercent: functionPercentOf(answers.function), activities: rated };
  } catch {
    return { pain: null, functionPercent: null, activities: [] };
  }
}

/** One check-in's numbers and their changes from the baseline. */
export type CheckinScore = {
  week: number;
  pain: number;
  functionPercent: number | null;
  activityMean: number | null;
  painChange: number | null;
  functionChange: number | null;
  activityChange: number | null;
  trend: CheckinTrend;
};

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/** The difference, to one decimal, or null when either side is missing. */
export function change(later: number | null, before: number | null): number | null {
  return later === null || before === null ? null : round1(later - before);
}

/**
 * The activities' change: the mean now minus the mean at baseline over the activities rated both
 * times (an activity asked only once has nothing to compare with); null when none was.
 */
function activityChangeOf(baseline: Baseline, now: readonly { id: string; rating: number }[]): number | null {
  const before = new Map(baseline.activities.map((a) => [a.id, a.rating]));
  const both = now.filter((a) => before.has(a.id));
  if (!both.length) return null;
  return change(mean(both.map((a) => a.rating)), mean(both.map((a) => before.get(a.id)!)));
}

/** The mean rating of some activities, to one decimal, or null when there are none. */
export function activityMean(activities: readonly { rating: number }[]): number | null {
  const m = mean(activities.map((a) => a.rating));
  return m === null ? null : round1(m);
}

/** Scores a check-in's (valid) answers at `week` against the baseline. */
export function scoreCheckin(baseline: Baseline, week: number, answers: CheckinAnswers): CheckinScore {
  const pain = answers.pain.intensity;
  const functionPercent = scoreFunction(answers.function)?.percent ?? null;
  return {
    week,
    pain,
    functionPercent,
    activityMean: activityMean(answers.activities),
    painChange: change(pain, baseline.pain),
    functionChange: change(functionPercent, baseline.functionPercent),
    activityChange: activityChangeOf(baseline, answers.activities),
    trend: answers.trend,
  };
}

/** One point of the progress chart: the form (week 0) or a check-in. */
export type ProgressPoint = {
  label: string;
  week: number;
  pain: number | null;
  functionPercent: number | null;
  activityMean: number | null;
};

/** "At the form", "At 1 week", "At 6 weeks". */
export function weekLabel(week: number): string {
  return week === 0 ? "At the form" : `At ${week} ${week === 1 ? "week" : "weeks"}`;
}

/** The baseline as week 0 ("At the form"), then each check-in in week order. */
export function progressSeries(baseline: Baseline, scores: CheckinScore[]): ProgressPoint[] {
  return [
    {
      label: weekLabel(0),
      week: 0,
      pain: baseline.pain,
      functionPercent: baseline.functionPercent,
      activityMean: activityMean(baseline.activities),
    },
    ...[...scores]
      .sort((a, b) => a.week - b.week)
      .map((s) => ({
        label: weekLabel(s.week),
        week: s.week,
        pain: s.pain,
        functionPercent: s.functionPercent,
        activityMean: s.activityMean,
      })),
  ];
}
