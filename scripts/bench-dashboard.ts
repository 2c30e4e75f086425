// npm run bench:dashboard — the staff area at clinic scale: 1,000,000 intakes (about 5 %
// escalated) from 300,000 patients and 100,000 appointments on PostgreSQL. Measures the case queue
// (listEscalations) and the patient search (searchPatients), each through drizzle on postgres.js
// beside the very same SQL sent straight through postgres.js, and GET /staff, /staff/patients?q=
// and the calendar's week through `next start` at 10 connections. Runs inside scripts/with-pg.sh
// (a throwaway PostgreSQL). The triage audit (issue 22): clinicians' verdicts on a share of the
// grades and a silent pilot over the last 60 days, its reads (drizzle beside direct, like the
// others) and /staff/triage-audit through `next start`, signed in as a clinician.
//
// BENCH_DASHBOARD_ONLY=triage-audit (or calendar): seed as usual, then measure only the triage audit
// (or the calendar): its reads and its pages, beside the public home page for scale.
//
// BENCH_DASHBOARD_HOLD=1: after measuring, keep PostgreSQL and `next start` running and write their
// address and the signed-in cookies to /tmp/bt-bench-dashboard-hold.json, to profile a page by hand
// (BENCH_SERVER_NODE_OPTIONS is the server's NODE_OPTIONS, e.g. "--cpu-prof"); Ctrl-C ends it.
//
// BENCH_DASHBOARD_EXTRA_SQL="create index …": run this SQL (then ANALYZE) after the first round
// and measure again, to try an index before writing a migration for it.
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { availableParallelism } from "node:os";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import autocannon from "autocannon";
import { createDb, type Db } from "@/db/client";
import { listEscalations, type EscalationCursor, type EscalationFilter } from "@/db/queries/intakes";
import { readCalendar, readCalendarLoad } from "@/db/queries/calendar";
import { searchPatients } from "@/db/queries/patients";
import { setMfaPolicy } from "@/db/queries/mfa";
import {
  gradedRulesetVersions,
  levelsOverTime,
  listUnderTriage,
  missingDays,
  rolledUpLevels,
  rolledUpRuleFigures,
  rolledUpVerdicts,
  ruleFigures,
  silentComparison,
  verdictCounts,
  type RolledUpDays,
  type TriageAuditScope,
} from "@/db/queries/triage-audit";
import type { Level } from "@/common/vocabulary";
import { readTriageAudit, type TriageAuditQuery } from "@/lib/governance/audit";
import { upsertStaff } from "@/db/queries/staff";
import * as schema from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { hashPassword } from "@/lib/staff/passwords";
import { parsePatientSearch } from "@/lib/staff/patients";
import { addLocalDays, isoWeekday, localDate, localInstant, parseLocalDate } from "@/lib/scheduling/zoned";
import { vignetteIntake } from "../tests/support/answers";

const url = process.env.E2E_DATABASE_URL;
if (!url) throw new Error("run through scripts/bench-dashboard.sh (needs E2E_DATABASE_URL)");
const INTAKES = 1_000_000;
const PATIENTS = 300_000;
const APPOINTMENTS = 100_000;
const RUNS = 200;
const PAGE = 26; // the page asks for 25 + 1 (is there a next page?)
const TARGET_QUERY_P95 = 25;
const TARGET_PAGE_P95 = 150;
const TARGET_SEARCH_P95 = 50;
const TARGET_CALENDAR_P95 = 150;
const PORT = 3190;
const base = `http://127.0.0.1:${PORT}`;
const SECRET = "bench-dashboard-secret-bench-dashboard-secret-01";
const STAFF = { email: "bench.reception@clinic.test", password: "bench-dashboard-password-01" };
// The triage audit is for clinicians and admins.
const CLINICIAN = { email: "bench.clinician@clinic.test", password: "bench-dashboard-password-02" };
const TARGET_AUDIT_PAGE_P95 = 300;
const AUDIT_RUNS = 100;
const ONLY = process.env.BENCH_DASHBOARD_ONLY;
if (ONLY && ONLY !== "triage-audit" && ONLY !== "calendar")
  throw new Error("BENCH_DASHBOARD_ONLY is triage-audit or calendar");
const ONLY_AUDIT = ONLY === "triage-audit";
const ONLY_CALENDAR = ONLY === "calendar";
const started = performance.now();
const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);
const n = (x: number) => x.toLocaleString("en-US");
const pass = (ok: boolean) => (ok ? "PASS" : "**FAIL**");

// ---------------------------------------------------------------------------------------------
// The server, and making sure it never outlives this script.
let server: ChildProcess | undefined;
function stopServer() {
  if (server?.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, "SIGTERM"); // its own process group: next start and its children
    } catch {}
  }
}
process.on("exit", stopServer);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => process.exit(130));

const handle = await createDb({ url, max: 4 });
const db = handle.db;
const raw = postgres(url, { max: 1, onnotice: () => {} });
try {
  await main();
} finally {
  stopServer();
  await raw.end({ timeout: 5 });
  await handle.close();
}

