// npm run bench:waitlist — the urgency-ordered waitlist (issue 19) under a burst: 1,000 waiting
// patients, then 100 booked appointments cancelled in one statement, on PostgreSQL, with two
// worker processes (scripts/bench-waitlist-worker.ts, runWaitlistPass every second) already
// running. Measures how soon each freed time is offered, checks that no time is held for two
// patients, and replays the offers against the offer order (lib/waitlist: rankEntries, fitsEntry)
// to check each went to the right patient. Runs inside scripts/with-pg.sh (a throwaway PostgreSQL).
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { sql } from "drizzle-orm";
import { createDb } from "@/db/client";
import { insertAppointments, type NewAppointment } from "@/db/queries/appointments";
import { listWaitingEntries } from "@/db/queries/waitlist";
import { seed } from "@/db/seed";
import { offeredSlots, pickType } from "@/lib/booking/schedule";
import { getScheduleSettings } from "@/lib/clinic-settings";
import { addLocalDays, localDate, localInstant, MINUTE } from "@/lib/scheduling/zoned";
import { entryFrom, fitsEntry, rankEntries, type Availability, type WaitlistEntry } from "@/lib/waitlist";
import { vignetteIntake } from "../tests/support/answers";

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error("run through scripts/bench-waitlist.sh (needs TEST_DATABASE_URL)");
const WAITING = 1_000;
const CANCELLED = 100;
const BENCH_CLINICIANS = 10;
const TARGET_SECONDS = 60;
const GIVE_UP_SECONDS = 120;
const SECRET = "bench-waitlist-secret-bench-waitlist-secret-01";
const ZONE = "America/New_York"; // the demo clinic's (db/seed.ts)
const DB_NAME = "bench_waitlist";
const n = (x: number) => x.toLocaleString("en-US");
const pass = (ok: boolean) => (ok ? "PASS" : "**FAIL**");
const rows = async <T>(query: Promise<unknown>) => (await query) as T[];

// A small seeded generator (mulberry32): the same patients on every run.
let seedState = 19_007;
function random(): number {
  seedState = (seedState + 0x6d2b79f5) | 0;
  let t = seedState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const admin = await createDb({ url: adminUrl, max: 1 });
await admin.db.execute(sql.raw(`drop database if exists ${DB_NAME} with (force)`));
await admin.db.execute(sql.raw(`create database ${DB_NAME}`));
const u = new URL(adminUrl);
u.pathname = `/${DB_NAME}`;
const url = u.toString();
const handle = await createDb({ url, max: 4 });
const db = handle.db;

const workers: ChildProcess[] = [];
const killWorkers = () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
};
process.on("exit", killWorkers);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => process.exit(130));

try {
  process.exitCode = (await main()) ? 0 : 1;
} finally {
  killWorkers();
  await handle.close();
  await admin.db.execute(sql.raw(`drop database if exists ${DB_NAME} with (force)`));
  await admin.close();
}

