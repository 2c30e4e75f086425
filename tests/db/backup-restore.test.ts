import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "@/db/client";
import { getClinic } from "@/db/queries/clinic";
import { outbox } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { bookingAccess } from "@/lib/booking/access";
import { handleCreateBooking, type BookingApiOptions } from "@/lib/booking/api";
import { findByManageToken } from "@/lib/booking/manage";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { resetEnvForTests } from "@/lib/env";
import { submitIntake } from "@/lib/intakes/submit";
import { renderEmail, UnsendableEmail } from "@/lib/notifications/render";
import { signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import {
  backup,
  BackupError,
  choosePgTool,
  findPgTool,
  restore,
  type BackupTarget,
  type PgTool,
} from "../../scripts/backup-core";
import { vignetteIntake } from "../support/answers";
import { manageTokenIn } from "../support/email";
import { openTestDb, withDatabase } from "./support";

// Tuesday 1 December 2026, 08:00 in New York.
const NOW = new Date("2026-12-01T13:00:00Z");
// The deployment's AUTH_SECRET, kept with the dump; and the one a careless restore would bring.
const SECRET = "backup-test-secret-backup-test-secret-0123";
const OTHER_SECRET = "another-deployment-secret-another-one-4567";
const RAMAN = DEMO_CLINICIANS[0].id;

let scratch: string;
beforeAll(() => {
  // queue.ts seals the emailed manage link under env().AUTH_SECRET: make it this deployment's.
  vi.stubEnv("AUTH_SECRET", SECRET);
  resetEnvForTests();
  scratch = mkdtempSync(join(tmpdir(), "bt-backup-"));
});
afterAll(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
  rmSync(scratch, { recursive: true, force: true });
});

const options = (): BookingApiOptions => ({
  secret: SECRET,
  trustedProxies: 1,
  rateLimitPerMinute: 10_000,
  appUrl: "http://clinic.test",
  now: () => NOW,
});

type Issued = { appointmentId: string; manageToken: string; bookingToken: string };

/** The demo clinic, a ROUTINE patient and their booking, through the real booking code. */
async function bookOne(db: Db): Promise<Issued> {
  await seed(db);
  const answers = makeIntakeAnswersSchema({ now: NOW }).parse(vignetteIntake("P15", NOW));
  const result = await submitIntake(db, { answers, now: NOW, timeZone: "America/New_York" });
  if (result.status === "key_conflict") throw new Error("unexpected");
  const bookingToken = signToken(SECRET, "booking", result.response.id);
  const res = await handleCreateBooking(
    db,
    new Request("http://clinic.test/api/v1/bookings", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.7.0.1" },
      body: JSON.stringify({
        bookingToken,
        appointmentTypeId: "initial",
        clinicianId: RAMAN,
        start: "2026-12-03T15:00:00.000Z", // Thursday 10:00 New York
      }),
    }),
    options(),
  );
  expect(res.status).toBe(201);
  const booked = (await res.json()) as { id: string; manageUrl: string };
  return { appointmentId: booked.id, manageToken: booked.manageUrl.split("/").pop()!, bookingToken };
}

/** The booking confirmation still waiting in the outbox, rendered under `secret`. */
async function renderConfirmation(db: Db, issued: Issued, secret: string) {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.appointmentId, issued.appointmentId), eq(outbox.kind, "booking_confirmation")));
  expect(row, "the confirmation email came back with the dump").toBeDefined();
  const clinic = await getClinic(db);
  return renderEmail(row!, { clinic: clinic!, appUrl: "http://clinic.test", secret });
}

/**
 * What a patient holds after the restore. The manage link they were sent opens their appointment
 * whatever the secret (it is random, and the database keeps its hash). What the database keeps
 * sealed or signed under AUTH_SECRET opens only under the same one: the queued confirmation's
 * link, and the booking link from the result page.
 */
async function expectLinksAfterRestore(db: Db, issued: Issued) {
  clearSettingsCaches();
  expect(await findByManageToken(db, issued.manageToken, NOW)).toMatchObject({ id: issued.appointmentId });

  const email = await renderConfirmation(db, issued, SECRET);
  const emailed = manageTokenIn(email.text);
  expect(emailed).toBe(issued.manageToken);
  expect(await findByManageToken(db, emailed!, NOW)).toMatchObject({ id: issued.appointmentId });
  expect((await bookingAccess(db, issued.bookingToken, NOW, SECRET)).status).not.toBe("invalid");

  // Restored under another AUTH_SECRET: the queued email cannot carry its link, the booking link is refused.
  await expect(renderConfirmation(db, issued, OTHER_SECRET)).rejects.toBeInstanceOf(UnsendableEmail);
  await expect(renderConfirmation(db, issued, OTHER_SECRET)).rejects.toThrow(/AUTH_SECRET/);
  expect(await bookingAccess(db, issued.bookingToken, NOW, OTHER_SECRET)).toEqual({ status: "invalid" });
}

type CliRun = { code: number; stdout: string; stderr: string };