async function main() {
  // -------------------------------------------------------------------------------------------
  // Seed: set-based SQL, no row-by-row inserts.
  const t0 = performance.now();
  await handle.migrate();
  await seed(db);
  const staffId = (
    await upsertStaff(db, {
      email: STAFF.email,
      name: "Bench Reception",
      role: "reception",
      passwordHash: await hashPassword(STAFF.password),
    })
  ).id;
  await upsertStaff(db, {
    email: CLINICIAN.email,
    name: "Bench Clinician",
    role: "clinician",
    passwordHash: await hashPassword(CLINICIAN.password),
  });
  // The bench's receptionist signs in with a password alone (the measure is of the pages, not of
  // a second factor; production requires one unless the clinic says otherwise).
  await setMfaPolicy(db, "optional", new Date());
  // 20 clinicians: the 3 demo ones and 17 more.
  await db.execute(sql`
    insert into clinicians (id, name, role)
    select ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'Clinician ' || i, 'Physiotherapist' from generate_series(1, 17) i
    on conflict do nothing`);
  // Their weekly hours (Monday to Friday, 8:00 to 17:00), so the calendar has free time to lay out.
  await db.execute(sql`
    insert into working_hours (clinician_id, weekday, start_time, end_time)
    select ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, d, '08:00', '17:00'
    from generate_series(1, 17) i cross join generate_series(1, 5) d`);
  const answers = JSON.stringify(vignetteIntake("P15", new Date())).replace(/'/g, "''");
  // u(k): a uniform [0, 1) number per row, stable across runs (a hash of the row number).
  const u = (k: number) => `((hashint4extended(g, ${k}) & 1048575)::float8 / 1048576)`;
  // 300,000 people: 40 first names and 600 surnames (two syllables), each with an email, a phone
  // number and a date of birth of their own. Every intake below belongs to one of them.
  await db.execute(
    sql.raw(`
    insert into patients (id, created_at, updated_at, first_name, last_name, email, phone, date_of_birth, sex)
    select id, now() - interval '2 years', now(), first_name, last_name,
      lower(first_name) || '.' || lower(last_name) || '.' || p || '@example.test',
      '+1 ' || (200 + h % 700) || ' 555 ' || lpad((p % 10000)::text, 4, '0'),
      date '1940-01-01' + (h % 25000)::int, case when h % 100 < 55 then 'female' else 'male' end
    from (
      select p, ('10000000-0000-4000-8000-' || lpad(p::text, 12, '0'))::uuid as id, h,
        (array['Ava','Liam','Maya','Noah','Zoe','Omar','Ines','Kofi','Lena','Sam','Priya','Jonas','Mia','Ravi','Ella','Tomas','Aisha','Ben','Chloe','Diego',
          'Hana','Felix','Nora','Yusuf','Iris','Leo','Amara','Kai','Sofia','Mateo','Lucia','Ivan','Rosa','Theo','Esme','Arjun','Freya','Malik','Clara','Jude'])[1 + h % 40] as first_name,
        (array['Ash','Bel','Car','Dun','El','Fair','Gar','Hal','Ken','Lind','Mor','Nor','Ock','Pen','Ros','Stan','Thorn','Wes','Brad','Whit',
          'Ald','Bram','Cor','Dal','Fen','Glen','Hart','Lang','Mar','Rad'])[1 + (h / 40) % 30]
        || (array['ford','ton','well','by','ley','wood','field','more','ridge','stone','brook','hurst','dale','worth','ham','wick','son','er','ick','ow'])[1 + (h / 1200) % 20] as last_name
      from (select p, (hashint4extended(p, 21) & 1048575)::int as h from generate_series(1, ${PATIENTS}) p) r
    ) x`),
  );
  const tPatients = performance.now();
  // Created over two years up to now. EMERGENCY 1 %, URGENT 4 % (escalated, reason "level"), and
  // 1 % of SOON escalated for "no_capacity". Escalated cases older than 3 days are acknowledged
  // and resolved but for 0.5 % (half of those acknowledged); newer ones are partly handled.
  await db.execute(
    sql.raw(`
    insert into intakes (created_at, patient_id, first_name, last_name, email, phone, date_of_birth, sex, answers, privacy_notice_version,
      level, level_rank, ruleset_version, fired_rules, flags, scores, age_at_grading, escalated, escalation_reason,
      acknowledged_at, acknowledged_by, resolved_at, resolved_by, silent, staff_level)
    select created_at, patient_id, first_name, last_name, email, phone, date_of_birth, sex,
      '${answers}'::jsonb, '2026-11',
      (array['SELF_CARE', 'ROUTINE', 'SOON', 'URGENT', 'EMERGENCY'])[rank]::triage_level, rank, '2026.11',
      array[case rank when 5 then 'E' || (1 + h % 8) when 4 then 'U' || (1 + h % 9)
        when 3 then (array['S1', 'S2', 'S4', 'S5', 'S7', 'S8'])[1 + h % 6] when 2 then 'R1' else 'C1' end],
      '{}', '{"odi": 38, "startBack": 4}'::jsonb, age, escalated,
      case when rank >= 4 then 'level' when escalated then 'no_capacity' end,
      case when acked then created_at + (4 + um * 90) * interval '1 minute' end,
      case when acked then '${staffId}'::uuid end,
      case when resolved then created_at + (1 + um * 30) * interval '1 hour' end,
      case when resolved then '${staffId}'::uuid end,
      -- The silent pilot: half the last 60 days' intakes, staff's level one off the engine's for 1 in 5.
      silent_pilot,
      case when silent_pilot then (array['SELF_CARE', 'ROUTINE', 'SOON', 'URGENT', 'EMERGENCY'])[
        greatest(1, least(5, rank + case when uz < 0.1 then 1 when uz < 0.2 then -1 else 0 end))]::triage_level end
    from (
      select *,
        escalated and (age_days >= 3 and ua >= 0.0025 or age_days < 3 and age_days * 1440 > 20 and ua < 0.6) as acked,
        escalated and (age_days >= 3 and ua >= 0.005 or age_days < 3 and age_days > 1 and ua < 0.3) as resolved
      from (
        select l.*, (rank >= 4 or rank = 3 and ue < 0.01) as escalated,
          l.created_at > now() - interval '60 days' and us < 0.5 as silent_pilot, extract(epoch from now() - l.created_at) / 86400 as age_days,
          pt.id as patient_id, pt.first_name, pt.last_name, pt.email, pt.phone, pt.date_of_birth, pt.sex,
          greatest(0, extract(year from age(l.created_at, pt.date_of_birth)))::smallint as age
        from (
          select g, h, ue, ua, um, us, uz, person, now() - ur * interval '730 days' as created_at,
            case when ul < 0.01 then 5 when ul < 0.05 then 4 when ul < 0.25 then 3 when ul < 0.75 then 2 else 1 end as rank
          from (select g, (hashint4extended(g, 9) & 1048575)::int as h, ${u(1)} as ur, ${u(2)} as ul, ${u(3)} as ue, ${u(4)} as ua, ${u(5)} as um, ${u(6)} as us, ${u(7)} as uz,
              -- Each person at least once, then at random: about 3.3 intakes each.
              case when g <= ${PATIENTS} then g else 1 + (hashint4extended(g, 23) & 1048575) % ${PATIENTS} end as person
            from generate_series(1, ${INTAKES}) g) r
        ) l
        join patients pt on pt.id = ('10000000-0000-4000-8000-' || lpad(l.person::text, 12, '0'))::uuid
      ) e
    ) x`),
  );
  const tIntakes = performance.now();
  // Appointments on a free grid (clinician, weekday, 45-minute step, lunch left free), from two
  // years ago to two weeks ahead, each for one intake taken in time order (so it comes a few days
  // after its intake). Half the escalated cases have one (urgent review), 1 in 12 of the others
  // (follow-up). Past ones completed, no-show or cancelled; future ones booked.
  await db.execute(
    sql.raw(`
    with grid as (
      select c.id as clinician_id,
        ((current_date + day)::timestamp + time '08:00' + q * interval '45 minutes') at time zone 'America/New_York' as starts
      from clinicians c cross join generate_series(-725, 14) day cross join generate_series(0, 10) q
      where extract(isodow from current_date + day) < 6 and q <> 6
    ),
    slots as (select clinician_id, starts, row_number() over (order by starts, clinician_id) as rn from grid),
    picked as (
      select id, patient_id, escalated, created_at, row_number() over (order by created_at, id) as rn from intakes
      where case when escalated then hashtext(id::text) % 2 = 0 else hashtext(id::text) % 12 = 0 end
    ),
    -- The k-th of ${APPOINTMENTS} picked intakes takes the slot k/${APPOINTMENTS} of the way through the grid.
    placed as (
      select p.*, ceil(p.rn * t.total / ${APPOINTMENTS}.0)::bigint as slot_rn
      from picked p cross join (select count(*) as total from grid) t where p.rn <= ${APPOINTMENTS}
    ),
    made as materialized (
      select gen_random_uuid() as id, p.id as intake_id, p.patient_id, s.clinician_id, p.escalated, s.starts, p.created_at,
        (hashtext(p.id::text) & 1023) / 1024.0 as uo
      from placed p join slots s on s.rn = p.slot_rn
    )
    insert into appointments (id, intake_id, patient_id, clinician_id, appointment_type_id, starts_at, ends_at, blocked, status, created_at, cancelled_at, series_id)
    select id, intake_id, patient_id, clinician_id,
      case when escalated then (select id from appointment_types where urgent) else 'follow-up' end,
      starts,
      starts + case when escalated then interval '20 minutes' else interval '30 minutes' end,
      case when escalated then tstzrange(starts - interval '5 minutes', starts + interval '25 minutes')
        else tstzrange(starts, starts + interval '40 minutes') end,
      (case when starts > now() then 'booked' when uo < 0.07 then 'cancelled' when uo < 0.12 then 'no_show' else 'completed' end)::appointment_status,
      least(created_at + interval '3 minutes', now()),
      case when starts <= now() and uo < 0.07 then starts - interval '1 day' end,
      id
    from made`),
  );
  const tAppointments = performance.now();
  // Clinicians' verdicts (issue 22): half the escalated grades and 1 in 12 of the others (about
  // 100,000): right 80 %, should have been higher 8 %, lower 12 %; a serious working diagnosis for
  // a quarter of the escalated ones and 2 % of the others, none given for 1 in 5. One in ten
  // verdicts replaced an earlier one, which stays as history (superseded).
  const h = (salt: string) => `((hashtext(id::text || '${salt}') & 1048575)::float8 / 1048576)`;
  await db.execute(
    sql.raw(`
    with judged as materialized (
      select id, created_at, escalated, ${h("v")} as uv, ${h("d")} as ud, ${h("s")} as us from intakes
      where ${h("j")} < case when escalated then 0.5 else 0.083 end
    ),
    earlier as (
      insert into grade_verdicts (intake_id, verdict, diagnosis, recorded_by, recorded_at, superseded_at)
      select id, 'right', 'non_specific', '${staffId}', created_at + interval '1 day', created_at + interval '3 days'
      from judged where us < 0.1
    )
    insert into grade_verdicts (intake_id, verdict, diagnosis, recorded_by, recorded_at)
    select id,
      case when uv < 0.8 then 'right' when uv < 0.88 then 'higher' else 'lower' end,
      case when ud < 0.2 then null
        when ud < case when escalated then 0.45 else 0.22 end
          then (array['cauda_equina', 'cord_compression', 'infection', 'fracture', 'cancer', 'vascular'])[1 + (ud * 1000)::int % 6]
        else (array['radicular', 'non_specific', 'inflammatory', 'other'])[1 + (ud * 1000)::int % 4] end,
      '${staffId}', created_at + interval '3 days'
    from judged`),
  );
  await db.execute(sql`analyze`);
  const seedSeconds = (performance.now() - t0) / 1000;

  const one = async <T>(q: Promise<T[]>) => (await q)[0]!;
  const stats = await one(raw<
    {
      intakes: number;
      escalated: number;
      open: number;
      waiting: number;
      appointments: number;
      booked: number;
      clinicians: number;
      patients: number;
      patients_with_intakes: number;
      verdicts: number;
      current_verdicts: number;
      silent: number;
    }[]
  >`
    select (select count(*)::int from intakes) as intakes, (select count(*)::int from intakes where escalated) as escalated,
      (select count(*)::int from intakes where escalated and resolved_at is null) as open,
      (select count(*)::int from intakes where escalated and resolved_at is null and acknowledged_at is null) as waiting,
      (select count(*)::int from appointments) as appointments, (select count(*)::int from appointments where status = 'booked') as booked,
      (select count(*)::int from clinicians) as clinicians, (select count(*)::int from patients) as patients,
      (select count(distinct patient_id)::int from intakes) as patients_with_intakes,
      (select count(*)::int from grade_verdicts) as verdicts,
      (select count(*)::int from grade_verdicts where superseded_at is null) as current_verdicts,
      (select count(*)::int from intakes where silent and staff_level is not null) as silent`);
  const sizes = await one(raw<{ intakes: string; appointments: string; patients: string; queue_idx: string }[]>`
    select pg_size_pretty(pg_total_relation_size('intakes')) as intakes, pg_size_pretty(pg_total_relation_size('appointments')) as appointments,
      pg_size_pretty(pg_total_relation_size('patients')) as patients,
      pg_size_pretty(pg_relation_size('intakes_escalation_queue_idx')) as queue_idx`);
  const machine = await one(raw<{ version: string; shared_buffers: string; work_mem: string }[]>`
    select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers, current_setting('work_mem') as work_mem`);

  console.log(
    `\n### Dashboard data: ${n(stats.intakes)} intakes from ${n(stats.patients)} patients, ${n(stats.appointments)} appointments\n`,
  );
  console.log("| measure | value |\n|---|---|");
  console.log(
    `| machine | ${availableParallelism()} cores, Node ${process.versions.node}, PostgreSQL ${machine.version} (shared_buffers ${machine.shared_buffers}, work_mem ${machine.work_mem}; fsync off) |`,
  );
  console.log(
    `| intakes | ${n(stats.intakes)}, escalated ${n(stats.escalated)} (${((100 * stats.escalated) / stats.intakes).toFixed(1)} %), open ${n(stats.open)}, of which waiting ${n(stats.waiting)} |`,
  );
  console.log(
    `| patients | ${n(stats.patients)}, all with intakes (${n(stats.patients_with_intakes)}); ${(stats.intakes / stats.patients).toFixed(1)} intakes each on average |`,
  );
  console.log(
    `| appointments | ${n(stats.appointments)} (${n(stats.booked)} booked) for ${stats.clinicians} clinicians |`,
  );
  console.log(
    `| triage audit | ${n(stats.current_verdicts)} grades with a verdict (${n(stats.verdicts - stats.current_verdicts)} earlier verdicts superseded), ${n(stats.silent)} silent-pilot intakes with a staff level |`,
  );
  console.log(
    `| sizes | intakes ${sizes.intakes} with indexes, patients ${sizes.patients}, appointments ${sizes.appointments}, queue index ${sizes.queue_idx} |`,
  );
  console.log(
    `| seeding | ${seedSeconds.toFixed(1)} s (patients ${((tPatients - t0) / 1000).toFixed(1)} s, intakes ${((tIntakes - tPatients) / 1000).toFixed(1)} s, appointments ${((tAppointments - tIntakes) / 1000).toFixed(1)} s, ANALYZE ${((performance.now() - tAppointments) / 1000).toFixed(1)} s) |`,
  );

  // -------------------------------------------------------------------------------------------
  // The queue query: drizzle (listEscalations) beside the same SQL sent straight to postgres.js.
  const cursorAt = async (offset: number, open: boolean): Promise<EscalationCursor> => {
    const rows = await raw.unsafe<{ level_rank: number; created_at: Date; id: string }[]>(
      `select level_rank, created_at, id from intakes where escalated ${open ? "and resolved_at is null" : ""}
       order by level_rank desc, created_at, id offset $1 limit 1`,
      [offset],
    );
    const row = rows[0]!;
    return { levelRank: row.level_rank, createdAt: row.created_at, id: row.id };
  };
  const clinicianId = DEMO_CLINICIANS[0].id;
  const queue = (name: string, filter: EscalationFilter, after?: EscalationCursor): QueryCase => ({
    name,
    run: (on) => listEscalations(on, { after, limit: PAGE, filter }),
  });
  const cases: QueryCase[] = [
    queue("first page (status open, default)", {}),
    queue(`deep page, status all, after row ${n(20_000)}`, { status: "all" }, await cursorAt(20_000, false)),
  ];
  const deepOpen = Math.floor(stats.open * 0.8);
  if (stats.open >= 200)
    cases.push(
      queue(`deep page, status open, after row ${n(deepOpen)} of ${n(stats.open)}`, {}, await cursorAt(deepOpen, true)),
    );
  cases.push(
    queue("clinician filter, first page (status open)", { clinicianId }),
    queue("clinician filter, first page (status all)", { clinicianId, status: "all" }),
    queue("level URGENT, status all, first page", { level: "URGENT", status: "all" }),
  );
  const queueResults = ONLY ? [] : await measureQueries(cases);
  if (queueResults.length)
    printQueries(
      `listEscalations, limit ${PAGE}, ${RUNS} runs each (sequential, one connection each side)`,
      queueResults,
      TARGET_QUERY_P95,
    );

  // -------------------------------------------------------------------------------------------
  // The patient search: what reception types for a caller, as the search box reads it.
  const someone = await one(raw<{ first_name: string; last_name: string; email: string; phone: string; dob: string }[]>`
    select first_name, last_name, email, phone, date_of_birth::text as dob from patients
    where id = '10000000-0000-4000-8000-000000123457'`);
  const search = (name: string, q: string): QueryCase => {
    const key = parsePatientSearch(q);
    if (!key) throw new Error(`not a search: ${q}`);
    return { name: `${name}: "${q}" (${key.kind})`, run: (on) => searchPatients(on, { key, limit: PAGE }) };
  };
  const searches: QueryCase[] = [
    search("surname prefix, common", someone.last_name.slice(0, 3).toLowerCase()),
    search("full surname", someone.last_name),
    search("first and last name", `${someone.first_name} ${someone.last_name}`),
    search("one letter", someone.last_name.slice(0, 1)),
    search("email", someone.email.toUpperCase()),
    search("phone, last digits as said on the phone", someone.phone.slice(-8)),
    search("date of birth (US)", someone.dob.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$2/$3/$1")),
  ];
  const searchResults = ONLY ? [] : await measureQueries(searches);
  if (searchResults.length)
    printQueries(
      `searchPatients, limit ${PAGE}, ${RUNS} runs each (sequential, one connection each side)`,
      searchResults,
      TARGET_SEARCH_P95,
    );

  // -------------------------------------------------------------------------------------------
  // The calendar: the week of every clinician (what it counts: each appointment's clinician, times
  // and level; time off; opening hours), this week and next, and one day of everyone with names.
  const zone = "America/New_York";
  const today = localDate(new Date(), zone);
  const monday = addLocalDays(today, 1 - isoWeekday(parseLocalDate(today)));
  const allClinicians = (await raw<{ id: string }[]>`select id from clinicians where active order by name`).map(
    (c) => c.id,
  );
  const range = (first: string, days: number) => ({
    from: localInstant(first, "00:00", zone),
    to: localInstant(addLocalDays(first, days), "00:00", zone),
    clinicianIds: allClinicians,
  });
  const week = (name: string, first: string): QueryCase => ({
    name,
    run: async (on) => {
      const r = await readCalendarLoad(on, range(first, 7));
      // Compared with the direct run by each row's first column: the appointment's clinician.
      return [...r.appointments.map((a) => ({ id: a.clinicianId })), ...r.timeOff, ...r.openingHours];
    },
  });
  const calendarResults = ONLY_AUDIT
    ? []
    : await measureQueries([
        week(`week summary, this week, ${allClinicians.length} clinicians (readCalendarLoad)`, monday),
        week(`week summary, next week, ${allClinicians.length} clinicians (readCalendarLoad)`, addLocalDays(monday, 7)),
        {
          name: `one day with names, ${allClinicians.length} clinicians (readCalendar)`,
          run: async (on) => {
            const r = await readCalendar(on, range(addLocalDays(monday, 8), 1));
            return [...r.appointments, ...r.timeOff, ...r.openingHours];
          },
        },
      ]);
  if (calendarResults.length)
    printQueries(
      `the calendar's reads (three statements each: appointments, time off, opening hours), ${RUNS} runs each`,
      calendarResults,
      TARGET_CALENDAR_P95,
    );

  // -------------------------------------------------------------------------------------------
  // The triage audit (issue 22): every grade here is ruleset 2026.11's, so auditing 2026.11 with no
  // dates reads the whole history (1,000,000 grades). Its closed days come from a rollup the first
  // read builds (timed once below); later reads sum the rollup and read today from the grades.
  await raw`vacuum (analyze) intakes, grade_verdicts`;
  const auditRuleset = "2026.11";
  const monthAgo = localDate(new Date(Date.now() - 30 * 86_400_000), zone);
  const auditNow = new Date();
  const readAudit = (on: Db, q: TriageAuditQuery) =>
    readTriageAudit(on, q, { timeZone: zone, now: auditNow, underTriageLimit: 100 });
  const tBuild = performance.now();
  await readAudit(db, { ruleset: auditRuleset });
  const buildMs = performance.now() - tBuild;
  const rollupRows = (await one(raw<{ n: number }[]>`select count(*)::int as n from triage_audit_days`)).n;
  const lastClosed = addLocalDays(localDate(new Date(auditNow.getTime() - 3_600_000), zone), -1);
  const rolled = (fromDay: string, level?: Level): RolledUpDays => ({
    zone,
    rulesetVersion: auditRuleset,
    fromDay,
    toDay: lastClosed,
    level,
  });
  const open: TriageAuditScope = {
    rulesetVersion: auditRuleset,
    from: localInstant(addLocalDays(lastClosed, 1), "00:00", zone),
  };
  const whole: TriageAuditScope = { rulesetVersion: auditRuleset };
  const lastMonth: TriageAuditScope = { rulesetVersion: auditRuleset, from: localInstant(monthAgo, "00:00", zone) };
  const firstColumn = <T extends object>(rows: T[]) => rows.map((r) => ({ id: String(Object.values(r)[0]) }));
  const auditCase = (name: string, run: (on: Db) => Promise<object[]>): QueryCase => ({
    name,
    run: async (on) => firstColumn(await run(on)),
  });
  const auditResults = ONLY_CALENDAR
    ? []
    : await measureQueries(
        [
          auditCase("days not rolled up yet, whole history", (on) =>
            missingDays(on, rolled("2024-01-01")).then((d) => d.map((day) => ({ day }))),
          ),
          auditCase("per rule, rollup, whole history", (on) => rolledUpRuleFigures(on, rolled("2024-01-01"))),
          auditCase("per rule, rollup, level URGENT", (on) => rolledUpRuleFigures(on, rolled("2024-01-01", "URGENT"))),
          auditCase("per rule, rollup, last 30 days", (on) => rolledUpRuleFigures(on, rolled(monthAgo))),
          auditCase("per rule, today from the grades", (on) => ruleFigures(on, open)),
          auditCase("levels per month, rollup, whole history", (on) =>
            rolledUpLevels(on, rolled("2024-01-01"), "month"),
          ),
          auditCase("levels per week, today from the grades", (on) =>
            levelsOverTime(on, open, { unit: "week", timeZone: zone }),
          ),
          auditCase("verdicts, rollup, whole history", (on) =>
            rolledUpVerdicts(on, rolled("2024-01-01")).then((v) => [v]),
          ),
          auditCase("verdicts, today from the grades", (on) => verdictCounts(on, open)),
          auditCase("under-triage, newest 100, whole history", (on) => listUnderTriage(on, whole, 100)),
          auditCase("silent pilot comparison, last 30 days", (on) => silentComparison(on, lastMonth)),
          auditCase("silent pilot comparison, whole history", (on) => silentComparison(on, whole)),
          auditCase("ruleset versions graded (skip scan)", (on) =>
            gradedRulesetVersions(on).then((v) => v.map((x) => ({ v: x }))),
          ),
        ],
        AUDIT_RUNS,
      );
  if (auditResults.length)
    printQueries(
      `the triage audit's reads, ruleset ${auditRuleset}, ${AUDIT_RUNS} runs each`,
      auditResults,
      TARGET_AUDIT_PAGE_P95,
    );
  // The whole read as the page makes it (every statement above, most in parallel), drizzle only.
  const wholeReads: { name: string; p50: number; p95: number }[] = [];
  for (const [name, q] of [
    ["whole history", { ruleset: auditRuleset }],
    ["last 30 days", { ruleset: auditRuleset, from: monthAgo }],
    ["level URGENT", { ruleset: auditRuleset, level: "URGENT" }],
  ] as const) {
    if (ONLY_CALENDAR) break;
    const ms: number[] = [];
    for (let i = 0; i < AUDIT_RUNS; i++) {
      const s = performance.now();
      await readAudit(db, q);
      ms.push(performance.now() - s);
    }
    ms.sort((x, y) => x - y);
    wholeReads.push({ name, p50: pct(ms, 50), p95: pct(ms, 95) });
  }
  if (wholeReads.length)
    console.log(
      `\nreadTriageAudit (the page's whole read), ${AUDIT_RUNS} runs each: ${wholeReads.map((r) => `${r.name} p50 ${fmt(r.p50)} / p95 ${fmt(r.p95)} ms`).join("; ")}. Building the rollup from nothing (the first read of 1,000,000 grades): ${(buildMs / 1000).toFixed(1)} s, ${n(rollupRows)} rollup rows.`,
    );

  // -------------------------------------------------------------------------------------------
  // GET /staff through next start, signed in, 10 connections.
  if (await portInUse(PORT)) throw new Error(`port ${PORT} is in use`);
  server = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        AUTH_SECRET: SECRET,
        APP_URL: base,
        LOCAL_ONLY: "true",
        AUTO_SEED: "false",
        DEMO_DATA: "false",
        EMAIL_WORKER: "false",
        RATE_LIMIT_SIGNIN_PER_MINUTE: "1000",
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? "",
      },
      detached: true, // its own process group, killed as a whole
      stdio: ["ignore", "ignore", openSync("/tmp/bt-bench-dashboard-server.log", "w")],
    },
  );
  if (process.env.BENCH_DASHBOARD_PIDFILE && server.pid)
    writeFileSync(process.env.BENCH_DASHBOARD_PIDFILE, String(server.pid));
  let ready = false;
  for (let i = 0; i < 120 && !ready; i++) {
    ready = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((r) => setTimeout(r, 500));
  }
  if (!ready) throw new Error("next start did not become healthy (see /tmp/bt-bench-dashboard-server.log)");
  const staffCookie = await signIn(STAFF);
  const clinicianCookie = await signIn(CLINICIAN);
  // Whose CPU is whose during the runs: this process, the server, PostgreSQL and its backends.
  const dataDir = (await one(raw<{ d: string }[]>`select current_setting('data_directory') as d`)).d;
  const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, "utf8").split("\n")[0]);
  const ours = () => new Set([process.pid, server!.pid!, postmaster]);
  type PageCase = {
    name: string;
    path: string;
    heading?: string;
    reference?: true;
    cookie?: string;
    target?: number;
    audit?: true;
  };
  const auditPage = (name: string, query: string): PageCase => ({
    name,
    path: `/staff/triage-audit?${query}`,
    heading: "<h1>Triage audit</h1>",
    cookie: clinicianCookie,
    target: TARGET_AUDIT_PAGE_P95,
    audit: true,
  });
  const queuePage = (name: string, path: string): PageCase => ({ name, path, heading: "<h1>Case queue</h1>" });
  const patientsPage = (q: string): PageCase => ({
    name: `/staff/patients?q=${q}`,
    path: `/staff/patients?q=${encodeURIComponent(q)}`,
    heading: "<h1>Patients</h1>",
  });
  const pages: PageCase[] = [
    // For scale: the cheapest page of the app (no sign-in, no queue), under the same load.
    { name: "/ (public home page, reference)", path: "/", reference: true },
    queuePage("/staff (open, first page)", "/staff"),
    queuePage("/staff?status=all&level=URGENT", "/staff?status=all&level=URGENT"),
    queuePage(`/staff?clinician=… (open)`, `/staff?clinician=${clinicianId}`),
    patientsPage(someone.last_name.slice(0, 3).toLowerCase()),
    patientsPage(`${someone.first_name} ${someone.last_name}`),
    patientsPage(someone.phone.slice(-8)),
    {
      name: "/staff/calendar?view=week (all clinicians)",
      path: "/staff/calendar?view=week",
      heading: "<h1>Calendar</h1>",
    },
    {
      name: "/staff/calendar (today, a column per clinician)",
      path: "/staff/calendar",
      heading: "<h1>Calendar</h1>",
    },
    auditPage(`/staff/triage-audit?ruleset=${auditRuleset} (whole history)`, `ruleset=${auditRuleset}`),
    auditPage(
      `/staff/triage-audit?ruleset=${auditRuleset}&from=… (last 30 days)`,
      `ruleset=${auditRuleset}&from=${monthAgo}`,
    ),
    auditPage(`/staff/triage-audit?ruleset=${auditRuleset}&level=URGENT`, `ruleset=${auditRuleset}&level=URGENT`),
  ];
  const pageResults = [];
  const calendarPage = (p: PageCase) => p.path.startsWith("/staff/calendar");
  for (const p of pages.filter((p) => p.reference || (ONLY_AUDIT ? p.audit : ONLY_CALENDAR ? calendarPage(p) : true))) {
    const cookie = p.cookie ?? staffCookie;
    const res = await fetch(base + p.path, { headers: { cookie }, redirect: "manual" });
    const html = await res.text();
    if (res.status !== 200 || (p.heading && !html.includes(p.heading)))
      throw new Error(`${p.path}: ${res.status}, not the page expected (signed out?)`);
    // Queue rows are marked; other pages' rows are table rows, less the header.
    const caseRows = html.split('data-testid="case-row"').length - 1;
    const rows = caseRows || Math.max(0, html.split("<tr").length - 2);
    await autocannon({ url: base + p.path, headers: { cookie }, connections: 10, duration: 3 }); // warm up
    // One request at a time first: what one page costs, without queueing behind the others.
    const alone: number[] = [];
    for (let i = 0; i < 50; i++) {
      const s = performance.now();
      await (await fetch(base + p.path, { headers: { cookie }, redirect: "manual" })).arrayBuffer();
      alone.push(performance.now() - s);
    }
    alone.sort((a, b) => a - b);
    const before = cpuSnapshot(ours);
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const run = autocannon({ url: base + p.path, headers: { cookie }, connections: 10, duration: 15 }, (err, r) =>
        err ? reject(err) : resolve(r),
      );
      run.on("response", (_c, _s, _b, ms) => latencies.push(ms));
    });
    const others = othersBusy(before, cpuSnapshot(ours));
    latencies.sort((a, b) => a - b);
    pageResults.push({
      ...p,
      rows,
      bytes: html.length,
      alone: pct(alone, 50),
      others,
      rps: result.requests.average,
      p50: pct(latencies, 50),
      p95: pct(latencies, 95),
      p99: pct(latencies, 99),
      ok: result["2xx"],
      bad: result.non2xx + result.errors + result.timeouts,
    });
  }
  console.log(
    `\n### Staff pages through next start, signed in, 10 connections, 15 s each (target p95 < ${TARGET_PAGE_P95} ms; the triage audit < ${TARGET_AUDIT_PAGE_P95} ms)\n`,
  );
  console.log(
    "| page | rows shown | HTML bytes | alone p50 ms | requests/s | p50 ms | p95 ms | p99 ms | 200 / other | other processes' CPU | p95 target |\n|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|",
  );
  for (const r of pageResults)
    console.log(
      `| ${r.name} | ${r.rows} | ${n(r.bytes)} | ${fmt(r.alone)} | ${Math.round(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${n(r.ok)} / ${r.bad} | ${Math.round(r.others * 100)} % | ${r.reference ? "(reference)" : pass(r.p95 < (r.target ?? TARGET_PAGE_P95) && r.bad === 0)} |`,
    );
  console.log(
    `\nalone: p50 of 50 requests one at a time. other processes' CPU: the share of the machine's ${availableParallelism()} cores used during the 10-connection run by processes other than this bench, its server and its PostgreSQL (the load generator runs inside this bench, on the same machine).`,
  );

  const failing = [
    ...queueResults.filter((r) => r.drizzle.p95 >= TARGET_QUERY_P95),
    ...searchResults.filter((r) => r.drizzle.p95 >= TARGET_SEARCH_P95),
    ...calendarResults.filter((r) => r.drizzle.p95 >= TARGET_CALENDAR_P95),
    ...auditResults.filter((r) => r.drizzle.p95 >= TARGET_AUDIT_PAGE_P95),
  ];
  console.log(
    `\nTargets: queue query p95 < ${TARGET_QUERY_P95} ms, patient search p95 < ${TARGET_SEARCH_P95} ms, calendar week query p95 < ${TARGET_CALENDAR_P95} ms, triage audit reads p95 < ${TARGET_AUDIT_PAGE_P95} ms: ${pass(failing.length === 0)}` +
      (failing.length ? ` (missed by: ${failing.map((r) => r.name).join("; ")})` : "") +
      `; staff pages p95 < ${TARGET_PAGE_P95} ms (triage audit < ${TARGET_AUDIT_PAGE_P95} ms): ${pass(pageResults.every((r) => r.reference || (r.p95 < (r.target ?? TARGET_PAGE_P95) && r.bad === 0)))}. Whole run ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  );
  if (process.env.BENCH_DASHBOARD_HOLD) {
    const hold = "/tmp/bt-bench-dashboard-hold.json";
    writeFileSync(
      hold,
      JSON.stringify({ base, databaseUrl: url, receptionCookie: staffCookie, clinicianCookie, auditRuleset, monthAgo }),
    );
    console.log(`\nHolding the server and the database (${hold}); Ctrl-C ends it.`);
    await new Promise(() => setInterval(() => {}, 60_000));
  }
  for (const r of failing) console.log(`\nEXPLAIN (ANALYZE, BUFFERS), ${r.name}:\n\n\`\`\`\n${r.plan}\n\`\`\``);

  const extra = process.env.BENCH_DASHBOARD_EXTRA_SQL;
  if (extra) {
    await raw.unsafe(extra);
    await raw`analyze intakes`;
    await raw`analyze patients`;
    const tried = await measureQueries([...cases, ...searches]);
    printQueries(`The same after \`${extra}\``, tried, TARGET_QUERY_P95);
    for (const r of tried)
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS), ${r.name}, with it:\n\n\`\`\`\n${r.plan}\n\`\`\``);
  }
}

