// Building blocks for the intake schema: every field carries a message a patient understands,
// including the message for a missing answer or an answer of the wrong type.
import { z } from "zod";
import { calendarDate, fullYearsBetween, parseIsoDate } from "./dates";

export const MAX_AGE = 120;

/** Which instant counts as "now" for date checks, and which calendar it falls on. */
export type SchemaClock = {
  /** A fixed instant (tests) or a function read at each parse; defaults to the current time. */
  now?: Date | (() => Date);
  /** IANA time zone whose calendar date counts as "today"; defaults to "UTC", as in gradeIntake. */
  timeZone?: string;
};

/** Today's packed calendar date (yyyymmdd) on the given clock. */
export function todayOn(clock: SchemaClock): number {
  const now = clock.now === undefined ? new Date() : typeof clock.now === "function" ? clock.now() : clock.now;
  return calendarDate(now, clock.timeZone);
}

/** The age a date of birth gives today, or null when the date is not an acceptable birth date. */
export function ageFromValidBirthDate(dateOfBirth: string, today: number): number | null {
  const dob = parseIsoDate(dateOfBirth);
  if (dob < 0 || dob > today) return null;
  const age = fullYearsBetween(dob, today);
  return age > MAX_AGE ? null : age;
}

/** The problem with a date of birth, in plain words, or null when it is acceptable. */
export function birthDateProblem(dateOfBirth: string, today: number): string | null {
  if (dateOfBirth === "") return "Enter your date of birth";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth))
    return "Enter your date of birth as year-month-day, for example 1980-04-23";
  const dob = parseIsoDate(dateOfBirth);
  if (dob < 0) return "Enter a real date of birth: check the day and the month";
  if (dob > today) return "Date of birth cannot be in the future";
  if (fullYearsBetween(dob, today) > MAX_AGE) return `Check your date of birth: it makes you older than ${MAX_AGE}`;
  return null;
}

/** Names a few unexpected keys, shortened, so a huge key is never echoed back whole. */
function unknownKeysMessage(keys: readonly PropertyKey[]): string {
  const shown = keys.slice(0, 5).map((k) => `"${String(k).slice(0, 40)}"`);
  return `This form does not ask for ${shown.join(", ")}${keys.length > 5 ? " and more" : ""}`;
}

/** A strict object: unknown keys (even "__proto__" from JSON.parse) are refused, never dropped. */
export function section<Shape extends z.ZodRawShape>(shape: Shape, missing: string) {
  return z.strictObject(shape, {
    error: (iss) => (iss.code === "unrecognized_keys" ? unknownKeysMessage(iss.keys) : missing),
  });
}

/** A yes/no question. */
export const yesNo = () => z.boolean({ error: "Answer yes or no" });

/** A question with "not sure" as an answer of its own, never read as "no". */
export const yesNoUnsure = () => z.enum(["yes", "no", "unsure"], { error: "Answer yes, no or not sure" });

/** Trimmed text of 1..max characters. */
export function text(max: number, missing: string, tooLong: string) {
  return z.string({ error: missing }).trim().min(1, { error: missing, abort: true }).max(max, { error: tooLong });
}

/** A whole number in min..max; `missing` covers no answer or not a number. */
export function wholeNumber(min: number, max: number, missing: string, outOfRange: string) {
  return z
    .number({ error: missing })
    .int({ error: "Enter a whole number", abort: true })
    .min(min, { error: outOfRange })
    .max(max, { error: outOfRange });
}

/** Days since something began: a whole number 0..36500, or null for "I don't know". */
export function days(missing: string) {
  return wholeNumber(0, 36500, missing, "Enter a number of days from 0 to 36500").nullable();
}

/** Adds a cross-field issue at `path` (relative to the value being refined). */
export function issue(ctx: z.RefinementCtx, path: (string | number)[], message: string): void {
  ctx.addIssue({ code: "custom", path, message });
}
