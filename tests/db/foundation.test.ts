import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { DbUnavailableError } from "@/db/errors";
import { getClinic } from "@/db/queries/clinic";
import { appointments, clinic } from "@/db/schema";
import { seedDemo } from "@/lib/demo";
import { DEMO_CLINIC, seed } from "@/db/seed";
import { describeEachDb, openTestDb, TEST_DATABASES } from "./support";

describeEachDb("migrations and demo data", (ctx) => {
  it("applies the committed migrations, and applying them again changes nothing", async () => {
    const { db, handle } = ctx();
    await handle.migrate();
    const tables = await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(rowsOf(tables).map((r) => r.table_name)).toContain("clinic");
  });

  it("starts with no clinic, then seeds the demo clinic in New York time", async () => {
    const { db } = ctx();
    expect(await getClinic(db)).toBeNull();
    expect(await seed(db)).toEqual({ clinic: "created", clinicians: 3 });
    const row = await getClinic(db);
    expect(row).toMatchObject({ name: DEMO_CLINIC.name, timeZone: "America/New_York", emergencyNumber: "911" });
  });

  it("seeding again keeps what the clinic has edited", async () => {
    const { db } = ctx();
    await db.update(clinic).set({ phone: "+1 212 555 9999" }).where(eq(clinic.id, 1));
    expect(await seed(db)).toEqual({ clinic: "kept", clinicians: 0 });
    expect((await getClinic(db))?.phone).toBe("+1 212 555 9999");
  });

  it("refuses a second clinic row: there is exactly one clinic", async () => {
    const { db } = ctx();
    await expect(db.insert(clinic).values({ ...DEMO_CLINIC, id: 2 })).rejects.toThrow();
    const count = await db.select({ n: sql<number>`count(*)::int` }).from(clinic);
    expect(count[0]?.n).toBe(1);
  });
});

// Only PostgreSQL serves several app instances; PGlite is one process by design (db/lock.ts).
if (TEST_DATABASES.includes("postgres"))
  describe("migrations on several instances at once [postgres]", () => {
    it("two app instances migrating one empty database together both succeed", async () => {
      const first = await openTestDb("postgres");
      try {
        // A fresh database: drop what openTestDb migrated, then race two instances.
        await first.db.execute(
          sql`drop schema public cascade; create schema public; drop schema if exists drizzle cascade`,
        );
        const a = await createDb({ url: first.url!, max: 2 });
        const b = await createDb({ url: first.url!, max: 2 });
        await Promise.all([a.migrate(), b.migrate()]);
        expect(await getClinic(a.db)).toBeNull();
        await Promise.all([a.close(), b.close()]);
      } finally {
        await first.dispose();
      }
    });

    it("two workers loading the demo data at once both start, and the demo data is there once", async () => {
      // Instances starting together each seed on start. Unserialised, both saw "no demo
      // appointments today", both inserted, and the second one's start-up failed on a constraint.
      const first = await openTestDb("postgres");
      const a = await createDb({ url: first.url!, max: 2 });
      const b = await createDb({ url: first.url!, max: 2 });
      try {
        const load = (h: typeof a) =>
          h.exclusively(async () => ({
            clinic: await seed(h.db),
            demo: await seedDemo(h.db, { now: new Date("2026-03-10T15:00:00Z") }),
          }));
        const [ra, rb] = await Promise.all([load(a), load(b)]);
        expect([ra.clinic.clinic, rb.clinic.clinic].sort()).toEqual(["created", "kept"]);
        expect(ra.demo.intakes + rb.demo.intakes).toBeGreaterThan(0);
        expect(Math.min(ra.demo.intakes, rb.demo.intakes)).toBe(0);
        const demoAppointments = await a.db.select({ n: sql<number>`count(*)::int` }).from(appointments);
        expect(demoAppointments[0]?.n).toBe(3);
      } finally {
        await Promise.all([a.close(), b.close()]);
        await first.dispose();
      }
    });
  });

describe("when the database cannot be used", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("an unreachable PostgreSQL gives one clear line without the password", async () => {
    const error = await createDb({ url: "postgres://app:s3cret-pass@127.0.0.1:1/backtrack" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbUnavailableError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Cannot reach PostgreSQL at 127\.0\.0\.1:1\/backtrack: .*ECONNREFUSED/);
    expect(message).not.toContain("s3cret-pass");
    expect(message).not.toContain("\n");
  });

  it("a second process cannot open an embedded database that is in use, and is told why", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bt-lock-"));
    dirs.push(dir);
    const dataDir = join(dir, "nested", "pglite"); // parents are created on demand
    const first = await createDb({ pgliteDir: dataDir });
    try {
      const error = await createDb({ pgliteDir: dataDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DbUnavailableError);
      expect((error as Error).message).toMatch(/in use by another process/);
    } finally {
      await first.close();
    }
    // Once the first holder closes, the directory can be opened again, data intact.
    const again = await createDb({ pgliteDir: dataDir });
    await again.migrate();
    await again.close();
  });
});

function rowsOf(result: unknown): Record<string, unknown>[] {
  // postgres.js returns the rows array itself; PGlite returns { rows }.
  return Array.isArray(result) ? result : ((result as { rows: Record<string, unknown>[] }).rows ?? []);
}
