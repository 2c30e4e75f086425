// npm run bench:slots — slot search in-process, GET /api/v1/slots under load, and a booking race.
// Runs inside scripts/with-pg.sh (a throwaway PostgreSQL), against `next start` on it.
import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import { sql } from "drizzle-orm";
import autocannon from "autocannon";
import { createDb } from "@/db/client";
import { seed } from "@/db/seed";
import { vignetteIntake } from "../tests/support/answers";
import { benchSlotsCore } from "./bench-slots-core";

const url = process.env.E2E_DATABASE_URL;
if (!url) throw new Error("run through scripts/bench-slots.sh (needs E2E_DATABASE_URL)");
const SECRET = "bench-secret-bench-secret-bench-secret-01";
const PORT = 3198;
const base = `http://127.0.0.1:${PORT}`;

console.log("\n### In-process: listFreeSlots, 20 clinicians × 60 days, 10,000 appointments\n");
const core = await benchSlotsCore({ runs: 20 });
console.log("| appointment type | median ms | slots |\n|---|---:|---:|");
for (const r of core) console.log(`| ${r.type} | ${r.medianMs.toFixed(2)} | ${r.slots} |`);

// A clinic of 20 clinicians with 10,000 booked appointments over the coming weeks.
const handle = await createDb({ url, max: 4 });
await handle.migrate();
await seed(handle.db);
const db = handle.db;
await db.execute(sql`
  insert into clinicians (id, name, role)
  select ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'Clinician ' || i, 'Physiotherapist' from generate_series(1, 17) i
  on conflict do nothing`);
await db.execute(sql`
  insert into working_hours (clinician_id, weekday, start_time, end_time)
  select c.id, d, t.s::time, t.e::time from clinicians c cross join generate_series(1, 5) d
  cross join (values ('08:00', '12:30'), ('13:30', '18:00')) t(s, e)
  where c.name like 'Clinician %'`);
const intakeJson = JSON.stringify(vignetteIntake("P15", new Date()));
// 10,000 intakes, each with one appointment on a free grid position (clinician, weekday, quarter hour).
await db.execute(
  sql.raw(`
  with cs as (select id, row_number() over (order by id) - 1 as n from clinicians),
  grid as (
    select cs.id as clinician_id, day, q,
      ((current_date + day)::timestamp + time '08:00' + (q * interval '45 minutes')) at time zone 'America/New_York' as starts
    from cs cross join generate_series(1, 80) day cross join generate_series(0, 10) q
    where extract(isodow from current_date + day) < 6 and q <> 6
  ),
  picked as (select *, row_number() over (order by md5(clinician_id::text || day || q)) as rn from grid),
  made as (
    insert into intakes (first_name, last_name, email, phone, date_of_birth, sex, answers, privacy_notice_version, level, level_rank, ruleset_version, fired_rules, flags, scores, age_at_grading)
    select 'Bench', 'Patient ' || g, 'bench' || g || '@example.test', '+1 555 010 0000', '1984-01-01', 'female', '${intakeJson.replace(/'/g, "''")}'::jsonb, '2026-11', 'ROUTINE', 2, '2026.11', '{R1}', '{}', '{}'::jsonb, 42
    from generate_series(1, 10000) g returning id
  ),
  numbered as (select id, row_number() over () as rn from made)
  insert into appointments (intake_id, clinician_id, appointment_type_id, starts_at, ends_at, blocked)
  select n.id, p.clinician_id, 'follow-up', p.starts, p.starts + interval '30 minutes', tstzrange(p.starts, p.starts + interval '40 minutes')
  from picked p join numbered n on n.rn = p.rn where p.day <= 110`),
);
const counted = await db.execute(sql`select count(*)::int as n from appointments`);
const appointmentsLoaded =
  (counted as unknown as { n: number }[])[0]?.n ?? (counted as { rows: { n: number }[] }).rows?.[0]?.n;

