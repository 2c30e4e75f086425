// What `npm run db:backup` and `npm run db:restore` do, as functions the tests call directly.
// PostgreSQL: pg_dump's custom format and pg_restore, found on PATH or in Debian's versioned
// /usr/lib/postgresql/*/bin. PGlite: the data directory as PGlite's own tarball (dumpDataDir), taken
// while this process holds the directory's lock, so a running app is never copied mid-write.
// The functions take the database as an argument (only targetFromEnv reads DATABASE_URL and
// PGLITE_DIR, for the CLIs), so a test can point them anywhere.
import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, realpathSync } from "node:fs";
import { chmod, mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, delimiter, dirname, join, resolve } from "node:path";
import postgres from "postgres";
import { createDb } from "@/db/client";
import { DbUnavailableError } from "@/db/errors";
import { lockDataDir } from "@/db/lock";

/** A refusal or failure whose message is meant for the operator, as it stands. */
export class BackupError extends Error {
  override name = "BackupError";
}

export type BackupTarget = { url: string } | { pgliteDir: string };

export type BackupResult = { file: string; bytes: number; kind: "postgres" | "pglite" };

export type RestoreResult = {
  kind: "postgres" | "pglite";
  /** Whether the target held data that the dump replaced (only ever with `yes`). */
  replaced: boolean;
  /** PGlite: where the replaced data directory was moved; delete it once the restore is checked. */
  movedAside?: string;
};

type Log = (line: string) => void;

