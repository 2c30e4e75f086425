// The case page as a pre-visit brief: what a clinician needs before the patient walks in, built from
// the intake's stored answers, grade and scores (pure; the words of scores and bands follow
// triage-rules.md and lib/triage/scores.ts, never thresholds of our own).
import { KM_PER_MILE, toShown } from "@/lib/intake-form/units";
import { REGION_LABELS, type Region } from "@/lib/intake-form/regions";
import { getPath } from "@/lib/intake-form/parse";
import { reviewSections } from "@/lib/intake-form/review";
import type { DraftAnswers } from "@/lib/intake-form/model";
import { storedAnswers, TREND_WORDS } from "@/lib/booking/pre-visit";
import type { Level } from "@/lib/triage";
import { explainGrade, plural } from "./format";

/** A rule or clinician flag, in the words of the ruleset version that graded the intake. */
export type BriefFlag = { id: string; text: string };

/** One answer in words. */
export type BriefAnswer = { key: string; question: string; answer: string };

/** One page of the form: its answers, and whether every answer on it was a plain "no" (shown folded). */
export type BriefSection = { step: string; title: string; rows: BriefAnswer[]; allNo: boolean };

/** Where it hurts: the regions to shade, those whose side is not recorded, and the same in words. */
export type BriefPlaces = { marked: Region[]; sideUnknown: Region[]; list: string[] };

export type Brief = {
  /** The rules at the level the rules gave: why it was graded so. */
  why: BriefFlag[];
  /** Other rules that fired at EMERGENCY or URGENT level. */
  red: BriefFlag[];
  /** Other rules at SOON level, and the clinician flags (they never change the level). */
  amber: BriefFlag[];
  /** Yes, "not sure" and "don't know" answers to the symptom and history questions, with their timing. */
  positives: BriefAnswer[];
  places: BriefPlaces | null;
  /** The patient's own words, if they wrote any. */
  note: string | null;
  /** Running and any recent change of training load; null when the running page was not asked. */
  running: string | null;
  scores: { outlook: string; function: string };
  /** Every answered page, in form order. */
  sections: BriefSection[];
  /** Pages not asked: optional screens skipped, or pages after an early submission. */
  notAsked: string[];
};

export type BriefIntake = {
  level: Level;
  rulesetVersion: string;
  firedRules: readonly string[];
  flags: readonly string[];
  scores: unknown;
  answers: unknown;
};

const RED_LEVELS: ReadonlySet<Level | null> = new Set(["EMERGENCY", "URGENT"]);
/** Pages whose answers are symptoms or history: their yes answers (and the timing asked after one) come first. */
const SYMPTOM_STEPS = new Set([
  "this-episode",
  "how-it-feels",
  "vascular-check",
  "legs",
  "nerve-check",
  "recent-illness",
  "health-history",
  "more-questions",
  "joints",
  "running",
]);
/** Shown elsewhere in the brief (the body map, the running line, the patient's note) or not a symptom. */
const NOT_POSITIVES = new Set(["running.isRunner", "running.kmPerWeek", "running.recentLoadIncrease", "notes"]);
/** Values that mean "no" (or "not this"), for folding a page where nothing was positive. */
const NO_VALUES = new Set<unknown>([false, "no", "none", "not_applicable"]);
const SYMPTOM_CHOICES_OF_NOTE = new Set(["legs", "nerve-check", "recent-illness", "health-history"]);

const BAND_WORDS: Record<string, string> = {
  minimal: "minimal",
  moderate: "moderate",
  severe: "severe",
  crippling: "crippling",
  bed_bound: "bed-bound",
};

