import { getDb } from "@/lib/db";
import { handleListSlots } from "@/lib/booking/api";
import { bookingApiOptions } from "@/lib/booking/route-options";

/** Free times a booking token may book; see README "Booking API". */
export async function GET(request: Request) {
  return handleListSlots(await getDb(), request, bookingApiOptions("slots"));
}
