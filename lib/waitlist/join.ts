import { z } from "zod";
import { CONTROL_CHARACTER, oneLineText } from "@/lib/forms";
import { isLocalDate } from "@/lib/scheduling/zoned";
import { availabilitySchema } from "./availability";

/**
 * The body of `POST /api/v1/waitlist`: the patient's booking link, when they can come and, when
 * given, the first clinic-local date that suits them. Whether `notBefore` is in the past or beyond
 * the booking horizon needs the clock and the clinic's settings, so the route checks that.
 */
export const waitlistJoinSchema = z.strictObject({
  bookingToken: z
    .string({ error: "bookingToken is required" })
    .min(1, { error: "bookingToken is required" })
    .max(200, { error: "bookingToken is too long" })
    .refine(oneLineText, CONTROL_CHARACTER),
  availability: availabilitySchema,
  notBefore: z
    .string({ error: "notBefore must be a date, YYYY-MM-DD" })
    .refine(isLocalDate, { error: "notBefore must be a real date, YYYY-MM-DD" })
    .optional(),
});

export type WaitlistJoin = z.infer<typeof waitlistJoinSchema>;
