// Recovery (issue 20): My back links, check-ins at the clinic's weeks, "not improving" on the review
// list with an appointment offered, the return-to-run plan's decisions, stopping emails, discharge,
// and erasure; on both databases.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { getIntake, getIntakeForBooking } from "@/db/queries/intakes";
import { upsertStaff } from "@/db/queries/staff";
import { clinic, intakes, outbox, outcomeCheckins, type OutboxRow } from "@/db/schema";
import { seed } from "@/db/seed";
import { bookingAccess } from "@/lib/booking/access";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { env } from "@/lib/env";
import { submitIntake } from "@/lib/intakes/submit";
import { renderEmail } from "@/lib/notifications/render";
import { eraseOnRequest } from "@/lib/privacy/erase";
import { answerCheckin } from "@/lib/recovery/checkin";
import { MY_BACK_DAYS, openMyBack } from "@/lib/recovery/links";
import {
  chooseActivities,
  clearForRunPlan,
  myBackView,
  requestMyBackLink,
  restartEmails,
  setDischarged,
  stopEmails,
} from "@/lib/recovery/my-back";
import { outcomeMeasures } from "@/lib/recovery/measures";
import { answerPlanCheckin, resumePlan, startPlan } from "@/lib/recovery/run-plan";
import { openSecret, signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

type Db = TestDb["db"];
const NOW = new Date("2026-12-01T13:00:00Z"); // Tuesday 08:00 in New York
const ZONE = "America/New_York";
const DAY = 24 * 3_600_000;
const WEEK = 7 * DAY;
const later = (ms: number) => new Date(NOW.getTime() + ms);
let counter = 0;

const RENDER = {
  clinic: {
    name: "Riverside Spine",
    address: "1 River St",
    phone: "555-0100",
    email: null,
    timeZone: ZONE,
    cancellationCutoffHours: 24,
  },
  appUrl: "https://book.example",
  secret: env().AUTH_SECRET,
};

/** A patient graded by a public vignette at `now`, with their own name and address. */
async function patient(
  db: Db,
  { vignette = "P17", now = NOW, email }: { vignette?: string; now?: Date; email?: string } = {},
) {
  const lastName = `Recovering${++counter}`;
  const address = email ?? `${lastName.toLowerCase()}@example.test`;
  const raw = vignetteIntake(vignette, now) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, lastName, email: address };
  const answers = makeIntakeAnswersSchema({ now }).parse(raw);
  const graded = await submitIntake(db, { answers, now, timeZone: ZONE });
  if (graded.status === "key_conflict") throw new Error("unexpected");
  const intake = (await getIntake(db, graded.response.id))!;
  return {
    intakeId: intake.id,
    patientId: intake.patientId,
    level: graded.response.level,
    email: address,
    dateOfBirth: intake.dateOfBirth,
  };
}

const emailsTo = (db: Db, recipient: string) =>
  db.select().from(outbox).where(eq(outbox.recipient, recipient)).orderBy(outbox.dueAt);

/** The My back token in a queued email (sealed in the outbox). */
function myBackToken(row: Pick<OutboxRow, "payload">): string {
  const sealed = (row.payload as { myBackToken?: string }).myBackToken;
  const token = sealed ? openSecret(env().AUTH_SECRET, sealed) : null;
  if (!token) throw new Error("no My back link in the email");
  return token;
}

/** A check-in's answers as the form gives them: nothing new, pain as given, unless overridden. */
function checkin(
  over: { pain?: number; trend?: string; cauda?: object; legs?: object; pattern?: string; activities?: object[] } = {},
) {
  return {
    cauda: { saddleNumbness: "no", bladderChange: "no", bowelChange: "no", sexualFunctionChange: "no", ...over.cauda },
    legs: { weakness: "none", difficultyWalking: false, ...over.legs },
    pain: { intensity: over.pain ?? 3, pattern: over.pattern ?? "stable" },
    function: { sections: [null, null, null, null, null, null, null, null, null, null] },
    activities: over.activities ?? [],
    trend: over.trend ?? "better",
  };
}

const WEEK_OK = { painDuring: 1, painNextMorning: 1, painWent: "stayed", goalDone: true, warningSigns: [] };

