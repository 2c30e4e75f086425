import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import * as schema from "./schema";
import { DbUnavailableError } from "./errors";
import { lockDataDir } from "./lock";

export { DbUnavailableError };

/** One database type for both drivers; queries take it as their first argument. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbKind = "postgres" | "pglite";

export type DbHandle = {
  db: Db;
  kind: DbKind;
  /** Applies the committed migrations; safe to call from several instances at once. */
  migrate(): Promise<void>;
  /**
   * Runs `task` while no other instance runs one (a PostgreSQL advisory lock held on its own
   * connection): for start-up work that checks and then writes, such as loading demo data.
   */
  exclusively<T>(task: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type DbConfig = { url: string; max?: number } | { pgliteDir: string }; // a directory, or "memory://" for tests

export const MIGRATIONS_FOLDER = resolve(process.cwd(), "db/migrations");

/** Opens PostgreSQL (postgres.js) when given a URL, otherwise embedded PGlite. */
export async function createDb(config: DbConfig): Promise<DbHandle> {
  return "url" in config ? openPostgres(config.url, config.max) : openPglite(config.pgliteDir);
}

// Any fixed 64-bit key works; it only has to be the same for every instance of this app.
const MIGRATION_LOCK_KEY = 727_274_001;
const STARTUP_LOCK_KEY = 727_274_002;

async function openPostgres(url: string, max = 10): Promise<DbHandle> {
  // Imported lazily so the PGlite path never loads postgres.js and vice versa.
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const sql = postgres(url, { max, connect_timeout: 5, onnotice: () => {} });
  const oneConnection = () => postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  const db = drizzle(sql, { schema }) as unknown as Db;
  try {
    await sql`select 1`;
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw new DbUnavailableError(`Cannot reach PostgreSQL at ${describeUrl(url)}: ${reason(error)}`);
  }
  return {
    db,
    kind: "postgres",
    // A one-connection client holds an advisory lock while it migrates: a second instance
    // starting at the same moment waits on the lock, then finds nothing left to do.
    migrate: () =>
      withAdvisoryLock(oneConnection, MIGRATION_LOCK_KEY, (conn) =>
        migrate(drizzle(conn, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
      ),
    exclusively: (task) => withAdvisoryLock(oneConnection, STARTUP_LOCK_KEY, () => task()),
    close: () => sql.end({ timeout: 5 }),
  };
}

async function openPglite(dir: string): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const inMemory = dir.startsWith("memory://");
  let release: (() => Promise<void>) | undefined;
  if (!inMemory) {
    const abs = resolve(dir);
    mkdirSync(dirname(abs), { recursive: true }); // PGlite does not create parents
    release = await lockDataDir(abs);
  }
  let client;
  try {
    client = await PGlite.create(inMemory ? dir : resolve(dir), { extensions: { btree_gist } });
  } catch (error) {
    await release?.();
    throw new DbUnavailableError(`Cannot open the embedded database at ${dir}: ${reason(error)}`);
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    // One process holds the directory (see lock.ts), so no advisory lock is needed here.
    migrate: () => migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    exclusively: (task) => task(),
    async close() {
      await client.close();
      await release?.();
    },
  };
}

/** Runs `task` holding a session advisory lock on a connection of its own (ending it releases the lock). */
async function withAdvisoryLock<T>(connect: () => Sql, key: number, task: (conn: Sql) => Promise<T>): Promise<T> {
  const conn = connect();
  try {
    await conn`select pg_advisory_lock(${key})`;
    const result = await task(conn);
    await conn`select pg_advisory_unlock(${key})`;
    return result;
  } finally {
    await conn.end({ timeout: 5 });
  }
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`; // never print the password
  } catch {
    return "the configured URL";
  }
}

function reason(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { code?: unknown; message?: unknown };
    const message = typeof e.message === "string" ? e.message.split("\n")[0] : "";
    if (typeof e.code === "string" && message && !message.includes(e.code)) return `${e.code} ${message}`;
    if (message) return message;
    if (typeof e.code === "string") return e.code;
  }
  return String(error);
}
