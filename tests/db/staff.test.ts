import { eq, sql } from "drizzle-orm";
import { Auth } from "@auth/core";
import { encode } from "next-auth/jwt";
import { expect, it, vi } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { insertIntake, listEscalations } from "@/db/queries/intakes";
import {
  clearFailedSignIns,
  endAllStaffSessions,
  findLiveSession,
  findStaffSession,
  setStaffPassword,
  SIGN_IN_THROTTLE,
  upsertStaff,
} from "@/db/queries/staff";
import { auditEvents, caseNotes, intakes, staffSessions, staffUsers } from "@/db/schema";
import { seed } from "@/db/seed";
import { submitIntake } from "@/lib/intakes/submit";
import { acknowledgeCase, addNote, logCall, overrideLevel, resolveCase, viewCase, type Actor } from "@/lib/staff/cases";
import { hashPassword } from "@/lib/staff/passwords";
import { checkSignIn } from "@/lib/staff/sign-in";
import { authConfig } from "@/auth.config";
import { checkStaffSession } from "@/lib/staff/session";
import { resetEnvForTests } from "@/lib/env";
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
const INVALID = { ok: false, reason: "invalid" };
const { perClient, perAccount } = SIGN_IN_THROTTLE;

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

  it(`throttles one client after ${perClient.tries} wrong tries on an account, unchecked, until its ${perClient.minutes}-minute window ends`, async () => {
    const { db } = ctx();
    const s = await staffMember(db);
    for (let i = 0; i < perClient.tries; i++)
      expect(await attempt(db, s.email, `wrong ${i}`, NOW, "A")).toEqual(INVALID);
    // The right password from the same client is refused with the same answer, and not checked.
    expect(await attempt(db, s.email, PASSWORD, later(1), "A")).toEqual(INVALID);
    expect(await attempt(db, s.email, PASSWORD, later(2), "A")).toEqual(INVALID);
    const actions = (await listAudit(db, { subjectId: s.id })).map((e) => e.action);
    expect(actions.filter((a) => a === "sign_in_failed")).toHaveLength(perClient.tries);
    expect(actions.filter((a) => a === "sign_in_throttled")).toHaveLength(1); // when it starts, not per try
    expect(actions).not.toContain("sign_in");
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, s.id));
    expect(row).toMatchObject({ failedSignIns: perClient.tries, lockedUntil: later(perClient.minutes) });
    expect((await attempt(db, s.email, PASSWORD, later(perClient.minutes), "A")).ok).toBe(true);
  });

  it("never stops the right password from another client, however many wrong tries one client makes", async () => {
    const { db } = ctx();
    const s = await staffMember(db);
    for (let i = 0; i < 3 * perClient.tries; i++) await attempt(db, s.email, `wrong ${i}`, later(i / 10), "A");
    expect((await attempt(db, s.email, PASSWORD, later(2), "B")).ok).toBe(true);
    // A success forgives its own client's wrong tries, not another's.
    expect(await attempt(db, s.email, PASSWORD, later(3), "A")).toEqual(INVALID);
  });

  it(`checks at most ${perAccount.tries} passwords an hour on one account from clients it does not know, however many there are, and not one from a client it knows`, async () => {
    const { db } = ctx();
    const s = await staffMember(db);
    expect((await attempt(db, s.email, PASSWORD, later(-60 * 24), "desk")).ok).toBe(true); // yesterday
    // Eight clients, each within its own limit, 40 guesses in all within the hour.
    const clients = Array.from({ length: 8 }, (_, i) => `bot-${i}`);
    for (let round = 0; round < perClient.tries; round++)
      for (const [i, client] of clients.entries())
        expect(await attempt(db, s.email, `guess ${round}-${i}`, later(round * 10 + i), client)).toEqual(INVALID);
    const audit = (await listAudit(db, { subjectId: s.id })).map((e) => e.action);
    expect(audit.filter((a) => a === "sign_in_failed")).toHaveLength(perAccount.tries);
    expect(audit.filter((a) => a === "sign_in_throttled")).toHaveLength(1);
    // Until the hour ends a new client is held back too (the price of the bound), a known one is not.
    expect(await attempt(db, s.email, PASSWORD, later(55), "new laptop")).toEqual(INVALID);
    expect((await attempt(db, s.email, PASSWORD, later(55), "desk")).ok).toBe(true);
    expect((await attempt(db, s.email, PASSWORD, later(perAccount.minutes), "new laptop")).ok).toBe(true);
  });

  it("clears the throttle when an admin asks or sets a new password, and gives back a right password's try", async () => {
    const { db } = ctx();
    const s = await staffMember(db);
    for (let i = 0; i < perClient.tries; i++) await attempt(db, s.email, `wrong ${i}`, NOW, "A");
    expect(await attempt(db, s.email, PASSWORD, NOW, "A")).toEqual(INVALID);
    await clearFailedSignIns(db, s.id);
    expect((await attempt(db, s.email, PASSWORD, NOW, "A")).ok).toBe(true);
    const NEW = `new ${PASSWORD}`;
    for (let i = 0; i < perClient.tries; i++) await attempt(db, s.email, `wrong ${i}`, NOW, "A");
    await setStaffPassword(db, s.id, await hashPassword(NEW));
    expect((await attempt(db, s.email, NEW, NOW, "A")).ok).toBe(true);
    // Right passwords from new clients do not use up the account's hourly budget.
    for (let i = 0; i < perAccount.tries + 5; i++)
      expect((await attempt(db, s.email, NEW, later(1), `new-${i}`)).ok).toBe(true);
  });

  it("limits attempts per client per minute, whatever the account", async () => {
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

describeEachDb("staff sessions", (ctx) => {
  const lastSeen = async (db: TestDb["db"], id: string) =>
    (await db.select().from(staffSessions).where(eq(staffSessions.id, id)))[0]!.lastSeenAt;

  it("does not count a background refresh as activity, and counts a person's request", async () => {
    const { db } = ctx();
    const s = await staffMember(db);
    const idle = await attempt(db, s.email, PASSWORD);
    const busy = await attempt(db, s.email, PASSWORD);
    if (!idle.ok || !busy.ok) throw new Error("sign-in failed");
    const check = (sessionId: string, minutes: number, background: boolean) =>
      checkStaffSession(db, { sessionId, now: later(minutes), background });

    // The queue refreshes itself every 30 seconds on an unattended screen.
    for (let minute = 1; minute < 30; minute += 0.5)
      expect((await check(idle.sessionId, minute, true)).staff?.id).toBe(s.id);
    expect(await lastSeen(db, idle.sessionId)).toEqual(NOW);
    expect(await check(idle.sessionId, 30.5, true)).toEqual({ staff: null, ended: "idle" });

    // A person opens a page at minute 20: the session lasts until minute 50.
    expect((await check(busy.sessionId, 20, false)).staff?.id).toBe(s.id);
    expect(await lastSeen(db, busy.sessionId)).toEqual(later(20));
    expect((await check(busy.sessionId, 49, true)).staff?.id).toBe(s.id);
    expect(await check(busy.sessionId, 51, true)).toEqual({ staff: null, ended: "idle" });
  });

  it("tells why a session is over: idle, 12 hours old, signed out", async () => {
    const { db } = ctx();
    const s = await staffMember(db);
    const r = await attempt(db, s.email, PASSWORD);
    if (!r.ok) throw new Error("sign-in failed");
    for (let hour = 0.25; hour < 12; hour += 0.25)
      await checkStaffSession(db, { sessionId: r.sessionId, now: later(hour * 60), background: false });
    expect(await findStaffSession(db, r.sessionId, later(12 * 60 + 1))).toEqual({ status: "expired" });
    await endAllStaffSessions(db, s.id, later(1));
    expect(await findStaffSession(db, r.sessionId, later(2))).toEqual({ status: "ended" });
    expect(await findStaffSession(db, "00000000-0000-4000-8000-000000000000", NOW)).toBeNull();
  });

  it("ends the server session when Auth.js's own /api/auth/signout is used, not just the cookie", async () => {
    const { db, handle } = ctx();
    const s = await staffMember(db);
    const r = await attempt(db, s.email, PASSWORD, new Date());
    if (!r.ok) throw new Error("sign-in failed");
    const SECRET = "db-test-secret-db-test-secret-db-test-0123";
    vi.stubEnv("AUTH_SECRET", SECRET);
    vi.stubEnv("TRUSTED_PROXIES", "1");
    resetEnvForTests();
    // The app's database is this test's (lib/db.ts keeps it on globalThis).
    const holder = ((globalThis as { __backtrackDb?: { promise?: Promise<unknown> } }).__backtrackDb ??= {});
    const before = holder.promise;
    holder.promise = Promise.resolve(handle);
    try {
      // What /api/auth/[...nextauth] runs (auth.ts: NextAuth's handlers are Auth() with this configuration).
      const route = (request: Request) => Auth(request, { ...authConfig(request), basePath: "/api/auth" });
      const base = "http://localhost:3000/api/auth";
      const csrf = await route(new Request(`${base}/csrf`));
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const csrfCookie = csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const name = "authjs.session-token";
      const token = await encode({ token: { sid: r.sessionId }, secret: SECRET, salt: name, maxAge: 3600 });
      const cookie = `${csrfCookie}; ${name}=${token}`;
      const signOut = (csrfToken: string) =>
        route(
          new Request(`${base}/signout`, {
            method: "POST",
            headers: {
              cookie,
              "content-type": "application/x-www-form-urlencoded",
              "x-forwarded-for": "198.51.100.7",
            },
            body: new URLSearchParams({ csrfToken, callbackUrl: "/staff/sign-in" }).toString(),
          }),
        );

      // Without Auth.js's CSRF token nothing ends (a cross-site form cannot sign anyone out).
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      await signOut("forged");
      expect(logged.mock.calls.join(" ")).toContain("MissingCSRF");
      logged.mockRestore();
      expect(await findLiveSession(db, r.sessionId, new Date())).not.toBeNull();

      const response = await signOut(csrfToken);
      expect(response.status).toBeLessThan(400);
      expect(response.headers.getSetCookie().some((c) => c.startsWith(`${name}=;`))).toBe(true);
      expect(await findStaffSession(db, r.sessionId, new Date())).toEqual({ status: "ended" });
      const out = (await listAudit(db, { subjectId: s.id })).find((e) => e.action === "sign_out");
      expect(out).toMatchObject({ actorId: s.id, clientAddress: "198.51.100.7" });

      // A second sign-out with the same (copied) cookie finds nothing left to end, and records nothing.
      await signOut(csrfToken);
      expect((await listAudit(db, { subjectId: s.id })).filter((e) => e.action === "sign_out")).toHaveLength(1);
    } finally {
      holder.promise = before;
      vi.unstubAllEnvs();
      resetEnvForTests();
    }
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
