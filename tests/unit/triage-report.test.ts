// The safety report per ruleset (issue 22, item 4), generated here without a database as
// `npm run triage:report` generates it: every rule id with its level, the changes the spec names,
// the vignettes and property checks passed, and a hazard log whose evidence files exist.
import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evidenceSectionsByRule } from "@/lib/governance/evidence-sections";
import { HAZARDS } from "@/lib/governance/hazards";
import { buildTriageReport } from "@/lib/governance/report";
import type { TriageReportInput } from "@/lib/governance/report";
import { rulesetChanges } from "@/lib/governance/ruleset-changes";
import type { PublicVignette, TestVectors } from "@/lib/governance/safety-checks";
import { CHECKS_NOT_RUN_HERE, runPropertyChecks, runVectors, runVignettes } from "@/lib/governance/safety-checks";
import type { Ruleset } from "@/lib/triage";
import { RULESET_VERSION, RULESETS, ruleset } from "@/lib/triage";
import { intakeAnswersArbitrary } from "../support/intake-arbitrary";

const NOW = new Date("2026-11-20T12:00:00Z");
const SEED = 20_261_120;
const INTAKES = 150;
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const exists = (path: string) => existsSync(new URL(`../../${path}`, import.meta.url));

const current = RULESETS.at(-1)!;
const vectorsPath = `tests/fixtures/clinical/vectors-${RULESET_VERSION}.json`;
const results = [
  runVignettes(JSON.parse(read("tests/fixtures/clinical/vignettes-public.json")) as PublicVignette[], NOW),
  ...(exists(vectorsPath) ? [runVectors(JSON.parse(read(vectorsPath)) as TestVectors)] : []),
  ...runPropertyChecks(
    fc.sample(intakeAnswersArbitrary({ now: NOW, early: true }), { seed: SEED, numRuns: INTAKES }),
    NOW,
  ),
];

function reportFor(cur: Ruleset, previous: Ruleset | null, over: Partial<TriageReportInput> = {}): string {
  return buildTriageReport({
    current: cur,
    previous,
    generatedAt: new Date("2026-12-04T09:00:00Z"),
    commit: null,
    evidenceSections: evidenceSectionsByRule(
      read("docs/evidence.md"),
      cur.rules.map((r) => r.id),
    ),
    checks: { results, sample: { seed: SEED, count: INTAKES, gradedAt: NOW }, notRun: CHECKS_NOT_RUN_HERE },
    audit: { kind: "no-database" },
    hazards: HAZARDS,
    ...over,
  });
}

const report = reportFor(current, RULESETS.at(-2) ?? null);
/** The lines of one "## " section of the report. */
const section = (md: string, heading: string) => {
  const start = md.indexOf(`\n## ${heading}`);
  const end = md.indexOf("\n## ", start + 1);
  return md.slice(start, end === -1 ? undefined : end);
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the safety report of the current ruleset", () => {
  it("names the ruleset, the contract and the date in its header", () => {
    expect(report).toMatch(new RegExp(`^# Safety report: triage ruleset ${escape(RULESET_VERSION)}\n`));
    expect(report).toContain(`- Intake contract version: **${current.contractVersion}**`);
    expect(report).toContain("- Generated: 2026-12-04T09:00:00.000Z");
    expect(report).toContain("- Commit: unknown");
  });

  it("lists every rule of the ruleset with its level, summary and sources", () => {
    const rules = section(report, "1. Rules");
    for (const r of current.rules) {
      const line = rules.split("\n").find((l) => l.startsWith(`| ${r.id} | `));
      expect(line, r.id).toBeDefined();
      expect(line!.startsWith(`| ${r.id} | ${r.level} | `), r.id).toBe(true);
      expect(line, r.id).toContain(r.sources[0]!);
    }
    expect(rules).toMatch(/\| E9 \| .* \| see evidence\.md §7\.2 \|/);
  });

  it("says every check passed: all public vignettes and every property check", () => {
    const checks = section(report, "3. Public and property");
    expect(results.every((r) => r.failed === 0)).toBe(true);
    expect(checks).toContain(`**All ${results.length} checks passed**`);
    expect(checks).toMatch(/\| Public vignettes: [^|]+ \| 52 \| 52 \| 0 \|/);
    expect(checks).toMatch(/\| Monotonicity: [^|]+ \| \d+ \| \d+ \| 0 \|/);
    expect(checks).toMatch(/\| Every nerve-compression warning sign grades EMERGENCY [^|]+ \| \d+ \| \d+ \| 0 \|/);
    expect(checks).toMatch(/\| An early submission is never refused [^|]+ \| \d+ \| \d+ \| 0 \|/);
    expect(checks).toContain(`fast-check seed ${SEED}`);
  });

  it("lists a failed check and its failures", () => {
    const failed = { name: "Public vignettes", cases: 52, failed: 1, failures: ["P01: expected EMERGENCY, got SOON"] };
    const md = reportFor(current, null, { checks: { results: [failed], sample: null, notRun: [] } });
    expect(md).toContain("**1 of 1 checks FAILED.**");
    expect(md).toContain("- P01: expected EMERGENCY, got SOON");
    expect(md).toContain("None: this is the first released ruleset.");
  });

  it("omits the audit figures without a database, and shows them when given", () => {
    expect(section(report, "4. Audit")).toContain("No database configured: audit figures omitted.");
    const md = reportFor(current, null, {
      audit: {
        kind: "figures",
        figures: {
          rulesetVersion: current.version,
          since: new Date("2026-09-05T00:00:00Z"),
          until: new Date("2026-12-04T00:00:00Z"),
          graded: 200,
          rules: [{ id: "E1", fired: 3, withVerdict: 2, right: 1, serious: 1 }],
          levels: [
            { level: "EMERGENCY", n: 3 },
            { level: "SOON", n: 197 },
          ],
          verdicts: { right: 8, higher: 1, lower: 1 },
          silent: { compared: 4, agreed: 3 },
        },
      },
    });
    const audit = section(md, "4. Audit");
    expect(audit).toContain("from 2026-09-05 to 2026-12-04: **200**");
    expect(audit).toContain("| E1 | EMERGENCY | 3 | 1.5 % | 2 | 50.0 % | 50.0 % |");
    expect(audit).toContain("| SOON | 197 | 98.5 % |");
    expect(audit).toContain("| U1 | URGENT | 0 | 0.0 % | 0 | – | – |");
    expect(audit).toContain("Clinicians' verdicts: **10** of the grades (5.0 %): right 8 (80.0 %)");
    expect(audit).toContain("should have been higher 1 (10.0 %)");
    expect(audit).toContain("staff triaged **4** of these grades by hand and gave the engine's level to 3 (75.0 %)");
  });

  it("has a hazard table with the columns for the clinical safety officer, real test files and real rule ids", () => {
    const hazards = section(report, "5. Hazard log");
    expect(hazards).toContain("| Hazard | Cause | Effect | Existing control | Evidence | Residual risk | Owner |");
    for (const name of [
      "cauda equina",
      "cord compression",
      "infection",
      "fracture",
      "cancer",
      "vascular",
      "Over-triage",
      "does not read",
      "answer changed later",
    ]) {
      expect(
        HAZARDS.some((h) => h.hazard.includes(name)),
        name,
      ).toBe(true);
    }
    const ids = new Set(current.rules.map((r) => r.id));
    for (const h of HAZARDS) {
      expect(hazards, h.hazard).toContain(`| ${h.hazard} |`);
      expect(h.evidence.length, h.hazard).toBeGreaterThan(0);
      for (const path of h.evidence) expect(exists(path), path).toBe(true);
      for (const id of h.rules) expect(ids.has(id), `${h.hazard}: ${id}`).toBe(true);
    }
  });
});

