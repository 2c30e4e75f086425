// The safety report for the current ruleset: `npm run triage:report [-- --intakes=1000 --seed=N]`.
// Prints Markdown to standard output (issue 22, item 4): the rules with their sources, the changes
// from the previous version, the public and property test results, the audit figures when
// DATABASE_URL is set, and the hazard-log skeleton. Reads only the repository (fixtures under tests/,
// docs/evidence.md) and, with DATABASE_URL, PostgreSQL. It never opens the embedded database: the
// running app may hold its lock. Exits 1 when a check failed or the database could not be read.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { createDb } from "@/db/client";
import { DbUnavailableError } from "@/db/errors";
import { auditFigures } from "@/db/queries/triage-report";
import { evidenceSectionsByRule } from "@/lib/governance/evidence-sections";
import { HAZARDS } from "@/lib/governance/hazards";
import type { AuditSection } from "@/lib/governance/report";
import { buildTriageReport } from "@/lib/governance/report";
import type { PublicVignette, TestVectors } from "@/lib/governance/safety-checks";
import { CHECKS_NOT_RUN_HERE, runPropertyChecks, runVectors, runVignettes } from "@/lib/governance/safety-checks";
import { RULESET_VERSION, RULESETS } from "@/lib/triage";
import { intakeAnswersArbitrary } from "../tests/support/intake-arbitrary";

/** The unit tests' grading instant: the vignettes and generated intakes are graded at it. */
const GRADED_AT = new Date("2026-11-20T12:00:00Z");
const AUDIT_DAYS = 90;
const root = new URL("../", import.meta.url);

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg === undefined ? fallback : Number(arg.slice(name.length + 3));
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, root), "utf8")) as T;

function gitCommit(): string | null {
  try {
    const out = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], {
      cwd: root,
      stdio: ["ignore", "pipe", "ignore"],
    });
    return out.toString().trim() || null;
  } catch {
    return null;
  }
}

function evidenceMarkdown(): string {
  try {
    return readFileSync(new URL("docs/evidence.md", root), "utf8");
  } catch {
    return "";
  }
}

/** One line on why the database could not be read; never the URL's password or any row. */
function failure(error: unknown): string {
  if (error instanceof DbUnavailableError) return error.message;
  const e = error as { name?: string; code?: string; message?: string };
  return [e.name ?? "Error", e.code, e.message?.split("\n")[0]].filter(Boolean).join(": ");
}

async function audit(now: Date): Promise<AuditSection> {
  const url = process.env.DATABASE_URL;
  if (!url) return { kind: "no-database" };
  let handle: Awaited<ReturnType<typeof createDb>> | undefined;
  try {
    handle = await createDb({ url, max: 1 });
    const since = new Date(now.getTime() - AUDIT_DAYS * 86_400_000);
    const figures = await auditFigures(handle.db, { rulesetVersion: RULESET_VERSION, since, until: now });
    return { kind: "figures", figures };
  } catch (error) {
    return { kind: "unavailable", reason: failure(error) };
  } finally {
    await handle?.close().catch(() => {});
  }
}

async function main() {
  const count = option("intakes", 1000);
  const seed = option("seed", 20_261_120);
  const now = new Date();
  const index = RULESETS.findIndex((r) => r.version === RULESET_VERSION);
  const current = RULESETS[index]!;
  const previous = index > 0 ? RULESETS[index - 1]! : null;

  const results = [
    runVignettes(readJson<PublicVignette[]>("tests/fixtures/clinical/vignettes-public.json"), GRADED_AT),
  ];
  const vectorsPath = `tests/fixtures/clinical/vectors-${RULESET_VERSION}.json`;
  if (existsSync(new URL(vectorsPath, root))) results.push(runVectors(readJson<TestVectors>(vectorsPath)));
  const intakes = fc.sample(intakeAnswersArbitrary({ now: GRADED_AT, early: true }), { seed, numRuns: count });
  results.push(...runPropertyChecks(intakes, GRADED_AT));

  const auditSection = await audit(now);
  const report = buildTriageReport({
    current,
    previous,
    generatedAt: now,
    commit: gitCommit(),
    evidenceSections: evidenceSectionsByRule(
      evidenceMarkdown(),
      current.rules.map((r) => r.id),
    ),
    checks: { results, sample: { seed, count, gradedAt: GRADED_AT }, notRun: CHECKS_NOT_RUN_HERE },
    audit: auditSection,
    hazards: HAZARDS,
  });
  process.stdout.write(report);
  if (results.some((r) => r.failed > 0) || auditSection.kind === "unavailable") process.exitCode = 1;
}

await main();
