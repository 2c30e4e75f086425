import { createDb, type Db, type DbHandle } from "@/db/client";
import { DbUnavailableError, noteDatabaseDown } from "@/db/errors";
import { env } from "@/lib/env";

type Holder = { promise?: Promise<DbHandle>; prepare?: (handle: DbHandle) => Promise<void> };

// Kept on globalThis so `next dev` reloads reuse the open database instead of opening it again.
const holder: Holder = ((globalThis as { __backtrackDb?: Holder }).__backtrackDb ??= {});

/** The app's database, opened and migrated once per process (and prepared, see prepareDatabaseWith). */
export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Like getDb, with the driver kind; used by the health check and start-up. */
export function getDbHandle(): Promise<DbHandle> {
  holder.promise ??= open().catch((error: unknown) => {
    holder.promise = undefined; // never cache a failed start: the next request tries again
    if (error instanceof DbUnavailableError) noteDatabaseDown(); // pages answer 503 meanwhile (proxy.ts)
    throw error;
  });
  return holder.promise;
}

/**
 * Work to do on the database each time this process opens it, after the migrations: the server's
 * start-up registers loading the demo clinic here (lib/startup.ts), so this module stays a
 * connection and pulls in no intake or email code. A retry after a failed open runs it again.
 */
export function prepareDatabaseWith(prepare: (handle: DbHandle) => Promise<void>): void {
  holder.prepare = prepare;
}

async function open(): Promise<DbHandle> {
  const config = env();
  const handle = await createDb(config.DATABASE_URL ? { url: config.DATABASE_URL } : { pgliteDir: config.PGLITE_DIR });
  try {
    await handle.migrate();
    await holder.prepare?.(handle);
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}
