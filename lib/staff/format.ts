import { contractVersionOf, flagText, ruleText, type Level } from "@/lib/triage";

export { LEVEL_NAMES } from "@/common/vocabulary";

export const REASON_NAMES: Record<string, string> = {
  level: "Graded",
  no_capacity: "No time within 7 days",
  overdue: "Overdue",
  override: "Raised by a clinician",
  call_to_book: "Call to book (raised by a clinician)",
  silent_pilot: "Silent pilot: triage by hand",
};

/** A rule's plain summary, as released in the ruleset version that graded the intake. */
export function ruleSummary(version: string, id: string): string {
  return ruleText(version, id)?.summary ?? id;
}

/** A rule's sources, as released in the ruleset version that graded the intake. */
export function ruleSources(version: string, id: string): readonly string[] {
  return ruleText(version, id)?.sources ?? [];
}

/** A clinician flag's summary, as released in the ruleset version that raised it. */
export function flagSummary(version: string, id: string): string {
  return flagText(version, id)?.summary ?? id;
}

/** Why a stored intake got its grade, in the words of the ruleset version that graded it. */
export type GradeExplanation = {
  rulesetVersion: string;
  contractVersion: string;
  /** The page the patient sent the form from (the emergency page after it), or null for a complete form. */
  stoppedAt: string | null;
  firedRules: { id: string; level: Level | null; summary: string; sources: readonly string[] }[];
  flags: { id: string; summary: string }[];
};

/** Explains a stored grade by its own version's texts (never today's rules), for the case page and the staff API. */
export function explainGrade(intake: {
  rulesetVersion: string;
  firedRules: readonly string[];
  flags: readonly string[];
  answers: unknown;
}): GradeExplanation {
  const version = intake.rulesetVersion;
  const stoppedAt = (intake.answers as { stoppedAt?: unknown } | null)?.stoppedAt;
  return {
    rulesetVersion: version,
    contractVersion: contractVersionOf(version),
    stoppedAt: typeof stoppedAt === "string" ? stoppedAt : null,
    firedRules: intake.firedRules.map((id) => {
      const text = ruleText(version, id);
      return { id, level: text?.level ?? null, summary: text?.summary ?? id, sources: text?.sources ?? [] };
    }),
    flags: intake.flags.map((id) => ({ id, summary: flagSummary(version, id) })),
  };
}

/** The form pages by the name `stoppedAt` uses, as staff read them. */
export const FORM_PAGE_NAMES: Record<string, string> = {
  "vascular-check": "the vascular check (tearing pain, fainting, tummy pain)",
  "nerve-check": "the nerve check (legs, arms, bladder, bowel)",
  "health-history": "the health history",
};

/** "1 day", "3 days", "1 intake", "2 appointments": a count with its noun in the right number. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "12 min", "3 h 5 min", "2 days" */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  return plural(Math.floor(hours / 24), "day");
}

/** Why a case is on the review list when its level or a flag is not the reason (issue 20). */
export const REVIEW_REASON_NAMES: Record<string, string> = {
  not_improving: "Not improving at a check-in",
  run_plan_stopped: "Running plan stopped by its pain rules",
  worse_not_regraded: "Worse at a check-in, not re-graded (answers to an older form)",
};
