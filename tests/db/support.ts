import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe } from "vitest";
import { createDb, type Db, type DbHandle, type DbKind } from "@/db/client";

/** The databases every db test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DATABASES: DbKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export type TestDb = { db: Db; handle: DbHandle; kind: DbKind; url?: string };

/** A fresh, migrated database: in-memory PGlite, or a new database on the test PostgreSQL server. */
export async function openTestDb(kind: DbKind): Promise<TestDb & { dispose(): Promise<void> }> {
  if (kind === "pglite") {
    const handle = await createDb({ pgliteDir: "memory://" });
    await handle.migrate();
    return { db: handle.db, handle, kind, dispose: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `bt_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = withDatabase(adminUrl, name);
  const handle = await createDb({ url, max: 5 });
  await handle.migrate();
  return {
    db: handle.db,
    handle,
    kind,
    url,
    async dispose() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Runs a block of tests once per test database, each with its own fresh database.
 * `ctx()` gives the open database inside tests.
 */
export function describeEachDb(title: string, body: (ctx: () => TestDb) => void): void {
  for (const kind of TEST_DATABASES) {
    describe(`${title} [${kind}]`, () => {
      let current: (TestDb & { dispose(): Promise<void> }) | undefined;
      beforeAll(async () => {
        current = await openTestDb(kind);
      });
      afterAll(async () => {
        await current?.dispose();
      });
      body(() => {
        if (!current) throw new Error("test database not open");
        return current;
      });
    });
  }
}
