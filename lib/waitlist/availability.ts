// When a waiting patient can come: "any" time, or chosen parts of the day on chosen weekdays, read
// on the clinic's clock. Pure: plain data in and out, time-zone maths only through lib/scheduling.
import { z } from "zod";
import { isoWeekday, localDate, localTime, parseClock, parseLocalDate } from "@/lib/scheduling/zoned";

/** Weekday keys in ISO order: index + 1 is the ISO weekday (1 = Monday). */
export const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** Parts of the clinic's day: morning before 12:00, afternoon 12:00 to before 17:00, evening from 17:00. */
export const DAY_PARTS = ["morning", "afternoon", "evening"] as const;
export type DayPart = (typeof DAY_PARTS)[number];

/** "any", or for each chosen weekday the parts of the day that suit the patient. */
export type Availability = "any" | Partial<Record<WeekdayKey, DayPart[]>>;

const NOON = 12 * 60;
const FIVE_PM = 17 * 60;

const AVAILABILITY_ERROR =
  'Choose "any", or the days and parts of the day that suit you, e.g. {"mon": ["morning", "afternoon"]}';
const PART_ERROR = 'Parts of the day are "morning", "afternoon" and "evening"';

const isDayParts = (parts: string[]): parts is DayPart[] =>
  parts.every((p) => (DAY_PARTS as readonly string[]).includes(p));

const partsSchema = z
  .array(z.string({ error: PART_ERROR }), { error: "List the parts of the day that suit you on this day" })
  .min(1, { error: "Choose at least one part of the day, or leave this day out" })
  .refine(isDayParts, { error: PART_ERROR })
  .refine((parts) => new Set(parts).size === parts.length, { error: "Choose each part of the day only once" });

const daysSchema = z
  .strictObject(
    {
      mon: partsSchema.optional(),
      tue: partsSchema.optional(),
      wed: partsSchema.optional(),
      thu: partsSchema.optional(),
      fri: partsSchema.optional(),
      sat: partsSchema.optional(),
      sun: partsSchema.optional(),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys" ? "Days are mon, tue, wed, thu, fri, sat and sun" : AVAILABILITY_ERROR,
    },
  )
  .refine((days) => Object.values(days).some((parts) => parts !== undefined), {
    error: 'Choose at least one day, or "any"',
  });

/**
 * A patient's availability: "any" or weekday keys with distinct parts of the day. Unknown keys are
 * refused so a misspelt day ("mon2") is never silently dropped, leaving the patient on a list that
 * can never offer them the day they meant.
 */
export const availabilitySchema: z.ZodType<Availability> = z.union([z.literal("any"), daysSchema], {
  error: AVAILABILITY_ERROR,
});

/** The part of the day of a clinic-local "HH:MM" time. */
export function partOfDay(localHHMM: string): DayPart {
  const minutes = parseClock(localHHMM);
  if (minutes < NOON) return "morning";
  if (minutes < FIVE_PM) return "afternoon";
  return "evening";
}

/** Whether a time starting at `slotStart` falls on a weekday and part of the day the patient chose, in the clinic's zone. */
export function fitsAvailability(slotStart: Date, availability: Availability, timeZone: string): boolean {
  if (availability === "any") return true;
  const weekday = isoWeekday(parseLocalDate(localDate(slotStart, timeZone)));
  const key = WEEKDAY_KEYS[weekday - 1];
  const parts = key === undefined ? undefined : availability[key];
  return parts?.includes(partOfDay(localTime(slotStart, timeZone))) ?? false;
}
