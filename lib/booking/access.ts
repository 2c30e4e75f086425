import type { Db } from "@/db/client";
import { getIntakeForBooking, type BookingIntake } from "@/db/queries/intakes";
import { env } from "@/lib/env";
import { BOOKING_TOKEN_PURPOSE } from "@/lib/intakes/api";
import { verifyToken } from "@/lib/tokens";
import { bookingExpired } from "./book";
import { eligibilityFor } from "./eligibility";

export type BookingAccess =
  | { status: "ok"; intake: BookingIntake; withinDays: number | null }
  | { status: "invalid" | "expired" | "not_eligible" | "erased" };

/** What a booking link from the result page allows. */
export async function bookingAccess(
  db: Db,
  token: string | undefined,
  now: Date,
  secret = env().AUTH_SECRET,
): Promise<BookingAccess> {
  const id = token ? verifyToken(secret, BOOKING_TOKEN_PURPOSE, token) : null;
  const intake = id ? await getIntakeForBooking(db, id) : null;
  if (!intake) return { status: "invalid" };
  // The patient's personal data was erased (on request, or after the retention period): a link
  // kept from before opens nothing, and says so calmly.
  if (intake.erasedAt) return { status: "erased" };
  if (bookingExpired(intake, now)) return { status: "expired" };
  const rules = eligibilityFor(intake);
  if (!rules.canSelfBook) return { status: "not_eligible" };
  return { status: "ok", intake, withinDays: rules.withinDays };
}
