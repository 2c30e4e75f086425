import { createDb, type DbHandle } from "@/db/client";
import { DbUnavailableError } from "@/db/errors";
import { EnvError, env } from "@/lib/env";

/** Runs a command-line task against the configured database; known failures print one line. */
export async function runWithDb(task: (handle: DbHandle) => Promise<void>): Promise<void> {
  let handle: DbHandle | undefined;
  try {
    const config = env();
    handle = await createDb(
      config.DATABASE_URL ? { url: config.DATABASE_URL, max: 2 } : { pgliteDir: config.PGLITE_DIR },
    );
    await task(handle);
  } catch (error) {
    if (error instanceof EnvError || error instanceof DbUnavailableError) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      throw error;
    }
  } finally {
    await handle?.close();
  }
}
