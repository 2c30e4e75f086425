// npm run db:restore -- FILE [--yes]
// Restores a backup made by `npm run db:backup` into the configured database (DATABASE_URL, else
// the embedded one in PGLITE_DIR), then applies the migrations so an older backup comes up to date.
// A database that already holds data is replaced only with --yes; without it this says what would
// be replaced and changes nothing. Stop the app (and `npm run worker`) before replacing a database.
import { parseArgs } from "node:util";
import { describeTarget, restore, runCli } from "./backup-core";

let file: string | undefined;
let yes = false;
try {
  const parsed = parseArgs({ options: { yes: { type: "boolean" } }, strict: true, allowPositionals: true });
  if (parsed.positionals.length !== 1) throw new Error("Name one backup file.");
  file = parsed.positionals[0];
  yes = parsed.values.yes === true;
} catch (error) {
  console.error((error as Error).message);
  console.error("Usage: npm run db:restore -- FILE [--yes]");
  process.exit(2);
}

await runCli(async (target) => {
  const result = await restore(target, file!, { yes, log: (line) => console.info(line) });
  console.info(`Restored ${file} into ${describeTarget(target)}.`);
  if (result.movedAside)
    console.info(`The replaced database is kept at ${result.movedAside}: delete it once the restore is checked.`);
  console.info(
    "Start the app with the AUTH_SECRET it had when the backup was made: under another one, booking and result links, sealed webhook and authenticator secrets and queued emails' manage links no longer open.",
  );
});
