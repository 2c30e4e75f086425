import type { Db, DbHandle } from "@/db/client";
import { DbUnavailableError, safeDbError } from "@/db/errors";
import { getClinic } from "@/db/queries/clinic";
import { seed } from "@/db/seed";
import { getDbHandle, prepareDatabaseWith } from "@/lib/db";
import { demoCredentialsText, seedDemo } from "@/lib/demo";
import { EnvError, env } from "@/lib/env";
import { startEmailWorker } from "@/lib/notifications/runner";
import { configuredTransport } from "@/lib/notifications/transports";
import { alertOverdueCases } from "@/lib/staff/overdue";
import { waitlistWorkerPass } from "@/lib/waitlist/offers";
import { retentionPurgePass } from "@/lib/privacy/retention-purge";
import { getClinicCached } from "@/lib/clinic-settings";
import { rememberEmergencyNumber } from "@/lib/unavailable";

/**
 * Runs when the server starts: a bad configuration stops it with one line; an unreachable
 * database is reported in one line and retried on the next request (/api/health says 503).
 */
export async function startServer(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`[config] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const config = env();
  if (config.NODE_ENV === "production" && config.LOCAL_ONLY)
    console.warn(
      `[config] LOCAL_ONLY: a production build for this machine only (${config.APP_URL}); email may stay in the development mailbox. Never serve patients like this.`,
    );
  prepareDatabaseWith(loadDemoData);
  try {
    const handle = await getDbHandle();
    console.info(`[db] ready (${handle.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"})`);
    await noteEmergencyNumber(handle.db);
    startWorker(handle.db);
  } catch (error) {
    // Never rethrown: a failed start-up hook leaves Next answering 500 to every request until the
    // process is restarted. Any failure (unreachable, or a migration or the demo data failing
    // half-way) is one line here, /api/health answers 503, and the next request tries again.
    console.error(
      `[db] ${error instanceof DbUnavailableError ? error.message : `start-up failed, will retry: ${firstLines(error)}`}`,
    );
    retryWorkerLater();
  }
}

/**
 * On an empty database (AUTO_SEED), the demo clinic; with DEMO_DATA, the demo staff, intakes and
 * appointments. Look, then write: one instance at a time (several may start together on one PostgreSQL).
 */
async function loadDemoData(handle: DbHandle): Promise<void> {
  const config = env();
  const added = await handle.exclusively(async () => {
    const clinic = config.AUTO_SEED && !(await getClinic(handle.db)) ? await seed(handle.db) : null;
    const demo = config.AUTO_SEED && config.DEMO_DATA ? await seedDemo(handle.db) : null;
    return { clinic, demo };
  });
  if (added.clinic)
    console.info(`[db] empty database: loaded the demo clinic (${handle.kind}). Run "npm run db:seed" to reload it.`);
  if (added.demo) {
    if (added.demo.intakes)
      console.info(`[db] added ${added.demo.intakes} graded demo intakes for the staff dashboard`);
    console.info(`[demo] staff sign-in at ${config.APP_URL}/staff (development only):\n${demoCredentialsText()}`);
  }
}

const WORKER_RETRY_MS = 30_000;
const state = ((globalThis as { __backtrackMail?: { started: boolean } }).__backtrackMail ??= { started: false });

/** The email worker inside the server, unless EMAIL_WORKER=false (a separate `npm run worker` instead). */
function startWorker(db: Db): void {
  const config = env();
  if (!config.EMAIL_WORKER || state.started) return;
  const { transport, name } = configuredTransport(db);
  const worker = startEmailWorker(db, transport, {
    intervalMs: config.EMAIL_WORKER_INTERVAL_SECONDS * 1000,
    leaseMs: config.EMAIL_WORKER_LEASE_SECONDS * 1000,
    beforePass: async (now) => {
      await noteEmergencyNumber(db);
      await alertOverdueCases(db, now);
      // Freed times offered to waiting patients before the emails go, so an offer goes in this pass.
      await waitlistWorkerPass(db, now);
      // At most once a day (a batch a pass), after the alerts; it never throws.
      await retentionPurgePass(db, now);
    },
  });
  state.started = true; // only now: if anything above threw, the retry starts it
  console.info(`[mail] worker started (${name === "resend" ? "Resend" : "development mailbox at /dev/mailbox"})`);
  // Stop claiming on shutdown. An email in flight when the process ends is claimed again when
  // its lease runs out, and Resend's idempotency key keeps that retry from being a second email.
  process.once("SIGTERM", () => void worker.stop());
}

function retryWorkerLater(): void {
  setTimeout(() => {
    getDbHandle()
      .then((handle) => startWorker(handle.db))
      .catch(retryWorkerLater);
  }, WORKER_RETRY_MS).unref();
}

/**
 * The outage page (proxy.ts) cannot read the clinic's settings, so it is told the emergency number
 * while the database is up: at start-up and on each worker pass (through the 30-second settings cache).
 */
async function noteEmergencyNumber(db: Db): Promise<void> {
  try {
    rememberEmergencyNumber((await getClinicCached(db))?.emergencyNumber);
  } catch {
    // Keep the number noted last: this must never stop the start-up or a worker pass.
  }
}

/**
 * An error's first line and its cause's, never the parameters a failed query lists after them nor
 * the row a database's detail quotes: a database error is reduced to its SQLSTATE and constraint
 * first (db/client.ts does so for every statement; this also covers a raw driver error).
 */
export function firstLines(error: unknown): string {
  const line = (e: unknown) => {
    const safe = safeDbError(e);
    return (safe instanceof Error ? safe.message : String(safe)).split("\n")[0];
  };
  const cause = error instanceof Error && error.cause ? ` (${line(error.cause)})` : "";
  return line(error) + cause;
}
