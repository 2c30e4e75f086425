// Every email template and its subject line, under the names lib/notifications/render.ts uses.
export { default as AppointmentReminderEmail, subject as appointmentReminderSubject } from "./appointment-reminder";
export { default as BookingCancelledEmail, subject as bookingCancelledSubject } from "./booking-cancelled";
export { default as BookingConfirmationEmail, subject as bookingConfirmationSubject } from "./booking-confirmation";
export { default as BookingRescheduledEmail, subject as bookingRescheduledSubject } from "./booking-rescheduled";
export { default as PreVisitCheckEmail, subject as preVisitCheckSubject } from "./pre-visit-check";
export { default as MyBackLinkEmail, subject as myBackLinkSubject } from "./my-back-link";
export { default as RecoveryCheckinEmail, subject as recoveryCheckinSubject } from "./recovery-checkin";
export { default as RunPlanWeekEmail, subject as runPlanWeekSubject } from "./run-plan-week";
export { default as LevelReviewedEmail, subject as levelReviewedSubject } from "./level-reviewed";
export { default as SelfCareCheckinEmail, subject as selfCareCheckinSubject } from "./self-care-checkin";
export { default as SelfCareReceivedEmail, subject as selfCareReceivedSubject } from "./self-care-received";
export { default as StaffAlertEmail, subject as staffAlertSubject } from "./staff-alert";
export { default as StaffDigestEmail, subject as staffDigestSubject } from "./staff-digest";
export { default as WaitlistOfferEmail, subject as waitlistOfferSubject } from "./waitlist-offer";
export { EmailLayout } from "./layout";
export type * from "./types";
