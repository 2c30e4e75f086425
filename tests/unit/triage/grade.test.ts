import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ageAt,
  calendarDate,
  gradeIntake,
  LEVELS,
  levelRank,
  parseIsoDate,
  RULES,
  RULESET_VERSION,
} from "@/lib/triage";
import { aged, calm, grade } from "./calm";

describe("level model", () => {
  it("ranks EMERGENCY 5 down to SELF_CARE 1, most urgent first", () => {
    expect(LEVELS.map((l) => levelRank[l])).toEqual([5, 4, 3, 2, 1]);
    expect(RULESET_VERSION).toBe("2026.12");
  });

  it("defines the 62 rules in the spec's stored order, each with a level, a page, a summary and sources", () => {
    const range = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i + 1}`);
    expect(RULES.map((r) => r.id)).toEqual([
      ...range("E", 16),
      "Y3",
      ...range("U", 23),
      "Y2",
      "S1",
      "S2",
      "S3a",
      "S3b",
      "S3c",
      "S4",
      "S5",
      "S6",
      "S6d",
      "S7",
      "S8",
      "S9",
      "S10",
      "S11",
      "S12",
      "S13",
      "S14",
      "Y1",
      "X1",
      "C1",
      "R1",
    ]);
    const LEVEL_OF: Record<string, string> = {
      E: "EMERGENCY",
      U: "URGENT",
      S: "SOON",
      C: "SELF_CARE",
      R: "ROUTINE",
      X: "URGENT",
    };
    const Y_LEVEL: Record<string, string> = { Y1: "SOON", Y2: "URGENT", Y3: "EMERGENCY" };
    for (const rule of RULES) {
      expect(rule.level, rule.id).toBe(Y_LEVEL[rule.id] ?? LEVEL_OF[rule.id.charAt(0)]);
      expect(rule.summary.length).toBeGreaterThan(10);
      expect(rule.sources.length).toBeGreaterThan(0);
      expect(rule.needs).toBeDefined();
    }
  });
});

describe("gradeIntake", () => {
  it("takes the highest level of the fired rules and lists them in spec order", () => {
    const g = grade(
      aged(72, { history: { cancer: true, osteoporosisOrFragilityFracture: true }, legs: { weakness: "both_legs" } }),
    );
    expect(g.level).toBe("EMERGENCY");
    expect(g.firedRules.map((r) => r.id)).toEqual(["E2", "E4", "U18", "S6", "S7"]);
  });

  it("returns plain data that survives JSON unchanged", () => {
    const g = grade(
      calm({
        history: { cancer: true },
        outlook: { items: [true, false, false, false, false, false, false, false], bothersomeness: "slightly" },
      }),
    );
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
    expect(g.scores.outlook).toEqual({ total: 1, psychosocial: 0, risk: "low" });
  });

  it("shares frozen rule entries, so a caller cannot rewrite a rule through a result", () => {
    const g = grade(calm());
    expect(Object.isFrozen(g.firedRules[0])).toBe(true);
    expect(Object.isFrozen(g.firedRules[0]?.sources)).toBe(true);
    expect(Object.isFrozen(RULES[0])).toBe(true);
  });

  it("does not modify the answers", () => {
    const answers = calm({ history: { cancer: true } });
    const copy = structuredClone(answers);
    grade(answers);
    expect(answers).toEqual(copy);
  });
});

describe("age on the grading date", () => {
  it("counts full years: 49 the day before the 50th birthday, 50 on it", () => {
    expect(grade(aged(50, {}, true)).age).toBe(49);
    expect(grade(aged(50)).age).toBe(50);
  });

  it("uses the calendar date of now in the clinic's time zone", () => {
    const now = new Date("2026-11-20T23:30:00Z"); // already 21 November in Auckland
    const answers = calm({ contact: { dateOfBirth: "1976-11-21" } });
    expect(gradeIntake(answers, { now }).age).toBe(49);
    expect(gradeIntake(answers, { now, timeZone: "UTC" }).age).toBe(49);
    expect(gradeIntake(answers, { now, timeZone: "Pacific/Auckland" }).age).toBe(50);
    expect(gradeIntake(answers, { now: new Date("2026-11-21T06:00:00Z"), timeZone: "America/Los_Angeles" }).age).toBe(
      49,
    );
  });

  it("makes someone born on 29 February a year older on 1 March in a non-leap year", () => {
    expect(ageAt("2000-02-29", new Date("2025-02-28T12:00:00Z"))).toBe(24);
    expect(ageAt("2000-02-29", new Date("2025-03-01T12:00:00Z"))).toBe(25);
    expect(ageAt("2000-02-29", new Date("2024-02-29T12:00:00Z"))).toBe(24);
  });

  it("refuses an impossible date of birth or grading date rather than guessing", () => {
    expect(() => ageAt("2023-02-30", new Date())).toThrow(RangeError);
    expect(() => ageAt("1990-01-01", new Date("nonsense"))).toThrow(RangeError);
    expect(() => calendarDate(new Date(), "Not/AZone")).toThrow(RangeError);
  });

  it("parses only real YYYY-MM-DD dates", () => {
    expect(parseIsoDate("2024-02-29")).toBe(20240229);
    for (const bad of [
      "2023-02-29",
      "2023-13-01",
      "2023-00-10",
      "2023-04-31",
      "2023-4-01",
      "20230401",
      "2023-04-0a",
      "",
    ]) {
      expect(parseIsoDate(bad)).toBe(-1);
    }
  });
});

describe("purity", () => {
  it("lib/triage imports nothing from next, react, the database or the environment (only the shared vocabulary)", () => {
    const dir = join(process.cwd(), "lib/triage");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const source = readFileSync(join(dir, file), "utf8");
      const imports = [...source.matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1]);
      for (const spec of imports)
        expect(spec, `${file} imports ${spec}`).toMatch(/^(\.\.?\/[a-z0-9/-]+|zod|@\/common\/vocabulary)$/);
      expect(source, file).not.toMatch(/process\.env/);
    }
  });
});

describe("calendar date in a time zone", () => {
  const ZONES = [
    "Europe/London",
    "America/Los_Angeles",
    "America/St_Johns",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Antarctica/Troll",
    "Africa/Casablanca",
  ];
  /** An independent reading of the same date, through formatToParts. */
  const reference = (time: number, timeZone: string) => {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).formatToParts(time);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return get("year") * 10000 + get("month") * 100 + get("day");
  };

  it("agrees with Intl's own parts for any instant from 1900 to 2100, in zones with odd offsets and DST", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...ZONES),
        (time, zone) => {
          expect(calendarDate(new Date(time), zone)).toBe(reference(time, zone));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("agrees with Intl along runs of close instants, across midnights and clock changes (the remembered local day)", () => {
    const run = fc.tuple(
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
      fc.constantFrom(...ZONES),
      fc.array(fc.integer({ min: 1, max: 3 * 3_600_000 }), { minLength: 20, maxLength: 60 }),
    );
    fc.assert(
      fc.property(run, ([start, zone, steps]) => {
        let time = start;
        for (const step of steps) {
          time += step;
          expect(calendarDate(new Date(time), zone)).toBe(reference(time, zone));
        }
      }),
      { numRuns: 300 },
    );
    // Every clock change of 2026 in London and Lord Howe (a 30-minute change), minute by minute.
    for (const [zone, from] of [
      ["Europe/London", Date.UTC(2026, 2, 28, 20)],
      ["Europe/London", Date.UTC(2026, 9, 24, 20)],
      ["Australia/Lord_Howe", Date.UTC(2026, 3, 4, 10)],
      ["Australia/Lord_Howe", Date.UTC(2026, 9, 3, 10)],
    ] as const) {
      for (let time = from; time < from + 30 * 3_600_000; time += 60_000)
        expect(calendarDate(new Date(time), zone), `${zone} ${new Date(time).toISOString()}`).toBe(
          reference(time, zone),
        );
    }
    // About 4 s alone: room for a machine busy with other suites.
  }, 30_000);

  it("agrees with the UTC fast path", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), (time) => {
        expect(calendarDate(new Date(time))).toBe(reference(time, "UTC"));
        expect(calendarDate(new Date(time), "Etc/UTC")).toBe(reference(time, "UTC"));
      }),
      { numRuns: 500 },
    );
  });
});
