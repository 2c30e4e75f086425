import { createDb, type Db, type DbHandle } from "@/db/client";
import { getClinic } from "@/db/queries/clinic";
import { seed } from "@/db/seed";
import { demoCredentialsText, seedDemo } from "@/lib/demo";
import { env } from "@/lib/env";

type Holder = { promise?: Promise<DbHandle> };

// Kept on globalThis so `next dev` reloads reuse the open database instead of opening it again.
const holder: Holder = ((globalThis as { __backtrackDb?: Holder }).__backtrackDb ??= {});

/** The app's database, opened, migrated (and seeded on first start) once per process. */
export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Like getDb, with the driver kind; used by the health check and start-up. */
export function getDbHandle(): Promise<DbHandle> {
  holder.promise ??= open().catch((error: unknown) => {
    holder.promise = undefined; // never cache a failed start: the next request tries again
    throw error;
  });
  return holder.promise;
}

async function open(): Promise<DbHandle> {
  const config = env();
  const handle = await createDb(config.DATABASE_URL ? { url: config.DATABASE_URL } : { pgliteDir: config.PGLITE_DIR });
  try {
    await handle.migrate();
    // Look, then write: one instance at a time (several may start together on one PostgreSQL).
    const added = await handle.exclusively(async () => {
      const clinic = config.AUTO_SEED && !(await getClinic(handle.db)) ? await seed(handle.db) : null;
      const demo = config.AUTO_SEED && config.DEMO_DATA ? await seedDemo(handle.db) : null;
      return { clinic, demo };
    });
    if (added.clinic) console.info(`[db] empty database: loaded the demo clinic (${handle.kind}). Run "npm run db:seed" to reload it.`);
    if (added.demo) {
      if (added.demo.intakes) console.info(`[db] added ${added.demo.intakes} graded demo intakes for the staff dashboard`);
      console.info(`[demo] staff sign-in at ${config.APP_URL}/staff (development only):\n${demoCredentialsText()}`);
    }
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}
