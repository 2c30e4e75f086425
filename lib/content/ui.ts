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
  /** Shown, without error styling, when an answer brings follow-up questions the patient has not seen yet. */
  moreDetailTitle: "We need a little more detail about your answers",
  moreDetail: "Please answer the new questions on this page, then continue.",
  newQuestion: "New question",
  privacyAgreed: "Agreed",
  stepOf: (current: number, total: number) => `Step ${current} of ${total}`,
  /** Shown on both optional screens: the wording is ours, not a published questionnaire's. */
  ownWording:
    "We wrote these questions ourselves. They cover the same topics as well-known back pain questionnaires, " +
    "but they are not copies of them.",
} as const;

/** The emergency page shown when an answer on a safety page means the patient needs help now. */
export const INTERRUPT_TEXT = {
  pageTitle: "Get help now",
  sendHeading: "Tell the clinic",
  sendLead: "Send your answers so the clinic knows. Someone will call you to check that you got help.",
  send: "Send my answers to the clinic now",
  sending: "Sending…",
  changeHeading: "Did you choose an answer by mistake?",
  goBack: "Go back and change an answer",
} as const;
