import { eraseOnRequest } from "@/lib/privacy/erase";
import { exportPatient } from "@/lib/privacy/export";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { getIntakeForBooking } from "@/db/queries/intakes";
import { listAnsweredChecksForIntake } from "@/db/queries/pre-visit";
import { upsertStaff } from "@/db/queries/staff";
import { appointments, clinic, freedTimes, intakes, outbox, preVisitChecks } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { bookAppointment } from "@/lib/booking/book";
import { cancelAppointment, rescheduleAppointment } from "@/lib/booking/manage";
import { answerCheck, GIVE_BACK_REASON, giveTimeBack, readCheck } from "@/lib/booking/pre-visit";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { env } from "@/lib/env";
import { submitIntake } from "@/lib/intakes/submit";
import { hashCheckToken } from "@/lib/notifications/queue";
import { renderEmail } from "@/lib/notifications/render";
import { checkSummary } from "@/lib/staff/brief";
import { viewPatient } from "@/lib/staff/patients";
import { openSecret } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

// Tuesday 1 December 2026, 08:00 in New York.
const NOW = new Date("2026-12-01T13:00:00Z");
const ZONE = "America/New_York";
const HOUR = 3_600_000;
const RAMAN = DEMO_CLINICIANS[0].id;
// Friday 4 December 2026: 14:00 and 15:00 in New York (Dr Raman's afternoon).
const FRIDAY_2PM = new Date("2026-12-04T19:00:00Z");
const FRIDAY_3PM = new Date("2026-12-04T20:00:00Z");
// Wednesday 2 December 2026, 14:00 and 16:00 in New York: 30 and 32 hours after NOW.
const WEDNESDAY_2PM = new Date("2026-12-02T19:00:00Z");
const WEDNESDAY_4PM = new Date("2026-12-02T21:00:00Z");
/** An afternoon time in New York in December (UTC−5), free for Dr Raman: "2026-12-07", "14:00". */
const nyc = (date: string, time: string) => new Date(`${date}T${time}:00-05:00`);

const UNIVERSAL_FOOTER = "If you think this is an emergency, go to the nearest emergency department.";

type Db = TestDb["db"];
let counter = 0;

/** A patient graded by a public vignette (their own name and address), booked at `start` with Dr Raman. */
async function booked(db: Db, start: Date, { vignette = "P15", now = NOW } = {}) {
  const lastName = `Checked${++counter}`;
  const email = `${lastName.toLowerCase()}@example.test`;
  const raw = vignetteIntake(vignette, now) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, lastName, email };
  const answers = makeIntakeAnswersSchema({ now }).parse(raw);
  const graded = await submitIntake(db, { answers, now, timeZone: ZONE });
  if (graded.status === "key_conflict") throw new Error("unexpected");
  const intake = await getIntakeForBooking(db, graded.response.id);
  const result = await bookAppointment(db, { intake: intake!, clinicianId: RAMAN, start, typeId: "initial", now });
  if (result.status !== "booked") throw new Error(`not booked: ${result.status}`);
  return {
    intakeId: graded.response.id,
    level: graded.response.level,
    email,
    appointmentId: result.appointment.id,
    manageToken: result.manageToken,
  };
}

/** The pre-visit check emails of an appointment. */
const checkEmails = (db: Db, appointmentId: string) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.appointmentId, appointmentId), eq(outbox.kind, "pre_visit_check")));

/** The check link's token from the appointment's check email (sealed in the outbox). */
async function checkToken(db: Db, appointmentId: string): Promise<string> {
  const [row] = await checkEmails(db, appointmentId);
  const sealed = (row?.payload as { checkToken?: string } | undefined)?.checkToken;
  const token = sealed ? openSecret(env().AUTH_SECRET, sealed) : null;
  if (!token) throw new Error("no check email");
  return token;
}

