// Wording about appointments shared by the manage page and the booking emails.

/** What a patient should bring to any appointment. */
export const WHAT_TO_BRING: readonly string[] = [
  "Comfortable clothes you can move in, and your running shoes if you run.",
  "A list of any medicines you take.",
  "Any scans or letters about your back.",
];
