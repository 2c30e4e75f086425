// `npm run worker`: the email worker as its own process, for deployments that run it apart from
// the web servers (set EMAIL_WORKER=false on those). Any number may run against one PostgreSQL.
// SIGTERM or SIGINT: stop claiming, finish the email in flight, close the database, exit 0.
import { env } from "@/lib/env";
import { startEmailWorker } from "@/lib/notifications/runner";
import { configuredTransport } from "@/lib/notifications/transports";
import { retentionPurgePass } from "@/lib/privacy/retention-purge";
import { alertOverdueCases } from "@/lib/staff/overdue";
import { waitlistWorkerPass } from "@/lib/waitlist/offers";
import { runWithDb } from "./cli";

// A separate worker is a piece of a deployment: production rules (real email, the refusals in
// lib/env.ts) unless NODE_ENV says otherwise (NODE_ENV=development npm run worker on a laptop).
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";

await runWithDb(async (handle) => {
  await handle.migrate();
  const { transport, name } = configuredTransport(handle.db);
  const worker = startEmailWorker(handle.db, transport, {
    intervalMs: env().EMAIL_WORKER_INTERVAL_SECONDS * 1000,
    leaseMs: env().EMAIL_WORKER_LEASE_SECONDS * 1000,
    beforePass: async (now) => {
      await alertOverdueCases(handle.db, now);
      // Freed times offered to waiting patients before the emails go, so an offer goes in this pass.
      await waitlistWorkerPass(handle.db, now);
      // The daily retention purge: at most once a day (a batch a pass), after the alerts; it never throws.
      await retentionPurgePass(handle.db, now);
    },
  });
  console.info(`[mail] worker running (${name}, ${handle.kind}); stop with SIGTERM`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.info(`[mail] ${signal}: finishing the email in flight`);
      void worker.stop().then(resolve);
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
  console.info("[mail] worker stopped");
});