/** Builds the brief of a stored intake; null for an erased intake (its answers are gone). */
export function buildBrief(intake: BriefIntake, { erased = false }: { erased?: boolean } = {}): Brief | null {
  if (erased || !intake.answers || typeof intake.answers !== "object") return null;
  const answers = intake.answers as DraftAnswers;
  const grade = explainGrade({ ...intake, answers });
  const why = grade.firedRules.filter((r) => r.level === intake.level).map((r) => ({ id: r.id, text: r.summary }));
  const others = grade.firedRules.filter((r) => r.level !== intake.level);
  const red = others.filter((r) => RED_LEVELS.has(r.level)).map((r) => ({ id: r.id, text: r.summary }));
  const amber = [
    ...others.filter((r) => r.level === "SOON").map((r) => ({ id: r.id, text: r.summary })),
    ...grade.flags.map((f) => ({ id: f.id, text: f.summary })),
  ];

  const places = placesOf(answers);
  const all = reviewSections(answers);
  const sections: BriefSection[] = [];
  const positives: BriefAnswer[] = [];
  for (const s of all) {
    if (s.skipped || !s.rows.length) continue;
    const rows = s.rows.map((r) => ({
      key: r.key,
      question: r.question,
      // The form's own reading of the stored places picks a side for a one-sided leg pain; say what is known.
      answer: r.key === "regions" && places ? places.list.join(", ") : wordAnswer(r.answer, getPath(answers, r.key)),
    }));
    const values = s.rows.map((r) => getPath(answers, r.key));
    sections.push({ step: s.step, title: s.title, rows, allNo: values.every((v) => NO_VALUES.has(v)) });
    if (!SYMPTOM_STEPS.has(s.step)) continue;
    s.rows.forEach((r, i) => {
      if (!NOT_POSITIVES.has(r.key) && isPositive(s.step, r.key, values[i], r.answer)) positives.push(rows[i]!);
    });
  }
  const note = typeof answers.notes === "string" && answers.notes.trim() ? answers.notes.trim() : null;
  return {
    why,
    red,
    amber,
    positives,
    places,
    note,
    running: runningLine(answers.running),
    scores: scoreWords(intake.scores, answers),
    sections,
    notAsked: skippedTitles(all),
  };
}

/** The skipped screens by name: the two daily-life pages are one screen when both were skipped. */
function skippedTitles(all: readonly { step: string; title: string; skipped: boolean }[]): string[] {
  const skipped = all.filter((s) => s.skipped);
  const functionPages = all.filter((s) => s.step.startsWith("daily-function"));
  if (!functionPages.every((s) => s.skipped)) return skipped.map((s) => s.title);
  const [first] = functionPages;
  return skipped
    .filter((s) => !s.step.startsWith("daily-function") || s === first)
    .map((s) => (s === first ? "Daily life" : s.title));
}

/** A yes, a "not sure" or "don't know", a symptom's kind, or the timing asked only after a yes. */
function isPositive(step: string, key: string, value: unknown, answer: string | null): boolean {
  if (value === true || value === "yes" || value === "unsure") return true;
  // "I don't know" to a yes/no question is never read as "no" (triage-rules.md, principle 1).
  if (!SYMPTOM_CHOICES_OF_NOTE.has(step)) return false;
  if (value === null) return answer !== null && /know|sure/i.test(answer);
  if (typeof value === "number") return key.includes("onsetDays"); // asked only when the symptom is there
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === "string" && !NO_VALUES.has(value) && key !== "legs.legPain";
}

/** "1 days ago" → "1 day ago", "0 days ago" → "today": the form's own wording, with correct plurals. */
function wordAnswer(answer: string | null, value: unknown): string {
  if (answer === null) return "Not answered";
  if (typeof value !== "number") return answer;
  const m = /^(\d+) days( ago)?$/.exec(answer);
  if (!m || Number(m[1]) !== value) return answer;
  if (m[2] && value === 0) return "today";
  return `${plural(value, "day")}${m[2] ?? ""}`;
}

/** Trunk places as ticked; the legs from legs.legPain, whose side the stored answers do not keep. */
function placesOf(answers: DraftAnswers): BriefPlaces | null {
  const locations = getPath(answers, "pain.locations");
  if (!Array.isArray(locations)) return null;
  const marked = (locations as Region[]).filter((r) => Object.hasOwn(REGION_LABELS, r));
  const list = marked.map((r) => REGION_LABELS[r]);
  const sideUnknown: Region[] = [];
  const legPain = getPath(answers, "legs.legPain");
  if (legPain === "below_knee_both_sides") {
    marked.push("left_lower_leg", "right_lower_leg");
    list.push("Both legs, below the knee");
  } else if (legPain === "below_knee_one_side") {
    sideUnknown.push("left_lower_leg", "right_lower_leg");
    list.push("One leg, below the knee (which leg is not recorded)");
  } else if (legPain === "above_knee") {
    sideUnknown.push("left_thigh", "right_thigh");
    list.push("Leg above the knee (which leg is not recorded)");
  }
  return { marked, sideUnknown, list };
}