/** Where a database is, for messages: host, port and name, never the password. */
export function describeTarget(target: BackupTarget): string {
  if ("pgliteDir" in target) return `the embedded database at ${resolve(target.pgliteDir)}`;
  try {
    const u = new URL(target.url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : "";
    return `PostgreSQL ${user}${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "the PostgreSQL database in DATABASE_URL";
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * backups/backtrack-<database>-2026-12-01T13-00-00Z.dump (just backtrack-… for a database named
 * backtrack), or backups/backtrack-pglite-….tar.gz. UTC, and sortable by name.
 */
export function defaultBackupFile(target: BackupTarget, now = new Date(), root = process.cwd()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
  if ("pgliteDir" in target) return join(root, "backups", `backtrack-pglite-${stamp}.tar.gz`);
  let name = "postgres";
  try {
    name = decodeURIComponent(new URL(target.url).pathname.slice(1)) || name;
  } catch {}
  const label = name === "backtrack" ? "" : `-${name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  return join(root, "backups", `backtrack${label}-${stamp}.dump`);
}

// ---------------------------------------------------------------------------------------------
// Backup

/**
 * Writes a backup of `target` to `out` (default: a new timestamped file under ./backups). The file
 * appears only when complete (it is written beside as `.partial`), and only its owner may read it:
 * it holds every patient's answers.
 */
export async function backup(target: BackupTarget, { out, log = () => {} }: { out?: string; log?: Log } = {}) {
  const file = resolve(out ?? defaultBackupFile(target));
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose another --out, or delete it first.`);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  await rm(partial, { force: true });
  // Created owner-only before pg_dump opens it (which keeps an existing file's mode), so the dump is
  // never readable by others, even while it is written.
  await writeFile(partial, "", { mode: 0o600 });
  try {
    if ("url" in target) await dumpPostgres(target.url, partial, log);
    else await dumpPglite(target.pgliteDir, partial, log);
    await chmod(partial, 0o600);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  const result: BackupResult = { file, bytes: (await stat(file)).size, kind: "url" in target ? "postgres" : "pglite" };
  return result;
}

async function dumpPostgres(url: string, file: string, log: Log): Promise<void> {
  const server = await serverVersion(url);
  const tool = findPgTool("pg_dump", server.major);
  log(`Dumping ${describeTarget({ url })} (PostgreSQL ${server.version}) with pg_dump ${tool.version}…`);
  const { code, stderr } = await run(
    tool.path,
    ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${libpqUrl(url)}`],
    url,
  );
  if (code === 0) return;
  if (/server version mismatch/i.test(stderr))
    throw new BackupError(
      `pg_dump ${tool.version} is older than the server (PostgreSQL ${server.version}) and cannot dump it. Install the PostgreSQL ${server.major} client (Debian: apt-get install postgresql-client-${server.major}).`,
    );
  throw new BackupError(`pg_dump failed (exit ${code}):\n${lastLines(stderr)}`);
}

async function dumpPglite(dir: string, file: string, log: Log): Promise<void> {
  const abs = pgliteDirOf(dir);
  if (!existsSync(join(abs, "PG_VERSION")))
    throw new BackupError(`There is no embedded database at ${abs} (no PG_VERSION): check PGLITE_DIR.`);
  // Holding the lock keeps the app from starting on this directory while it is read, and refuses
  // (with the lock's own message) when the app is running: its writes would tear the copy.
  const release = await lockDataDir(abs);
  try {
    log(`Dumping the embedded database at ${abs}…`);
    const client = await openPglite(abs);
    try {
      const tarball = await client.dumpDataDir("gzip");
      await writeFile(file, Buffer.from(await tarball.arrayBuffer()));
    } finally {
      await client.close();
    }
  } finally {
    await release();
  }
}

// ---------------------------------------------------------------------------------------------
// Restore

/**
 * Restores `file` into `target`, then applies the migrations so an older dump comes up to date.
 * A target that already holds data is replaced only with `yes`; otherwise this refuses and says
 * what would be replaced.
 */
export async function restore(
  target: BackupTarget,
  file: string,
  { yes = false, log = () => {} }: { yes?: boolean; log?: Log } = {},
): Promise<RestoreResult> {
  const abs = resolve(file);
  const format = await backupFormat(abs);
  if ("url" in target) {
    if (format === "pglite")
      throw new BackupError(
        `${abs} is a backup of the embedded database (PGlite): unset DATABASE_URL to restore it there. A PostgreSQL server takes a pg_dump file (npm run db:backup with DATABASE_URL set).`,
      );
    return restorePostgres(target.url, abs, yes, log);
  }
  if (format === "postgres")
    throw new BackupError(
      `${abs} is a PostgreSQL dump: set DATABASE_URL to the server to restore it into. The embedded database takes a backup made without DATABASE_URL.`,
    );
  return restorePglite(target.pgliteDir, abs, yes, log);
}

async function backupFormat(file: string): Promise<"postgres" | "pglite"> {
  let head: Buffer;
  try {
    const handle = await open(file, "r");
    try {
      head = Buffer.alloc(5);
      await handle.read(head, 0, 5, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new BackupError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  if (head.toString("latin1") === "PGDMP") return "postgres"; // pg_dump's custom format
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite"; // gzip: PGlite's dumpDataDir tarball
  throw new BackupError(
    `${file} is not a backup made by npm run db:backup (neither a pg_dump custom-format file nor a PGlite tarball).`,
  );
}

async function restorePostgres(url: string, file: string, yes: boolean, log: Log): Promise<RestoreResult> {
  const where = describeTarget({ url });
  const server = await serverVersion(url);
  const tool = findPgTool("pg_restore", server.major);
  const archive = await listArchive(tool, file);
  if (archive.sourceMajor && archive.sourceMajor > server.major)
    log(
      `Warning: the dump comes from PostgreSQL ${archive.sourceVersion}, the server is ${server.version}: restoring into an older server may fail (nothing is changed if it does).`,
    );
  const present = await targetObjects(url);
  const taken = archive.createdAt
    ? ` (taken ${archive.createdAt}${archive.dbname ? ` from ${archive.dbname}` : ""})`
    : "";
  if (present.objects.length > 0) {
    const contents = `${present.tables} table${present.tables === 1 ? "" : "s"}${present.summary ? ` (${present.summary})` : ""}`;
    if (!yes)
      throw new BackupError(
        [
          `${where} is not empty: it has ${contents}.`,
          `Restoring ${file}${taken} would drop every table, type and function the dump holds and load the dump's rows instead: everything written since the dump would be lost.`,
          `To replace it, stop the app and its workers and run again with --yes. To keep it, restore into a new, empty database (createdb, then point DATABASE_URL at it).`,
        ].join("\n"),
      );
    // pg_restore --clean drops only what the dump holds. Anything else (a table from a migration
    // newer than the dump) would survive, and the migrations run next would then fail on it.
    const extra = present.objects.filter((o) => !archive.objects.has(o));
    if (extra.length > 0)
      throw new BackupError(
        `${where} has objects the dump does not (${extra.slice(0, 5).join(", ")}${extra.length > 5 ? `, and ${extra.length - 5} more` : ""}): it is newer than ${file}, and restoring over it would leave them behind. Restore into a new, empty database instead (createdb, then point DATABASE_URL at it).`,
      );
    log(`Replacing ${contents} in ${where} with ${file}${taken}…`);
  } else {
    log(`Restoring ${file}${taken} into ${where} (empty)…`);
  }
  const args = [
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    `--dbname=${libpqUrl(url)}`,
  ];
  if (present.objects.length > 0) args.unshift("--clean", "--if-exists");
  const { code, stderr } = await run(tool.path, [...args, file], url);
  if (code !== 0) {
    const hint = /unsupported version/i.test(stderr)
      ? ` The dump was written by a newer pg_dump than pg_restore ${tool.version}: install that PostgreSQL client.`
      : "";
    // --single-transaction: a failed restore changed nothing.
    throw new BackupError(`pg_restore failed (exit ${code}); nothing was changed.${hint}\n${lastLines(stderr)}`);
  }
  await migrateTarget({ url: url, max: 1 }, log);
  return { kind: "postgres", replaced: present.objects.length > 0 };
}

async function restorePglite(dir: string, file: string, yes: boolean, log: Log): Promise<RestoreResult> {
  const abs = pgliteDirOf(dir);
  await mkdir(dirname(abs), { recursive: true });
  let movedAside: string | undefined;
  let unpacking = false;
  const release = await lockDataDir(abs); // refuses while the app has the directory open
  try {
    const occupied = existsSync(abs) && readdirSync(abs).length > 0;
    if (occupied) {
      if (!yes)
        throw new BackupError(
          [
            `The embedded database at ${abs} already holds data.`,
            `Restoring ${file} would replace it with the backup: everything written since the backup would be set aside (moved to ${abs}.replaced-<time>, not deleted).`,
            `To replace it, stop the app and run again with --yes. To keep it, set PGLITE_DIR to a new folder and restore there.`,
          ].join("\n"),
        );
      movedAside = `${abs}.replaced-${new Date()
        .toISOString()
        .replace(/\.\d+Z$/, "Z")
        .replace(/:/g, "-")}`;
      await rename(abs, movedAside);
      log(`Moved the current embedded database aside to ${movedAside}.`);
    }
    // PGlite unpacks a tarball only into a directory without a database (an empty one is fine).
    unpacking = true;
    log(`Restoring ${file} into the embedded database at ${abs}…`);
    const client = await openPglite(abs, new Blob([await readFile(file)]));
    await client.close();
  } catch (error) {
    // Leave the directory as it was found: a half-unpacked one would not open.
    if (unpacking) await rm(abs, { recursive: true, force: true });
    if (movedAside) {
      await rename(movedAside, abs);
      movedAside = undefined;
    }
    throw error;
  } finally {
    await release();
  }
  await migrateTarget({ pgliteDir: abs }, log);
  return { kind: "pglite", replaced: movedAside !== undefined, movedAside };
}

/** The same migrations the app runs at start-up (scripts/migrate.ts), so an older dump comes up to date. */
async function migrateTarget(config: Parameters<typeof createDb>[0], log: Log): Promise<void> {
  const handle = await createDb(config);
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
  log("Migrations applied.");
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL tools

export type PgTool = { path: string; version: string; major: number };

/**
 * pg_dump or pg_restore for a server of `serverMajor`: the first of the same major version on PATH
 * or in /usr/lib/postgresql/<n>/bin, else the oldest newer one (both read older servers). Debian's
 * /usr/bin/pg_dump is pg_wrapper, which picks a version by its own rules, so it is skipped in favour
 * of the versioned binaries behind it.
 */
export function findPgTool(
  name: "pg_dump" | "pg_restore",
  serverMajor: number,
  { path = process.env.PATH ?? "", libRoot = "/usr/lib/postgresql" }: { path?: string; libRoot?: string } = {},
): PgTool {
  return choosePgTool(name, serverMajor, pgToolCandidates(name, path, libRoot).map(withVersion).filter(isTool));
}

/** The choice itself, on tools already found and asked their version. */
export function choosePgTool(name: string, serverMajor: number, tools: PgTool[]): PgTool {
  if (tools.length === 0)
    throw new BackupError(
      `${name} was not found on PATH or in /usr/lib/postgresql/*/bin: install the PostgreSQL client tools (Debian: apt-get install postgresql-client-${serverMajor}).`,
    );
  const same = tools.find((t) => t.major === serverMajor);
  if (same) return same;
  const newer = tools.filter((t) => t.major > serverMajor).sort((a, b) => a.major - b.major)[0];
  if (newer) return newer;
  const found = tools.map((t) => `${t.version} (${t.path})`).join(", ");
  throw new BackupError(
    `Version mismatch: the server runs PostgreSQL ${serverMajor}, and the only ${name} found is older: ${found}. ${name} must be version ${serverMajor} or newer: install the PostgreSQL ${serverMajor} client (Debian: apt-get install postgresql-client-${serverMajor}).`,
  );
}

function pgToolCandidates(name: string, path: string, libRoot: string): string[] {
  const found: string[] = [];
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (!executable(candidate)) continue;
    if (basename(realpathSync(candidate)) !== name) continue; // pg_wrapper
    found.push(candidate);
    break;
  }
  let versions: string[] = [];
  try {
    versions = readdirSync(libRoot);
  } catch {}
  versions
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(libRoot, v, "bin", name))
    .filter(executable)
    .forEach((candidate) => found.push(candidate));
  // PATH may name one of the versioned binaries itself (a symlink): ask each binary once.
  const seen = new Set<string>();
  return found.filter((c) => {
    const real = realpathSync(c);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function withVersion(path: string): PgTool | null {
  const out = spawnSync(path, ["--version"], { encoding: "utf8", timeout: 10_000 });
  const match = /\(PostgreSQL\)\s+((\d+)(?:\.\d+)*)/.exec(out.stdout ?? "");
  return match ? { path, version: match[1]!, major: Number(match[2]) } : null;
}

const isTool = (t: PgTool | null): t is PgTool => t !== null;

async function serverVersion(url: string): Promise<{ version: string; major: number }> {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version: string; num: string }[]>`
      select current_setting('server_version') as server_version, current_setting('server_version_num') as num`;
    return { version: row!.server_version.split(" ")[0]!, major: Math.floor(Number(row!.num) / 10_000) };
  } catch (error) {
    throw new BackupError(`Cannot reach ${describeTarget({ url })}: ${firstLine(error)}`);
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

type TargetObjects = { objects: string[]; tables: number; summary: string };

/** The target's own tables, views, sequences, types and functions (not the extensions'). */
async function targetObjects(url: string): Promise<TargetObjects> {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const rows = await sql<{ kind: string; schema: string; name: string }[]>`
      with own as (
        select oid, nspname from pg_namespace
        where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\_%'
      )
      select case when c.relkind in ('r', 'p') then 'table' else 'relation' end as kind, own.nspname as schema, c.relname as name
        from pg_class c join own on own.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'v', 'm', 'S')
          and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
      union all
      select 'type', own.nspname, t.typname from pg_type t join own on own.oid = t.typnamespace
        where t.typtype in ('e', 'd')
          and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
      union all
      select 'function', own.nspname, p.proname from pg_proc p join own on own.oid = p.pronamespace
        where not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')`;
    const tables = rows.filter((r) => r.kind === "table");
    const counted: string[] = [];
    for (const name of ["intakes", "appointments"]) {
      if (!tables.some((t) => t.schema === "public" && t.name === name)) continue;
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql("public")}.${sql(name)}`;
      counted.push(`${name}: ${row!.n} row${row!.n === 1 ? "" : "s"}`);
    }
    return {
      objects: [...new Set(rows.map((r) => `${r.schema}.${r.name}`))].sort(),
      tables: tables.length,
      summary: counted.join(", "),
    };
  } catch (error) {
    throw new BackupError(`Cannot read ${describeTarget({ url })}: ${firstLine(error)}`);
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

type Archive = {
  createdAt?: string;
  dbname?: string;
  sourceVersion?: string;
  sourceMajor?: number;
  /** schema.name of every table, view, sequence, type and function in the dump. */
  objects: Set<string>;
};

// The TOC entry kinds that name an object (longest first: "TABLE DATA" is not a table).
const TOC_KINDS = [
  "MATERIALIZED VIEW DATA",
  "MATERIALIZED VIEW",
  "SEQUENCE OWNED BY",
  "SEQUENCE SET",
  "TABLE DATA",
  "SEQUENCE",
  "FUNCTION",
  "DOMAIN",
  "TABLE",
  "TYPE",
  "VIEW",
];
const OBJECT_KINDS = new Set(["MATERIALIZED VIEW", "SEQUENCE", "FUNCTION", "DOMAIN", "TABLE", "TYPE", "VIEW"]);

/** What `pg_restore --list` says about a dump: where and when it was taken, and what it holds. */
async function listArchive(tool: PgTool, file: string): Promise<Archive> {
  const { code, stdout, stderr } = await run(tool.path, ["--list", file]);
  if (code !== 0) {
    const hint = /unsupported version/i.test(stderr)
      ? ` It was written by a newer pg_dump than pg_restore ${tool.version}: install that PostgreSQL client.`
      : "";
    throw new BackupError(`pg_restore cannot read ${file}.${hint}\n${lastLines(stderr)}`);
  }
  const header = (label: string) => new RegExp(`^;\\s+${label}:?\\s+(.+)$`, "m").exec(stdout)?.[1]?.trim();
  const sourceVersion = header("Dumped from database version");
  const objects = new Set<string>();
  for (const line of stdout.split("\n")) {
    const entry = /^\d+; \d+ \d+ (.+)$/.exec(line)?.[1];
    if (!entry) continue;
    const kind = TOC_KINDS.find((k) => entry.startsWith(`${k} `));
    if (!kind || !OBJECT_KINDS.has(kind)) continue;
    const [schema, name] = entry.slice(kind.length + 1).split(" ");
    if (schema && name) objects.add(`${schema}.${name.replace(/\(.*$/, "")}`);
  }
  return {
    createdAt: header("Archive created at"),
    dbname: header("dbname"),
    sourceVersion: sourceVersion?.split(" ")[0],
    sourceMajor: sourceVersion ? Number(/^(\d+)/.exec(sourceVersion)?.[1]) || undefined : undefined,
    objects,
  };
}

/**
 * The URL libpq is given: without the password, which goes in PGPASSWORD instead, so it is never
 * on a command line (process lists) or in pg_dump's messages. postgres.js's `ssl=` becomes libpq's
 * `sslmode=`, which libpq would otherwise refuse as an unknown parameter.
 */
function libpqUrl(url: string): string {
  const u = new URL(url);
  u.password = "";
  const ssl = u.searchParams.get("ssl");
  if (ssl !== null) {
    u.searchParams.delete("ssl");
    if (!u.searchParams.has("sslmode"))
      u.searchParams.set("sslmode", ssl === "true" ? "require" : ssl === "false" ? "disable" : ssl);
  }
  return u.toString();
}

/** Runs a PostgreSQL tool; the URL's password reaches it through PGPASSWORD and never its output. */
function run(command: string, args: string[], url?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const password = url ? decodeURIComponent(new URL(url).password) : "";
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      env: password ? { ...process.env, PGPASSWORD: password } : process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) =>
      resolvePromise({ code: code ?? 1, stdout: redact(stdout, password), stderr: redact(stderr, password) }),
    );
  });
}

function redact(text: string, password: string): string {
  if (!password) return text;
  return text.split(password).join("***").split(encodeURIComponent(password)).join("***");
}

function lastLines(text: string, n = 15): string {
  return text.trim().split("\n").slice(-n).join("\n");
}

function firstLine(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === "string" ? e.message.split("\n")[0] : String(error);
  return typeof e?.code === "string" && !message!.includes(e.code) ? `${e.code} ${message}` : message!;
}

// ---------------------------------------------------------------------------------------------
// PGlite

function pgliteDirOf(dir: string): string {
  if (dir.startsWith("memory://"))
    throw new BackupError("PGLITE_DIR is memory://: an in-memory database has nothing on disk to back up or restore.");
  return resolve(dir);
}

/** PGlite as db/client.ts opens it (same extensions), optionally unpacking a tarball into a new directory. */
async function openPglite(dir: string, loadDataDir?: Blob) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  return PGlite.create(dir, { extensions: { btree_gist }, ...(loadDataDir ? { loadDataDir } : {}) });
}

// ---------------------------------------------------------------------------------------------
// The command lines

/**
 * The database the CLIs work on: DATABASE_URL, else PGLITE_DIR (default .data/pglite), read
 * directly rather than through lib/env.ts, whose production checks (APP_URL, RESEND_API_KEY, …)
 * have nothing to do with copying a database and would stop a cron job that sets only these two.
 */
export function targetFromEnv(source: NodeJS.ProcessEnv = process.env): BackupTarget {
  if (source.DATABASE_URL) {
    if (!/^postgres(ql)?:\/\//.test(source.DATABASE_URL))
      throw new BackupError("DATABASE_URL must be a postgres:// URL.");
    return { url: source.DATABASE_URL };
  }
  return { pgliteDir: source.PGLITE_DIR || ".data/pglite" };
}

/** Runs a CLI task: known failures print their message (exit 1), and nothing printed has the password. */
export async function runCli(task: (target: BackupTarget) => Promise<void>): Promise<void> {
  let password = "";
  try {
    const target = targetFromEnv();
    if ("url" in target) password = safePassword(target.url);
    await task(target);
  } catch (error) {
    const known = error instanceof BackupError || error instanceof DbUnavailableError;
    const text = known
      ? (error as Error).message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
    console.error(redact(text, password));
    process.exitCode = 1;
  }
}

function safePassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return "";
  }
}
