import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http";
import { handleCreateIntake } from "@/lib/intakes/api";

/** Submit a completed intake; see README "Intake API" and lib/intakes/api.ts. */
export const POST = apiRoute(async (request: Request) => {
  const config = env();
  return handleCreateIntake(await getDb(), request, {
    rateLimitPerMinute: config.RATE_LIMIT_INTAKES_PER_MINUTE,
    trustedProxies: config.TRUSTED_PROXIES,
    secret: config.AUTH_SECRET,
  });
});
