import type { Db } from "@/db/client";
import { sendDueEmails, type Transport, type Transports } from "./worker";

export type EmailWorker = {
  /** Stops claiming, waits for the pass in flight to finish, then resolves. */
  stop(): Promise<void>;
};

/**
 * Runs worker passes every `intervalMs` (at once again while a pass found a full batch).
 * Several of these may run against one database: claims use SKIP LOCKED and a lease, so each
 * email goes to one worker, and one that dies mid-send gives its emails back when the lease ends.
 */
export function startEmailWorker(
  db: Db,
  transport: Transport | Transports,
  {
    intervalMs,
    leaseMs = 120_000,
    batch = 20,
    log = console,
    beforePass,
  }: {
    intervalMs: number;
    leaseMs?: number;
    batch?: number;
    log?: Pick<Console, "info" | "error">;
    /** Runs before each pass, e.g. queueing alerts for cases past their deadline. */
    beforePass?: (now: Date) => Promise<unknown>;
  },
): EmailWorker {
  let stopping = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();
  let failing = false;

  const tick = () => {
    timer = undefined;
    if (stopping) return;
    current = (async () => {
      let full = false;
      try {
        if (beforePass) await beforePass(new Date());
        const report = await sendDueEmails(db, transport, { limit: batch, leaseMs });
        full = report.claimed === batch;
        if (report.claimed) log.info(`[mail] sent ${report.sent}, retry ${report.retried}, dead ${report.dead}`);
        failing = false;
      } catch (error) {
        // The database is away (or similar): say so once, keep trying.
        if (!failing) log.error(`[mail] worker pass failed: ${error instanceof Error ? error.message : String(error)}`);
        failing = true;
      }
      if (!stopping) timer = setTimeout(tick, full ? 0 : intervalMs);
    })();
  };
  timer = setTimeout(tick, 0);

  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
