// Released rulesets are kept, and change is controlled (issue 13): a stored grade is explained by the
// texts of the version that made it, and any change to a released version's rule table or behaviour
// fails here. A change to the rules needs a new ruleset version (new texts, new fingerprint, new
// vectors written by scripts/ruleset-vectors.ts); the released ones stay as they are.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { IntakeAnswers, IntakeAnswers2026_11 } from "@/lib/triage";
import {
  CONTRACT_VERSION,
  contractVersionOf,
  flagText,
  gradeIntake,
  gradeIntake2026_11,
  RULES,
  RULESET_VERSION,
  RULESETS,
  ruleset,
  ruleText,
} from "@/lib/triage";
import vectors202611 from "../../fixtures/clinical/vectors-2026.11.json";
import vectors202612 from "../../fixtures/clinical/vectors-2026.12.json";
import vignettes202611 from "../../fixtures/clinical/vignettes-2026.11.json";

/** sha256 of a version's rule and flag texts as released (ids, levels, summaries, sources, wording keys, pages). */
function fingerprint(version: string): string {
  const r = ruleset(version)!;
  return createHash("sha256")
    .update(JSON.stringify({ rules: r.rules, flags: r.flags }))
    .digest("hex");
}

// Each released version's fingerprint. Never edit a line here to make a test pass: release a new version.
const RELEASED: Record<string, string> = {
  "2026.11": "510d6e446d581ca849129a58cd678321303630a74162f2ecfa7c69eb1bd3dd63",
  "2026.12": "0e56489fe73fd908d634eaee2d60f08b4f87119fdd84e1a2b51ba37967f4b884",
};

describe("released rulesets", () => {
  it("lists every released version, oldest first, and grades with the newest", () => {
    expect(RULESETS.map((r) => r.version)).toEqual(Object.keys(RELEASED));
    expect(RULESETS.at(-1)?.version).toBe(RULESET_VERSION);
    expect(RULESETS.at(-1)?.contractVersion).toBe(CONTRACT_VERSION);
    expect(RULESETS.at(-1)?.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
  });

  it.each(Object.entries(RELEASED))("keeps ruleset %s's rule table exactly as released", (version, expected) => {
    expect(fingerprint(version)).toBe(expected);
  });

  it("explains a stored rule id by its own version's text", () => {
    expect(ruleText("2026.11", "E6")?.summary).toMatch(/tearing pain with fainting/);
    expect(ruleText("2026.12", "E6")?.summary).toMatch(/known aortic aneurysm/);
    expect(ruleText("2026.11", "E9")).toBeNull();
    expect(ruleText("2026.12", "E9")?.wording).toBe("card.aortic");
    expect(ruleText("2026.11", "E8")?.wording).toBe("card.cord");
    expect(flagText("2026.12", "FLAG_EARLY_NOT_CONFIRMED")?.summary).toMatch(/emergency page/);
    expect(flagText("2026.11", "FLAG_ANTICOAGULANT")).toBeNull();
    expect(ruleText("1999.01", "E1")).toBeNull();
    expect(contractVersionOf("2026.11")).toBe("2026.11");
  });

  it("gives every rule of every version a summary, sources and a wording key", () => {
    for (const r of RULESETS) {
      for (const rule of r.rules) {
        expect(rule.summary.length, `${r.version} ${rule.id}`).toBeGreaterThan(10);
        expect(rule.sources.length, `${r.version} ${rule.id}`).toBeGreaterThan(0);
        expect(rule.wording, `${r.version} ${rule.id}`).toMatch(
          /^(card|urgent|soon)\.[a-z_0-9]+$|^(self_care|routine)$/,
        );
      }
    }
  });
});

describe("fixed test vectors, graded by each version's own engine", () => {
  it(`ruleset 2026.11: ${vectors202611.vectors.length} vectors`, () => {
    const now = new Date(vectors202611.gradedAt);
    for (const [i, v] of vectors202611.vectors.entries()) {
      const g = gradeIntake2026_11(v.answers as IntakeAnswers2026_11, { now, timeZone: vectors202611.timeZone });
      expect(
        { level: g.level, firedRules: g.firedRules.map((r) => r.id), flags: g.flags.map((f) => f.id) },
        `vector ${i}`,
      ).toEqual({ level: v.level, firedRules: v.firedRules, flags: v.flags });
      expect(g.rulesetVersion).toBe("2026.11");
    }
  });

  it("ruleset 2026.11: its own public vignettes", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    for (const v of vignettes202611) {
      const answers = structuredClone(v.intake) as IntakeAnswers2026_11;
      answers.contact.dateOfBirth = new Date(Date.UTC(2026 - v.ageAtGrading, 10, 18)).toISOString().slice(0, 10);
      const g = gradeIntake2026_11(answers, { now });
      expect(g.level, v.id).toBe(v.expectedLevel);
      expect(g.firedRules.map((r) => r.id).sort(), v.id).toEqual([...v.expectedFiredRules].sort());
    }
  });

  it(`ruleset ${RULESET_VERSION}: ${vectors202612.vectors.length} vectors`, () => {
    const now = new Date(vectors202612.gradedAt);
    for (const [i, v] of vectors202612.vectors.entries()) {
      const g = gradeIntake(v.answers as IntakeAnswers, { now, timeZone: vectors202612.timeZone });
      expect(
        { level: g.level, firedRules: g.firedRules.map((r) => r.id), flags: g.flags.map((f) => f.id) },
        `vector ${i}`,
      ).toEqual({ level: v.level, firedRules: v.firedRules, flags: v.flags });
    }
  });

  it("the vectors of each version fire every one of its rules and flags", () => {
    for (const [version, file] of [
      ["2026.11", vectors202611],
      ["2026.12", vectors202612],
    ] as const) {
      const seen = new Set(file.vectors.flatMap((v) => [...v.firedRules, ...v.flags]));
      const r = ruleset(version)!;
      expect(
        [...r.rules.map((x) => x.id), ...r.flags.map((x) => x.id)].filter((id) => !seen.has(id)),
        version,
      ).toEqual([]);
    }
  });
});