function runningLine(running: unknown): string | null {
  if (!running || typeof running !== "object") return null;
  const r = running as { isRunner?: boolean; kmPerWeek?: number | null; recentLoadIncrease?: boolean };
  if (!r.isRunner) return "Not a runner.";
  // Stored in km; the clinic may have asked in miles, so both are shown.
  const km =
    typeof r.kmPerWeek === "number"
      ? `Runs ${r.kmPerWeek} km (${toShown(r.kmPerWeek, KM_PER_MILE)} miles) a week`
      : "Runs (distance not given)";
  return r.recentLoadIncrease
    ? `${km}; a sharp rise in distance, speed work, hills or a new surface in the last 4–6 weeks.`
    : `${km}; no sharp rise in training load in the last 4–6 weeks.`;
}

/** The two optional screens' results in words, as triage-rules.md defines them. */
export function scoreWords(scores: unknown, answers: DraftAnswers): { outlook: string; function: string } {
  const s = (scores && typeof scores === "object" ? scores : {}) as {
    outlook?: { total?: unknown; psychosocial?: unknown; risk?: unknown } | null;
    function?: { percent?: unknown; band?: unknown; answeredSections?: unknown } | null;
  };
  const o = s.outlook;
  const outlook =
    o && typeof o.total === "number" && typeof o.risk === "string"
      ? `${o.risk} risk, ${o.total} of 9${typeof o.psychosocial === "number" ? ` (${o.psychosocial} of 5 on the worry and mood items)` : ""}`
      : "not collected (the patient skipped it)";
  const f = s.function;
  let fn: string;
  if (f && typeof f.percent === "number" && typeof f.band === "string") {
    const answered = typeof f.answeredSections === "number" && f.answeredSections < 10 ? f.answeredSections : null;
    fn = `${f.percent} %, ${BAND_WORDS[f.band] ?? f.band}${answered !== null ? ` (${answered} of 10 parts answered)` : ""}`;
  } else {
    const sections = getPath(answers, "function.sections");
    const answered = Array.isArray(sections) ? sections.filter((x) => x !== null).length : null;
    fn =
      answered === null
        ? "not collected (the patient skipped it)"
        : `not scored: ${answered} of 10 parts answered (at least 8 are needed)`;
  }
  return { outlook, function: fn };
}

/** An answered pre-visit check as staff read it: when, pain, the trend, any red flag, and what followed. */
export type CheckSummary = {
  id: string;
  answeredAt: Date;
  appointmentStartsAt: Date;
  /** The recheck's pain question (worst in the last 24 hours), 0–10; null when the answers cannot be read. */
  pain: number | null;
  /** "Much better", "A bit better", "About the same", "Worse". */
  trend: string | null;
  /** The red-flag questions answered yes or not sure (and weak legs, a pain getting worse or spreading). */
  redFlags: string[];
  /** The intake a worse answer graded, and its level (the level that acts). */
  regrade: { intakeId: string; level: Level | null } | null;
  gaveBack: boolean;
};

const CHECK_FLAG_WORDS: Record<string, string> = {
  saddleNumbness: "numbness between the legs",
  bladderChange: "bladder change",
  bowelChange: "bowel change",
  sexualFunctionChange: "change in sexual function",
};

/** One answered check in staff words (pure). */
export function checkSummary(row: {
  id: string;
  answeredAt: Date | null;
  appointmentStartsAt: Date;
  answers: unknown;
  regradeIntakeId: string | null;
  regradeLevel: string | null;
  gaveBackAt: Date | null;
}): CheckSummary {
  const answers = storedAnswers(row.answers);
  const redFlags: string[] = [];
  if (answers) {
    for (const [item, words] of Object.entries(CHECK_FLAG_WORDS)) {
      const value = answers.cauda[item as keyof typeof answers.cauda];
      if (value === "yes") redFlags.push(words);
      if (value === "unsure") redFlags.push(`${words} (not sure)`);
    }
    if (answers.legs.weakness !== "none")
      redFlags.push(answers.legs.weakness === "both_legs" ? "weakness in both legs" : "weakness in one leg");
    if (answers.legs.difficultyWalking) redFlags.push("difficulty walking");
    if (answers.pain.pattern === "worsening") redFlags.push("pain getting worse");
    if (answers.pain.pattern === "peripheralising") redFlags.push("pain spreading down the leg");
  }
  return {
    id: row.id,
    answeredAt: row.answeredAt ?? row.appointmentStartsAt,
    appointmentStartsAt: row.appointmentStartsAt,
    pain: answers?.pain.intensity ?? null,
    trend: answers ? TREND_WORDS[answers.trend] : null,
    redFlags,
    regrade: row.regradeIntakeId ? { intakeId: row.regradeIntakeId, level: row.regradeLevel as Level | null } : null,
    gaveBack: row.gaveBackAt !== null,
  };
}
