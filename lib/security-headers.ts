import type { Env } from "@/lib/env";

/** One year, this host and its subdomains: browsers then refuse plain http for it. */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The Strict-Transport-Security value for this deployment, or null: only a production server
 * whose public address (APP_URL) is https sends it. Never in development, and never for a local
 * production run on http://localhost (the end-to-end tests), where it would pin the browser to https.
 */
export function strictTransportSecurity(config: Pick<Env, "NODE_ENV" | "APP_URL">): string | null {
  return config.NODE_ENV === "production" && config.APP_URL.startsWith("https://") ? HSTS : null;
}