// ---------------------------------------------------------------------------------------------
function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type Timing = { p50: number; p95: number };
/** A query to measure: `run` is the app's own function, given drizzle (or a recording drizzle). */
type QueryCase = { name: string; run: (on: Db) => Promise<{ id: string }[]> };

type QueryResult = {
  name: string;
  rows: number;
  statements: number;
  drizzle: Timing;
  direct: Timing;
  plan: string;
  sql: string;
};

async function measureQueries(cases: QueryCase[], runs = RUNS): Promise<QueryResult[]> {
  // A drizzle instance that only records the SQL and parameters it sends.
  let captured: { sql: string; params: unknown[] }[] = [];
  const recorder = postgres(url!, { max: 1, onnotice: () => {} });
  const recording = drizzle(recorder, {
    schema,
    logger: { logQuery: (q, params) => void captured.push({ sql: q, params }) },
  }) as unknown as Db;
  const out: QueryResult[] = [];
  try {
    for (const c of cases) {
      captured = [];
      const expected = await c.run(recording);
      const statements = captured;
      // drizzle sends unnamed (unprepared) statements and reads rows as arrays: so does the direct run.
      // (A queue page after a cursor may take two statements: the rest of the cursor's rank, then lower ranks.)
      const direct = async () => {
        const rows = [];
        for (const st of statements)
          rows.push(...(await raw.unsafe(st.sql, st.params as never[], { prepare: false }).values()));
        return rows;
      };
      const got = await direct();
      // The same rows (in order; statements run together, like the calendar's, may log in any order).
      const key = (ids: unknown[]) => (statements.length > 1 ? ids.map(String).sort() : ids.map(String)).join();
      if (key(got.map((row) => row[0])) !== key(expected.map((row) => row.id)))
        throw new Error(`${c.name}: the direct SQL returned other rows`);
      const drizzleMs: number[] = [];
      const directMs: number[] = [];
      for (let i = 0; i < Math.min(20, runs / 2); i++) await Promise.all([c.run(db), direct()]); // warm up
      for (let i = 0; i < runs; i++) {
        // Alternate which goes first, so neither always finds the cache the other warmed.
        const order = i % 2 === 0 ? ([drizzleMs, directMs] as const) : ([directMs, drizzleMs] as const);
        for (const into of order) {
          const s = performance.now();
          await (into === drizzleMs ? c.run(db) : direct());
          into.push(performance.now() - s);
        }
      }
      drizzleMs.sort((a, b) => a - b);
      directMs.sort((a, b) => a - b);
      const plans: string[] = [];
      for (const st of statements)
        plans.push(
          (await raw.unsafe(`explain (analyze, buffers) ${st.sql}`, st.params as never[], { prepare: false }).values())
            .map((r) => String(r[0]))
            .join("\n"),
        );
      out.push({
        name: c.name,
        rows: expected.length,
        statements: statements.length,
        drizzle: { p50: pct(drizzleMs, 50), p95: pct(drizzleMs, 95) },
        direct: { p50: pct(directMs, 50), p95: pct(directMs, 95) },
        plan: plans.join("\n\n"),
        sql: statements.map((st) => `${st.sql}\n-- ${JSON.stringify(st.params)}`).join("\n"),
      });
    }
  } finally {
    await recorder.end({ timeout: 5 });
  }
  writeFileSync(
    "/tmp/bt-bench-dashboard-plans.txt",
    out.map((r) => `## ${r.name}\n${r.sql}\n\n${r.plan}\n`).join("\n"),
    { flag: "a" },
  );
  return out;
}