describe("the changes from 2026.11 to 2026.12", () => {
  const before = ruleset("2026.11")!;
  const after = ruleset("2026.12")!;
  const changes = section(reportFor(after, before), "2. Changes");
  const computed = rulesetChanges(before, after);
  const subsection = (heading: string) => changes.split(`### ${heading}`)[1]?.split("\n### ")[0] ?? "";
  const rowOf = (heading: string, id: string) => subsection(heading).includes(`\n| ${id} | `);

  // The rules the spec's "Changes from 2026.11" table lists (docs/triage-rules.md).
  const SPEC_CHANGED = [
    ...["E1", "U5", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12", "E13", "E14", "E15", "E16"],
    ...["Y1", "Y2", "Y3", "U1", "U2", "U3", "S8", "U6", "U13", "U7", "U8", "U9", "U10", "U11", "U12"],
    ...["U14", "U15", "U16", "U17", "U18", "U19", "U20", "U21", "U22", "U23", "X1"],
    ...["S3b", "S3c", "S5", "S9", "S10", "S11", "S12", "S13", "S14", "C1"],
  ];

  it("lists every rule the spec says changed, as added or changed, checked against the released texts", () => {
    const prior = new Set(before.rules.map((r) => r.id));
    const changedIds = new Set(computed.changed.map((c) => c.id));
    const sameText: string[] = [];
    for (const id of SPEC_CHANGED) {
      if (!prior.has(id)) expect(rowOf("Rules added", id), id).toBe(true);
      else if (changedIds.has(id)) expect(rowOf("Rules changed", id), id).toBe(true);
      else sameText.push(id);
    }
    // Their meaning changed in the engine and the contract, not in the released words.
    expect(sameText).toEqual(["U8", "S5"]);
    expect(changes).toMatch(/Same level, text, sources and wording \(10\): [^.]*\bU8\b[^.]*\bS5\b/);
  });

  it("computes added, removed and changed from the data, not by hand", () => {
    expect(computed.added.map((r) => r.id)).toEqual(
      after.rules.map((r) => r.id).filter((id) => !before.rules.some((r) => r.id === id)),
    );
    expect(computed.removed).toEqual([]);
    expect(changes).toContain(`### Rules added (${computed.added.length})`);
    expect(changes).toContain("### Rules removed (0)");
    expect(changes).toContain("| S8 | SOON | summary |");
    expect(changes).toContain(
      "2026.11 had no early submission: all 29 kept rules now state the last form page they read.",
    );
    expect(changes).toContain("Clinician flags added: FLAG_ANTICOAGULANT, FLAG_EARLY_NOT_CONFIRMED; removed: none.");
  });
});

describe("evidence sections per rule", () => {
  it("maps a rule to the sections whose heading or table row names it, and to nothing else", () => {
    const md = [
      "### 4.2 Rule table",
      "| E1 | EMERGENCY | … |",
      "### 7.2 Vascular (E9, E10; aortic card)",
      "E1 is discussed here in passing.",
      "### 7.9 Runners (S3b extended, S3c)",
    ].join("\n");
    const map = evidenceSectionsByRule(md, ["E1", "E9", "E10", "S3b", "S3c", "U1"]);
    expect(Object.fromEntries(map)).toEqual({
      E1: ["4.2"],
      E9: ["7.2"],
      E10: ["7.2"],
      S3b: ["7.9"],
      S3c: ["7.9"],
    });
  });
});