/** The check's answers as the form posts them: nothing new, unless overridden. */
function answers(over: { cauda?: object; legs?: object; pain?: object; trend?: string } = {}) {
  return {
    cauda: { saddleNumbness: "no", bladderChange: "no", bowelChange: "no", sexualFunctionChange: "no", ...over.cauda },
    legs: { weakness: "none", difficultyWalking: false, ...over.legs },
    pain: { intensity: 3, pattern: "stable", ...over.pain },
    trend: over.trend ?? "same",
  };
}

async function setClinic(db: Db, values: { preVisitCheckDays?: number; cancellationCutoffHours?: number }) {
  await db.update(clinic).set(values).where(eq(clinic.id, 1));
  clearSettingsCaches();
}

describeEachDb("pre-visit check", (ctx) => {
  beforeAll(async () => {
    await seed(ctx().db);
    clearSettingsCaches();
  });
  beforeEach(async () => {
    await setClinic(ctx().db, { preVisitCheckDays: 2, cancellationCutoffHours: 24 });
  });

  it("queues the check at booking for two days before, with its own private link, and never after the cut-off", async () => {
    const { db } = ctx();
    const a = await booked(db, FRIDAY_2PM);
    const [email] = await checkEmails(db, a.appointmentId);
    expect(email).toMatchObject({
      status: "pending",
      recipient: a.email,
      dueAt: new Date(FRIDAY_2PM.getTime() - 48 * HOUR),
    });
    const token = await checkToken(db, a.appointmentId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(preVisitChecks).where(eq(preVisitChecks.appointmentId, a.appointmentId));
    expect(row).toMatchObject({ intakeId: a.intakeId, tokenHash: hashCheckToken(token), answeredAt: null });
    expect(JSON.stringify(row)).not.toContain(token); // only the hash is stored
    expect((await readCheck(db, token, NOW)).status).toBe("open");

    // A cut-off longer than the days: the check still comes an hour before online changes close.
    await setClinic(db, { preVisitCheckDays: 1, cancellationCutoffHours: 36 });
    const b = await booked(db, FRIDAY_3PM);
    const [late] = await checkEmails(db, b.appointmentId);
    expect(late!.dueAt).toEqual(new Date(FRIDAY_3PM.getTime() - 37 * HOUR));

    // Off: no check at all.
    await setClinic(db, { preVisitCheckDays: 0, cancellationCutoffHours: 24 });
    const c = await booked(db, nyc("2026-12-04", "16:00"));
    expect(await checkEmails(db, c.appointmentId)).toEqual([]);
    expect(await db.select().from(preVisitChecks).where(eq(preVisitChecks.appointmentId, c.appointmentId))).toEqual([]);
  });

  it("sends the check at once when booked inside its days, and none when online changes close within the hour", async () => {
    const { db } = ctx();
    // 30 hours ahead: past the check's time (48 h) but 6 hours before the cut-off: at once.
    const a = await booked(db, WEDNESDAY_2PM);
    const [email] = await checkEmails(db, a.appointmentId);
    expect(email!.dueAt).toEqual(NOW);
    // 32 hours ahead, booked 7.5 hours later: changes close 30 minutes after booking: none.
    const later = new Date(NOW.getTime() + 7.5 * HOUR);
    const b = await booked(db, WEDNESDAY_4PM, { now: later });
    expect(await checkEmails(db, b.appointmentId)).toEqual([]);
  });

  it("withdraws a moved appointment's check and queues one for the new time; a cancelled one's is withdrawn", async () => {
    const { db } = ctx();
    const a = await booked(db, nyc("2026-12-07", "14:00"));
    const oldToken = await checkToken(db, a.appointmentId);
    const moved = await rescheduleAppointment(db, {
      token: a.manageToken,
      clinicianId: RAMAN,
      start: nyc("2026-12-14", "14:00"),
      now: NOW,
    });
    expect(moved.status).toBe("booked");
    if (moved.status !== "booked") return;
    expect((await checkEmails(db, a.appointmentId)).map((e) => e.status)).toEqual(["cancelled"]);
    const [fresh] = await checkEmails(db, moved.appointment.id);
    expect(fresh).toMatchObject({
      status: "pending",
      dueAt: nyc("2026-12-12", "14:00"),
    });
    expect(await readCheck(db, oldToken, NOW)).toMatchObject({ status: "closed", why: "moved" });
    const newToken = await checkToken(db, moved.appointment.id);
    expect((await readCheck(db, newToken, NOW)).status).toBe("open");

    expect((await cancelAppointment(db, { token: a.manageToken, reason: "No reason given", now: NOW })).status).toBe(
      "done",
    );
    expect((await checkEmails(db, moved.appointment.id)).map((e) => e.status)).toEqual(["cancelled"]);
    expect(await readCheck(db, newToken, NOW)).toMatchObject({ status: "closed", why: "cancelled" });
    expect((await answerCheck(db, { token: newToken, input: answers(), now: NOW })).status).toBe("closed");
  });

  it("re-grades a new bladder change to a linked EMERGENCY intake with its alert; the appointment stays, its reminder is withdrawn", async () => {
    const { db } = ctx();
    const a = await booked(db, new Date(FRIDAY_2PM.getTime() - 3 * HOUR));
    expect(a.level).toBe("ROUTINE");
    const token = await checkToken(db, a.appointmentId);
    const at = new Date(NOW.getTime() + 24 * HOUR);
    // "A bit better" overall, but a new bladder change: the red flag re-grades whatever the trend.
    const result = await answerCheck(db, {
      token,
      input: answers({ cauda: { bladderChange: "yes" }, trend: "better" }),
      now: at,
    });
    expect(result).toMatchObject({ status: "answered", regrade: { level: "EMERGENCY", canBook: false } });
    if (result.status !== "answered" || !result.regrade) return;
    const [regraded] = await db.select().from(intakes).where(eq(intakes.id, result.regrade.intakeId));
    expect(regraded).toMatchObject({ previousIntakeId: a.intakeId, escalated: true, level: "EMERGENCY" });
    const alerts = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.intakeId, regraded!.id), eq(outbox.kind, "staff_escalation")));
    expect(alerts).toHaveLength(1);
    const [appointment] = await db.select().from(appointments).where(eq(appointments.id, a.appointmentId));
    expect(appointment!.status).toBe("booked");
    const [reminder] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.appointmentId, a.appointmentId), eq(outbox.kind, "appointment_reminder")));
    expect(reminder!.status).toBe("cancelled");

    const [row] = await db.select().from(preVisitChecks).where(eq(preVisitChecks.appointmentId, a.appointmentId));
    expect(row).toMatchObject({ answeredAt: at, regradeIntakeId: regraded!.id, gaveBackAt: null });
    const [audit] = await listAudit(db, { action: "pre_visit_check_answered", subjectId: a.appointmentId });
    expect(audit!.after).toEqual({ checkId: row!.id, regradeIntakeId: regraded!.id, level: "EMERGENCY" });
    expect(JSON.stringify(audit)).not.toMatch(/bladder|trend|intensity/);

    // A second answer changes nothing; the page shows the answers given.
    expect((await answerCheck(db, { token, input: answers(), now: at })).status).toBe("already_answered");
    const view = await readCheck(db, token, at);
    expect(view).toMatchObject({ status: "answered", canGiveBack: false, answers: { trend: "better" } });

    // Staff see it on both cases and on the patient page.
    for (const caseId of [a.intakeId, regraded!.id]) {
      const [check] = (await listAnsweredChecksForIntake(db, caseId)).map(checkSummary);
      expect(check).toMatchObject({
        pain: 3,
        trend: "A bit better",
        redFlags: ["bladder change"],
        regrade: { intakeId: regraded!.id, level: "EMERGENCY" },
        gaveBack: false,
      });
    }
    const [first] = await db.select().from(intakes).where(eq(intakes.id, a.intakeId));
    const viewer = {
      id: (await upsertStaff(db, { email: "checks@example.test", name: "C", role: "clinician", passwordHash: "x" })).id,
      email: "checks@example.test",
      clientAddress: "192.0.2.66",
    };
    const patient = await viewPatient(db, viewer, first!.patientId);
    expect(patient).toMatchObject({
      status: "ok",
      preVisitChecks: [{ redFlags: ["bladder change"], regrade: { level: "EMERGENCY" } }],
    });
  });

  it("re-grades a patient who says it is worse, without a new red flag, as a linked intake", async () => {
    const { db } = ctx();
    const a = await booked(db, nyc("2026-12-08", "14:00"));
    const token = await checkToken(db, a.appointmentId);
    const result = await answerCheck(db, {
      token,
      input: answers({ pain: { intensity: 7 }, trend: "worse" }),
      now: NOW,
    });
    expect(result).toMatchObject({ status: "answered", refill: false });
    if (result.status !== "answered") return;
    expect(result.regrade).not.toBeNull();
    const [regraded] = await db.select().from(intakes).where(eq(intakes.id, result.regrade!.intakeId));
    expect(regraded!.previousIntakeId).toBe(a.intakeId);

    // The same answers, "about the same": nothing re-graded.
    const b = await booked(db, nyc("2026-12-08", "15:00"));
    const same = await answerCheck(db, { token: await checkToken(db, b.appointmentId), input: answers(), now: NOW });
    expect(same).toEqual({ status: "answered", regrade: null, refill: false });
  });

  it("lets a much better patient give the time back before the cut-off: cancelled by the patient path, freed for the waitlist", async () => {
    const { db } = ctx();
    const a = await booked(db, nyc("2026-12-09", "14:00"));
    const token = await checkToken(db, a.appointmentId);
    expect(await answerCheck(db, { token, input: answers({ trend: "much_better" }), now: NOW })).toEqual({
      status: "answered",
      regrade: null,
      refill: false,
    });
    expect(await readCheck(db, token, NOW)).toMatchObject({ status: "answered", canGiveBack: true, tooLate: false });
    expect(await giveTimeBack(db, { token, now: NOW })).toEqual({ status: "given_back" });
    const [appointment] = await db.select().from(appointments).where(eq(appointments.id, a.appointmentId));
    expect(appointment).toMatchObject({ status: "cancelled", cancelReason: GIVE_BACK_REASON });
    const freed = await db.select().from(freedTimes).where(eq(freedTimes.sourceAppointmentId, a.appointmentId));
    expect(freed).toHaveLength(1);
    expect(freed[0]).toMatchObject({ cause: "cancelled", clinicianId: RAMAN, startsAt: appointment!.startsAt });
    const cancelledEmail = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.appointmentId, a.appointmentId), eq(outbox.kind, "booking_cancelled")));
    expect(cancelledEmail).toHaveLength(1);
    expect(await listAudit(db, { action: "pre_visit_time_given_back", subjectId: a.appointmentId })).toHaveLength(1);
    expect(await listAudit(db, { action: "appointment_cancelled", subjectId: a.appointmentId })).toHaveLength(1);
    // Once only; the page says it was given back, and staff see it.
    expect(await giveTimeBack(db, { token, now: NOW })).toEqual({ status: "not_offered" });
    const view = await readCheck(db, token, NOW);
    expect(view.status === "answered" && view.check.gaveBackAt).toBeTruthy();
    const [check] = (await listAnsweredChecksForIntake(db, a.intakeId)).map(checkSummary);
    expect(check).toMatchObject({ trend: "Much better", redFlags: [], regrade: null, gaveBack: true });

    // After the cut-off it cannot be given back online; "a bit better" is never offered it.
    const b = await booked(db, nyc("2026-12-09", "15:00"));
    const late = await checkToken(db, b.appointmentId);
    const dayBefore = nyc("2026-12-08", "16:00");
    await answerCheck(db, { token: late, input: answers({ trend: "much_better" }), now: dayBefore });
    expect(await readCheck(db, late, dayBefore)).toMatchObject({ canGiveBack: false, tooLate: true });
    expect(await giveTimeBack(db, { token: late, now: dayBefore })).toEqual({ status: "too_late" });
    const c = await booked(db, nyc("2026-12-09", "16:00"));
    const bit = await checkToken(db, c.appointmentId);
    await answerCheck(db, { token: bit, input: answers({ trend: "better" }), now: NOW });
    expect(await giveTimeBack(db, { token: bit, now: NOW })).toEqual({ status: "not_offered" });
  });

  it("refuses bad answers field by field, and unknown links, without an error", async () => {
    const { db } = ctx();
    const a = await booked(db, nyc("2026-12-10", "14:00"));
    const token = await checkToken(db, a.appointmentId);
    const bad = { ...answers({ pain: { intensity: 11 } }), trend: "fine" };
    const result = await answerCheck(db, { token, input: bad, now: NOW });
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["pain.intensity", "trend"]);
    expect((await answerCheck(db, { token, input: "nonsense", now: NOW })).status).toBe("invalid");
    expect((await readCheck(db, token, NOW)).status).toBe("open");
    expect((await answerCheck(db, { token: "x".repeat(43), input: answers(), now: NOW })).status).toBe("not_found");
    expect((await readCheck(db, "../etc", NOW)).status).toBe("not_found");
    expect((await giveTimeBack(db, { token: "y".repeat(43), now: NOW })).status).toBe("not_found");
  });

  it("renders an email with the time and the private link, and no clinical words", async () => {
    const { db } = ctx();
    const a = await booked(db, nyc("2026-12-07", "15:00"));
    const [row] = await checkEmails(db, a.appointmentId);
    const email = await renderEmail(row!, {
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
    });
    expect(email.subject).toBe("A short check before your visit to Riverside Spine");
    expect(email.text).toContain(`https://book.example/appointments/check/${await checkToken(db, a.appointmentId)}`);
    expect(email.text).toMatch(/Monday 7 December 2026 at 3:00\spm \(New York time\)/);
    expect(email.attachments).toEqual([]);
    for (const word of [
      /soon/i,
      /urgent/i,
      /routine/i,
      /self-care/i,
      /emergency/i,
      /pain/i,
      /symptom/i,
      /level/i,
      /grade/i,
      /triage/i,
      /bladder|bowel|numb|weak|walk/i,
    ])
      // Every patient email ends with the same universal line about emergencies; nothing else may be clinical.
      expect(`${email.subject}\n${email.text.replace(UNIVERSAL_FOOTER, "")}`).not.toMatch(word);
  });

  it("is in the patient's export, and erasure replaces the answers", async () => {
    const { db } = ctx();
    const a = await booked(db, nyc("2026-12-10", "10:00"));
    const token = await checkToken(db, a.appointmentId);
    await answerCheck(db, { token, input: answers({ trend: "better" }), now: NOW });
    const { id } = await upsertStaff(db, { email: "dpo@example.test", name: "DPO", role: "admin", passwordHash: "x" });
    const admin = { id, email: "dpo@example.test", name: "DPO", role: "admin" as const, clientAddress: "192.0.2.70" };
    const exported = await exportPatient(db, admin, a.intakeId, NOW);
    expect(exported?.preVisitChecks).toMatchObject([
      { appointmentId: a.appointmentId, answers: expect.objectContaining({ trend: "better" }) },
    ]);
    const [intake] = await db.select({ lastName: intakes.lastName }).from(intakes).where(eq(intakes.id, a.intakeId));
    const erased = await eraseOnRequest(
      db,
      admin,
      { intakeId: a.intakeId, reason: "Asked by email", confirm: intake!.lastName },
      NOW,
    );
    expect(erased).toMatchObject({ ok: true, result: { status: "erased" } });
    const [check] = await db.select().from(preVisitChecks).where(eq(preVisitChecks.appointmentId, a.appointmentId));
    expect(check!.answers).toEqual({ erased: true });
    expect((await readCheck(db, token, NOW)).status).toBe("not_found");
  });
});