/** The real command line, as `npm run db:backup` / `db:restore` runs it (tsx). */
function cli(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["tsx", `scripts/${script}`, ...args],
      { env, cwd: process.cwd(), timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The environment a CLI run sees: this test's, with the database chosen by `target` alone. */
function cliEnv(target: BackupTarget): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET: SECRET, NODE_ENV: "test" };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  if ("url" in target) env.DATABASE_URL = target.url;
  else env.PGLITE_DIR = target.pgliteDir;
  return env;
}

describe("backup and restore [pglite]", () => {
  it("backs up a stopped embedded database, restores it into a new directory, and the links open there", async () => {
    const source = join(scratch, "pglite-source");
    const target = join(scratch, "pglite-restored");
    const file = join(scratch, "pglite.tar.gz");

    const app = await createDb({ pgliteDir: source });
    let issued: Issued;
    try {
      await app.migrate();
      issued = await bookOne(app.db);
      // While the app holds the directory, a copy could tear: refused, with the lock's message.
      await expect(backup({ pgliteDir: source }, { out: file })).rejects.toThrow(/in use by another process/);
      expect(existsSync(file)).toBe(false);
    } finally {
      await app.close();
    }

    const made = await backup({ pgliteDir: source }, { out: file });
    expect(made).toMatchObject({ file, kind: "pglite" });
    expect(made.bytes).toBe(statSync(file).size);
    expect(statSync(file).mode & 0o077).toBe(0); // the owner's alone: it holds patients' answers
    expect(existsSync(`${file}.partial`)).toBe(false);

    expect(await restore({ pgliteDir: target }, file)).toEqual({ kind: "pglite", replaced: false });
    const restored = await createDb({ pgliteDir: target });
    try {
      await expectLinksAfterRestore(restored.db, issued);
    } finally {
      await restored.close();
    }

    // A second restore over it is refused, by the command line too, and changes nothing.
    await expect(restore({ pgliteDir: target }, file)).rejects.toThrow(/already holds data[\s\S]*--yes/);
    const refused = await cli("db-restore.ts", [file], cliEnv({ pgliteDir: target }));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("already holds data");

    // With --yes the old directory is moved aside, not deleted.
    const replaced = await restore({ pgliteDir: target }, file, { yes: true });
    expect(replaced).toMatchObject({ kind: "pglite", replaced: true });
    expect(existsSync(join(replaced.movedAside!, "PG_VERSION"))).toBe(true);
    expect(existsSync(join(target, "PG_VERSION"))).toBe(true);
  }, 180_000);

  it("refuses a PostgreSQL dump, a file that is not a backup, and an in-memory database", async () => {
    const dump = join(scratch, "fake.dump");
    writeFileSync(dump, "PGDMP\u0001\u000e");
    await expect(restore({ pgliteDir: join(scratch, "nowhere") }, dump)).rejects.toThrow(/is a PostgreSQL dump/);
    const junk = join(scratch, "junk.txt");
    writeFileSync(junk, "hello");
    await expect(restore({ pgliteDir: join(scratch, "nowhere") }, junk)).rejects.toThrow(/not a backup/);
    await expect(backup({ pgliteDir: "memory://" }, { out: join(scratch, "m.tar.gz") })).rejects.toBeInstanceOf(
      BackupError,
    );
    await expect(backup({ pgliteDir: join(scratch, "empty") }, { out: join(scratch, "e.tar.gz") })).rejects.toThrow(
      /no embedded database/i,
    );
  });
});

describe("finding pg_dump and pg_restore", () => {
  const tool = (major: number, path = `/usr/lib/postgresql/${major}/bin/pg_dump`): PgTool => ({
    path,
    version: `${major}.3`,
    major,
  });

  it("takes the server's own version, else the oldest newer one; an older one only is a clear mismatch", () => {
    expect(choosePgTool("pg_dump", 15, [tool(17), tool(15), tool(16)]).major).toBe(15);
    expect(choosePgTool("pg_dump", 15, [tool(17), tool(16)]).major).toBe(16);
    expect(() => choosePgTool("pg_dump", 16, [tool(15)])).toThrow(
      /Version mismatch: the server runs PostgreSQL 16, and the only pg_dump found is older: 15\.3/,
    );
    expect(() => choosePgTool("pg_restore", 15, [])).toThrow(/pg_restore was not found on PATH/);
  });

  it("looks on PATH first, then in /usr/lib/postgresql/<version>/bin", () => {
    const root = join(scratch, "tools");
    const fake = (dir: string, version: string) => {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, "pg_dump");
      writeFileSync(file, `#!/bin/sh\necho "pg_dump (PostgreSQL) ${version} (test)"\n`);
      chmodSync(file, 0o755);
      return file;
    };
    const onPath = fake(join(root, "path-bin"), "15.18");
    const deb16 = fake(join(root, "lib", "16", "bin"), "16.4");
    fake(join(root, "lib", "15", "bin"), "15.10");
    const libRoot = join(root, "lib");
    expect(findPgTool("pg_dump", 15, { path: join(root, "path-bin"), libRoot })).toEqual({
      path: onPath,
      version: "15.18",
      major: 15,
    });
    expect(findPgTool("pg_dump", 16, { path: join(root, "path-bin"), libRoot }).path).toBe(deb16);
    expect(() => findPgTool("pg_dump", 17, { path: "", libRoot })).toThrow(/Version mismatch.*PostgreSQL 17/);
    expect(() => findPgTool("pg_dump", 15, { path: "", libRoot: join(root, "none") })).toThrow(/not found/);
  });
});

