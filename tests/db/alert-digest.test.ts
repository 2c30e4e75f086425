import { and, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { claimDueEmails, enqueueEmail, markEmailFailed } from "@/db/queries/outbox";
import { devMailbox, intakes, outbox } from "@/db/schema";
import { seed } from "@/db/seed";
import { env } from "@/lib/env";
import {
  cancelSelfCareCheckIn,
  queueIntakeEmails,
  queueLevelReviewed,
  queueStaffAlert,
} from "@/lib/notifications/queue";
import { devMailboxSender, renderingTransport } from "@/lib/notifications/transports";
import { sendDueEmails } from "@/lib/notifications/worker";
import { verifyToken } from "@/lib/tokens";
import type { Level } from "@/lib/triage";
import { describeEachDb, type TestDb } from "./support";

type DB = TestDb["db"];

// Tuesday 1 December 2026, 08:00 in New York (the demo clinic's zone).
const T0 = new Date("2026-12-01T13:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const RANK: Record<Level, number> = { EMERGENCY: 5, URGENT: 4, SOON: 3, ROUTINE: 2, SELF_CARE: 1 };
const LEAD = "lead@clinic.test";
const DESK = "desk@clinic.test";
let n = 0;

/** An intake row (the alert only needs it to exist), with a name the emails must never carry. */
async function intake(db: DB, level: Level, createdAt = T0) {
  const i = ++n;
  const [row] = await db
    .insert(intakes)
    .values({
      firstName: `Zephyrine${i}`,
      lastName: `Quillfeather${i}`,
      email: `patient${i}@example.test`,
      phone: "+1 555 010 0000",
      dateOfBirth: "1980-01-01",
      sex: "female",
      answers: {},
      privacyNoticeVersion: "2026-11",
      level,
      levelRank: RANK[level],
      rulesetVersion: "2026.12",
      firedRules: [],
      flags: [],
      scores: {},
      ageAtGrading: 46,
      createdAt,
    })
    .returning();
  return row!;
}

/** One worker pass through the development mailbox; returns the emails it delivered. */
async function deliver(db: DB, now: Date) {
  const before = new Set((await db.select({ id: devMailbox.outboxId }).from(devMailbox)).map((r) => r.id));
  await sendDueEmails(db, renderingTransport(db, devMailboxSender(db)), { now, limit: 100 });
  return (await db.select().from(devMailbox)).filter((m) => !before.has(m.outboxId));
}

const alertRows = (db: DB, recipient: string) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, recipient), inArray(outbox.kind, ["staff_escalation", "staff_digest"])));

/** The levels of a digest's cases, in the order the email lists them ("3. URGENT"). */
const listedLevels = (text: string) => [...text.matchAll(/^\s*\d+\. ([A-Z_]+)\s*$/gm)].map((m) => m[1]);

