// npm run bench:outbox — 10,000 queued emails through two worker processes (`npm run worker`) and
// the real Resend transport, pointed at a local fake Resend (RESEND_BASE_URL). Reports emails per
// second, duplicates (an idempotency key delivered twice) and lost emails (queued, never delivered
// or not marked sent); both must be 0. Second run: the same with faults (3 % of first tries answer
// 503, 2 % deliver but lose the answer, and one worker is killed with SIGKILL half-way).
// Runs inside scripts/with-pg.sh.
import { spawn, type ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { createDb } from "@/db/client";
import { seed } from "@/db/seed";
import { startFakeResend, type FakeBehaviour } from "../tests/support/fake-resend";

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error("run through scripts/bench-outbox.sh (needs TEST_DATABASE_URL)");
const TOTAL = Number(process.env.BENCH_EMAILS ?? 10_000);
const SECRET = "bench-secret-bench-secret-bench-secret-01";

const admin = await createDb({ url: adminUrl, max: 1 });

// postgres.js returns the rows themselves from execute().
const rows = async <T>(query: Promise<unknown>) => (await query) as T[];

async function run(name: string, faults: boolean) {
  const dbName = `bench_outbox_${faults ? "faults" : "clean"}`;
  await admin.db.execute(sql.raw(`drop database if exists ${dbName} with (force)`));
  await admin.db.execute(sql.raw(`create database ${dbName}`));
  const u = new URL(adminUrl!);
  u.pathname = `/${dbName}`;
  const url = u.toString();
  const handle = await createDb({ url, max: 4 });
  await handle.migrate();
  await seed(handle.db);
  const db = handle.db;
  // Half staff alerts, half two-week check-ins: rendered, sent and recorded like any other email.
  await db.execute(sql`
    insert into outbox (kind, recipient, payload)
    select case when i % 2 = 0 then 'self_care_checkin' else 'staff_escalation' end,
           'bench' || i || '@example.test',
           case when i % 2 = 0 then jsonb_build_object('firstName', 'Runner ' || i)
                else jsonb_build_object('intakeId', gen_random_uuid(), 'level', 'URGENT', 'reason', 'level', 'submittedAt', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) end
    from generate_series(1, ${TOTAL}) i`);
  const ids = new Set((await rows<{ id: string }>(db.execute(sql`select id from outbox`))).map((r) => r.id));

  const firstTry = new Set<string>();
  const fake = await startFakeResend((body) => {
    const to = String(body.to);
    if (!faults || firstTry.has(to)) return { do: "deliver" };
    firstTry.add(to);
    const r = Math.random();
    return (
      r < 0.03 ? { do: "fail", status: 503 } : r < 0.05 ? { do: "deliver_slowly", ms: 2_000 } : { do: "deliver" }
    ) as FakeBehaviour;
  });

  const worker = (n: number): ChildProcess =>
    spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        RESEND_API_KEY: "re_bench",
        RESEND_BASE_URL: fake.url,
        EMAIL_FROM: "Clinic <clinic@example.test>",
        AUTH_SECRET: SECRET,
        EMAIL_WORKER_INTERVAL_SECONDS: "1",
        NODE_ENV: "production",
        APP_URL: "http://127.0.0.1:3000",
        LOCAL_ONLY: "true",
        // The lost-answer fault holds a reply for 2 s; give up on it after 1 s like a real timeout.
        EMAIL_SEND_TIMEOUT_SECONDS: "1",
        EMAIL_WORKER_LEASE_SECONDS: "15",
        BENCH_WORKER: String(n),
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
  const started = performance.now();
  const workers = [worker(1), worker(2)];
  let killed = false;
  let left = TOTAL;
  while (left > 0 && performance.now() - started < 15 * 60_000) {
    await new Promise((r) => setTimeout(r, 250));
    const [row] = await rows<{ left: number; sent: number }>(
      db.execute(
        sql`select count(*) filter (where status = 'pending')::int as left, count(*) filter (where status = 'sent')::int as sent from outbox`,
      ),
    );
    left = row!.left;
    if (faults && !killed && row!.sent >= TOTAL / 2) {
      workers[0]!.kill("SIGKILL"); // its claimed emails come back when their lease runs out
      killed = true;
      workers.push(worker(3));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(
    workers
      .filter((w) => w.exitCode === null && w.signalCode === null)
      .map(
        (w) =>
          new Promise((r) => {
            w.once("exit", r);
            w.kill("SIGTERM");
          }),
      ),
  );

  const duplicates = [...fake.deliveries.values()].reduce((n, c) => n + (c - 1), 0);
  const notSent = (
    await rows<{ n: number }>(db.execute(sql`select count(*)::int as n from outbox where status <> 'sent'`))
  )[0]!.n;
  const undelivered = [...ids].filter((id) => !fake.deliveries.has(id)).length;
  const retries = (
    await rows<{ n: number }>(db.execute(sql`select coalesce(sum(attempts - 1), 0)::int as n from outbox`))
  )[0]!.n;
  console.log(
    `| ${name} | ${TOTAL.toLocaleString("en")} | ${seconds.toFixed(1)} | ${Math.round(TOTAL / seconds)} | ${retries} | ${duplicates} | ${Math.max(notSent, undelivered)} |`,
  );
  await fake.close();
  await handle.close();
  await admin.db.execute(sql.raw(`drop database if exists ${dbName} with (force)`));
}

console.log(
  `\n### Outbox: ${TOTAL.toLocaleString("en")} emails, two worker processes, Resend transport to a local fake\n`,
);
console.log("| run | emails | seconds | emails/s | retries | duplicates | lost |\n|---|---:|---:|---:|---:|---:|---:|");
await run("clean", false);
await run("faults: 5 % failed or lost answers, one worker killed", true);
await admin.close();
