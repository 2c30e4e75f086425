// The settings changes that ask first (they take something away at once): which one, and of what.
import { z } from "zod";

export const CONFIRM_ACTIONS = ["remove-hours", "remove-time-off", "deactivate-clinician"] as const;
export type ConfirmAction = (typeof CONFIRM_ACTIONS)[number];

/** The confirmation page's query (a GET form's fields): anything else is not a page. */
export const confirmQuerySchema = z.object({ action: z.enum(CONFIRM_ACTIONS), id: z.uuid() });

/** Where each confirmation's "Keep" (and a done change) returns: its section of the settings page. */
export const CONFIRM_SECTIONS: Record<ConfirmAction, string> = {
  "remove-hours": "hours",
  "remove-time-off": "time-off",
  "deactivate-clinician": "clinicians",
};

/** "1 booked appointment" or "3 booked appointments". */
export const bookedAppointments = (n: number) => `${n} booked ${n === 1 ? "appointment" : "appointments"}`;
