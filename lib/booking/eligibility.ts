import type { Level } from "@/lib/triage";

export type Eligibility = { canSelfBook: boolean; withinDays: number | null };

/** What eligibility reads of a stored grade: its level and the ids of the rules that fired. */
export type GradeForBooking = {
  level: Level | string;
  /** A clinician's override, else the grade: what acts when present. */
  effectiveLevel?: Level | string;
  firedRules: readonly string[];
};

/** Y1 (under 16) sends the patient to the under-16 page: a GP or a children's service, never a booking. */
export const UNDER_16_RULE = "Y1";

/**
 * What a grade may book (the effective level: a clinician's override acts, up or down) (triage-rules.md): EMERGENCY nothing; URGENT only through staff, from
 * reserved urgent capacity; SOON only within 7 days (nothing when Y1 fired: the under-16 route);
 * ROUTINE and SELF_CARE anything in the horizon.
 */
export function eligibilityFor({ level, effectiveLevel, firedRules }: GradeForBooking): Eligibility {
  if (firedRules.includes(UNDER_16_RULE)) return { canSelfBook: false, withinDays: null };
  switch ((effectiveLevel ?? level) as Level) {
    case "EMERGENCY":
    case "URGENT":
      return { canSelfBook: false, withinDays: null };
    case "SOON":
      return { canSelfBook: true, withinDays: 7 };
    default:
      return { canSelfBook: true, withinDays: null };
  }
}

/** How long a booking link from an intake stays usable. */
export const BOOKING_TOKEN_DAYS = 30;

/**
 * How far ahead an URGENT case's reserved urgent times are offered: to staff booking from the case
 * page, and to the patient moving an URGENT appointment.
 */
export const URGENT_DAYS = 5;
