/** What each kind of email (or webhook delivery) is, in words, for the development mailbox and staff pages. */
const KIND_LABELS: Record<string, string> = {
  booking_confirmation: "Booking confirmation",
  booking_rescheduled: "Appointment moved",
  booking_cancelled: "Cancellation",
  appointment_reminder: "Reminder",
  intake_self_care: "Advice after the form",
  self_care_checkin: "Two-week check-in",
  level_reviewed: "Answers reviewed",
  waitlist_offer: "Waitlist offer",
  pre_visit_check: "Pre-visit check",
  my_back_link: "My back link",
  recovery_checkin: "Recovery check-in",
  run_plan_week: "Running plan step",
  staff_escalation: "Staff alert",
  staff_digest: "Staff alert digest",
  webhook: "Webhook delivery",
};

/** The words for an email kind. */
export const kindLabel = (kind: string) => (Object.hasOwn(KIND_LABELS, kind) ? KIND_LABELS[kind]! : kind);
