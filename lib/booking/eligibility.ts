import type { Level } from "@/lib/triage";

export type Eligibility = { canSelfBook: boolean; withinDays: number | null };

/**
 * What a grade may book (triage-rules.md): EMERGENCY nothing; URGENT only through staff, from
 * reserved urgent capacity; SOON only within 7 days; ROUTINE and SELF_CARE anything in the horizon.
 */
export function eligibilityFor(level: Level): Eligibility {
  switch (level) {
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
