import { env } from "@/lib/env";
import type { BookingApiOptions } from "./api";

/** The booking API's settings from the environment. */
export function bookingApiOptions(kind: "slots" | "bookings"): BookingApiOptions {
  const config = env();
  return {
    secret: config.AUTH_SECRET,
    trustedProxies: config.TRUSTED_PROXIES,
    rateLimitPerMinute: kind === "slots" ? config.RATE_LIMIT_SLOTS_PER_MINUTE : config.RATE_LIMIT_BOOKINGS_PER_MINUTE,
    appUrl: config.APP_URL,
  };
}
