/** The recovery-outlook answers (the same shape in every contract version). */
type OutlookAnswers = { items: readonly boolean[]; bothersomeness: string } | null;

/** Recovery-outlook screen result: 0–9 total, 0–5 psychosocial subscore, and the risk group. */
export type OutlookScore = {
  total: number;
  psychosocial: number;
  risk: "low" | "medium" | "high";
};

export type FunctionBand = "minimal" | "moderate" | "severe" | "crippling" | "bed_bound";

/** Daily-function screen result: percent disability (one decimal) and its band. */
export type FunctionScore = {
  percent: number;
  band: FunctionBand;
  answeredSections: number;
};

/** Fewer answered sections than this and the function screen is "not scorable". */
export const MIN_FUNCTION_SECTIONS = 8;

/** A partial screen with at least this many sections still counts against self-care (C1 only). */
export const MIN_SELF_CARE_SECTIONS = 5;

/**
 * Scores the recovery-outlook screen: items 1–8 count one each when agreed; item 9 adds one point
 * (to both totals) when the pain is "very much" or "extremely" bothersome; items 5–8 plus that
 * point form the psychosocial subscore. Null when the screen was not collected.
 */
export function scoreOutlook(outlook: OutlookAnswers): OutlookScore | null {
  if (outlook === null) return null;
  const items = outlook.items;
  const bother = outlook.bothersomeness === "very_much" || outlook.bothersomeness === "extremely" ? 1 : 0;
  let psychosocial = bother;
  for (let i = 4; i < 8; i++) if (items[i]) psychosocial++;
  let total = psychosocial;
  for (let i = 0; i < 4; i++) if (items[i]) total++;
  const risk = total <= 3 ? "low" : psychosocial >= 4 ? "high" : "medium";
  return { total, psychosocial, risk };
}

/**
 * Band edges: the spec writes integer ranges (0–20, 21–40, ...); a percent with a decimal is placed
 * by "at most the upper edge", so 20.0 is minimal and anything above 20 is moderate. With 8, 9 or
 * 10 answered sections no reachable percent falls strictly between 20 and 21 (or 40 and 41, ...),
 * so this reading never disagrees with the spec's integers.
 */
export function functionBand(percent: number): FunctionBand {
  if (percent <= 20) return "minimal";
  if (percent <= 40) return "moderate";
  if (percent <= 60) return "severe";
  if (percent <= 80) return "crippling";
  return "bed_bound";
}

/**
 * Scores the daily-function screen: sum of answered sections ÷ (5 × answered) × 100, to one
 * decimal. Null when not collected or fewer than 8 of the 10 sections were answered.
 */
export function scoreFunction(fn: FunctionAnswers): FunctionScore | null {
  const scored = functionPercent(fn, MIN_FUNCTION_SECTIONS);
  return scored === null
    ? null
    : { percent: scored.percent, band: functionBand(scored.percent), answeredSections: scored.answered };
}

/**
 * functionForSelfCare of triage-rules.md: the same percent from at least 5 answered sections, so a
 * partly filled screen showing real limitation still rules out self-care. Never reported as a score.
 */
export function scoreFunctionForSelfCare(fn: FunctionAnswers): number | null {
  return functionPercent(fn, MIN_SELF_CARE_SECTIONS)?.percent ?? null;
}

type FunctionAnswers = { sections: readonly (number | null)[] } | null;

function functionPercent(fn: FunctionAnswers, minSections: number): { percent: number; answered: number } | null {
  if (fn === null) return null;
  let sum = 0;
  let answered = 0;
  for (const section of fn.sections) {
    if (section === null) continue;
    sum += section;
    answered++;
  }
  if (answered < minSections) return null;
  // percent × 10 = 200 × sum ÷ answered: rounding one exact quotient avoids binary-fraction drift.
  return { percent: Math.round((200 * sum) / answered) / 10, answered };
}
