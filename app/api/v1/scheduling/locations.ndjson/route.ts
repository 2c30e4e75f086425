import { getDb } from "@/lib/db";
import { bookingApiOptions } from "@/lib/booking/route-options";
import { apiRoute } from "@/lib/http";
import { handleFeedFile } from "@/lib/slot-feed/http";

/** The open-slot feed's Location file (NDJSON, FHIR R4), listed in its $bulk-publish manifest. */
export const GET = apiRoute(async (request: Request) =>
  handleFeedFile(await getDb(), request, "Location", bookingApiOptions("slots")),
);
