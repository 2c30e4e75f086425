import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { insertIntake, listEscalations } from "@/db/queries/intakes";
import { endAllStaffSessions, findLiveSession, LOCKOUT_AFTER, upsertStaff } from "@/db/queries/staff";
import { auditEvents, caseNotes, intakes } from "@/db/schema";
import { seed } from "@/db/seed";
import { submitIntake } from "@/lib/intakes/submit";
import { acknowledgeCase, addNote, logCall, overrideLevel, resolveCase, viewCase, type Actor } from "@/lib/staff/cases";
import { hashPassword } from "@/lib/staff/passwords";
import { checkSignIn } from "@/lib/staff/sign-in";
import { explainGrade } from "@/lib/staff/format";
import { gradeIntake2026_11, makeIntakeAnswersSchema, type IntakeAnswers2026_11 } from "@/lib/triage";
import vignettes202611 from "../fixtures/clinical/vignettes-2026.11.json" with { type: "json" };
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

const VIGNETTES_2026_11 = vignettes202611;

const NOW = new Date("2026-12-01T15:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const PASSWORD = "correct horse battery staple";
let n = 0;

async function staffMember(db: TestDb["db"], role: "admin" | "clinician" | "reception" = "reception") {
  const email = `staff${++n}@clinic.test`;
  const { id } = await upsertStaff(db, { email, name: `Staff ${n}`, role, passwordHash: await hashPassword(PASSWORD) });
  return { id, email };
}

const attempt = (db: TestDb["db"], email: string, password: string, now = NOW, client = `client-${n}`) =>
  checkSignIn(db, { email, password, client, clientAddress: "192.0.2.10", now, limitPerMinute: 1000 });

async function intake(
  db: TestDb["db"],
  vignette: string,
  names: { firstName?: string; lastName?: string } = {},
  at = NOW,
) {
  const raw = vignetteIntake(vignette, at) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, ...names };
  const r = await submitIntake(db, {
    answers: makeIntakeAnswersSchema({ now: at }).parse(raw),
    now: at,
    timeZone: "America/New_York",
  });
  if (r.status === "key_conflict") throw new Error("unexpected");
  return r.response.id;
}

