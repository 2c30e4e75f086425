import { getDb } from "@/lib/db";
import { handleCreateBooking } from "@/lib/booking/api";
import { bookingApiOptions } from "@/lib/booking/route-options";

/** Book one of the offered times; see README "Booking API". */
export async function POST(request: Request) {
  return handleCreateBooking(await getDb(), request, bookingApiOptions("bookings"));
}
