import { DbUnavailableError } from "@/db/errors";
import { getDbHandle } from "@/lib/db";
import { EnvError, env } from "@/lib/env";

/**
 * Runs when the server starts: a bad configuration stops it with one line; an unreachable
 * database is reported in one line and retried on the next request (/api/health says 503).
 */
export async function startServer(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`[config] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  try {
    const handle = await getDbHandle();
    console.info(`[db] ready (${handle.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"})`);
  } catch (error) {
    if (error instanceof DbUnavailableError) {
      console.error(`[db] ${error.message}`);
      return;
    }
    throw error;
  }
}