describeEachDb("staff sign-in", (ctx) => {
  it("signs in with the right password and opens a session the server can check", async () => {
    const { db } = ctx();
    const s = await staffMember(db, "admin");
    const r = await attempt(db, s.email.toUpperCase(), PASSWORD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await findLiveSession(db, r.sessionId, later(1))).toMatchObject({ id: s.id, role: "admin" });
    const audit = await listAudit(db, { actorId: s.id });
    expect(audit.map((e) => e.action)).toContain("sign_in");
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const { db } = ctx();
    const s = await staffMember(db);
    expect(await attempt(db, s.email, "wrong password")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(db, "nobody@clinic.test", "wrong password")).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks an account after ${LOCKOUT_AFTER} wrong passwords in a row, even against the right one, until the lock ends`, async () => {
    const { db } = ctx();
    const s = await staffMember(db);
    for (let i = 0; i < LOCKOUT_AFTER; i++) expect((await attempt(db, s.email, `wrong ${i}`)).ok).toBe(false);
    expect(await attempt(db, s.email, PASSWORD, later(1))).toEqual({ ok: false, reason: "invalid" });
    const actions = (await listAudit(db, { subjectId: s.id })).map((e) => e.action);
    expect(actions).toContain("account_locked");
    expect(actions).toContain("sign_in_refused_locked");
    expect((await attempt(db, s.email, PASSWORD, later(16))).ok).toBe(true);
  });

  it("limits attempts per client and per account", async () => {
    const { db } = ctx();
    const s = await staffMember(db);
    const limited = (i: number) =>
      checkSignIn(db, {
        email: s.email,
        password: `wrong ${i}`,
        client: "one-client",
        clientAddress: "192.0.2.11",
        now: NOW,
        limitPerMinute: 3,
      });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limited(i));
    expect(results.slice(0, 3).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[3]).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("ends sessions after 30 idle minutes, after 12 hours, and everywhere on request", async () => {
    const { db } = ctx();
    const s = await staffMember(db);
    const r = await attempt(db, s.email, PASSWORD);
    if (!r.ok) throw new Error("sign-in failed");
    expect(await findLiveSession(db, r.sessionId, later(29))).not.toBeNull();
    expect(await findLiveSession(db, r.sessionId, later(31))).toBeNull();
    const other = await attempt(db, s.email, PASSWORD);
    if (!other.ok) throw new Error("sign-in failed");
    expect(await endAllStaffSessions(db, s.id, later(1))).toBeGreaterThanOrEqual(1);
    expect(await findLiveSession(db, other.sessionId, later(2))).toBeNull();
  });
});

describeEachDb("escalated cases and the audit trail", (ctx) => {
  it("lists the queue most urgent first, filters by status, level and name, and records every action with its actor", async () => {
    const { db } = ctx();
    await seed(db);
    const s = await staffMember(db, "clinician");
    const actor: Actor = { id: s.id, email: s.email, clientAddress: "192.0.2.20" };
    const urgent = await intake(
      db,
      "P05",
      { firstName: "Ursula", lastName: "Grant" },
      new Date(NOW.getTime() - 3600_000),
    );
    const emergency = await intake(db, "P01", { firstName: "Emil", lastName: "Marsh" });
    const queue = await listEscalations(db, { filter: {} });
    expect(queue.map((c) => c.id).indexOf(emergency)).toBeLessThan(queue.map((c) => c.id).indexOf(urgent));
    expect((await listEscalations(db, { filter: { search: "marsh" } })).map((c) => c.id)).toEqual([emergency]);
    expect((await listEscalations(db, { filter: { level: "URGENT", search: "ursula" } })).map((c) => c.id)).toEqual([
      urgent,
    ]);
    expect(await listEscalations(db, { filter: { search: "%" } })).toEqual([]);

    expect((await viewCase(db, actor, emergency))?.intake.id).toBe(emergency);
    expect(await acknowledgeCase(db, actor, emergency, later(2))).toEqual({ status: "done" });
    expect(await acknowledgeCase(db, actor, emergency, later(3))).toEqual({ status: "already" });
    await logCall(db, actor, emergency, { outcome: "reached", body: "Advised A&E; going now." });
    await addNote(db, actor, emergency, { body: "<script>alert(1)</script> is just text" });
    await overrideLevel(
      db,
      actor,
      emergency,
      { level: "URGENT", reason: "Symptoms explained by recent surgery; seen by GP." },
      later(4),
    );
    expect(await resolveCase(db, actor, emergency, later(5))).toEqual({ status: "done" });

    const [row] = await db.select().from(intakes).where(eq(intakes.id, emergency));
    expect(row).toMatchObject({ level: "EMERGENCY", overrideLevel: "URGENT", acknowledgedBy: s.id, resolvedBy: s.id });
    expect(
      (await db.select().from(caseNotes).where(eq(caseNotes.intakeId, emergency))).map((n2) => n2.kind).sort(),
    ).toEqual(["call", "note"]);
    const trail = await listAudit(db, { subjectId: emergency });
    expect(trail.map((e) => e.action).sort()).toEqual([
      "call_logged",
      "case_acknowledged",
      "case_resolved",
      "case_viewed",
      "level_overridden",
      "note_added",
    ]);
    expect(trail.every((e) => e.actorId === s.id && e.clientAddress === "192.0.2.20")).toBe(true);
    expect(trail.find((e) => e.action === "level_overridden")).toMatchObject({
      before: { level: "EMERGENCY" },
      after: { level: "URGENT" },
      reason: expect.stringContaining("surgery"),
    });
    // Resolved cases leave the open queue but can still be found.
    expect((await listEscalations(db, { filter: {} })).map((c) => c.id)).not.toContain(emergency);
    expect((await listEscalations(db, { filter: { status: "resolved" } })).map((c) => c.id)).toContain(emergency);
  });

  it("keeps the audit trail append-only in the database itself", async () => {
    const { db } = ctx();
    const s = await staffMember(db);
    await attempt(db, s.email, PASSWORD);
    const [event] = await listAudit(db, { actorId: s.id });
    await expect(db.execute(sql`update audit_events set action = 'nothing' where id = ${event!.id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events where id = ${event!.id}`)).rejects.toThrow();
    expect((await db.select().from(auditEvents).where(eq(auditEvents.id, event!.id)))[0]?.action).toBe("sign_in");
  });
});

describeEachDb("the second tier: overdue cases", (ctx) => {
  it("alerts the admins once when an EMERGENCY is not acknowledged within 15 minutes, and not for an acknowledged one", async () => {
    const { db } = ctx();
    await seed(db);
    const admin = await staffMember(db, "admin");
    const waiting = await intake(db, "P01", { firstName: "Wes" });
    const seen = await intake(db, "P02", { firstName: "Sam" });
    await acknowledgeCase(db, { id: admin.id, email: admin.email, clientAddress: "192.0.2.30" }, seen, later(5));
    const { alertOverdueCases } = await import("@/lib/staff/overdue");
    const { outbox } = await import("@/db/schema");
    expect(await alertOverdueCases(db, later(14))).toBe(0);
    expect(await alertOverdueCases(db, later(16))).toBe(1);
    expect(await alertOverdueCases(db, later(20))).toBe(0);
    const alerts = (await db.select().from(outbox).where(eq(outbox.recipient, admin.email))).filter(
      (r) => (r.payload as { reason?: string }).reason === "overdue",
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.payload).toMatchObject({ intakeId: waiting, level: "EMERGENCY", reason: "overdue" });
    expect((await listAudit(db, { subjectId: waiting })).map((e) => e.action)).toContain("overdue_alert_queued");
  });
});

describeEachDb("a grade is explained by the ruleset that made it", (ctx) => {
  it("shows an intake graded under 2026.11 with 2026.11's rule texts, and a 2026.12 one with 2026.12's", async () => {
    const { db } = ctx();
    await seed(db);
    const s = await staffMember(db, "clinician");
    const actor: Actor = { id: s.id, email: s.email, clientAddress: "192.0.2.21" };
    // A 2026.11 intake as it was stored before the upgrade: its answers, its grade, its version.
    const old = structuredClone(VIGNETTES_2026_11.find((v) => v.id === "P03")!.intake) as IntakeAnswers2026_11;
    old.contact.dateOfBirth = "1960-05-01";
    const grade = gradeIntake2026_11(old, { now: NOW });
    const { id: oldId } = await insertIntake(db, {
      firstName: "Olive",
      lastName: "Older",
      email: "olive@example.test",
      phone: "+1 555 010 7777",
      dateOfBirth: old.contact.dateOfBirth,
      sex: old.contact.sex,
      answers: old,
      privacyNoticeVersion: "2026-11",
      level: grade.level,
      levelRank: grade.levelRank,
      rulesetVersion: grade.rulesetVersion,
      firedRules: grade.firedRules.map((r) => r.id),
      flags: grade.flags.map((f) => f.id),
      scores: grade.scores,
      ageAtGrading: grade.age,
      escalated: true,
      escalationReason: "level",
      createdAt: NOW,
    });
    const oldCase = await viewCase(db, actor, oldId);
    const why = explainGrade(oldCase!.intake);
    expect(why).toMatchObject({ rulesetVersion: "2026.11", contractVersion: "2026.11", stoppedAt: null });
    expect(why.firedRules.map((r) => r.id)).toEqual(grade.firedRules.map((r) => r.id));
    for (const r of why.firedRules) expect(r.summary).toBe(grade.firedRules.find((g) => g.id === r.id)!.summary);

    const current = await intake(db, "P45", { firstName: "Newer", lastName: "Case" });
    const now = explainGrade((await viewCase(db, actor, current))!.intake);
    expect(now).toMatchObject({ rulesetVersion: "2026.12", contractVersion: "2026.12", stoppedAt: "nerve-check" });
    expect(now.firedRules.map((r) => [r.id, r.level])).toEqual([
      ["U9", "URGENT"],
      ["X1", "URGENT"],
    ]);
    expect(now.flags.map((f) => f.id)).toEqual(["FLAG_EARLY_NOT_CONFIRMED"]);
  });
});