async function main(): Promise<boolean> {
  const setupStarted = performance.now();
  await handle.migrate();
  await seed(db);
  // No urgent reserve in the bench clinic: every free time is a patient's to take, so the freed
  // times below are exactly the cancelled appointments (the reserve would withhold each
  // clinician-day's first free time until noon).
  await db.execute(sql`update clinic set urgent_reserve_per_day = 0`);
  // Ten more clinicians, 08:00–18:00 every day of the week, so the burst lands on one week whatever
  // day the bench runs.
  const benchIds = Array.from(
    { length: BENCH_CLINICIANS },
    (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
  );
  await db.execute(sql`
    insert into clinicians (id, name, role)
    select ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'Bench Clinician ' || i, 'Physiotherapist'
    from generate_series(1, ${BENCH_CLINICIANS}) i`);
  await db.execute(sql`
    insert into working_hours (clinician_id, weekday, start_time, end_time)
    select ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, d, '08:00', '18:00'
    from generate_series(1, ${BENCH_CLINICIANS}) i cross join generate_series(1, 7) d`);

  const setupNow = new Date();
  const today = localDate(setupNow, ZONE);
  const answers = JSON.stringify(vignetteIntake("P15", setupNow));

  // 1,000 waiting patients: SOON 5 %, ROUTINE 65 %, SELF_CARE 30 % (half as many SOON patients as
  // freed times, so the offers cross from SOON to ROUTINE), graded over the last two
  // weeks and joining within two hours of grading; half can come any time, the others chose 1–3
  // days (weekdays more often) with one or two parts of the day; 1 in 10 only from 2–4 days ahead.
  const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
  const weightedDays = [...days.slice(0, 5), ...days.slice(0, 5), "sat", "sun"] as const;
  const parts = ["morning", "afternoon", "evening"] as const;
  const people = Array.from({ length: WAITING }, (_, i) => {
    const r = random();
    const level = r < 0.05 ? "SOON" : r < 0.7 ? "ROUTINE" : "SELF_CARE";
    const created = setupNow.getTime() - (10 * MINUTE + random() * 14 * 1440 * MINUTE);
    const joined = Math.min(created + random() * 120 * MINUTE, setupNow.getTime() - MINUTE);
    let availability: Availability = "any";
    if (random() >= 0.5) {
      const chosen: Partial<Record<(typeof days)[number], (typeof parts)[number][]>> = {};
      const count = 1 + Math.floor(random() * 3);
      while (Object.keys(chosen).length < count) {
        const first = pick(parts);
        const second = random() < 0.4 ? pick(parts.filter((p) => p !== first)) : null;
        chosen[pick(weightedDays)] = second ? [first, second] : [first];
      }
      availability = chosen;
    }
    return {
      i: i + 1,
      level,
      rank: level === "SOON" ? 3 : level === "ROUTINE" ? 2 : 1,
      rule: level === "SOON" ? "S1" : level === "ROUTINE" ? "R1" : "C1",
      created_at: new Date(created).toISOString(),
      joined_at: new Date(joined).toISOString(),
      availability,
      not_before: random() < 0.1 ? addLocalDays(today, 2 + Math.floor(random() * 3)) : null,
    };
  });
  await db.execute(sql`
    with src as (
      select * from jsonb_to_recordset(${JSON.stringify(people)}::jsonb)
        as x(i int, level text, rank int, rule text, created_at timestamptz, joined_at timestamptz, availability jsonb, not_before date)
    ),
    made as (
      insert into intakes (created_at, first_name, last_name, email, phone, date_of_birth, sex, answers, privacy_notice_version,
        level, level_rank, ruleset_version, fired_rules, flags, scores, age_at_grading)
      select created_at, 'Waiting', 'Patient ' || i, 'waiting.' || i || '@example.test', '+1 212 555 ' || lpad(i::text, 4, '0'),
        date '1960-01-01' + i * 7, case when i % 2 = 0 then 'female' else 'male' end, ${answers}::jsonb, '2026-11',
        level::triage_level, rank, '2026.11', array[rule], '{}', '{"odi": 30, "startBack": 3}'::jsonb, 45
      from src
      returning id, email
    )
    insert into waitlist_entries (intake_id, availability, not_before, joined_at)
    select made.id, src.availability, src.not_before, src.joined_at
    from made join src on made.email = 'waiting.' || src.i || '@example.test'`);

  // 100 booked initial assessments of other patients over the next six days, ten clinicians, at
  // 08:00, 10:00, 13:00 or 15:00, never two of one clinician back to back (each freed time is one
  // offer: its other starts overlap the time held).
  const TIMES = ["08:00", "10:00", "13:00", "15:00"] as const;
  const planned = Array.from({ length: CANCELLED }, (_, i) => {
    const c = i % BENCH_CLINICIANS;
    const k = Math.floor(i / BENCH_CLINICIANS);
    const date = addLocalDays(today, 1 + (k % 6));
    return { clinicianId: benchIds[c]!, date, start: localInstant(date, TIMES[(c + k) % TIMES.length]!, ZONE) };
  });
  // Each is a time the slot engine offers patients (on the clinic's grid, inside hours, after the
  // minimum notice), checked before booking it.
  const settings = await getScheduleSettings(db);
  const initial = pickType(settings.types, "ROUTINE", "initial");
  if (!initial) throw new Error("the seed has no initial assessment type");
  const free = new Set<string>();
  for (const id of benchIds) {
    const offer = await offeredSlots(db, {
      now: setupNow,
      from: addLocalDays(today, 1),
      days: 6,
      type: initial,
      withinDays: null,
      mode: "patient",
      clinicianIds: [id],
    });
    for (const s of offer.slots) free.add(`${s.clinicianId} ${s.start.toISOString()}`);
  }
  const offGrid = planned.filter((p) => !free.has(`${p.clinicianId} ${p.start.toISOString()}`));
  if (offGrid.length) throw new Error(`${offGrid.length} planned times are not bookable slots`);
  const others = await rows<{ id: string; i: number }>(
    db.execute(sql`
      insert into intakes (created_at, first_name, last_name, email, phone, date_of_birth, sex, answers, privacy_notice_version,
        level, level_rank, ruleset_version, fired_rules, flags, scores, age_at_grading)
      select now() - interval '3 days', 'Booked', 'Patient ' || i, 'booked.' || i || '@example.test', '+1 646 555 ' || lpad(i::text, 4, '0'),
        date '1970-01-01' + i * 11, 'female', ${answers}::jsonb, '2026-11', 'ROUTINE', 2, '2026.11', array['R1'], '{}',
        '{"odi": 30, "startBack": 3}'::jsonb, 45
      from generate_series(1, ${CANCELLED}) i
      returning id, substring(last_name from 9)::int as i`),
  );
  const intakeOf = new Map(others.map((o) => [o.i, o.id]));
  const blockEnd = (start: Date) =>
    new Date(start.getTime() + (initial.minutes + initial.bufferAfterMinutes) * MINUTE).toISOString();
  await insertAppointments(
    db,
    planned.map((p, i): NewAppointment => {
      const id = crypto.randomUUID();
      return {
        id,
        seriesId: id,
        intakeId: intakeOf.get(i + 1)!,
        clinicianId: p.clinicianId,
        appointmentTypeId: initial.id,
        startsAt: p.start,
        endsAt: new Date(p.start.getTime() + initial.minutes * MINUTE),
        blocked: `[${p.start.toISOString()},${blockEnd(p.start)})`,
        status: "booked",
      };
    }),
  );
  await db.execute(sql`analyze`);

  // The waiting list as the workers will read it, in offer order.
  const listed = await listWaitingEntries(db, new Date());
  const ranked = rankEntries(
    listed.flatMap((row) => {
      const found = entryFrom(row);
      return "entry" in found ? [found.entry] : [];
    }),
  );
  const levels = { SOON: 0, ROUTINE: 0, SELF_CARE: 0 };
  for (const e of ranked) levels[e.level]++;
  const anyTime = ranked.filter((e) => e.availability === "any").length;
  const withNotBefore = ranked.filter((e) => e.notBefore !== null).length;
  // By design every freed time fits someone: the fewest waiting patients any one of them fits.
  const fewestFitting = Math.min(
    ...planned.map((p) => ranked.filter((e) => fitsEntry({ start: p.start }, e, ZONE, setupNow)).length),
  );
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  // Two workers, started and connected before the burst (as in a running clinic).
  const passes: { worker: string; ms: number; claimed: number; offered: number; noOne: number; past: number }[] = [];
  const worker = (name: string) =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench-waitlist-worker.ts"], {
        env: {
          ...process.env,
          DATABASE_URL: url,
          AUTH_SECRET: SECRET,
          NODE_ENV: "production",
          APP_URL: "http://127.0.0.1:3000",
          LOCAL_ONLY: "true",
          BENCH_WORKER: name,
        },
        stdio: ["ignore", "pipe", "inherit"],
      });
      workers.push(child);
      child.once("exit", (code) => reject(new Error(`worker ${name} exited (${code}) before it was ready`)));
      createInterface({ input: child.stdout! }).on("line", (line) => {
        if (line === "ready") resolve(child);
        else if (line.startsWith("{")) passes.push(JSON.parse(line));
      });
    });
  await Promise.all([worker("A"), worker("B")]);

  // The burst: every booked appointment cancelled in one statement; the trigger records each freed time.
  const t0 = performance.now();
  const cancelled = await rows<{ id: string }>(
    db.execute(sql`update appointments set status = 'cancelled', cancelled_at = now(), cancel_reason = 'bench'
      where status = 'booked' returning id`),
  );
  let left = cancelled.length;
  let freedCount = 0;
  while (performance.now() - t0 < GIVE_UP_SECONDS * 1000) {
    const [row] = await rows<{ freed: number; left: number }>(
      db.execute(
        sql`select count(*)::int as freed, (count(*) filter (where handled_at is null))::int as left from freed_times`,
      ),
    );
    freedCount = row!.freed;
    left = row!.left;
    if (freedCount >= cancelled.length && left === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const observedSeconds = (performance.now() - t0) / 1000;
  await Promise.all(
    workers
      .filter((w) => w.exitCode === null && w.signalCode === null)
      .map(
        (w) =>
          new Promise((r) => {
            w.removeAllListeners("exit");
            w.once("exit", r);
            w.kill("SIGTERM");
          }),
      ),
  );

  // What the workers did. Times on the database's clock: a freed time is recorded in the cancelling
  // transaction (freed_at = its now()), an offer when its hold transaction starts (the held
  // appointment's created_at); offered_at is the worker pass's clock, the `now` it offered for.
  const outcomes = await rows<{ outcome: string | null; n: number }>(
    db.execute(sql`select outcome, count(*)::int as n from freed_times group by outcome`),
  );
  const outcome = (name: string) => outcomes.find((o) => o.outcome === name)?.n ?? 0;
  const offers = await rows<{
    id: string;
    entry_id: string;
    freed_time_id: string;
    starts_ms: number;
    offered_ms: number;
    held_ms: number;
    freed_ms: number;
    inside: boolean;
    own_start: boolean;
  }>(
    db.execute(sql`
      select o.id, o.entry_id, o.freed_time_id,
        extract(epoch from o.starts_at) * 1000 as starts_ms, extract(epoch from o.offered_at) * 1000 as offered_ms,
        extract(epoch from a.created_at) * 1000 as held_ms, extract(epoch from f.freed_at) * 1000 as freed_ms,
        (o.starts_at >= f.starts_at and o.starts_at < f.ends_at) as inside, o.starts_at = f.starts_at as own_start
      from waitlist_offers o
      join appointments a on a.id = o.appointment_id
      join freed_times f on f.id = o.freed_time_id
      order by a.created_at, o.offered_at, o.id`),
  );
  for (const o of offers)
    for (const k of ["starts_ms", "offered_ms", "held_ms", "freed_ms"] as const) o[k] = Number(o[k]);
  const firstOffer = new Map<string, number>();
  for (const o of offers)
    firstOffer.set(o.freed_time_id, Math.min(firstOffer.get(o.freed_time_id) ?? Infinity, o.held_ms - o.freed_ms));
  const delays = [...firstOffer.values()].map((ms) => ms / 1000).sort((a, b) => a - b);
  const pct = (p: number) =>
    delays.length ? delays[Math.min(delays.length - 1, Math.floor((p / 100) * delays.length))]! : NaN;
  const lastSeconds = delays.length ? delays.at(-1)! : NaN;

  // Held twice: two live appointments (held or booked) of one clinician whose blocked ranges overlap.
  const [holds] = await rows<{ overlaps: number; held: number; two_open: number; orphans: number }>(
    db.execute(sql`
      select
        (select count(*)::int from appointments a join appointments b
           on a.clinician_id = b.clinician_id and a.id < b.id and a.blocked && b.blocked
         where a.status not in ('cancelled', 'rescheduled') and b.status not in ('cancelled', 'rescheduled')) as overlaps,
        (select count(*)::int from appointments where status = 'held') as held,
        (select count(*)::int from (select entry_id from waitlist_offers where status = 'open'
           group by entry_id having count(*) > 1) t) as two_open,
        (select count(*)::int from waitlist_offers o left join appointments a on a.id = o.appointment_id
         where o.status = 'open' and (a.id is null or a.status <> 'held')) as orphans`),
  );

  // The order, replayed: in the order the holds were made, each offer must go to the first patient
  // in offer order whom its time fits (at the worker's `now`) and who had no earlier offer.
  const given = new Set<string>();
  const byId = new Map<string, WaitlistEntry>(ranked.map((e) => [e.id, e]));
  let outOfOrder = 0;
  let notFitting = 0;
  for (const o of offers) {
    const slot = { start: new Date(o.starts_ms) };
    const now = new Date(o.offered_ms);
    const expected = ranked.find((e) => !given.has(e.id) && fitsEntry(slot, e, ZONE, now));
    const got = byId.get(o.entry_id);
    if (!got || !fitsEntry(slot, got, ZONE, now)) notFitting++;
    if (expected?.id !== o.entry_id) outOfOrder++;
    given.add(o.entry_id);
  }
  const offeredTo = { SOON: 0, ROUTINE: 0, SELF_CARE: 0 };
  for (const o of offers) {
    const e = byId.get(o.entry_id);
    if (e) offeredTo[e.level]++;
  }
  const passMs = passes.map((p) => p.ms).sort((a, b) => a - b);

  const allOffered = outcome("offered") === cancelled.length && left === 0 && lastSeconds < TARGET_SECONDS;
  const ok =
    allOffered &&
    holds!.overlaps === 0 &&
    holds!.two_open === 0 &&
    holds!.orphans === 0 &&
    outOfOrder === 0 &&
    notFitting === 0;

  const [version] = await rows<{ v: string }>(db.execute(sql`select current_setting('server_version') as v`));
  console.log(
    `\n### Waitlist: ${n(WAITING)} waiting patients, ${CANCELLED} cancellations at once, two worker processes (PostgreSQL ${version!.v})\n`,
  );
  console.log("| measure | value | target |\n|---|---|---|");
  console.log(
    `| waiting patients | ${n(ranked.length)}: SOON ${levels.SOON}, ROUTINE ${levels.ROUTINE}, SELF_CARE ${levels.SELF_CARE}; ${anyTime} any time, ${ranked.length - anyTime} chosen days and parts of the day; ${withNotBefore} from a later date | |`,
  );
  console.log(
    `| freed times | ${freedCount} (one UPDATE cancelling ${cancelled.length} booked 45-minute assessments, ${BENCH_CLINICIANS} clinicians, next 6 days); each fits at least ${fewestFitting} waiting patients | |`,
  );
  console.log(
    `| offered / nobody fits / too close / not handled | ${outcome("offered")} / ${outcome("no_one")} / ${outcome("past")} / ${left} (${offers.length} offers: SOON ${offeredTo.SOON}, ROUTINE ${offeredTo.ROUTINE}, SELF_CARE ${offeredTo.SELF_CARE}; ${offers.filter((o) => o.own_start).length} at the cancelled appointment's own start, ${offers.filter((o) => !o.inside).length} outside it) | every freed time offered |`,
  );
  console.log(
    `| freed → offered, per freed time | p50 ${pct(50).toFixed(2)} s, p95 ${pct(95).toFixed(2)} s, max ${lastSeconds.toFixed(2)} s (all handled, seen by polling every 0.2 s: ${observedSeconds.toFixed(1)} s) | max < ${TARGET_SECONDS} s: ${pass(allOffered)} |`,
  );
  console.log(
    `| held for two patients (live appointments of one clinician overlapping) | ${holds!.overlaps} (${holds!.held} times held) | 0: ${pass(holds!.overlaps === 0)} |`,
  );
  console.log(
    `| patients with two open offers / open offers without their held time | ${holds!.two_open} / ${holds!.orphans} | 0: ${pass(holds!.two_open === 0 && holds!.orphans === 0)} |`,
  );
  console.log(
    `| offers out of order (replayed: first in offer order who fits and has no earlier offer) / to a patient the time does not fit | ${outOfOrder} / ${notFitting} | 0: ${pass(outOfOrder === 0 && notFitting === 0)} |`,
  );
  console.log(
    `| worker passes that claimed times | ${passes.filter((p) => p.worker === "A").length} (A) + ${passes.filter((p) => p.worker === "B").length} (B), up to 20 times each; pass p50 ${passMs[Math.floor(passMs.length / 2)] ?? 0} ms, max ${passMs.at(-1) ?? 0} ms | |`,
  );
  console.log(
    `\nSet-up (migrate, seed, ${n(WAITING)} patients, ${CANCELLED} bookings) ${setupSeconds.toFixed(1)} s. The bench clinic has no urgent reserve (urgent_reserve_per_day 0). Times are the database's clock: from the cancelling transaction to the start of each offer's hold transaction. Result: ${pass(ok)}.`,
  );
  return ok;
}
