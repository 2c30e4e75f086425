// Small words used across the form, so every page says them the same way.

/** Buttons, links and shared answer labels (GOV.UK patterns). */
export const FORM_TEXT = {
  continue: "Continue",
  back: "Back",
  skip: "Skip this section",
  change: "Change",
  send: "Send form",
  optional: "(optional)",
  yes: "Yes",
  no: "No",
  dontKnow: "I don't know",
  errorSummaryTitle: "There is a problem",
  stepOf: (current: number, total: number) => `Step ${current} of ${total}`,
  /** Shown on both optional screens: the wording is ours, not a published questionnaire's. */
  ownWording:
    "We wrote these questions ourselves. They cover the same topics as well-known back pain questionnaires, " +
    "but they are not copies of them.",
} as const;
