import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { BOOKING_TOKEN_PURPOSE } from "@/lib/intakes/api";
import { signToken } from "@/lib/tokens";
import { bookingAccess } from "./access";
import { governingIntake } from "./manage";

/**
 * Where a patient holding an appointment joins the waitlist for an earlier time (their manage page):
 * the waitlist page under a booking link for the appointment's intake, while that link could still
 * book (the same 30 days and grade rules as the result page's). Null when it could not, or when a
 * newer grade governs (it is booked through the clinic, or the check, instead).
 */
export async function earlierTimeLink(
  db: Db,
  intakeId: string,
  now: Date,
  secret = env().AUTH_SECRET,
): Promise<string | null> {
  const governing = await governingIntake(db, intakeId);
  if (!governing || governing.id !== intakeId) return null;
  const token = signToken(secret, BOOKING_TOKEN_PURPOSE, intakeId);
  const access = await bookingAccess(db, token, now, secret);
  return access.status === "ok" ? `/book/waitlist?token=${encodeURIComponent(token)}` : null;
}
