// The warning signs every page below EMERGENCY lists (triage-rules.md, "Levels" and "Same-day
// safety net"): the fixed nerve-compression signs always under "go now", then each safety-net
// symptom under "go now" or "same day" as the engine graded it for this patient's answers.
import type { SafetyNet, SafetyNetSymptom } from "@/lib/triage";

/**
 * The nerve-compression warning signs. Only symptoms that grade EMERGENCY for every patient may be
 * here (triage-rules.md, "Levels"); the others are in the rule-aware safety net.
 */
export const WARNING_SIGNS = {
  heading: "Go to an emergency department now if you get any of these",
  signs: [
    "Numbness or tingling between your legs, around your genitals or around your back passage (anus)",
    "New difficulty passing urine (peeing), or not being able to pass urine at all. If you cannot pass urine at all, call an ambulance.",
    "Leaking urine, or not feeling urine when it passes",
    "Loss of control of your bowels, or not feeling when your bowel is full or when you poo",
    "Weakness in both legs",
  ],
  action:
    "Do not wait for an appointment or a phone call. Do not drive yourself. Call an ambulance if you cannot get there safely.",
  refill: "If anything changes, fill the form in again.",
} as const;

/** What each safety-net symptom is called on the page (the spec's "symptom shown"). */
export const SAFETY_NET_LABELS: { readonly [S in SafetyNetSymptom]: string } = {
  SN_FEVER: "A fever, shivers or shaking chills, or soaking sweats",
  SN_UNWELL: "Feeling very unwell in yourself",
  SN_CONFUSION: "New confusion or muddled thinking",
  SN_LEG_WEAK: "New or worsening weakness in a leg, or a foot that catches or drags",
  SN_WALK: "New unsteadiness or trouble walking (not just because it hurts)",
  SN_ARM_WEAK: "New weakness or clumsiness in an arm or hand",
  SN_ARM_TINGLE: "New numbness or tingling in an arm or hand",
  SN_BOTH_LEGS: "Numbness or tingling in both legs",
  SN_NIGHT: "Pain that stops you sleeping every night",
};

export const GO_NOW_HEADING = "Go to an emergency department now (call an ambulance if you cannot get there safely)";
export const SAME_DAY_HEADING = "Get help the same day: call the clinic, or NHS 111 when it is closed";

/** The same-day heading with the clinic's out-of-hours number (SAME_DAY_HEADING when none is set). */
export function sameDayHeading(outOfHoursPhone: string | null | undefined): string {
  const phone = outOfHoursPhone?.trim();
  return phone ? `Get help the same day: call the clinic, or ${phone} when it is closed` : SAME_DAY_HEADING;
}

export type SafetyNetList = {
  /** A short text tag beside the icon, so the two lists differ by more than colour. */
  readonly tag: string;
  readonly heading: string;
  readonly lead: string;
  readonly items: readonly string[];
};

export type SafetyNetContent = {
  readonly goNow: SafetyNetList;
  /** Null when every symptom is a "go now" one (or the version has no safety net). */
  readonly sameDay: SafetyNetList | null;
  readonly action: string;
  readonly refill: string;
};

/**
 * The warning signs of a page below EMERGENCY. `net` is the engine's safety net for the intake
 * (ruleset 2026.12 on); null for an intake graded under 2026.11, which had none: then only the
 * fixed signs are listed. `outOfHoursPhone`: who to call while the clinic is closed (NHS 111 when not set).
 */
export function safetyNetContent(net: SafetyNet | null, outOfHoursPhone?: string | null): SafetyNetContent {
  const label = (s: SafetyNetSymptom) => SAFETY_NET_LABELS[s];
  const sameDay = net?.sameDay.map(label) ?? [];
  return {
    goNow: {
      tag: "Go now",
      heading: GO_NOW_HEADING,
      lead: "If you get any of these:",
      items: [...WARNING_SIGNS.signs, ...(net?.goNow.map(label) ?? [])],
    },
    sameDay: sameDay.length
      ? { tag: "Same day", heading: sameDayHeading(outOfHoursPhone), lead: "If you get any of these:", items: sameDay }
      : null,
    action: WARNING_SIGNS.action,
    refill: WARNING_SIGNS.refill,
  };
}