function printQueries(title: string, results: QueryResult[], target: number) {
  console.log(`\n### ${title} (target p95 < ${target} ms)\n`);
  console.log(
    "| query | rows | drizzle p50 | drizzle p95 | direct p50 | direct p95 | drizzle/direct (p50, p95) | server time | p95 target |\n|---|---:|---:|---:|---:|---:|---|---:|---|",
  );
  for (const r of results) {
    const exec = [...r.plan.matchAll(/Execution Time: ([\d.]+) ms/g)]
      .reduce((sum, m) => sum + Number(m[1]), 0)
      .toFixed(2);
    console.log(
      `| ${r.name}${r.statements > 1 ? ` (${r.statements} statements)` : ""} | ${r.rows} | ${fmt(r.drizzle.p50)} | ${fmt(r.drizzle.p95)} | ${fmt(r.direct.p50)} | ${fmt(r.direct.p95)} | ${(r.drizzle.p50 / r.direct.p50).toFixed(2)}×, ${(r.drizzle.p95 / r.direct.p95).toFixed(2)}× | ${exec} ms | ${pass(r.drizzle.p95 < target)} |`,
    );
  }
  console.log(
    "\nTimes in ms. direct: the SQL and parameters drizzle sent, run through the raw postgres.js client; server time: EXPLAIN ANALYZE's execution time of one run.",
  );
}

