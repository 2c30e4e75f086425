// A waiting patient's availability in the words the booking pages use ("Monday morning and
// evening"). Pure: the page names the clinic's zone beside these.
import { DAY_PARTS, WEEKDAY_KEYS, type Availability, type DayPart, type WeekdayKey } from "./availability";

/** Weekday names, by key, in ISO order. */
export const WEEKDAY_NAMES: Record<WeekdayKey, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** Each part of the day and the clock times it covers, as the patient reads them. */
export const DAY_PART_WORDS: Record<DayPart, { name: string; hours: string }> = {
  morning: { name: "Morning", hours: "before 12 pm" },
  afternoon: { name: "Afternoon", hours: "12 to 5 pm" },
  evening: { name: "Evening", hours: "after 5 pm" },
};

const joinWords = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;

/**
 * One line per chosen day, in weekday order, parts in the order of the day: ["Monday morning",
 * "Wednesday afternoon and evening", "Friday, any time of day"]; ["Any day and time"] for "any".
 */
export function availabilityInWords(availability: Availability): string[] {
  if (availability === "any") return ["Any day and time"];
  return WEEKDAY_KEYS.flatMap((key) => {
    const chosen = availability[key];
    if (!chosen?.length) return [];
    const parts = DAY_PARTS.filter((p) => chosen.includes(p));
    if (parts.length === DAY_PARTS.length) return [`${WEEKDAY_NAMES[key]}, any time of day`];
    return [`${WEEKDAY_NAMES[key]} ${joinWords(parts.map((p) => DAY_PART_WORDS[p].name.toLowerCase()))}`];
  });
}
