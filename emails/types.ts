// The props every email template takes. Templates get text that is already formatted (times in
// the clinic's zone, links made absolute) and never any clinical detail: no symptoms, no answers,
// no level names in patient emails, and no appointment type (a clinic may call one "Urgent review").

/** The clinic's branding and contact details, from its settings. */
export type ClinicBrand = {
  name: string;
  address: string;
  phone: string;
  email: string | null;
  /**
   * The patient's private "My back" page (patient emails only; the footer links to it), and where
   * they stop recovery emails (check-ins and plan steps only).
   */
  myBackUrl?: string;
  stopUrl?: string;
};

/** One appointment as a patient reads it. */
export type AppointmentDetails = {
  /** "Wednesday 2 December 2026 at 9:00 am", in the clinic's zone. */
  when: string;
  /** "New York time": the zone `when` is in, always shown beside it. */
  zone: string;
  clinician: string;
  /** "Physiotherapist" */
  clinicianRole: string;
  durationMinutes: number;
};

export type BookingConfirmationProps = {
  clinic: ClinicBrand;
  firstName: string;
  appointment: AppointmentDetails;
  /** The private link to view, move or cancel. */
  manageUrl: string;
  whatToBring: readonly string[];
  /** Online changes close this many hours before the appointment. */
  cutoffHours: number;
};

export type BookingRescheduledProps = BookingConfirmationProps & {
  /** When it was before, formatted like `appointment.when`. */
  previousWhen: string;
};

export type BookingCancelledProps = {
  clinic: ClinicBrand;
  firstName: string;
  appointment: AppointmentDetails;
  /** Where to start again (the intake form). */
  formUrl: string;
};

export type AppointmentReminderProps = BookingConfirmationProps;

export type AdviceSection = { title: string; points: readonly string[] };

export type SelfCareReceivedProps = {
  clinic: ClinicBrand;
  firstName: string;
  /** General advice for the next two weeks (the same for everyone with this result). */
  sections: readonly AdviceSection[];
  warningSigns: { heading: string; signs: readonly string[]; action: string };
  /** "in about 2 weeks": when we will email to ask how they are. */
  checkInDays: number;
  formUrl: string;
};

export type SelfCareCheckinProps = {
  clinic: ClinicBrand;
  firstName: string;
  /** Fill the form in again. */
  formUrl: string;
};

export type StaffAlertLevel = "EMERGENCY" | "URGENT" | "SOON" | "ROUTINE" | "SELF_CARE";

/**
 * Why a case alerts staff: its grade, no time free within 7 days, a missed acknowledgement, a
 * clinician raising its level, or a review (SOON or flagged) not done in time.
 */
export type StaffAlertReason = "level" | "no_capacity" | "overdue" | "override" | "review_overdue";

/** Staff only. The level and a link, nothing else about the patient (not even the name). */
export type StaffAlertProps = {
  clinic: ClinicBrand;
  level: StaffAlertLevel;
  reason: StaffAlertReason;
  caseUrl: string;
  /** "Tuesday 24 November 2026 at 2:05 pm (New York time)" */
  submittedAt: string;
  /** Acknowledge within this many minutes, when the level has a deadline (used when `deadline` is not known). */
  acknowledgeWithinMinutes: number | null;
  /** When it must be (or was to be) acknowledged or reviewed by, formatted like `submittedAt`; null when none. */
  deadline?: string | null;
  /** The deadline for the subject line: "2:20 pm", or "Wednesday 2 December at 9:00 am" on another day. */
  deadlineShort?: string | null;
};

/** One case in a staff digest: the same facts as a single alert, for each case. */
export type StaffDigestCase = {
  level: StaffAlertLevel;
  /** Every reason it alerted within the digest's minute, in order (usually one). */
  reasons: readonly StaffAlertReason[];
  caseUrl: string;
  submittedAt: string;
  deadline: string | null;
};

/** Staff only: several cases in one email (alerts that came within a minute of the last alert email). */
export type StaffDigestProps = {
  clinic: ClinicBrand;
  /** Most urgent first (EMERGENCY, then URGENT, then the rest), then oldest first. */
  cases: readonly StaffDigestCase[];
};

/** Patient: the clinic has looked at their answers. No level, no clinical word. */
export type LevelReviewedProps = {
  clinic: ClinicBrand;
  firstName: string;
  /** "Tuesday 1 December 2026": the day the answers were sent, in the clinic's zone. */
  submittedOn: string;
  /** Their private result page ("your BackTrack page"). */
  resultUrl: string;
};

export type WaitlistOfferProps = {
  clinic: ClinicBrand;
  firstName: string;
  /** The time offered, as an appointment. */
  appointment: AppointmentDetails;
  /** When the hold ends: "10:30 am (New York time)", or with the day when it is not today. */
  heldUntil: string;
  /** The private, single-use link to take the time or let it go. */
  offerUrl: string;
  /** When the appointment the patient holds is ("Thursday 10 December at 9:00 am"); null when none. */
  earlier: string | null;
};

/** Patient: the short check before a visit. The appointment and one private link; no question in the email. */
export type PreVisitCheckProps = {
  clinic: ClinicBrand;
  firstName: string;
  appointment: AppointmentDetails;
  /** The private link to the check (and, from it, to give the time back). */
  checkUrl: string;
  /** Online changes close this many hours before the appointment. */
  cutoffHours: number;
};

/** A new link to "My back", which the patient asked for. */
export type MyBackLinkProps = { clinic: ClinicBrand; firstName: string; myBackUrl: string };

/** A recovery check-in is open (the week after the form it is, and where to answer it). */
export type RecoveryCheckinProps = { clinic: ClinicBrand; firstName: string; week: number; checkinUrl: string };

/** The running plan's weekly check-in is open. */
export type RunPlanWeekProps = { clinic: ClinicBrand; firstName: string; planUrl: string };
