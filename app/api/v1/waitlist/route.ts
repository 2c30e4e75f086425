import { getDb } from "@/lib/db";
import { bookingApiOptions } from "@/lib/booking/route-options";
import { apiRoute } from "@/lib/http";
import { handleJoinWaitlist } from "@/lib/waitlist/api";

/** Join the waitlist, or change when you can come, with a booking link (lib/waitlist/api.ts). */
export const POST = apiRoute(async (request: Request) =>
  handleJoinWaitlist(await getDb(), request, bookingApiOptions("bookings")),
);
