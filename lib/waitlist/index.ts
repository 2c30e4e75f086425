// The urgency-ordered waitlist's pure core: who may be offered a freed time, and in what order.
// No database, framework or environment: the worker, the API and the staff pages load the data
// and call these.
export type { Availability, DayPart, WeekdayKey } from "./availability";
export { availabilitySchema, DAY_PARTS, fitsAvailability, partOfDay, WEEKDAY_KEYS } from "./availability";
export type { FreedTime, StoredEntry, WaitlistEntry, WaitlistLevel } from "./entry";
export { deadlineFor, entryFrom, fitsEntry } from "./entry";
export type { WaitlistJoin } from "./join";
export { waitlistJoinSchema } from "./join";
export { bestEntryFor, compareEntries, rankEntries, whyRanked } from "./order";
