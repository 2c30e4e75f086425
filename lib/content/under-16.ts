// The under-16 page (triage-rules.md, "Under-16 route"): when Y1 fired and no EMERGENCY rule did,
// the result is never a booking page. It sends the family to their GP or a children's service
// (today when the level is URGENT), and its emergency signs are the child's rule-aware safety net.

export type Under16Page = {
  readonly label: string;
  readonly heading: string;
  readonly lines: readonly string[];
  /** Points to the page's lists of signs (the child's safety net). */
  readonly signs: string;
};

export const UNDER_16_FORM = "This form is for people aged 16 and over.";
export const SHOW_A_PARENT = "If you are under 16, show this page to a parent or carer.";

/** The under-16 note shown after the emergency cards when an EMERGENCY rule fired for a child. */
export const UNDER_16_AFTER_EMERGENCY: readonly string[] = [
  UNDER_16_FORM,
  "After the emergency department has seen you, your GP (family doctor) or a children's (paediatric) service should look after this back pain.",
  SHOW_A_PARENT,
];

/** The under-16 page's words; `urgent` when the level is URGENT (Y2 or any U rule). */
export function under16Page({ urgent }: { urgent: boolean }): Under16Page {
  const when = urgent ? "today" : "within the next few days";
  return {
    label: urgent ? "Urgent: see a doctor today" : "Soon: see a doctor in the next few days",
    heading: urgent
      ? "See your GP or a children's doctor today"
      : "See your GP or a children's doctor in the next few days",
    lines: [
      UNDER_16_FORM,
      `Please see your GP (family doctor) or a children's (paediatric) service about this back pain ${when}.`,
      SHOW_A_PARENT,
    ],
    signs:
      "The lists below show which signs mean going to an emergency department now, and which mean getting help the same day.",
  };
}
