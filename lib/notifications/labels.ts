/** What each kind of email is, in words, for the development mailbox and the staff case page. */
const KIND_LABELS: Record<string, string> = {
  booking_confirmation: "Booking confirmation",
  booking_rescheduled: "Appointment moved",
  booking_cancelled: "Cancellation",
  appointment_reminder: "Reminder",
  intake_self_care: "Advice after the form",
  self_care_checkin: "Two-week check-in",
  staff_escalation: "Staff alert",
};

/** The words for an email kind. */
export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;
