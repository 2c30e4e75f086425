// The check-in at 2, 6 and 12 weeks after an intake (issue 20): pain, how things are overall, the
// activities the patient chose, the daily-function screen and the pre-visit check's red-flag
// questions again. Questions and values follow the pre-visit check's (lib/booking/pre-visit.ts), so
// one plain form renders both; the answers' shape extends the recheck's, so a worse answer can be
// re-graded by the same path.
import { z } from "zod";
import { checkInput, CHECK_QUESTIONS } from "@/lib/booking/pre-visit";
import { recheckSchema } from "@/lib/booking/regrade";
import { FUNCTION_SCREEN } from "@/lib/content";
import { functionSchema } from "@/lib/triage/schema-screens";
import { ACTIVITY_SCALE, activityLabel, activityList, MAX_ACTIVITIES } from "./activities";

/** How things are overall, compared with when the patient filled in the form. */
export const CHECKIN_TRENDS = ["better", "same", "worse"] as const;
export type CheckinTrend = (typeof CHECKIN_TRENDS)[number];

/** The trend in words, as the check-in asks it and staff read it. */
export const CHECKIN_TREND_WORDS: Record<CheckinTrend, string> = {
  better: "Better",
  same: "About the same",
  worse: "Worse",
};

/** The check-in's answers: the recheck (red flags, pain now, pain pattern), the function screen, the activities' ratings, the trend. */
export const checkinAnswersSchema = recheckSchema.extend({
  // The intake's screen without its "skip the whole screen": here each section may be skipped.
  function: functionSchema.unwrap(),
  activities: activityList(0),
  trend: z.enum(CHECKIN_TRENDS, {
    error: "Choose how you are now, compared with when you filled in the form",
  }),
});
export type CheckinAnswers = z.output<typeof checkinAnswersSchema>;

/** One question of the check-in form, like CHECK_QUESTIONS in lib/booking/pre-visit.ts. */
export type CheckinQuestion = {
  name: string;
  label: string;
  hint?: string;
  options: [string, string][];
  optional?: boolean;
  group: "safety" | "pain" | "function" | "activities" | "overall";
};

/** A 0-10 scale's choices (value, words), as every 0-10 question of the check-ins and the plan shows them. */
export const ZERO_TO_TEN = Array.from({ length: 11 }, (_, i) => [String(i), String(i)] as [string, string]);

/** The activities a check-in asks about: known ids, each once, at most 3 (anything else is not asked). */
function askedActivities(activityIds: readonly string[]): string[] {
  const known = activityIds.filter((id, i) => activityLabel(id) !== null && activityIds.indexOf(id) === i);
  return known.slice(0, MAX_ACTIVITIES);
}

const byName = (name: string) => {
  const q = CHECK_QUESTIONS.find((x) => x.name === name);
  if (!q) throw new Error(`unreachable: the pre-visit check has no ${name} question`);
  return q;
};

/**
 * The check-in's questions, in order: pain (the form's own question, so the change compares like
 * with like), the overall trend, each chosen activity, the 10 function sections (each optional),
 * then the pre-visit check's red-flag questions and pain pattern.
 */
export function checkinQuestions(activityIds: readonly string[]): CheckinQuestion[] {
  const pain = byName("pain.intensity");
  return [
    { ...pain, group: "pain" },
    {
      name: "trend",
      label: "Overall, how is your back now, compared with when you filled in the form?",
      options: CHECKIN_TRENDS.map((t) => [t, CHECKIN_TREND_WORDS[t]] as [string, string]),
      group: "overall",
    },
    ...askedActivities(activityIds).map((id): CheckinQuestion => ({
      name: `activity.${id}`,
      label: `${activityLabel(id)}: how well can you do this now?`,
      hint: `${ACTIVITY_SCALE.low}, ${ACTIVITY_SCALE.high}.`,
      options: ZERO_TO_TEN,
      group: "activities",
    })),
    ...FUNCTION_SCREEN.sections.map((s, i): CheckinQuestion => ({
      name: `function.${i}`,
      label: s.label,
      hint: "Choose the sentence that fits you best today. You can skip this if it does not apply to you.",
      options: s.options.map((words, value) => [String(value), words] as [string, string]),
      optional: true,
      group: "function",
    })),
    ...CHECK_QUESTIONS.filter((q) => q.name !== "trend" && q.name !== "pain.intensity").map((q): CheckinQuestion => ({
      ...q,
      group: "safety",
    })),
  ];
}

/** The posted form's values, one string per question (missing: ""). */
export function checkinValues(get: (name: string) => unknown, activityIds: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    checkinQuestions(activityIds).map((q) => {
      const v = get(q.name);
      return [q.name, typeof v === "string" ? v.trim().slice(0, 40) : ""];
    }),
  );
}

/** A number when the text is digits as `pattern` says; otherwise the text (the schema refuses it) or `blank`. */
function numberOr<T>(text: string | undefined, pattern: RegExp, blank: T): number | string | T {
  if (!text) return blank;
  return pattern.test(text) ? Number(text) : text;
}

/**
 * The values as the answers' shape (for checkinAnswersSchema): blanks stay missing, as in the
 * pre-visit check, except a skipped function section, which is null (skipping is an answer).
 */
export function checkinInput(values: Record<string, string>, activityIds: readonly string[]): unknown {
  return {
    ...(checkInput(values) as Record<string, unknown>),
    function: { sections: FUNCTION_SCREEN.sections.map((_, i) => numberOr(values[`function.${i}`], /^\d$/, null)) },
    activities: askedActivities(activityIds).map((id) => ({
      id,
      rating: numberOr(values[`activity.${id}`], /^\d{1,2}$/, undefined),
    })),
  };
}

/**
 * The schema's error paths as the form's field names ("function.sections.3" → "function.3",
 * "activities.1.rating" → "activity.<id>"), so each message shows beside its question.
 */
export function checkinFieldErrors(
  errors: Record<string, string[]>,
  activityIds: readonly string[],
): Record<string, string[]> {
  const asked = askedActivities(activityIds);
  const out: Record<string, string[]> = Object.create(null);
  for (const [path, messages] of Object.entries(errors)) {
    let name = path;
    const fn = /^function\.sections\.(\d+)$/.exec(path);
    const activity = /^activities\.(\d+)(?:\.\w+)?$/.exec(path);
    if (fn) name = `function.${fn[1]}`;
    else if (activity && asked[Number(activity[1])]) name = `activity.${asked[Number(activity[1])]}`;
    out[name] = [...(out[name] ?? []), ...messages.filter((m) => !out[name]?.includes(m))];
  }
  return out;
}
