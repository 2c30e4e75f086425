// The triage audit (issue 22, item 2) on a seeded data set with known answers: per-rule figures
// (a superseded verdict never counts; another ruleset's grades never count), levels over time,
// under-triage, the silent pilot's comparison, whole days in the clinic's zone, the CSV and its
// audit row, and who may read it.
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { levelRank, type Level, type WorkingDiagnosis } from "@/common/vocabulary";
import { upsertStaff } from "@/db/queries/staff";
import { auditFigures } from "@/db/queries/triage-report";
import { auditEvents, intakes, triageAuditBuilt } from "@/db/schema";
import {
  parseTriageAuditQuery,
  readTriageAudit,
  readTriageAuditForPage,
  TRIAGE_AUDIT_ROLES,
  type TriageAudit,
} from "@/lib/governance/audit";
import { exportTriageAudit } from "@/lib/governance/audit-api";
import { recordVerdict } from "@/lib/governance/verdicts";
import { RULESET_VERSION } from "@/lib/triage";
import { describeEachDb } from "./support";

const ZONE = "America/New_York";
const NOW = new Date("2026-12-04T15:00:00Z");

type Seeded = {
  level: Level;
  rules: string[];
  at: string;
  ruleset?: string;
  verdicts?: { verdict: "right" | "higher" | "lower"; diagnosis?: WorkingDiagnosis }[];
  staffLevel?: Level;
};

// A–K as the expectations below name them.
const DATA: Record<string, Seeded> = {
  A: {
    level: "EMERGENCY",
    rules: ["E1", "U3"],
    at: "2026-11-02T15:00:00Z",
    verdicts: [{ verdict: "right", diagnosis: "cauda_equina" }],
  },
  B: {
    level: "EMERGENCY",
    rules: ["E1"],
    at: "2026-11-03T15:00:00Z",
    verdicts: [{ verdict: "lower", diagnosis: "non_specific" }],
  },
  // Judged right first, then changed: only "higher" (with a fracture) counts.
  C: {
    level: "URGENT",
    rules: ["U3"],
    at: "2026-11-05T15:00:00Z",
    verdicts: [
      { verdict: "right", diagnosis: "radicular" },
      { verdict: "higher", diagnosis: "fracture" },
    ],
  },
  D: { level: "SOON", rules: ["S1"], at: "2026-11-10T15:00:00Z", verdicts: [{ verdict: "higher" }] },
  E: { level: "URGENT", rules: ["U3"], at: "2026-11-12T15:00:00Z" },
  F: {
    level: "ROUTINE",
    rules: ["R1"],
    at: "2026-11-15T15:00:00Z",
    verdicts: [{ verdict: "right", diagnosis: "radicular" }],
  },
  G: { level: "SELF_CARE", rules: ["C1"], at: "2026-11-20T15:00:00Z", staffLevel: "ROUTINE" },
  H: {
    level: "SOON",
    rules: ["S1"],
    at: "2026-11-25T15:00:00Z",
    staffLevel: "SOON",
    verdicts: [{ verdict: "right", diagnosis: "non_specific" }],
  },
  // Another ruleset: never in 2026.12's figures.
  I: {
    level: "EMERGENCY",
    rules: ["E1"],
    at: "2026-11-04T15:00:00Z",
    ruleset: "2026.11",
    verdicts: [{ verdict: "right", diagnosis: "cauda_equina" }],
  },
  J: { level: "URGENT", rules: ["U3"], at: "2026-12-03T15:00:00Z", verdicts: [{ verdict: "higher" }] },
  // 22:00 on 30 November in New York (already 1 December in UTC).
  K: { level: "SOON", rules: ["S2"], at: "2026-12-01T03:00:00Z" },
};

const rule = (a: TriageAudit, id: string) => a.rules.find((r) => r.id === id)!;

