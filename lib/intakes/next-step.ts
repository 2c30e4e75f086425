import type { Level } from "@/lib/triage";

/** What the patient may do now, by level; booking links are added per response (see api.ts). */
export type NextStep = {
  action: "emergency" | "await_call" | "book" | "self_care";
  message: string;
  canBook: boolean;
  /** SOON: only appointments within this many days are offered. */
  bookWithinDays: number | null;
};

const STEPS: Record<Level, NextStep> = {
  EMERGENCY: {
    action: "emergency",
    message:
      "Go to the nearest emergency department now. Do not drive yourself. The clinic has been told and will call you.",
    canBook: false,
    bookWithinDays: null,
  },
  URGENT: {
    action: "await_call",
    message:
      "A clinician will phone you today. If the warning signs appear or you get worse before then, go to the emergency department.",
    canBook: false,
    bookWithinDays: null,
  },
  SOON: {
    action: "book",
    message: "Choose an appointment within the next 7 days.",
    canBook: true,
    bookWithinDays: 7,
  },
  ROUTINE: { action: "book", message: "Choose an appointment that suits you.", canBook: true, bookWithinDays: null },
  SELF_CARE: {
    action: "self_care",
    message: "This looks likely to settle with the right self-care. You can still book an appointment if you want one.",
    canBook: true,
    bookWithinDays: null,
  },
};

/** The next step for a level. */
export function nextStepFor(level: Level): NextStep {
  return STEPS[level];
}
