import { pingDatabase } from "@/db/queries/health";
import pkg from "@/package.json";
import { RETRY_AFTER_SECONDS } from "@/db/errors";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and uptime checks. */
export async function GET() {
  const db = await getDb()
    .then(pingDatabase)
    .then(() => "up" as const)
    .catch(() => "down" as const);
  const body = { status: db === "up" ? "ok" : "unavailable", db, version: pkg.version };
  if (db === "up") return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  return Response.json(body, {
    status: 503,
    headers: { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}
