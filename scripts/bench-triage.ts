// Grading throughput: `npx tsx scripts/bench-triage.ts [--intakes=100000] [--rounds=5]`.
// Generates valid intakes with the shared fast-check arbitrary (fixed seed, so every run grades the
// same intakes), passes each through the intake schema as the API and the form do (so the engine
// sees the objects it sees in production, not fast-check's), warms up, then grades them all
// in-process several times and prints a markdown report ready for a README. Validation (zod) is
// deliberately outside the timed loop: the API validates once at the edge, and this measures the
// pure engine.
import { cpus } from "node:os";
import fc from "fast-check";
import type { IntakeAnswers, Level } from "@/lib/triage";
import { gradeIntake, LEVELS, makeIntakeAnswersSchema, RULESET_VERSION } from "@/lib/triage";
import { intakeAnswersArbitrary } from "../tests/support/intake-arbitrary";

const TARGET_PER_SECOND = 200_000;
const SEED = 20_261_120;
const NOW = new Date("2026-11-20T12:00:00Z");

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg === undefined ? fallback : Number(arg.slice(name.length + 3));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** When each intake is graded: one shared instant (a batch), or a different one each time (live traffic). */
type Clock = readonly Date[] | Date;

/** Grades every intake once; returns elapsed ms and a checksum that keeps the work observable. */
function gradeAll(intakes: readonly IntakeAnswers[], timeZone: string, clock: Clock): { ms: number; checksum: number } {
  let checksum = 0;
  const start = performance.now();
  for (let i = 0; i < intakes.length; i++) {
    const now = clock instanceof Date ? clock : clock[i]!;
    checksum += gradeIntake(intakes[i]!, { now, timeZone }).levelRank;
  }
  return { ms: performance.now() - start, checksum };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function measure(intakes: readonly IntakeAnswers[], rounds: number, timeZone: string, clock: Clock) {
  for (let i = 0; i < 3; i++) gradeAll(intakes, timeZone, clock); // warm-up: let V8 optimise the hot path
  const rates: number[] = [];
  let checksum = 0;
  for (let r = 0; r < rounds; r++) {
    const run = gradeAll(intakes, timeZone, clock);
    checksum += run.checksum;
    rates.push(intakes.length / (run.ms / 1000));
  }
  return { median: median(rates), best: Math.max(...rates), worst: Math.min(...rates), checksum };
}

function main() {
  const count = option("intakes", 100_000);
  const rounds = option("rounds", 5);
  const genStart = performance.now();
  const schema = makeIntakeAnswersSchema({ now: NOW });
  const intakes = fc
    .sample(intakeAnswersArbitrary({ now: NOW, early: true }), { numRuns: count, seed: SEED })
    .map((a) => schema.parse(a));
  const genMs = performance.now() - genStart;

  // One millisecond apart: every grading then needs its own time-zone lookup.
  const instants = intakes.map((_, i) => new Date(NOW.getTime() + i));
  const runs = [
    { label: "UTC, one shared instant", ...measure(intakes, rounds, "UTC", NOW) },
    { label: "UTC, a new instant per grading", ...measure(intakes, rounds, "UTC", instants) },
    { label: "Europe/London, one shared instant", ...measure(intakes, rounds, "Europe/London", NOW) },
    { label: "Europe/London, a new instant per grading", ...measure(intakes, rounds, "Europe/London", instants) },
  ];
  const slowest = Math.min(...runs.map((r) => r.median));

  const levels = new Map<Level, number>(LEVELS.map((l) => [l, 0]));
  for (const a of intakes) {
    const level = gradeIntake(a, { now: NOW }).level;
    levels.set(level, (levels.get(level) ?? 0) + 1);
  }

  const cpu = cpus();
  const lines = [
    `### Triage grading benchmark (ruleset ${RULESET_VERSION})`,
    "",
    `${fmt(count)} valid intakes (complete forms and early submissions) from the fast-check arbitrary (seed ${SEED}), each parsed by the intake schema as the API does (${fmt(genMs)} ms),`,
    `graded ${rounds}× after a 3-pass warm-up; Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}.`,
    "",
    "| Grading clock | Median grades/s | Best | Worst | µs per grade (median) |",
    "|---|---:|---:|---:|---:|",
    ...runs.map(
      (r) => `| ${r.label} | ${fmt(r.median)} | ${fmt(r.best)} | ${fmt(r.worst)} | ${(1e6 / r.median).toFixed(2)} |`,
    ),
    "",
    `Target ≥ ${fmt(TARGET_PER_SECOND)} grades/s on one core: ${slowest >= TARGET_PER_SECOND ? "met" : "NOT met"} (slowest median ${fmt(slowest)}).`,
    "",
    "| Level | Intakes | Share |",
    "|---|---:|---:|",
    ...LEVELS.map(
      (l) => `| ${l} | ${fmt(levels.get(l) ?? 0)} | ${(((levels.get(l) ?? 0) / count) * 100).toFixed(1)}% |`,
    ),
    "",
    `<!-- checksum ${runs.reduce((sum, r) => sum + r.checksum, 0)} -->`,
  ];
  console.log(lines.join("\n"));
}

main();
