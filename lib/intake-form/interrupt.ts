// The early red-flag interrupt (triage-rules.md, "Early red-flag interrupt"): after each safety page
// the answers so far are graded as an early submission from that page, with the later sections null,
// and an EMERGENCY sends the patient to the emergency page instead of the next page. Pure.
import type { StepId } from "@/lib/content";
import { checkIntake } from "@/lib/intakes/check";
import { FORM_PAGES, gradeIntake, type FormPage, type Grade, type IntakeAnswers } from "@/lib/triage";
import type { DraftAnswers } from "./model";
import { FORM_ONLY, getPath } from "./parse";

/** The contract's form page each screen belongs to: the nerve check and the health pages have 2 screens each. */
export const FORM_PAGE_OF: Partial<Record<StepId, FormPage>> = {
  "vascular-check": "vascular-check",
  legs: "nerve-check",
  "nerve-check": "nerve-check",
  "recent-illness": "health-history",
  "health-history": "health-history",
};

/** Screens after which the form checks for an emergency: every one up to the last safety page. */
export const CHECKED_STEPS: readonly StepId[] = [
  "about-you",
  "where-it-hurts",
  "this-episode",
  "how-it-feels",
  "vascular-check",
  "legs",
  "nerve-check",
  "recent-illness",
  "health-history",
];

/** Where the draft remembers the emergency page (under `_form`): the form page it follows and the screen that led to it. */
export const EMERGENCY_KEY = "emergency";

export type EmergencyMark = { page: FormPage; step: StepId };

const ANSWERED: Record<FormPage, readonly string[]> = {
  "vascular-check": [],
  "nerve-check": ["legs", "cauda"],
  "health-history": ["legs", "cauda", "history"],
};
const LATER = ["legs", "cauda", "history", "inflammatory", "running", "outlook", "function"];

/** The intake an early submission from the emergency page after `page` sends: later sections are null. */
export function earlyAnswers(draft: DraftAnswers, page: FormPage): DraftAnswers {
  const out: DraftAnswers = {
    contact: draft.contact,
    consent: draft.consent,
    stoppedAt: page,
    pain: draft.pain,
    vascular: draft.vascular,
  };
  for (const key of LATER) out[key] = ANSWERED[page].includes(key) ? draft[key] : null;
  return out;
}

export type EarlyGrade = { page: FormPage; answers: IntakeAnswers; grade: Grade };

/** Whether the draft has the privacy notice agreed (asked on the first page). */
export const consentGiven = (draft: DraftAnswers) => getPath(draft, "consent.privacyNotice") === true;

/**
 * The answers so far graded as an early submission from the last safety page answered in full,
 * or null before the first safety page is complete. The check needs no consent (nothing is sent):
 * a draft begun before the privacy notice moved to the first page is still checked.
 */
export function gradeSoFar(draft: DraftAnswers, clock: { now: Date; timeZone: string }): EarlyGrade | null {
  for (const page of [...FORM_PAGES].reverse()) {
    const checked = checkIntake({ ...earlyAnswers(draft, page), consent: { privacyNotice: true } }, clock);
    if (checked.ok) return { page, answers: checked.answers, grade: gradeIntake(checked.answers, clock) };
  }
  return null;
}

/** The early grade when it is an emergency: the patient must see the emergency page. */
export function emergencySoFar(draft: DraftAnswers, clock: { now: Date; timeZone: string }): EarlyGrade | null {
  const early = gradeSoFar(draft, clock);
  return early?.grade.level === "EMERGENCY" ? early : null;
}

/** The emergency page remembered in the draft, if any. */
export function emergencyMark(draft: DraftAnswers): EmergencyMark | null {
  const mark = getPath(draft, `${FORM_ONLY}.${EMERGENCY_KEY}`) as Partial<EmergencyMark> | undefined;
  return mark && typeof mark.page === "string" && typeof mark.step === "string" ? (mark as EmergencyMark) : null;
}