async function signIn(who: { email: string; password: string }): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({
      email: who.email,
      password: who.password,
      csrfToken,
      callbackUrl: `${base}/staff`,
    }),
  });
  keep(res);
  const session = [...jar.keys()].find((k) => /^(__Secure-)?authjs\.session-token/.test(k));
  if (!session) throw new Error(`sign-in failed: ${res.status} ${res.headers.get("location")}`);
  return [...jar]
    .filter(([k]) => k.includes("session-token"))
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
}

/** Busy CPU ticks of the whole machine, and of our processes (and their children). */
function cpuSnapshot(ours: () => Set<number>) {
  const at = performance.now();
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = cpu[0]! + cpu[1]! + cpu[2]! + cpu[5]! + cpu[6]! + cpu[7]!; // user nice system irq softirq steal
  const mine = ours();
  let own = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // f[1] = ppid, f[11] = utime, f[12] = stime
      if (mine.has(Number(entry)) || mine.has(Number(f[1]))) own += Number(f[11]) + Number(f[12]);
    } catch {} // gone meanwhile
  }
  return { at, total, own };
}

/** The share of all cores that other processes kept busy between two snapshots (ticks are 1/100 s). */
function othersBusy(a: ReturnType<typeof cpuSnapshot>, b: ReturnType<typeof cpuSnapshot>) {
  const ticks = ((b.at - a.at) / 1000) * 100 * availableParallelism();
  return Math.max(0, (b.total - a.total - (b.own - a.own)) / ticks);
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}