describeEachDb("staff alert digest", (ctx) => {
  it("20 escalations within a minute: one email at once per recipient, then one digest listing the other 19, EMERGENCY first", async () => {
    const { db } = ctx();
    await seed(db);
    const levels: Level[] = Array.from({ length: 20 }, (_, i) =>
      i % 5 === 0 ? "SOON" : i % 3 === 0 ? "EMERGENCY" : "URGENT",
    );
    const cases = [];
    for (const [i, level] of levels.entries()) {
      const c = await intake(db, level, at(i * 2));
      cases.push(c);
      const told = await db.transaction((tx) =>
        queueStaffAlert(
          tx,
          {
            intakeId: c.id,
            level,
            reason: level === "SOON" ? "no_capacity" : "level",
            submittedAt: c.createdAt,
            deadline: level === "SOON" ? null : at(i * 2 + 900),
            now: at(i * 2),
          },
          [LEAD, DESK],
        ),
      );
      expect(told).toBe(2);
    }

    for (const to of [LEAD, DESK]) {
      const rows = await alertRows(db, to);
      expect(rows.map((r) => [r.kind, r.dueAt.toISOString()]).sort()).toEqual([
        ["staff_digest", at(60).toISOString()],
        ["staff_escalation", T0.toISOString()],
      ]);
      const single = rows.find((r) => r.kind === "staff_escalation")!;
      expect(single.intakeId).toBe(cases[0]!.id);
      const digest = rows.find((r) => r.kind === "staff_digest")!;
      expect((digest.payload as { alerts: unknown[] }).alerts).toHaveLength(19);
    }

    // In the first minute: exactly one email per recipient.
    const first = [...(await deliver(db, T0)), ...(await deliver(db, at(59)))];
    expect(first.map((m) => [m.to, m.kind]).sort()).toEqual([
      [DESK, "staff_escalation"],
      [LEAD, "staff_escalation"],
    ]);

    const digests = await deliver(db, at(60));
    expect(digests.map((m) => [m.to, m.kind]).sort()).toEqual([
      [DESK, "staff_digest"],
      [LEAD, "staff_digest"],
    ]);
    const digest = digests.find((m) => m.to === LEAD)!;
    expect(digest.subject).toContain("19 cases need attention");
    expect(digest.subject).toMatch(/^\[EMERGENCY\]/);
    expect(
      digest.text
        .split("\n")
        .filter((line) => line.trim())
        .slice(0, 3)
        .join("\n"),
    ).toContain("19 cases need attention");
    // Every case but the first (which had its own email), each with its link, most urgent first.
    for (const c of cases.slice(1)) expect(digest.text).toContain(`/staff/cases/${c.id}`);
    expect(digest.text).not.toContain(`/staff/cases/${cases[0]!.id}`);
    const listed = listedLevels(digest.text);
    expect(listed).toHaveLength(19);
    expect(listed).toEqual([...listed].sort((a, b) => RANK[b as Level] - RANK[a as Level]));
    expect(listed[0]).toBe("EMERGENCY");
    expect(listed.at(-1)).toBe("SOON");
    expect(digest.text).toContain("New York time");
    expect(digest.text).toContain("No appointment was free within 7 days");
    expect(digest.text).toContain("Acknowledge by");
    // No patient names or addresses.
    for (const c of cases) {
      expect(digest.text + digest.html).not.toContain(c.firstName);
      expect(digest.text + digest.html).not.toContain(c.lastName);
      expect(digest.text + digest.html).not.toContain(c.email);
    }

    // Well after the minute: the next alert goes at once again.
    const later = await intake(db, "URGENT", at(200));
    await queueStaffAlert(
      db,
      {
        intakeId: later.id,
        level: "URGENT",
        reason: "overdue",
        submittedAt: later.createdAt,
        deadline: at(150),
        now: at(200),
      },
      [LEAD],
    );
    const [now] = await deliver(db, at(200));
    expect(now).toMatchObject({ to: LEAD, kind: "staff_escalation" });
    expect(now!.subject).toBe("[URGENT] overdue: not acknowledged");
    expect(now!.text).toContain("It was due to be acknowledged by");
  });

  it("a digest a worker is already sending is not added to: the next alert starts a new digest a minute later", async () => {
    const { db } = ctx();
    const to = "oncall@clinic.test";
    const [a, b, c] = [await intake(db, "URGENT"), await intake(db, "URGENT"), await intake(db, "EMERGENCY")];
    const alert = (x: typeof a, now: Date) =>
      queueStaffAlert(
        db,
        { intakeId: x.id, level: x.level, reason: "level", submittedAt: x.createdAt, deadline: null, now },
        [to],
      );
    await alert(a, T0);
    await alert(b, at(10)); // a digest due at 60 s
    const claimed = await claimDueEmails(db, { now: at(60), limit: 10, leaseMs: 60_000 });
    expect(claimed.filter((r) => r.recipient === to).map((r) => r.kind)).toContain("staff_digest");
    await alert(c, at(61)); // the digest is being sent: a new one, a minute after it
    const rows = await alertRows(db, to);
    const digests = rows.filter((r) => r.kind === "staff_digest").sort((x, y) => +x.dueAt - +y.dueAt);
    expect(digests.map((d) => d.dueAt.toISOString())).toEqual([at(60).toISOString(), at(120).toISOString()]);
    expect((digests[1]!.payload as { alerts: { intakeId: string }[] }).alerts.map((x) => x.intakeId)).toEqual([c.id]);
  });

  it("a digest that failed once is never added to (its retry must be the same email), and waiting for its retry holds back no new alert", async () => {
    const { db } = ctx();
    const to = "retry@clinic.test";
    const [a, b, c] = [await intake(db, "URGENT"), await intake(db, "URGENT"), await intake(db, "EMERGENCY")];
    const alert = (x: typeof a, now: Date) =>
      queueStaffAlert(
        db,
        { intakeId: x.id, level: x.level, reason: "level", submittedAt: x.createdAt, deadline: null, now },
        [to],
      );
    await alert(a, T0);
    await alert(b, at(10)); // a digest due at 60 s
    const claimed = (await claimDueEmails(db, { now: at(60), limit: 10, leaseMs: 60_000 })).filter(
      (r) => r.recipient === to && r.kind === "staff_digest",
    );
    expect(claimed).toHaveLength(1);
    // The provider timed out: retry in half an hour, under the same idempotency key.
    await markEmailFailed(db, { id: claimed[0]!.id, error: "resend no response", retryAt: at(1860), dead: false });
    await alert(c, at(70)); // an EMERGENCY: at once, on its own
    const rows = await alertRows(db, to);
    const digest = rows.find((r) => r.id === claimed[0]!.id)!;
    expect((digest.payload as { alerts: { intakeId: string }[] }).alerts.map((x) => x.intakeId)).toEqual([b.id]);
    const forC = rows.find(
      (r) => r.kind === "staff_escalation" && (r.payload as { intakeId: string }).intakeId === c.id,
    );
    expect(forC?.dueAt).toEqual(at(70));
  });

  it("alerts queued at the same moment by concurrent transactions still make one email and one digest", async () => {
    const { db } = ctx();
    const to = "burst@clinic.test";
    const cases = await Promise.all(Array.from({ length: 8 }, () => intake(db, "EMERGENCY")));
    await Promise.all(
      cases.map((c) =>
        db.transaction((tx) =>
          queueStaffAlert(
            tx,
            { intakeId: c.id, level: "EMERGENCY", reason: "level", submittedAt: T0, deadline: null, now: T0 },
            [to],
          ),
        ),
      ),
    );
    const rows = await alertRows(db, to);
    expect(rows.filter((r) => r.kind === "staff_escalation")).toHaveLength(1);
    const digests = rows.filter((r) => r.kind === "staff_digest");
    expect(digests).toHaveLength(1);
    expect((digests[0]!.payload as { alerts: unknown[] }).alerts).toHaveLength(7);
  });

  it("tells the patient the clinic has looked at their answers: no level, a private link to their result page", async () => {
    const { db } = ctx();
    await seed(db);
    const c = await intake(db, "SOON", new Date("2026-12-01T14:30:00Z"));
    const patient = { email: c.email, firstName: c.firstName };
    await queueLevelReviewed(db, { intakeId: c.id, patient, submittedAt: c.createdAt, now: T0 });
    // Reviewed again before the first email went: one email, not two.
    await queueLevelReviewed(db, { intakeId: c.id, patient, submittedAt: c.createdAt, now: T0 });
    const rows = await db.select().from(outbox).where(eq(outbox.intakeId, c.id));
    expect(rows.map((r) => [r.kind, r.status]).sort()).toEqual([
      ["level_reviewed", "cancelled"],
      ["level_reviewed", "pending"],
    ]);

    const [email, ...more] = (await deliver(db, T0)).filter((m) => m.to === c.email);
    expect(more).toHaveLength(0);
    expect(email!.kind).toBe("level_reviewed");
    expect(email!.text).toContain("The clinic has looked at the answers you sent on Tuesday 1 December 2026");
    expect(email!.text).toContain("Please open your BackTrack page to see what to do next");
    expect(email!.subject + email!.text).not.toMatch(/\b(urgent|soon|routine|self[ _-]?care|level|triage)\b/i);
    const link = /\/intake\/([0-9a-f-]{36})\/result\?key=([^\s\]]+)/.exec(email!.text);
    expect(link?.[1]).toBe(c.id);
    const key = decodeURIComponent(link![2]!);
    expect(verifyToken(env().AUTH_SECRET, "result", key)).toBe(c.id);
    // The outbox holds the key sealed, never usable as it is.
    expect(JSON.stringify(rows.map((r) => r.payload))).not.toContain(key);
  });

  it("cancels the patient's pending two-week check-in: the one about the case, and older ones by address", async () => {
    const { db } = ctx();
    const c = await intake(db, "SELF_CARE");
    const other = await intake(db, "SELF_CARE");
    await queueIntakeEmails(db, {
      intakeId: c.id,
      level: "SELF_CARE",
      patient: { email: c.email, firstName: c.firstName },
      isRunner: false,
      now: T0,
    });
    await queueIntakeEmails(db, {
      intakeId: other.id,
      level: "SELF_CARE",
      patient: { email: other.email, firstName: other.firstName },
      isRunner: false,
      now: T0,
    });
    // A check-in queued before rows named their case.
    const old = await enqueueEmail(db, {
      kind: "self_care_checkin",
      recipient: c.email.toUpperCase(),
      payload: { firstName: c.firstName },
      dueAt: at(86_400),
    });
    const mine = await db.select().from(outbox).where(eq(outbox.intakeId, c.id));
    expect(mine.map((r) => r.kind).sort()).toEqual(["intake_self_care", "self_care_checkin"]);

    expect(await cancelSelfCareCheckIn(db, { intakeId: c.id, email: c.email, now: T0 })).toBe(2);
    const status = async (where: ReturnType<typeof eq>) =>
      (await db.select().from(outbox).where(where)).map((r) => [r.kind, r.status]).sort();
    expect(await status(eq(outbox.intakeId, c.id))).toEqual([
      ["intake_self_care", "pending"],
      ["self_care_checkin", "cancelled"],
    ]);
    expect(await status(eq(outbox.id, old))).toEqual([["self_care_checkin", "cancelled"]]);
    expect(await status(eq(outbox.intakeId, other.id))).toEqual([
      ["intake_self_care", "pending"],
      ["self_care_checkin", "pending"],
    ]);
    // Nothing left to cancel; by address alone it finds the other patient's.
    expect(await cancelSelfCareCheckIn(db, { intakeId: c.id, email: c.email, now: T0 })).toBe(0);
    expect(await cancelSelfCareCheckIn(db, { email: other.email, now: T0 })).toBe(1);
  });
});
