// Writes the fixed test vectors of the current ruleset: `npx tsx scripts/ruleset-vectors.ts`.
// A released version's vectors never change (tests/unit/triage/versions.test.ts grades them with that
// version's engine on every run), so this refuses to overwrite an existing file: a change to the
// rules is a new ruleset version with its own vectors.
//
// The vectors are generated intakes (the shared fast-check arbitrary, fixed seed), chosen so that
// every rule and flag of the version fires in at least a few of them, plus every level and every
// early-submission page; each is stored with the grade it got, inputs included, so the file does
// not depend on the generator staying the same.
import { existsSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import type { IntakeAnswers } from "@/lib/triage";
import { gradeIntake, RULESET_VERSION } from "@/lib/triage";
import { intakeAnswersArbitrary } from "../tests/support/intake-arbitrary";

const NOW = new Date("2026-12-01T12:00:00Z");
const SEED = 20_261_201;
const PER_ID = 4;
const file = `tests/fixtures/clinical/vectors-${RULESET_VERSION}.json`;

if (existsSync(file)) {
  console.error(
    `${file} exists: ruleset ${RULESET_VERSION} is released and its vectors are fixed. A change needs a new version.`,
  );
  process.exit(1);
}

const pool = fc.sample(intakeAnswersArbitrary({ now: NOW, early: true }), { numRuns: 60_000, seed: SEED });
const seen = new Map<string, number>();
const chosen: { answers: IntakeAnswers; level: string; firedRules: string[]; flags: string[] }[] = [];
for (const answers of pool) {
  const g = gradeIntake(answers, { now: NOW, timeZone: "UTC" });
  const keys = [
    ...g.firedRules.map((r) => r.id),
    ...g.flags.map((f) => f.id),
    `level:${g.level}`,
    `stop:${answers.stoppedAt}`,
  ];
  if (!keys.some((k) => (seen.get(k) ?? 0) < PER_ID)) continue;
  for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  chosen.push({ answers, level: g.level, firedRules: g.firedRules.map((r) => r.id), flags: g.flags.map((f) => f.id) });
}
const rare = [...seen].filter(([, n]) => n < PER_ID).map(([k, n]) => `${k} (${n})`);
writeFileSync(
  file,
  `${JSON.stringify({ rulesetVersion: RULESET_VERSION, gradedAt: NOW.toISOString(), timeZone: "UTC", vectors: chosen })}\n`,
);
console.log(
  `${file}: ${chosen.length} vectors covering ${seen.size} rules, flags, levels and pages${rare.length ? `; seen fewer than ${PER_ID} times: ${rare.join(", ")}` : ""}`,
);