describeEachDb("triage audit", (ctx) => {
  const ids: Record<string, string> = {};
  let clinician: { id: string; email: string; clientAddress: string };

  it("seeds grades, verdicts (one superseded) and silent-pilot levels", async () => {
    const { db } = ctx();
    const staff = await upsertStaff(db, {
      email: "audit.clinician@clinic.test",
      name: "Audit Clinician",
      role: "clinician",
      passwordHash: "x",
    });
    clinician = { id: staff.id, email: "audit.clinician@clinic.test", clientAddress: "203.0.113.9" };
    let n = 0;
    for (const [key, s] of Object.entries(DATA)) {
      n++;
      const [row] = await db
        .insert(intakes)
        .values({
          firstName: `Auditpatient${key}`,
          lastName: "Zed",
          email: `audit${n}@example.test`,
          phone: "+1 555 010 0000",
          dateOfBirth: "1970-01-01",
          sex: "female",
          answers: {},
          privacyNoticeVersion: "2026-11",
          level: s.level,
          levelRank: levelRank[s.level],
          rulesetVersion: s.ruleset ?? "2026.12",
          firedRules: s.rules,
          flags: [],
          scores: {},
          ageAtGrading: 56,
          createdAt: new Date(s.at),
          silent: s.staffLevel !== undefined,
          staffLevel: s.staffLevel ?? null,
        })
        .returning({ id: intakes.id });
      ids[key] = row!.id;
      for (const [i, v] of (s.verdicts ?? []).entries())
        expect(
          await recordVerdict(
            db,
            clinician,
            row!.id,
            { verdict: v.verdict, diagnosis: v.diagnosis ?? null, diagnosisText: null },
            new Date(NOW.getTime() + i * 1000),
          ),
        ).toEqual({ status: "done" });
    }
  });

  it("counts each rule's grades, verdicts, share right and PPV over the whole history", async () => {
    const a = await readTriageAudit(ctx().db, parseTriageAuditQuery({}), {
      timeZone: ZONE,
      now: NOW,
      underTriageLimit: 100,
    });
    expect(RULESET_VERSION).toBe("2026.12");
    expect(a.ruleset).toBe("2026.12");
    expect(a.released).toBe(true);
    expect(a.versions).toEqual(["2026.12", "2026.11"]);
    // Every rule of the version, in its order, even those that never fired.
    expect(a.rules).toHaveLength(62);
    expect(a.rules[0]!.id).toBe("E1");
    expect(rule(a, "E1")).toMatchObject({
      level: "EMERGENCY",
      fired: 2,
      withVerdict: 2,
      right: 1,
      serious: 1,
      rightShare: 0.5,
      ppv: 0.5,
    });
    // A, C, E, J: C's superseded "right" is not counted.
    expect(rule(a, "U3")).toMatchObject({
      fired: 4,
      withVerdict: 3,
      right: 1,
      serious: 2,
      rightShare: 1 / 3,
      ppv: 2 / 3,
    });
    expect(rule(a, "S1")).toMatchObject({ fired: 2, withVerdict: 2, right: 1, serious: 0, rightShare: 0.5, ppv: 0 });
    expect(rule(a, "R1")).toMatchObject({ fired: 1, withVerdict: 1, right: 1, serious: 0, rightShare: 1, ppv: 0 });
    expect(rule(a, "C1")).toMatchObject({ fired: 1, withVerdict: 0, right: 0, rightShare: null, ppv: null });
    expect(rule(a, "S2")).toMatchObject({ fired: 1, withVerdict: 0, ppv: null });
    expect(rule(a, "E2")).toMatchObject({
      fired: 0,
      withVerdict: 0,
      right: 0,
      serious: 0,
      rightShare: null,
      ppv: null,
    });
    expect(a.graded).toBe(10);
    expect(a.verdicts).toEqual({ right: 3, higher: 3, lower: 1 });
    expect(Object.fromEntries(a.levels.map((l) => [l.level, l.n]))).toEqual({
      EMERGENCY: 2,
      URGENT: 3,
      SOON: 3,
      ROUTINE: 1,
      SELF_CARE: 1,
    });
    expect(a.levels.find((l) => l.level === "URGENT")!.share).toBeCloseTo(0.3);
    // Months in the clinic's zone: K (22:00 on 30 November there) is November's.
    expect(a.trend.unit).toBe("month");
    expect(a.trend.periods.map((p) => [p.start, p.total])).toEqual([
      ["2026-11-01", 9],
      ["2026-12-01", 1],
    ]);
    expect(a.trend.periods[0]!.counts).toEqual({ EMERGENCY: 2, URGENT: 2, SOON: 3, ROUTINE: 1, SELF_CARE: 1 });
    // Under-triage, the most recently judged first (C was judged again last), with the rules that fired and the diagnosis.
    expect(a.underTriage.total).toBe(3);
    expect(a.underTriage.shown.map((c) => c.id)).toEqual([ids.C, ids.J, ids.D]);
    expect(a.underTriage.shown[0]).toMatchObject({ level: "URGENT", firedRules: ["U3"], diagnosis: "fracture" });
    expect(a.underTriage.shown[2]).toMatchObject({ level: "SOON", firedRules: ["S1"], diagnosis: null });
    // Silent pilot: G (self-care; staff said routine) and H (soon; staff agreed).
    expect(a.silent.compared).toBe(2);
    expect(a.silent.agreed).toBe(1);
    expect(a.silent.agreement).toBe(0.5);
    expect(a.silent.cells).toEqual(
      expect.arrayContaining([
        { level: "SELF_CARE", staffLevel: "ROUTINE", n: 1 },
        { level: "SOON", staffLevel: "SOON", n: 1 },
      ]),
    );
  });

  it("gives the safety report (npm run triage:report) the same figures for its period", async () => {
    // 1 November to 2 December: J (3 December) and I (another ruleset) are left out.
    const f = await auditFigures(ctx().db, {
      rulesetVersion: "2026.12",
      since: new Date("2026-11-01T00:00:00Z"),
      until: new Date("2026-12-02T00:00:00Z"),
    });
    expect(f.graded).toBe(9);
    const byRule = new Map(f.rules.map((r) => [r.id, r]));
    expect(byRule.get("E1")).toMatchObject({ fired: 2, withVerdict: 2, right: 1, serious: 1 });
    expect(byRule.get("U3")).toMatchObject({ fired: 3, withVerdict: 2, right: 1, serious: 2 });
    expect(byRule.get("C1")).toMatchObject({ fired: 1, withVerdict: 0, right: 0, serious: 0 });
    expect(f.verdicts).toEqual({ right: 3, higher: 2, lower: 1 });
    expect(f.silent).toEqual({ compared: 2, agreed: 1 });
  });

  it("reads another ruleset version on its own", async () => {
    const a = await readTriageAudit(ctx().db, parseTriageAuditQuery({ ruleset: "2026.11" }), {
      timeZone: ZONE,
      now: NOW,
      underTriageLimit: 100,
    });
    expect(a.graded).toBe(1);
    expect(rule(a, "E1")).toMatchObject({ fired: 1, withVerdict: 1, right: 1, serious: 1, ppv: 1 });
    expect(a.underTriage.total).toBe(0);
  });

  it("filters by whole days in the clinic's zone and by level (levels over time keep every level, per week)", async () => {
    const q = parseTriageAuditQuery({ from: "2026-11-01", to: "2026-11-30", level: "URGENT" });
    const a = await readTriageAudit(ctx().db, q, { timeZone: ZONE, now: NOW, underTriageLimit: 100 });
    // C and E only; J is December's.
    expect(rule(a, "U3")).toMatchObject({ fired: 2, withVerdict: 1, right: 0, serious: 1, ppv: 1, rightShare: 0 });
    expect(rule(a, "E1")).toMatchObject({ fired: 0 });
    expect(a.verdicts).toEqual({ right: 0, higher: 1, lower: 0 });
    expect(a.underTriage.shown.map((c) => c.id)).toEqual([ids.C]);
    expect(a.silent.compared).toBe(0);
    expect(a.trend.unit).toBe("week");
    expect(a.graded).toBe(9); // every level of November in New York, K included
    expect(a.trend.periods.map((p) => p.start)).toEqual([
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
    ]);
    expect(a.trend.periods.at(-1)!.counts.SOON).toBe(1); // K
    const upToTheDayBefore = await readTriageAudit(
      ctx().db,
      parseTriageAuditQuery({ from: "2026-11-01", to: "2026-11-29" }),
      {
        timeZone: ZONE,
        now: NOW,
        underTriageLimit: 100,
      },
    );
    expect(rule(upToTheDayBefore, "S2").fired).toBe(0);
    // A filter that does not parse is dropped.
    expect(parseTriageAuditQuery({ level: "LOUD", from: "yesterday", ruleset: "'; drop" })).toEqual({});
  });

  it("exports the rules then the under-triaged cases as CSV, audited with its filters, with no names", async () => {
    const { db } = ctx();
    const q = parseTriageAuditQuery({ from: "2026-11-01" });
    const { lines, fileName } = await exportTriageAudit(db, clinician, q, { timeZone: ZONE, now: NOW });
    expect(fileName).toBe("triage-audit-2026.12-2026-12-04.csv");
    const csv = lines.join("");
    expect(lines[0]).toMatch(/^section,ruleset,rule,/);
    expect(csv).toContain("rule,2026.12,E1,Emergency,");
    expect(csv).toMatch(/rule,2026\.12,U3,Urgent,[^\r]*,4,3,1,33\.3,2,66\.7\r\n/);
    expect(csv).toContain(`under-triage,2026.12,${ids.C},2026-11-05,Urgent,,U3,Fracture\r\n`);
    expect(csv).toContain(`under-triage,2026.12,${ids.J},2026-12-03,Urgent,,U3,\r\n`);
    expect(csv).not.toContain("Auditpatient");
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "triage_audit_exported"), eq(auditEvents.actorId, clinician.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subjectType).toBe("triage_audit");
    expect(rows[0]!.after).toEqual({ ruleset: "2026.12", from: "2026-11-01" });
  });

  it("keeps its rollup of closed days true: a later verdict and a backdated grade count at once", async () => {
    const { db } = ctx();
    const read = () =>
      readTriageAudit(db, parseTriageAuditQuery({}), { timeZone: ZONE, now: NOW, underTriageLimit: 100 });
    // November is rolled up by now (the reads above built it).
    const built = await db.select().from(triageAuditBuilt).where(eq(triageAuditBuilt.zone, ZONE));
    expect(built.length).toBeGreaterThan(25);
    expect(
      await recordVerdict(
        db,
        clinician,
        ids.E!,
        { verdict: "higher", diagnosis: "infection", diagnosisText: null },
        NOW,
      ),
    ).toEqual({
      status: "done",
    });
    await db.insert(intakes).values({
      firstName: "Auditpatientl",
      lastName: "Zed",
      email: "audit-late@example.test",
      phone: "+1 555 010 0000",
      dateOfBirth: "1970-01-01",
      sex: "female",
      answers: {},
      privacyNoticeVersion: "2026-11",
      level: "URGENT",
      levelRank: levelRank.URGENT,
      rulesetVersion: "2026.12",
      firedRules: ["U3"],
      flags: [],
      scores: {},
      ageAtGrading: 56,
      createdAt: new Date("2026-11-13T15:00:00Z"),
    });
    const a = await read();
    expect(rule(a, "U3")).toMatchObject({ fired: 5, withVerdict: 4, right: 1, serious: 3 });
    expect(a.verdicts).toEqual({ right: 3, higher: 4, lower: 1 });
    expect(a.graded).toBe(11);
    // Read from the grades alone (no closed day yet: "now" is the first of October), the same figures.
    const raw = await readTriageAudit(db, parseTriageAuditQuery({}), {
      timeZone: ZONE,
      now: new Date("2026-10-01T12:00:00Z"),
      underTriageLimit: 100,
    });
    expect(raw.rules).toEqual(a.rules);
    expect(raw.verdicts).toEqual(a.verdicts);
  });

  it("is for clinicians and admins only: reception is refused", () => {
    expect(TRIAGE_AUDIT_ROLES).toEqual(["clinician", "admin"]);
    expect(TRIAGE_AUDIT_ROLES).not.toContain("reception");
  });

  it("the page reuses its figures for a minute, and a verdict recorded here shows at once", async () => {
    const { db } = ctx();
    const q = parseTriageAuditQuery({});
    const page = () => readTriageAuditForPage(db, q, { timeZone: ZONE, underTriageLimit: 100 });
    const first = await page();
    expect(await page()).toBe(first); // the same read, not a new one
    expect(
      await recordVerdict(db, clinician, ids.F!, { verdict: "lower", diagnosis: null, diagnosisText: null }, NOW),
    ).toEqual({ status: "done" });
    const after = await page();
    expect(after).not.toBe(first);
    expect(after.verdicts.lower).toBe(first.verdicts.lower + 1);
    expect(after.verdicts.right).toBe(first.verdicts.right - 1);
    expect(after.readAt.getTime()).toBeGreaterThanOrEqual(first.readAt.getTime());
  });
});