// BENCH_CPU_PROF=dir writes a V8 CPU profile of the server, for finding where the time goes.
const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const server = spawn(
  "node",
  [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"],
  {
    env: {
      ...process.env,
      DATABASE_URL: url,
      NODE_ENV: "production",
      APP_URL: `http://127.0.0.1:${PORT}`,
      LOCAL_ONLY: "true",
      AUTH_SECRET: SECRET,
      RATE_LIMIT_SLOTS_PER_MINUTE: "1000000",
      RATE_LIMIT_BOOKINGS_PER_MINUTE: "1000000",
      RATE_LIMIT_INTAKES_PER_MINUTE: "1000000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", openSync("/tmp/bt-bench-slots-server.log", "w")],
  },
);
try {
  for (
    let i = 0;
    i < 120 &&
    !(await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  )
    await new Promise((r) => setTimeout(r, 500));
  const newIntake = async (i: number) => {
    const res = await fetch(`${base}/api/v1/intakes`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `198.19.${i >> 8}.${i & 255}` },
      body: intakeJson,
    });
    return ((await res.json()) as { next: { bookingToken: string } }).next.bookingToken;
  };

  const token = await newIntake(0);
  const slotsUrl = `${base}/api/v1/slots?bookingToken=${encodeURIComponent(token)}&days=7`;
  await autocannon({ url: slotsUrl, connections: 5, duration: 3 }); // warm up
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon({ url: slotsUrl, connections: 20, duration: 15 }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    run.on("response", (_c, _s, _b, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  const sample = (await (await fetch(slotsUrl)).json()) as { slots: { start: string; clinicianId: string }[] };
  console.log(
    `\n### GET /api/v1/slots (7 days, ${sample.slots.length} free slots, ${appointmentsLoaded} appointments in the database), 20 connections, 15 s\n`,
  );
  console.log("| measure | value |\n|---|---|");
  console.log(
    `| requests/s | ${Math.round(result.requests.average)} |\n| latency p50 | ${pct(50)} ms |\n| latency p95 | ${pct(95)} ms |\n| latency p99 | ${pct(99)} ms |\n| non-2xx | ${result.non2xx} |`,
  );

  // The race: 200 patients, 20 slots, everyone at once.
  const targets = sample.slots.filter((_, i) => i % 7 === 0).slice(0, 20);
  const tokens = await Promise.all(Array.from({ length: 200 }, (_, i) => newIntake(i + 1)));
  const t0 = performance.now();
  const statuses = await Promise.all(
    tokens.map((bookingToken, i) =>
      fetch(`${base}/api/v1/bookings`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `198.20.${i >> 8}.${i & 255}` },
        body: JSON.stringify({
          bookingToken,
          appointmentTypeId: "initial",
          clinicianId: targets[i % targets.length]!.clinicianId,
          start: targets[i % targets.length]!.start,
        }),
      }).then(async (r) => {
        if (r.status !== 201 && r.status !== 409) console.error("unexpected", r.status, (await r.text()).slice(0, 200));
        return r.status;
      }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const overlaps = await db.execute(sql`
    select count(*)::int as n from appointments a join appointments b
      on a.clinician_id = b.clinician_id and a.id < b.id and a.blocked && b.blocked
    where a.status not in ('cancelled', 'rescheduled') and b.status not in ('cancelled', 'rescheduled')`);
  const doubles =
    (overlaps as unknown as { n: number }[])[0]?.n ?? (overlaps as { rows: { n: number }[] }).rows?.[0]?.n;
  const count = (s: number) => statuses.filter((x) => x === s).length;
  console.log(`\n### Booking race: 200 clients, ${targets.length} slots, all at once\n`);
  console.log("| measure | value |\n|---|---|");
  console.log(
    `| booked (201) | ${count(201)} |\n| refused (409) | ${count(409)} |\n| other | ${statuses.length - count(201) - count(409)} |`,
  );
  console.log(
    `| requests/s | ${Math.round(statuses.length / seconds)} |\n| double bookings in the database | ${doubles} |`,
  );
} finally {
  server.kill("SIGTERM");
  await handle.close();
}