describeEachDb("recovery", (ctx) => {
  let clinician: { id: string; email: string; clientAddress: string };
  beforeAll(async () => {
    const { db } = ctx();
    await seed(db);
    await db
      .update(clinic)
      .set({ checkinWeeks: [2, 6, 12] })
      .where(eq(clinic.id, 1));
    clearSettingsCaches();
    const staff = await upsertStaff(db, {
      email: "recovery-clinician@example.test",
      name: "Dr Recovery",
      role: "clinician",
      passwordHash: "x",
    });
    clinician = { id: staff.id, email: "recovery-clinician@example.test", clientAddress: "127.0.0.1" };
  });

  it("makes the check-ins at 2, 6 and 12 weeks with the intake, each emailed when due, with no clinical word", async () => {
    const { db } = ctx();
    const p = await patient(db, { vignette: "P15" });
    expect(p.level).toBe("ROUTINE");
    const rows = await db.select().from(outcomeCheckins).where(eq(outcomeCheckins.intakeId, p.intakeId));
    expect(rows.map((r) => [r.week, r.dueAt.getTime()]).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [2, later(2 * WEEK).getTime()],
      [6, later(6 * WEEK).getTime()],
      [12, later(12 * WEEK).getTime()],
    ]);
    const mails = (await emailsTo(db, p.email)).filter((m) => m.kind === "recovery_checkin");
    expect(mails.map((m) => m.dueAt.getTime())).toEqual([2, 6, 12].map((w) => later(w * WEEK).getTime()));
    const rendered = await renderEmail(mails[1]!, RENDER);
    expect(rendered.subject).toBe("How are you getting on? A short check-in from Riverside Spine");
    expect(rendered.subject + rendered.text).not.toMatch(/routine|self[- ]care|urgent|pain score|red flag/i);
    const token = myBackToken(mails[1]!);
    expect(rendered.text).toContain(`https://book.example/my/${token}/check-in`);
    expect(rendered.text).toContain(`https://book.example/my/${token}/emails`); // the stop link
    // The link opens this patient's page, and only for 90 days from when the email goes.
    expect(await openMyBack(db, token, later(6 * WEEK))).toEqual({ status: "ok", patientId: p.patientId });
    expect((await openMyBack(db, token, later(6 * WEEK + MY_BACK_DAYS * DAY + 1000))).status).toBe("expired");
    expect((await openMyBack(db, "x".repeat(43), NOW)).status).toBe("not_found");
  });

  it("puts a My back link in every patient email (the self-care check-in links to the two-week check-in), none in staff alerts", async () => {
    const { db } = ctx();
    const p = await patient(db, { vignette: "P17" });
    expect(p.level).toBe("SELF_CARE");
    const mails = await emailsTo(db, p.email);
    // The self-care check-in at 14 days is the two-week check-in's email: not two emails that day.
    expect(mails.filter((m) => m.kind === "recovery_checkin").map((m) => m.dueAt.getTime())).toEqual([
      later(6 * WEEK).getTime(),
      later(12 * WEEK).getTime(),
    ]);
    for (const m of mails) expect(myBackToken(m)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const selfCare = mails.find((m) => m.kind === "self_care_checkin")!;
    const text = (await renderEmail(selfCare, RENDER)).text;
    expect(text).toContain(`/my/${myBackToken(selfCare)}/check-in`);
    expect(text).toContain("Your appointments, advice and progress are on your private page");

    const urgent = await patient(db, { vignette: "P05" });
    const alerts = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.intakeId, urgent.intakeId), inArray(outbox.kind, ["staff_escalation", "staff_digest"])));
    expect(alerts.length).toBeGreaterThan(0);
    for (const a of alerts) expect((a.payload as { myBackToken?: string }).myBackToken).toBeUndefined();
  });

  it("sends a new link only when email and date of birth match, answering the same either way", async () => {
    const { db } = ctx();
    const p = await patient(db, { vignette: "P15" });
    const before = (await emailsTo(db, p.email)).length;
    const wrong = await requestMyBackLink(db, {
      email: p.email.toUpperCase(),
      dateOfBirth: "1901-01-01",
      client: "client-a",
      now: NOW,
    });
    const right = await requestMyBackLink(db, {
      email: p.email.toUpperCase(),
      dateOfBirth: p.dateOfBirth,
      client: "client-a",
      now: NOW,
    });
    expect(wrong).toEqual(right);
    const mails = await emailsTo(db, p.email);
    expect(mails).toHaveLength(before + 1);
    const link = mails.find((m) => m.kind === "my_back_link")!;
    expect((await openMyBack(db, myBackToken(link), NOW)).status).toBe("ok");
    const rendered = await renderEmail(link, RENDER);
    expect(rendered.subject).toBe("Your link from Riverside Spine");
    for (let i = 0; i < 3; i++)
      await requestMyBackLink(db, { email: "x@example.test", dateOfBirth: "1990-01-01", client: "client-a", now: NOW });
    expect(
      (await requestMyBackLink(db, { email: p.email, dateOfBirth: p.dateOfBirth, client: "client-a", now: NOW }))
        .status,
    ).toBe("rate_limited");
  });

  it("a check-in opens when due, is answered once and scored; another patient's token cannot answer it", async () => {
    const { db } = ctx();
    const p = await patient(db, { vignette: "P15" });
    const other = await patient(db, { vignette: "P15" });
    const [two] = await db
      .select()
      .from(outcomeCheckins)
      .where(and(eq(outcomeCheckins.intakeId, p.intakeId), eq(outcomeCheckins.week, 2)));
    const input = checkin({ pain: 2, trend: "better" });
    expect(
      (await answerCheckin(db, { patientId: p.patientId, checkinId: two!.id, input, now: later(WEEK) })).status,
    ).toBe("closed"); // not due yet
    expect(
      (await answerCheckin(db, { patientId: other.patientId, checkinId: two!.id, input, now: later(2 * WEEK) })).status,
    ).toBe("not_found");
    const answered = await answerCheckin(db, {
      patientId: p.patientId,
      checkinId: two!.id,
      input,
      now: later(2 * WEEK),
    });
    expect(answered).toEqual({ status: "answered", regrade: null, refill: false, notImproving: false });
    expect(
      (await answerCheckin(db, { patientId: p.patientId, checkinId: two!.id, input, now: later(2 * WEEK + 60_000) }))
        .status,
    ).toBe("closed");
    const view = (await myBackView(db, p.patientId, later(2 * WEEK + DAY)))!;
    expect(view.open).toBeNull();
    expect(view.scores).toEqual([expect.objectContaining({ week: 2, pain: 2, painChange: 2 - 4 })]);
    expect(view.series.map((s) => s.pain)).toEqual([4, 2]);
    // Refused answers say why, per field, and store nothing.
    const six = (await myBackView(db, p.patientId, later(6 * WEEK)))!.open!;
    const bad = await answerCheckin(db, {
      patientId: p.patientId,
      checkinId: six.id,
      input: { ...checkin(), pain: { intensity: 11, pattern: "stable" } },
      now: later(6 * WEEK),
    });
    expect(bad.status).toBe("invalid");
  });

  it("'worse' puts the patient on the review list with the reason and offers an appointment again after 30 days", async () => {
    const { db } = ctx();
    const p = await patient(db, { vignette: "P15" });
    const at = later(6 * WEEK);
    const bookingToken = signToken(env().AUTH_SECRET, "booking", p.intakeId);
    expect((await bookingAccess(db, bookingToken, at)).status).toBe("expired");
    const six = (await myBackView(db, p.patientId, at))!.open!;
    expect(six.week).toBe(6);
    const result = await answerCheckin(db, {
      patientId: p.patientId,
      checkinId: six.id,
      input: checkin({ pain: 4, trend: "same" }),
      now: at,
    });
    // At 6 weeks, pain not down by 2 (4 → 4): not improving (O2).
    expect(result).toMatchObject({ status: "answered", regrade: null, notImproving: true });
    const intake = (await getIntake(db, p.intakeId))!;
    expect(intake.reviewReason).toBe("not_improving");
    expect(intake.reviewDueAt).not.toBeNull();
    expect(intake.reviewedAt).toBeNull();
    const view = (await myBackView(db, p.patientId, at))!;
    expect(view.recovery?.notImprovingAt).toEqual(at);
    expect(view.recovery?.notImproving).toMatchObject({ fired: [expect.objectContaining({ id: "O2", week: 6 })] });
    expect((await bookingAccess(db, bookingToken, later(6 * WEEK + DAY))).status).toBe("ok");
    expect((await getIntakeForBooking(db, p.intakeId))?.reopenedAt).toEqual(at);
  });

  it("a new red flag at a check-in re-grades the episode, linked to its first intake, and escalates it", async () => {
    const { db } = ctx();
    const p = await patient(db, { vignette: "P15" });
    const two = (await myBackView(db, p.patientId, later(2 * WEEK)))!.open!;
    const result = await answerCheckin(db, {
      patientId: p.patientId,
      checkinId: two.id,
      input: checkin({ cauda: { bladderChange: "yes" }, trend: "worse" }),
      now: later(2 * WEEK),
    });
    if (result.status !== "answered" || !result.regrade) throw new Error(`not re-graded: ${JSON.stringify(result)}`);
    expect(result.regrade.level).toBe("EMERGENCY");
    expect(result.regrade.canBook).toBe(false);
    const regrade = (await getIntake(db, result.regrade.intakeId))!;
    expect(regrade.previousIntakeId).toBe(p.intakeId);
    expect(regrade.escalated).toBe(true);
    // The re-grade joins the episode: no check-ins of its own.
    expect(await db.select().from(outcomeCheckins).where(eq(outcomeCheckins.intakeId, regrade.id))).toEqual([]);
    const view = (await myBackView(db, p.patientId, later(2 * WEEK)))!;
    expect(view.latest.id).toBe(regrade.id);
    expect(view.root.id).toBe(p.intakeId);
  });

  it("the running plan: open to a self-care runner, moves on when all is clear, stops on spreading pain for review", async () => {
    const { db } = ctx();
    const p = await patient(db, { vignette: "P17" });
    const view = (await myBackView(db, p.patientId, NOW))!;
    expect(view.planAccess).toEqual({ open: true, why: "grade" });
    const plan = await startPlan(db, { root: view.root, patientId: p.patientId, now: NOW });
    expect(plan.stage).toBe(1);
    const weekly = () =>
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.intakeId, p.intakeId), eq(outbox.kind, "run_plan_week"), eq(outbox.status, "pending")));
    expect((await weekly()).map((m) => m.dueAt)).toEqual([later(WEEK)]);
    const common = { root: view.root, latestIntakeId: p.intakeId, patientId: p.patientId };
    const first = await answerPlanCheckin(db, { ...common, seen: 0, input: WEEK_OK, now: later(WEEK) });
    expect(first).toMatchObject({ status: "decided", decision: { action: "progress", stage: 2 } });
    // The same form sent twice is decided once.
    expect((await answerPlanCheckin(db, { ...common, seen: 0, input: WEEK_OK, now: later(WEEK) })).status).toBe(
      "closed",
    );
    expect((await weekly()).map((m) => m.dueAt)).toEqual([later(2 * WEEK)]);
    const spread = await answerPlanCheckin(db, {
      ...common,
      seen: 1,
      input: { ...WEEK_OK, painWent: "spread_down_leg" },
      now: later(2 * WEEK),
    });
    expect(spread).toMatchObject({ status: "decided", decision: { action: "stop", staffReview: true } });
    const after = (await myBackView(db, p.patientId, later(2 * WEEK)))!;
    expect(after.plan?.plan).toMatchObject({ status: "stopped", stage: 2 });
    expect(await weekly()).toEqual([]);
    const intake = (await getIntake(db, p.intakeId))!;
    expect(intake.reviewReason).toBe("run_plan_stopped");
    expect(intake.reviewDueAt).not.toBeNull();
  });

  it("the plan is closed to an urgent case until a clinician clears it, and to a non-runner", async () => {
    const { db } = ctx();
    const urgent = await patient(db, { vignette: "P05" });
    const view = (await myBackView(db, urgent.patientId, NOW))!;
    expect(view.planAccess.open).toBe(false);
    await clearForRunPlan(db, clinician, { rootId: urgent.intakeId, now: NOW });
    expect((await myBackView(db, urgent.patientId, NOW))!.planAccess).toEqual({ open: true, why: "cleared" });
    const walker = await patient(db, { vignette: "P15" });
    expect((await myBackView(db, walker.patientId, NOW))!.planAccess).toEqual({ open: false, why: "not_runner" });
  });

  it("stopping emails withdraws the unsent ones at once; starting again queues those still to come; discharge stops check-ins", async () => {
    const { db } = ctx();
    const p = await patient(db, { vignette: "P15" });
    const pending = async () =>
      (await emailsTo(db, p.email)).filter((m) => m.kind === "recovery_checkin" && m.status === "pending").length;
    expect(await pending()).toBe(3);
    await stopEmails(db, { patientId: p.patientId, now: later(DAY) });
    expect(await pending()).toBe(0);
    expect((await myBackView(db, p.patientId, later(DAY)))!.contact.stoppedAt).toEqual(later(DAY));
    await restartEmails(db, { patientId: p.patientId, now: later(3 * WEEK) });
    expect(await pending()).toBe(2); // 6 and 12 weeks; the 2-week one has passed
    await setDischarged(db, clinician, { rootId: p.intakeId, discharged: true, now: later(4 * WEEK) });
    expect(await pending()).toBe(0);
    expect((await myBackView(db, p.patientId, later(6 * WEEK)))!.open).toBeNull();
  });

  it("the activities chosen become the baseline, once; erasure replaces the answers and the link opens nothing", async () => {
    const { db } = ctx();
    const p = await patient(db, { vignette: "P15" });
    expect(
      await chooseActivities(db, { patientId: p.patientId, input: [{ id: "running", rating: 11 }], now: NOW }),
    ).toMatchObject({ status: "invalid" });
    expect(
      await chooseActivities(db, {
        patientId: p.patientId,
        input: [
          { id: "running", rating: 2 },
          { id: "sitting_long", rating: 5 },
        ],
        now: NOW,
      }),
    ).toEqual({ status: "saved" });
    expect(
      (await chooseActivities(db, { patientId: p.patientId, input: [{ id: "running", rating: 9 }], now: NOW })).status,
    ).toBe("already_chosen");
    const two = (await myBackView(db, p.patientId, later(2 * WEEK)))!.open!;
    await answerCheckin(db, {
      patientId: p.patientId,
      checkinId: two.id,
      input: checkin({
        activities: [
          { id: "running", rating: 6 },
          { id: "sitting_long", rating: 7 },
        ],
      }),
      now: later(2 * WEEK),
    });
    const view = (await myBackView(db, p.patientId, later(2 * WEEK)))!;
    expect(view.scores[0]).toMatchObject({ activityMean: 6.5, activityChange: 3 });
    const token = myBackToken((await emailsTo(db, p.email)).find((m) => m.kind === "recovery_checkin")!);

    const intakeRow = (await getIntake(db, p.intakeId))!;
    const erased = await eraseOnRequest(
      db,
      clinician,
      { intakeId: p.intakeId, confirm: intakeRow.lastName, reason: "The patient asked" },
      later(3 * WEEK),
    );
    expect(erased).toMatchObject({ ok: true, result: { status: "erased" } });
    const [row] = await db.select().from(outcomeCheckins).where(eq(outcomeCheckins.id, two.id));
    expect(row!.answers).toEqual({ erased: true });
    expect(await myBackView(db, p.patientId, later(3 * WEEK))).toBeNull();
    const open = await openMyBack(db, token, later(3 * WEEK));
    expect(open.status === "ok" ? await myBackView(db, open.patientId, later(3 * WEEK)) : null).toBeNull();
    const [intake] = await db.select().from(intakes).where(eq(intakes.id, p.intakeId));
    expect(intake!.erasedAt).not.toBeNull();
  });

  it("measures the response rate and the share improved at 6 weeks, by grade", async () => {
    const { db } = ctx();
    const start = later(52 * WEEK); // a period no other test's check-ins fall in
    const at = (ms: number) => new Date(start.getTime() + ms);
    const better = await patient(db, { vignette: "P15", now: start });
    const same = await patient(db, { vignette: "P15", now: start });
    await patient(db, { vignette: "P15", now: start }); // never answers
    for (const [p, pain] of [
      [better, 1],
      [same, 4],
    ] as const) {
      const six = (await myBackView(db, p.patientId, at(6 * WEEK)))!.open!;
      await answerCheckin(db, {
        patientId: p.patientId,
        checkinId: six.id,
        input: checkin({ pain, trend: "same" }),
        now: at(6 * WEEK),
      });
    }
    const m = await outcomeMeasures(db, { from: start, to: at(7 * WEEK) });
    // Due: three patients' 2- and 6-week check-ins; answered: two 6-week ones.
    expect({ due: m.due, answered: m.answered }).toEqual({ due: 6, answered: 2 });
    expect(m.responseRate).toBeCloseTo(1 / 3);
    expect(m.sixWeeks.find((r) => r.level === "ROUTINE")).toEqual({
      level: "ROUTINE",
      compared: 2,
      improved: 1,
      share: 0.5,
    });
  });

  it("a week's check-in sent early cannot move the plan on; a re-grade pauses it; a clinician resumes a stopped plan", async () => {
    const { db } = ctx();
    const p = await patient(db, { vignette: "P17" });
    const view = (await myBackView(db, p.patientId, NOW))!;
    await startPlan(db, { root: view.root, patientId: p.patientId, now: NOW });
    const common = { root: view.root, latestIntakeId: p.intakeId, patientId: p.patientId };
    const early = await answerPlanCheckin(db, { ...common, seen: 0, input: WEEK_OK, now: later(2 * DAY) });
    expect(early).toMatchObject({ status: "decided", decision: { action: "repeat", stage: 1, reasons: ["too_soon"] } });
    // A new red flag at the two-week check-in re-grades the episode: the plan pauses, its emails stop.
    const two = (await myBackView(db, p.patientId, later(2 * WEEK)))!.open!;
    const regraded = await answerCheckin(db, {
      patientId: p.patientId,
      checkinId: two.id,
      input: checkin({ cauda: { saddleNumbness: "yes" }, trend: "worse" }),
      now: later(2 * WEEK),
    });
    expect(regraded).toMatchObject({ status: "answered", regrade: { level: "EMERGENCY" } });
    const after = (await myBackView(db, p.patientId, later(2 * WEEK)))!;
    expect(after.plan?.plan.status).toBe("stopped");
    expect(after.planAccess.open).toBe(false);
    const pending = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.intakeId, p.intakeId), eq(outbox.kind, "run_plan_week"), eq(outbox.status, "pending")));
    expect(pending).toEqual([]);
    expect(
      (
        await answerPlanCheckin(db, {
          ...common,
          latestIntakeId: after.latest.id,
          seen: 1,
          input: WEEK_OK,
          now: later(3 * WEEK),
        })
      ).status,
    ).toBe("closed");
    // A clinician clears the patient and resumes the plan a stage back.
    await clearForRunPlan(db, clinician, { rootId: p.intakeId, now: later(3 * WEEK) });
    expect(await resumePlan(db, clinician, { rootId: p.intakeId, stage: 1, now: later(3 * WEEK) })).toBe("resumed");
    const resumed = await answerPlanCheckin(db, {
      ...common,
      latestIntakeId: after.latest.id,
      seen: 1,
      input: WEEK_OK,
      now: later(4 * WEEK),
    });
    expect(resumed).toMatchObject({ status: "decided", decision: { action: "progress", stage: 2 } });
  });

  it("'not improving' puts the case back on the review list at a later check-in after a review", async () => {
    const { db } = ctx();
    const p = await patient(db, { vignette: "P15" });
    const two = (await myBackView(db, p.patientId, later(2 * WEEK)))!.open!;
    const first = await answerCheckin(db, {
      patientId: p.patientId,
      checkinId: two.id,
      input: checkin({ pain: 4, trend: "worse" }),
      now: later(2 * WEEK),
    });
    // "Worse" re-grades (the same answers otherwise: the same level) and is not improving (O1): the
    // case that acts now, the re-grade, goes on the review list.
    if (first.status !== "answered" || !first.regrade) throw new Error("not re-graded");
    const acting = first.regrade.intakeId;
    expect((await getIntake(db, acting))!.reviewReason).toBe("not_improving");
    await db
      .update(intakes)
      .set({ reviewedAt: later(2 * WEEK + DAY) })
      .where(eq(intakes.id, acting));
    const six = (await myBackView(db, p.patientId, later(6 * WEEK)))!.open!;
    await answerCheckin(db, {
      patientId: p.patientId,
      checkinId: six.id,
      input: checkin({ pain: 4, trend: "same" }),
      now: later(6 * WEEK),
    });
    const intake = (await getIntake(db, acting))!;
    expect(intake.reviewReason).toBe("not_improving");
    expect(intake.reviewedAt).toBeNull();
    expect(intake.reviewDueAt!.getTime()).toBeGreaterThan(later(6 * WEEK).getTime());
    expect(
      (await answerCheckin(db, { patientId: p.patientId, checkinId: "not-a-uuid", input: checkin(), now: NOW })).status,
    ).toBe("not_found");
  });
});
