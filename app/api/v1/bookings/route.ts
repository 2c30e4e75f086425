import { getDb } from "@/lib/db";
import { handleCreateBooking } from "@/lib/booking/api";
import { bookingApiOptions } from "@/lib/booking/route-options";
import { apiRoute } from "@/lib/http";

/** Book one of the offered times; see README "Booking API". */
export const POST = apiRoute(async (request: Request) =>
  handleCreateBooking(await getDb(), request, bookingApiOptions("bookings")),
);
