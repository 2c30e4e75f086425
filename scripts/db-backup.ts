// npm run db:backup -- [--out FILE]
// Backs up the configured database: with DATABASE_URL, a pg_dump custom-format file (safe while the
// app runs: pg_dump reads one consistent snapshot); without it, the embedded database's directory as
// PGlite's tarball (stop the app first: the directory is held by one process at a time). Default
// file: backups/backtrack-<database>-<UTC time>.dump (or .tar.gz). Prints the file and its size.
import { parseArgs } from "node:util";
import { backup, describeTarget, formatBytes, runCli } from "./backup-core";

let out: string | undefined;
try {
  ({ out } = parseArgs({ options: { out: { type: "string" } }, strict: true, allowPositionals: false }).values);
} catch (error) {
  console.error((error as Error).message);
  console.error("Usage: npm run db:backup -- [--out FILE]");
  process.exit(2);
}

await runCli(async (target) => {
  const result = await backup(target, { out, log: (line) => console.info(line) });
  console.info(`Backup of ${describeTarget(target)} written: ${result.file} (${formatBytes(result.bytes)}).`);
  console.info(
    "Keep AUTH_SECRET with it: booking and result links, sealed webhook and authenticator secrets and queued emails' manage links only open under the AUTH_SECRET they were made with (README: Backup and restore).",
  );
});
