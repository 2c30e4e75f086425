// npm run bench:fhir — Patient/$everything in-process: one patient with 5 intakes (two with screen
// scores, one sent early) and 10 appointments with three clinicians, a recovery check-in answered.
// Times patientEverything (read, audit row, build the bundle: what the route does besides auth and
// JSON.stringify) over 200 runs after 20 to warm up, then with the body serialised, and without the
// audit row. Embedded PGlite by default; DATABASE_URL=postgres://… for a real PostgreSQL (its
// database gets the demo clinicians and one bench patient more), or `bash scripts/with-pg.sh npm run
// bench:fhir` for a throwaway one. Target: p95 under 50 ms.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { createDb } from "@/db/client";
import { upsertStaff } from "@/db/queries/staff";
import { appointments, intakes, outcomeCheckins } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { buildPatientBundle, patientEverything } from "@/lib/fhir/everything";
import { submitIntake } from "@/lib/intakes/submit";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { dateYearsBefore, vignetteIntake } from "../tests/support/answers";

const RUNS = Number(process.env.BENCH_FHIR_RUNS ?? 200);
const WARMUP = 20;
const TARGET_P95 = 50;
const BASE = "https://clinic.example/api/v1/fhir";

// scripts/with-pg.sh gives a throwaway server's database as E2E_DATABASE_URL.
const url = process.env.DATABASE_URL ?? process.env.E2E_DATABASE_URL;
const handle = url ? await createDb({ url, max: 5 }) : await createDb({ pgliteDir: "memory://" });
await handle.migrate();
const db = handle.db;
await seed(db);

const now = new Date();
const tag = randomUUID().slice(0, 8);
const { id: staffId } = await upsertStaff(db, {
  email: `bench.fhir.${tag}@clinic.test`,
  name: "Bench Clinician",
  role: "clinician",
  passwordHash: "x",
});
const viewer = { id: staffId, email: `bench.fhir.${tag}@clinic.test`, clientAddress: "192.0.2.1" };

// Men of 42, so the five vignettes share one identity (email and date of birth) and so one patient.
const contact = {
  firstName: "Bench",
  lastName: `Patient${tag}`,
  email: `bench.fhir.${tag}@example.com`,
  dateOfBirth: dateYearsBefore(now, 42),
  sex: "male",
};
const intakeIds: string[] = [];
for (const [i, v] of ["P15", "P12", "P30", "P38", "P16"].entries()) {
  const at = new Date(now.getTime() - (60 - i * 12) * 86_400_000);
  const raw = vignetteIntake(v, at) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, ...contact };
  const r = await submitIntake(db, {
    answers: makeIntakeAnswersSchema({ now: at }).parse(raw),
    now: at,
    timeZone: "America/New_York",
  });
  if (r.status === "key_conflict") throw new Error("unexpected idempotency conflict");
  intakeIds.push(r.response.id);
}
const [{ patientId }] = (await db
  .select({ patientId: intakes.patientId })
  .from(intakes)
  .where(eq(intakes.id, intakeIds[0]!))) as [{ patientId: string }];
// Ten appointments two hours apart, far enough ahead to miss anything the demo data booked.
for (let i = 0; i < 10; i++) {
  const startsAt = new Date(Date.UTC(2031, 0, 6, 0) + (i * 2 + Math.floor(Math.random() * 1000) * 24) * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + 45 * 60_000);
  const id = randomUUID();
  const status = (["completed", "cancelled", "booked"] as const)[i % 3]!;
  await db.insert(appointments).values({
    id,
    intakeId: intakeIds[i % 5]!,
    clinicianId: DEMO_CLINICIANS[i % 3]!.id,
    appointmentTypeId: "initial",
    startsAt,
    endsAt,
    blocked: `[${startsAt.toISOString()},${endsAt.toISOString()})`,
    // One booked appointment per intake at most (a unique index): the others are history.
    status: status === "booked" && i >= 5 ? "completed" : status,
    seriesId: id,
  });
}
const answered = { answeredAt: now, answers: { pain: { intensity: 3, pattern: "improving" }, trend: "better" } };
await db
  .insert(outcomeCheckins)
  .values({ intakeId: intakeIds[0]!, week: 2, dueAt: now, ...answered })
  .onConflictDoUpdate({ target: [outcomeCheckins.intakeId, outcomeCheckins.week], set: answered });

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b);
}
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const fmt = (ms: number) => ms.toFixed(2);

const sample = await patientEverything(db, viewer, patientId, { base: BASE, now });
if (sample.status !== "ok") throw new Error(`bench patient: ${sample.status}`);
const count = (t: string) => sample.bundle.entry.filter((e) => e.resource.resourceType === t).length;
const bytes = JSON.stringify(sample.bundle).length;

const everything = await time(() => patientEverything(db, viewer, patientId, { base: BASE, now: new Date() }));
const serialised = await time(async () =>
  JSON.stringify(
    ((await patientEverything(db, viewer, patientId, { base: BASE, now: new Date() })) as typeof sample).bundle,
  ),
);
const reads = await time(() => buildPatientBundle(db, patientId, { base: BASE, now: new Date() }));

const p95 = pct(everything, 95);
console.log(
  `\n### Patient/$everything, in-process (${url ? "PostgreSQL" : "embedded PGlite"}, ${RUNS} runs after ${WARMUP})\n`,
);
console.log(
  `One patient: ${count("QuestionnaireResponse")} intakes, ${count("Appointment")} appointments, ${count("Practitioner")} clinicians; ` +
    `${sample.bundle.entry.length} resources (Observations: ${count("Observation")}, Flags: ${count("Flag")}), ${(bytes / 1024).toFixed(1)} KiB of JSON.\n`,
);
console.log("| what | p50 | p95 | max | target |");
console.log("|---|---:|---:|---:|---|");
console.log(
  `| \`patientEverything\` (reads, audit row, bundle) | ${fmt(pct(everything, 50))} ms | ${fmt(p95)} ms | ${fmt(everything.at(-1)!)} ms | p95 < ${TARGET_P95} ms: ${p95 < TARGET_P95 ? "PASS" : "**FAIL**"} |`,
);
console.log(
  `| the same plus \`JSON.stringify\` (the route's body) | ${fmt(pct(serialised, 50))} ms | ${fmt(pct(serialised, 95))} ms | ${fmt(serialised.at(-1)!)} ms | |`,
);
console.log(
  `| \`buildPatientBundle\` (reads and bundle, no audit) | ${fmt(pct(reads, 50))} ms | ${fmt(pct(reads, 95))} ms | ${fmt(reads.at(-1)!)} ms | |`,
);
await handle.close();
process.exit(p95 < TARGET_P95 ? 0 : 1);
