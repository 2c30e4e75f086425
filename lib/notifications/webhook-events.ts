// The webhook events an endpoint can subscribe to, and what each means (no server code: the
// settings page's create form, a client component, lists them).
/** The events an endpoint can subscribe to. */
export const WEBHOOK_EVENTS = [
  "intake.graded",
  "case.escalated",
  "case.overdue",
  "case.resolved",
  "appointment.booked",
  "appointment.moved",
  "appointment.cancelled",
  "waitlist.offered",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What each event means, as the settings page and the API reference say it. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Readonly<Record<WebhookEvent, string>> = {
  "intake.graded": "a patient's answers were graded (every intake, and every re-grade)",
  "case.escalated": "a case needs a call (EMERGENCY, URGENT, no capacity, level raised)",
  "case.overdue": "a case was not acknowledged, or not reviewed, in time",
  "case.resolved": "a case was closed",
  "appointment.booked": "an appointment was booked, by the patient or by staff",
  "appointment.moved": "an appointment was moved to another time",
  "appointment.cancelled": "an appointment was cancelled",
  "waitlist.offered": "a freed time was offered to a waiting patient",
};
