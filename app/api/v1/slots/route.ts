import { getDb } from "@/lib/db";
import { handleListSlots } from "@/lib/booking/api";
import { bookingApiOptions } from "@/lib/booking/route-options";
import { apiRoute } from "@/lib/http";

/** Free times a booking token may book; see README "Booking API". */
export const GET = apiRoute(async (request: Request) =>
  handleListSlots(await getDb(), request, bookingApiOptions("slots")),
);
