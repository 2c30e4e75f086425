import type { Level } from "@/lib/triage";

export type Eligibility = { canSelfBook: boolean; withinDays: number | null };

/** What eligibility reads of a stored grade: its level and the ids of the rules that fired. */
export type GradeForBooking = {
  level: Level | string;
  /** A clinician's override, else the grade: what acts when present. */
  effectiveLevel?: Level | string;
  firedRules: readonly string[];
  /**
   * Graded during the silent pilot (issue 22): the patient was not told the grade, so it limits
   * nothing they book, until a clinician changes the level (then that level acts as usual).
   */
  silent?: boolean;
};

/** A silent-pilot intake whose level no clinician has changed: it books as the least restricted grade. */
export function booksWithoutGrade({ level, effectiveLevel, silent }: GradeForBooking): boolean {
  return silent === true && (effectiveLevel === undefined || effectiveLevel === level);
}

/**
 * The level whose appointment types a grade may book (lib/booking/schedule.ts pickType): the
 * effective level, or null (every type a patient may book themselves) for a silent-pilot intake.
 */
export function typeLevelFor(grade: GradeForBooking): string | null {
  return booksWithoutGrade(grade) ? null : String(grade.effectiveLevel ?? grade.level);
}

/**
 * Whether a patient moving their appointment may move only into the urgent type's reserved times
 * (within URGENT_DAYS): the grade that governs now is URGENT and acts (not a silent-pilot grade the
 * patient was never told).
 */
export function movesAsUrgent(grade: GradeForBooking): boolean {
  return !booksWithoutGrade(grade) && (grade.effectiveLevel ?? grade.level) === "URGENT";
}

/** Y1 (under 16) sends the patient to the under-16 page: a GP or a children's service, never a booking. */
export const UNDER_16_RULE = "Y1";

/**
 * What a grade may book (the effective level: a clinician's override acts, up or down) (triage-rules.md): EMERGENCY nothing; URGENT only through staff, from
 * reserved urgent capacity; SOON only within 7 days (nothing when Y1 fired: the under-16 route);
 * ROUTINE and SELF_CARE anything in the horizon. A silent-pilot intake books like ROUTINE.
 */
export function eligibilityFor(grade: GradeForBooking): Eligibility {
  const { level, effectiveLevel, firedRules } = grade;
  if (firedRules.includes(UNDER_16_RULE)) return { canSelfBook: false, withinDays: null };
  // The silent pilot: no limits by grade (the under-16 route above is about age, not the grade, and stays).
  if (booksWithoutGrade(grade)) return { canSelfBook: true, withinDays: null };
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
