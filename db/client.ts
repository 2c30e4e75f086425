import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PgDatabase, PgPreparedQuery, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import * as schema from "./schema";
import { DbUnavailableError, noteDatabaseDown, noteDatabaseUp, safeDbError } from "./errors";
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
    noteDatabaseDown();
    throw new DbUnavailableError(`Cannot reach PostgreSQL at ${describeUrl(url)}: ${reason(error)}`, codeOf(error));
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
    noteDatabaseDown();
    throw new DbUnavailableError(`Cannot open the embedded database at ${dir}: ${reason(error)}`, codeOf(error));
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
  } catch (error) {
    throw noted(safeDbError(error)); // these two statements go round drizzle
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

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
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

type Guarded = { [GUARDED]?: true };
type Method = (this: unknown, ...args: unknown[]) => Promise<unknown>;
const GUARDED = Symbol.for("backtrack.guardQueryErrors");

/**
 * Every failed statement, on either driver, in or out of a transaction, throws a safe error
 * (db/errors.ts) instead of drizzle's, whose message lists every parameter (a patient's name,
 * email, date of birth, answers) and whose cause quotes the row: Next prints uncaught errors,
 * Auth.js and the email worker log theirs. A lost connection becomes DbUnavailableError (503).
 * drizzle has no hook for this, so the one method every statement goes through is wrapped, once per
 * copy of drizzle; transactions are wrapped too, for errors at BEGIN and COMMIT.
 */
function guardQueryErrors(): void {
  const query = PgPreparedQuery.prototype as unknown as Guarded & { queryWithCache?: Method };
  const database = PgDatabase.prototype as unknown as Guarded & { transaction?: Method };
  if (query[GUARDED]) return;
  const run = query.queryWithCache;
  const transaction = database.transaction;
  if (typeof run !== "function" || typeof transaction !== "function")
    throw new Error(
      "drizzle-orm changed: PgPreparedQuery.queryWithCache is gone; update guardQueryErrors in db/client.ts",
    );
  query.queryWithCache = async function (...args) {
    try {
      const result = await run.apply(this, args);
      noteDatabaseUp();
      return result;
    } catch (error) {
      // drizzle's wrapper keeps the driver's error as its cause; its own message is never kept.
      throw noted(safeDbError((error as { cause?: unknown }).cause ?? error, { wrapped: true }));
    }
  };
  database.transaction = async function (...args) {
    try {
      return await transaction.apply(this, args);
    } catch (error) {
      throw noted(safeDbError(error));
    }
  };
  query[GUARDED] = true;
}

function noted(error: unknown): unknown {
  if (error instanceof DbUnavailableError) noteDatabaseDown();
  return error;
}

// Before any database is opened: every drizzle database this process makes is guarded.
guardQueryErrors();
