// What the patient's booking forms send: the chosen time (confirm, move) and a cancellation's
// reason. The pages post hidden fields they filled themselves, so a value that does not parse was
// changed on the way: the actions answer it like a time no longer free (choose again).
import { z } from "zod";
import { CONTROL_CHARACTER, oneLineText, withoutControlCharacters } from "@/lib/forms";

const chooseAgain = "Choose a time from the list";

/** A chosen time: the clinician and the start, as the slot picker gives them. */
export const chosenSlotSchema = z.object({
  clinicianId: z.uuid({ error: chooseAgain }),
  start: z.iso.datetime({ offset: true, error: chooseAgain }).transform((value) => new Date(value)),
});

/** Confirming a new booking: the booking link's token and the chosen time. */
export const confirmBookingSchema = chosenSlotSchema.extend({
  token: z
    .string({ error: "Open the booking link from your result page again" })
    .min(1, { error: "Open the booking link from your result page again" })
    .refine(oneLineText, CONTROL_CHARACTER),
});

/** Moving an appointment: the chosen time, and the re-graded intake after "something got worse". */
export const rescheduleSchema = chosenSlotSchema.extend({
  regrade: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.uuid({ error: "Answer the questions about how things are now again" }).optional(),
  ),
});

/**
 * Cancelling: the reason, optional (at most 500 characters are kept). Never refused (the cancel
 * form shows no errors), so control characters are dropped instead: they never reach the database.
 */
export const cancelSchema = z.object({
  reason: z
    .string()
    .optional()
    .transform(
      (value) => (value === undefined ? "" : withoutControlCharacters(value)).trim().slice(0, 500) || "No reason given",
    ),
});