// Only where a PostgreSQL server is given (npm test gives one: scripts/with-pg.sh), as describeEachDb does.
if (process.env.TEST_DATABASE_URL)
  describe("backup and restore [postgres]", () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const created: string[] = [];
    let admin: postgres.Sql;
    beforeAll(() => {
      admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    });
    afterAll(async () => {
      for (const name of created) await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    /** A new, empty database (not migrated), dropped after the tests. */
    async function emptyDatabase(): Promise<string> {
      const name = `bt_restore_${randomBytes(6).toString("hex")}`;
      await admin.unsafe(`create database ${name}`);
      created.push(name);
      return withDatabase(adminUrl, name);
    }

    it("restores a dump into a fresh database, where a manage link issued before it opens", async () => {
      const source = await openTestDb("postgres");
      const file = join(scratch, "pg.dump");
      let issued: Issued;
      try {
        issued = await bookOne(source.db);
        const made = await backup({ url: source.url! }, { out: file });
        expect(made).toMatchObject({ file, kind: "postgres" });
        expect(readFileSync(file).subarray(0, 5).toString("latin1")).toBe("PGDMP"); // pg_dump's custom format
        expect(statSync(file).mode & 0o077).toBe(0);
      } finally {
        await source.dispose(); // the source is gone: only the dump is left
      }

      const targetUrl = await emptyDatabase();
      const lines: string[] = [];
      expect(await restore({ url: targetUrl }, file, { log: (l) => lines.push(l) })).toEqual({
        kind: "postgres",
        replaced: false,
      });
      expect(lines.join("\n")).toMatch(/\(empty\)[\s\S]*Migrations applied/);
      const restored = await createDb({ url: targetUrl, max: 2 });
      try {
        await restored.migrate(); // already up to date: nothing to do
        await expectLinksAfterRestore(restored.db, issued);
      } finally {
        await restored.close();
      }

      // Over a database that holds data: refused with what would be replaced, then replaced with --yes.
      await expect(restore({ url: targetUrl }, file)).rejects.toThrow(
        /is not empty: it has \d+ tables \(intakes: 1 row, appointments: 1 row\)[\s\S]*--yes/,
      );
      expect(await restore({ url: targetUrl }, file, { yes: true })).toEqual({ kind: "postgres", replaced: true });
      const again = await createDb({ url: targetUrl, max: 2 });
      try {
        expect(await findByManageToken(again.db, issued.manageToken, NOW)).toMatchObject({ id: issued.appointmentId });
      } finally {
        await again.close();
      }

      // A table the dump does not have (a newer migration's) would survive --clean: refused.
      const target = postgres(targetUrl, { max: 1, onnotice: () => {} });
      try {
        await target.unsafe("create table newer_than_the_dump (id int)");
        await expect(restore({ url: targetUrl }, file, { yes: true })).rejects.toThrow(
          /objects the dump does not \(public\.newer_than_the_dump\)/,
        );
      } finally {
        await target.end();
      }
    }, 120_000);

    it("the command line writes a dump and never prints the password in DATABASE_URL", async () => {
      const source = await openTestDb("postgres");
      const password = `pw-${randomBytes(9).toString("hex")}`;
      // The test server trusts local connections, so any password is accepted: what matters is where it shows.
      const u = new URL(source.url!);
      u.password = password;
      const url = u.toString();
      try {
        const out = join(scratch, "cli.dump");
        const ok = await cli("db-backup.ts", ["--out", out], cliEnv({ url }));
        expect(ok.stderr).toBe("");
        expect(ok.code).toBe(0);
        expect(ok.stdout).toContain(out);
        expect(ok.stdout).toMatch(/\(\d+(\.\d)? KB\)/);
        expect(ok.stdout).toContain("AUTH_SECRET");
        expect(ok.stdout + ok.stderr).not.toContain(password);
        expect(existsSync(out)).toBe(true);

        // A failure (nothing listens on port 1) says where, and still not the password.
        const down = new URL(url);
        down.port = "1";
        const failed = await cli(
          "db-backup.ts",
          ["--out", join(scratch, "down.dump")],
          cliEnv({ url: down.toString() }),
        );
        expect(failed.code).toBe(1);
        expect(failed.stderr).toContain("Cannot reach PostgreSQL postgres@127.0.0.1:1/");
        expect(failed.stdout + failed.stderr).not.toContain(password);
      } finally {
        await source.dispose();
      }
    }, 120_000);
  });
