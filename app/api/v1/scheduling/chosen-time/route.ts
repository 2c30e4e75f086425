import { env } from "@/lib/env";
import { chosenTimeResponse } from "@/lib/slot-feed/http";

/**
 * A booking deep link's time (from /intake?slot=…), remembered in a cookie for the booking page,
 * then on to the intake. Needs no database: a bad or past time is simply not remembered.
 */
export function GET(request: Request): Response {
  return chosenTimeResponse(request, { now: new Date(), secure: env().APP_URL.startsWith("https://") });
}
