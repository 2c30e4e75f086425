// What a patient reads after the form while the clinic runs its silent pilot (issue 22): a neutral
// thank-you, no level and no advice by level. The warning signs (safety-net.ts) are still listed.

/** The result page and the intake API's `next.message` for a silent-pilot intake. */
export const SILENT_RESULT = {
  heading: "Thank you, we have your answers",
  lead: "The clinic will contact you about what happens next, usually within one working day.",
  /** The API's next.message: the same, in one line. */
  message:
    "Thank you, we have your answers. The clinic will contact you about what happens next, usually within one working day.",
  contactHeading: "Contact the clinic",
  contactLead: "If you have a question, or your back gets worse before the clinic contacts you:",
  bookHeading: "Book an appointment",
  bookLead: "You can choose an appointment now if you want one. You do not have to wait for the clinic to contact you.",
  book: "Book an appointment",
  noBook: "The clinic will contact you to arrange the right care.",
  emergency: (emergencyNumber: string | null) =>
    `If you feel very unwell, or you think it is an emergency, go to an emergency department or call ${emergencyNumber?.trim() || "the emergency number"} now.`,
} as const;
