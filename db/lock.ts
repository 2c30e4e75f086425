import lockfile from "proper-lockfile";
import { DbUnavailableError } from "./errors";

/**
 * PGlite has no cross-process lock: two processes on one data directory silently lose writes.
 * Hold a lock file beside it for the life of the process; a crashed holder's lock goes stale.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dir, {
      realpath: false, // the directory may not exist yet
      lockfilePath: `${dir}.lock`,
      stale: 15_000,
      update: 5_000,
      // A restarting server may still be letting go: wait a few seconds before giving up.
      retries: { retries: 3, minTimeout: 500, maxTimeout: 2_000 },
      onCompromised: (err) => console.error(`[db] lost the lock on ${dir}: ${err.message}`),
    });
  } catch (error) {
    if ((error as { code?: string }).code === "ELOCKED") {
      throw new DbUnavailableError(
        `The embedded database at ${dir} is in use by another process (is "npm run dev" or "npm start" already running?). Stop it, or set PGLITE_DIR to another folder.`,
      );
    }
    throw error;
  }
}
