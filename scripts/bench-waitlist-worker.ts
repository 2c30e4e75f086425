// One waitlist worker for `npm run bench:waitlist` (scripts/bench-waitlist.ts starts two): the
// worker's pass (runWaitlistPass) every second against DATABASE_URL, as the email worker runs it,
// until SIGTERM. Prints "ready" once connected, then one JSON line per pass that claimed anything
// (counts and milliseconds only, never a patient value).
import { createDb } from "@/db/client";
import { runWaitlistPass } from "@/lib/waitlist/offers";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const name = process.env.BENCH_WORKER ?? "?";
const INTERVAL_MS = 1_000;

const handle = await createDb({ url, max: 2 });
let stopping = false;
let wake: (() => void) | undefined;
process.once("SIGTERM", () => {
  stopping = true;
  wake?.();
});
console.log("ready");
while (!stopping) {
  const started = performance.now();
  const report = await runWaitlistPass(handle.db, new Date());
  if (report.claimed || report.lapsed)
    console.log(JSON.stringify({ worker: name, ms: Math.round(performance.now() - started), ...report }));
  await new Promise<void>((resolve) => {
    wake = resolve;
    setTimeout(resolve, INTERVAL_MS);
  });
}
await handle.close();
