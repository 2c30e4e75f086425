import { getDb } from "@/lib/db";
import { bookingApiOptions } from "@/lib/booking/route-options";
import { apiRoute } from "@/lib/http";
import { handleFeedManifest } from "@/lib/slot-feed/http";

/** The open-slot feed's manifest (SMART Scheduling Links): a Location, a Schedule per kind of appointment and the next 4 weeks of Slots (lib/slot-feed). */
export const GET = apiRoute(async (request: Request) =>
  handleFeedManifest(await getDb(), request, bookingApiOptions("slots")),
);
