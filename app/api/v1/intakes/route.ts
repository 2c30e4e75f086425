import { DbUnavailableError } from "@/db/errors";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { jsonError } from "@/lib/http";
import { handleCreateIntake } from "@/lib/intakes/api";

/** Submit a completed intake; see README "Intake API" and lib/intakes/api.ts. */
export async function POST(request: Request) {
  const config = env();
  try {
    return await handleCreateIntake(await getDb(), request, {
      rateLimitPerMinute: config.RATE_LIMIT_INTAKES_PER_MINUTE,
      trustedProxies: config.TRUSTED_PROXIES,
      secret: config.AUTH_SECRET,
    });
  } catch (error) {
    if (error instanceof DbUnavailableError) {
      return jsonError(
        503,
        "unavailable",
        "The service is briefly unavailable. Please try again in a minute.",
        {},
        { "Retry-After": "30" },
      );
    }
    throw error;
  }
}
