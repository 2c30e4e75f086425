import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAudit } from "@/db/queries/audit";
import { saveDraft } from "@/db/queries/drafts";
import { getIntake, getIntakeForBooking } from "@/db/queries/intakes";
import { patientIntakeIds } from "@/db/queries/privacy";
import { upsertStaff } from "@/db/queries/staff";
import { appointments, auditEvents, caseNotes, devMailbox, intakeDrafts, intakes, outbox } from "@/db/schema";
import { seed } from "@/db/seed";
import { bookingAccess } from "@/lib/booking/access";
import { handleListSlots, type BookingApiOptions } from "@/lib/booking/api";
import { bookAppointment } from "@/lib/booking/book";
import { cancelAppointment, findByManageToken, isErasedManageLink } from "@/lib/booking/manage";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { submitIntake } from "@/lib/intakes/submit";
import { queueLevelReviewed } from "@/lib/notifications/queue";
import { devMailboxSender, renderingTransport } from "@/lib/notifications/transports";
import { sendDueEmails } from "@/lib/notifications/worker";
import { erasePatient, eraseOnRequest, erasurePlan } from "@/lib/privacy/erase";
import { exportPatient } from "@/lib/privacy/export";
import {
  currentNotice,
  currentNoticeId,
  listNoticeVersions,
  noticeById,
  publishNotice,
  updateRetention,
} from "@/lib/privacy/notice";
import { purgeExpiredPatients, runDailyRetentionPurge } from "@/lib/privacy/retention-purge";
import { addNote, logCall, overrideLevel, resolveCase } from "@/lib/staff/cases";
import { signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb } from "./support";

// Tuesday 1 December 2026, 08:00 in New York (the demo clinic's zone).
const NOW = new Date("2026-12-01T13:00:00Z");
const ZONE = "America/New_York";
const SECRET = "test-secret-test-secret-test-secret-0123";
const later = (days: number) => new Date(NOW.getTime() + days * 24 * 3600_000);
const yearsAgo = (years: number) => new Date(Date.UTC(NOW.getUTCFullYear() - years, 5, 1, 12));
const HOUR_BEFORE = new Date(NOW.getTime() - 3600_000);

const apiOptions: BookingApiOptions = {
  secret: SECRET,
  trustedProxies: 1,
  rateLimitPerMinute: 10_000,
  appUrl: "http://clinic.test",
  now: () => NOW,
};

// A date of birth of one's own (the same person across vignettes) must not make anyone younger than
// the vignette's age: its answers (an onset age) would no longer be possible.
type Contact = { firstName: string; lastName: string; email: string; phone: string; dateOfBirth?: string };

/** One graded intake of `vignette` for this person, sent at `at`. */
async function intake(db: Db, vignette: string, contact: Contact, at = NOW): Promise<string> {
  const raw = vignetteIntake(vignette, at) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, ...contact };
  const result = await submitIntake(db, {
    answers: makeIntakeAnswersSchema({ now: at }).parse(raw),
    now: at,
    timeZone: ZONE,
  });
  if (result.status === "key_conflict") throw new Error("unexpected");
  return result.response.id;
}

/** The date of birth an intake gave (a draft names its patient by email and date of birth). */
async function birthOf(db: Db, intakeId: string): Promise<string> {
  const [row] = await db.select({ d: intakes.dateOfBirth }).from(intakes).where(eq(intakes.id, intakeId));
  return row!.d;
}

async function staff(db: Db, name: string, role: "admin" | "clinician" | "reception") {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomBytes(3).toString("hex")}@clinic.test`;
  const { id } = await upsertStaff(db, { email, name, role, passwordHash: "not-used" });
  return { id, email, name, role, clientAddress: "192.0.2.61", sessionId: "s" } as const;
}

/** Books the first free time on `from` for the intake (the booking pages' path), with its manage token. */
async function book(db: Db, intakeId: string, from: string) {
  const token = signToken(SECRET, "booking", intakeId);
  const res = await handleListSlots(
    db,
    new Request(`http://clinic.test/api/v1/slots?bookingToken=${encodeURIComponent(token)}&from=${from}&days=1`, {
      headers: { "x-forwarded-for": `10.7.0.${Math.floor(Math.random() * 250)}` },
    }),
    apiOptions,
  );
  expect(res.status).toBe(200);
  const [slot] = (await res.json()).slots as { start: string; clinicianId: string }[];
  const booked = await bookAppointment(db, {
    intake: (await getIntakeForBooking(db, intakeId))!,
    clinicianId: slot!.clinicianId,
    start: new Date(slot!.start),
    now: NOW,
  });
  if (booked.status !== "booked") throw new Error(`not booked: ${booked.status}`);
  return booked;
}

const rowsOf = (result: unknown) =>
  ((result as { rows?: unknown[] }).rows ?? (result as unknown[])) as Record<string, unknown>[];

/** Every row of every table of the app, as JSON text: what "nothing left" is checked against. */
async function dumpDatabase(db: Db): Promise<string> {
  const tables = rowsOf(
    await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    ),
  ).map((r) => String(r.table_name));
  expect(tables).toEqual(expect.arrayContaining(["intakes", "audit_events", "outbox", "dev_mailbox", "case_notes"]));
  let text = "";
  for (const table of tables) {
    const rows = rowsOf(await db.execute(sql.raw(`select row_to_json(t)::text as j from "${table}" t`)));
    text += `\n${table}: ${rows.map((r) => String(r.j)).join("\n")}`;
  }
  return text.toLowerCase();
}

const sendAll = (db: Db, now: Date) =>
  sendDueEmails(db, renderingTransport(db, devMailboxSender(db)), { now, limit: 100 });

describeEachDb("who the patient is, and exporting everything held about them", (ctx) => {
  beforeAll(async () => {
    await seed(ctx().db);
    clearSettingsCaches();
  });

  it("counts intakes with the same email and date of birth as one patient, and no others", async () => {
    const { db } = ctx();
    const ann = { firstName: "Ann", lastName: "Rule", email: "ann.rule@example.test", phone: "+1 555 010 3000" };
    const first = await intake(db, "P15", { ...ann, dateOfBirth: "1980-03-02" }, HOUR_BEFORE);
    const again = await intake(db, "P17", { ...ann, firstName: "Annie", dateOfBirth: "1980-03-02" });
    const twin = await intake(db, "P15", { ...ann, firstName: "Bea", dateOfBirth: "1982-07-07" });
    const other = await intake(db, "P15", { ...ann, email: "someone.else@example.test", dateOfBirth: "1980-03-02" });
    expect(await patientIntakeIds(db, again)).toEqual([first, again]);
    expect(await patientIntakeIds(db, twin)).toEqual([twin]);
    expect(await patientIntakeIds(db, other)).toEqual([other]);
    expect(await patientIntakeIds(db, "00000000-0000-4000-8000-000000000000")).toEqual([]);
  });

  it("exports every kind of record as one document, and audits the export with ids only", async () => {
    const { db } = ctx();
    const clinician = await staff(db, "Clara Clinician", "clinician");
    const who = {
      firstName: "Xanthe",
      lastName: "Export",
      email: "xanthe.export@example.test",
      phone: "+1 555 010 4000",
    };
    const selfCare = await intake(db, "P17", { ...who, dateOfBirth: "1981-01-15" }, HOUR_BEFORE);
    const routine = await intake(db, "P15", { ...who, dateOfBirth: "1981-01-15" });
    const booked = await book(db, routine, "2026-12-08");
    await addNote(db, clinician, selfCare, { body: "Talked through the advice." });
    await logCall(db, clinician, routine, { outcome: "reached", body: "Booked for next week." }, NOW);
    await overrideLevel(db, clinician, routine, { level: "SOON", reason: "Night pain since the form was sent" }, NOW);
    await saveDraft(db, {
      tokenHash: `draft-${randomBytes(4).toString("hex")}`,
      now: NOW,
      expiresAt: later(7),
      answers: { contact: { firstName: "Xanthe", email: who.email, dateOfBirth: await birthOf(db, routine) } },
      completedSteps: ["about-you"],
    });
    // A relative's unfinished form on the same address is theirs, not this patient's.
    await saveDraft(db, {
      tokenHash: `draft-${randomBytes(4).toString("hex")}`,
      now: NOW,
      expiresAt: later(7),
      answers: { contact: { firstName: "Yara", email: who.email, dateOfBirth: "1999-09-09" } },
      completedSteps: ["about-you"],
    });
    await sendAll(db, NOW);

    const doc = await exportPatient(db, clinician, routine, NOW);
    if (!doc) throw new Error("no export");
    expect(doc).toMatchObject({
      format: "backtrack-patient-export",
      formatVersion: 1,
      header: {
        clinic: { name: expect.any(String) },
        generatedAt: NOW.toISOString(),
        generatedBy: { name: "Clara Clinician", role: "clinician" },
        requestedFromCase: routine,
      },
    });
    expect(doc.intakes.map((i) => i.id)).toEqual([selfCare, routine]);
    const second = doc.intakes[1]!;
    expect(second.contact).toMatchObject({ firstName: "Xanthe", email: who.email, phone: who.phone });
    expect(second.answers).toMatchObject({ contact: { lastName: "Export" } });
    expect(second.grade).toMatchObject({ level: "ROUTINE", rulesetVersion: expect.any(String) });
    expect(second.grade.firedRules.length).toBeGreaterThan(0);
    expect(second.privacyNoticeVersion).toBe("2026-11");
    expect(second.handling).toMatchObject({ overrideLevel: "SOON", overriddenBy: "Clara Clinician" });
    expect(second.levelChanges).toEqual([
      expect.objectContaining({ from: "ROUTINE", to: "SOON", by: "Clara Clinician", reason: expect.any(String) }),
    ]);
    expect(doc.drafts).toHaveLength(1);
    expect(doc.drafts[0]!.answers).toMatchObject({ contact: { email: who.email } });
    expect(doc.appointments).toEqual([
      expect.objectContaining({ id: booked.appointment.id, status: "booked", clinician: expect.any(String) }),
    ]);
    expect(doc.notes.map((n) => [n.kind, n.text, n.by])).toEqual([
      ["note", "Talked through the advice.", "Clara Clinician"],
      ["call", "Booked for next week.", "Clara Clinician"],
    ]);
    const templates = doc.emails.map((e) => e.template);
    for (const kind of ["intake_self_care", "self_care_checkin", "booking_confirmation", "appointment_reminder"])
      expect(templates).toContain(kind);
    expect(doc.emails.every((e) => e.to === who.email)).toBe(true);
    expect(doc.emails.find((e) => e.template === "booking_confirmation")).toMatchObject({ status: "sent" });
    // Never a secret: the emails' payloads (sealed manage links) and the manage link's hash stay out.
    const text = JSON.stringify(doc);
    expect(text).not.toContain("manageToken");
    expect(text).not.toContain("tokenHash");
    const actions = doc.auditEvents.map((e) => e.action);
    for (const action of ["appointment_booked", "note_added", "call_logged", "level_overridden", "patient_exported"])
      expect(actions).toContain(action);

    // The export's own audit row: who, which intakes, how many of each, and no value at all.
    const [exported] = await listAudit(db, { action: "patient_exported", subjectId: routine });
    expect(exported).toMatchObject({
      actorId: clinician.id,
      subjectType: "intake",
      clientAddress: "192.0.2.61",
      after: { intakeIds: [selfCare, routine], intakes: 2, appointments: 1, notes: 2, drafts: 1 },
    });
    const auditText = JSON.stringify(exported).toLowerCase();
    for (const value of ["xanthe", who.email, "555 010 4000"]) expect(auditText).not.toContain(value);

    expect(await exportPatient(db, clinician, "not-a-uuid", NOW)).toBeNull();
    expect(await exportPatient(db, clinician, "00000000-0000-4000-8000-000000000000", NOW)).toBeNull();
  });
});

describeEachDb("erasing a patient's personal data", (ctx) => {
  beforeAll(async () => {
    await seed(ctx().db);
    clearSettingsCaches();
  });

  const who = {
    firstName: "Quentin",
    lastName: "Zebedee-Hartwell",
    email: "quentin.zh@example.test",
    phone: "+44 7700 900123",
    dateOfBirth: "1980-09-20",
  };
  const needles = [
    "quentin",
    "zebedee",
    "hartwell",
    who.email,
    who.phone,
    "7700 900123",
    "1980-09-20",
    "moving to leeds",
  ];

  it("purges every personal value from every table, keeps the grade, appointments and audit trail, and sends nothing more", async () => {
    const { db } = ctx();
    const admin = await staff(db, "Ada Admin", "admin");
    const clinician = await staff(db, "Cal Clinician", "clinician");
    const selfCare = await intake(db, "P17", who, HOUR_BEFORE); // advice now, a two-week check-in pending
    const routine = await intake(db, "P15", who);
    const first = await book(db, routine, "2026-12-08");
    // The patient cancels in their own words, then books again: a reminder is pending for the new one.
    expect(
      await cancelAppointment(db, { token: first.manageToken, reason: "Moving to Leeds, Quentin", now: NOW }),
    ).toEqual({ status: "done" });
    const second = await book(db, routine, "2026-12-09");
    await addNote(db, clinician, selfCare, { body: `Rang ${who.phone}: Quentin says it is worse.` });
    await logCall(db, clinician, routine, { outcome: "reached", body: "Quentin confirmed the new time." }, NOW);
    // A clinician's reason for a new level stays in the audit trail (see the report): no name in it here.
    await overrideLevel(db, clinician, routine, { level: "SOON", reason: "Night pain since the form was sent" }, NOW);
    await saveDraft(db, {
      tokenHash: `draft-${randomBytes(4).toString("hex")}`,
      now: NOW,
      expiresAt: later(7),
      answers: {
        contact: { firstName: "Quentin", email: who.email.toUpperCase(), dateOfBirth: await birthOf(db, routine) },
      },
      completedSteps: ["about-you"],
    });
    await sendAll(db, NOW); // confirmations and the advice land in the development mailbox
    expect((await db.select().from(devMailbox)).some((m) => m.to === who.email)).toBe(true);
    const pendingBefore = await db.select().from(outbox).where(eq(outbox.status, "pending"));
    expect(pendingBefore.filter((r) => r.recipient === who.email).map((r) => r.kind)).toEqual(
      expect.arrayContaining(["self_care_checkin", "appointment_reminder"]),
    );

    const dumpBefore = await dumpDatabase(db);
    for (const needle of needles) expect(dumpBefore).toContain(needle.toLowerCase()); // the search can find them

    // The confirmation page's plan: what is erased and kept (and the view is audited).
    const plan = await erasurePlan(db, admin, routine, NOW);
    expect(plan).toMatchObject({
      patient: { lastName: who.lastName, erasedAt: null },
      notes: 2,
      appointments: 2,
      drafts: 1,
      upcoming: [expect.objectContaining({ id: second.appointment.id })],
    });
    expect(plan!.intakes.map((i) => i.id)).toEqual([selfCare, routine]);
    expect(plan!.waitingEmails).toBeGreaterThanOrEqual(2);

    // The confirmation: the typed last name must match, and the reason must not quote the patient.
    const input = { intakeId: routine, reason: "The patient asked by email on 30 November", confirm: "Smith" };
    expect(await eraseOnRequest(db, admin, input, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { confirm: [expect.any(String)] },
    });
    expect(
      await eraseOnRequest(db, admin, { ...input, confirm: " zebedee-HARTWELL ", reason: "Quentin asked us to" }, NOW),
    ).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    const done = await eraseOnRequest(db, admin, { ...input, confirm: " zebedee-HARTWELL " }, NOW);
    if (!done.ok || done.result.status !== "erased") throw new Error(`not erased: ${JSON.stringify(done)}`);
    const { pseudonym, counts } = done.result;
    expect(pseudonym).toMatch(/^Erased patient [2-9A-Z]{6}$/);
    expect(counts).toMatchObject({
      intakes: 2,
      notes: 2,
      appointmentsKept: 2,
      appointmentsCancelled: 1,
      cancelReasonsErased: 1, // the patient's own words (the cancelled upcoming one says "[erased]" already)
      draftsDeleted: 1,
    });
    expect(counts.emailsCancelled).toBeGreaterThanOrEqual(2);
    expect(counts.mailboxCopiesDeleted).toBeGreaterThanOrEqual(2);

    // Not one personal value left, in any table: intakes, answers, notes, outbox, mailbox, drafts, audit…
    const dump = await dumpDatabase(db);
    for (const needle of needles)
      expect(dump, `"${needle}" is still in the database`).not.toContain(needle.toLowerCase());

    // What stays: the grade and dates under the pseudonym, the appointments, the notes' authors.
    const [kept] = await db.select().from(intakes).where(eq(intakes.id, routine));
    expect(kept).toMatchObject({
      firstName: "Erased patient",
      phone: "",
      dateOfBirth: "1900-01-01",
      answers: {},
      level: "ROUTINE",
      overrideLevel: "SOON",
      overrideReason: "[erased]",
      erasedAt: NOW,
    });
    expect(`${kept!.firstName} ${kept!.lastName}`).toBe(pseudonym);
    expect((await getIntake(db, selfCare))?.lastName).toBe(kept!.lastName);
    const appts = await db.select().from(appointments).where(eq(appointments.intakeId, routine));
    expect(appts.map((a) => a.status).sort()).toEqual(["cancelled", "cancelled"]);
    expect(appts.every((a) => a.cancelReason === "[erased]")).toBe(true);
    const notes = await db.select().from(caseNotes).where(eq(caseNotes.intakeId, selfCare));
    expect(notes).toEqual([expect.objectContaining({ body: "[erased]", authorId: clinician.id, kind: "note" })]);
    expect(await db.select().from(intakeDrafts)).toEqual([]);

    // The audit trail keeps every event, and records the erasure once per intake with ids and counts.
    const trail = await listAudit(db, { subjectId: routine });
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(["patient_erased", "case_viewed", "call_logged", "level_overridden"]),
    );
    const erasedEvents = await listAudit(db, { action: "patient_erased" });
    expect(erasedEvents).toHaveLength(2);
    expect(erasedEvents[0]).toMatchObject({
      actorId: admin.id,
      reason: input.reason,
      after: { intakeIds: [selfCare, routine], pseudonym, trigger: "request", intakes: 2 },
    });
    expect((await listAudit(db, { subjectId: first.appointment.id })).map((e) => e.action)).toEqual(
      expect.arrayContaining(["appointment_booked", "appointment_cancelled"]),
    );

    // Nothing more is ever sent: not the reminder, not the check-in, not even a new "reviewed" email.
    expect(
      (await db.select().from(outbox).where(eq(outbox.status, "pending"))).filter((r) => r.intakeId === selfCare),
    ).toEqual([]);
    await queueLevelReviewed(db, {
      intakeId: routine,
      patient: { email: kept!.email, firstName: kept!.firstName },
      submittedAt: NOW,
      now: NOW,
    });
    const sentTo: string[] = [];
    await sendDueEmails(
      db,
      async (email) => {
        sentTo.push(email.recipient);
        return { ok: true };
      },
      { now: later(60), limit: 100 },
    );
    expect(sentTo.filter((to) => to === kept!.email || to === who.email)).toEqual([]);
    const patientRows = await db.select().from(outbox).where(eq(outbox.recipient, kept!.email));
    expect(patientRows.length).toBeGreaterThanOrEqual(4);
    expect(patientRows.every((r) => r.status === "sent" || r.status === "cancelled")).toBe(true);
    expect(patientRows.every((r) => JSON.stringify(r.payload) === "{}")).toBe(true);

    // Links the patient kept open nothing, and say so calmly.
    expect(await bookingAccess(db, signToken(SECRET, "booking", routine), NOW, SECRET)).toEqual({ status: "erased" });
    expect(await findByManageToken(db, second.manageToken, NOW)).toBeNull();
    expect(await isErasedManageLink(db, second.manageToken)).toBe(true);
    expect(await isErasedManageLink(db, "x".repeat(43))).toBe(false);

    // Staff can close the case, but write nothing new about the patient.
    expect(await addNote(db, clinician, routine, { body: "More about them" })).toEqual({ status: "erased" });
    expect(await overrideLevel(db, clinician, routine, { level: "URGENT", reason: "A new reason here" }, NOW)).toEqual({
      status: "erased",
    });

    // Erasing again is a calm no-op: nothing changes, nothing is recorded.
    const auditCount = (await db.select().from(auditEvents)).length;
    expect(await eraseOnRequest(db, admin, { ...input, confirm: "anything" }, NOW)).toEqual({
      ok: true,
      result: { status: "already" },
    });
    expect(await erasePatient(db, { actor: admin, intakeId: selfCare, reason: "again, by mistake", now: NOW })).toEqual(
      {
        status: "already",
      },
    );
    expect((await db.select().from(auditEvents)).length).toBe(auditCount);
    expect(await erasePatient(db, { actor: admin, intakeId: "nope", reason: "x", now: NOW })).toEqual({
      status: "not_found",
    });
  });

  it("keeps audit rows free of patient words: notes and cancellation reasons are never copied there", async () => {
    const { db } = ctx();
    const clinician = await staff(db, "Nora Notes", "clinician");
    const id = await intake(db, "P15", { ...who, firstName: "Wilhelmina", email: "wil@example.test" });
    await addNote(db, clinician, id, { body: "Wilhelmina lives at 3 Elm Street" });
    const booked = await book(db, id, "2026-12-10");
    await cancelAppointment(db, { token: booked.manageToken, reason: "Wilhelmina is on holiday", now: NOW });
    const rows = JSON.stringify([
      ...(await listAudit(db, { subjectId: id })),
      ...(await listAudit(db, { subjectId: booked.appointment.id })),
    ]).toLowerCase();
    expect(rows).toContain("note_added");
    expect(rows).toContain("appointment_cancelled");
    expect(rows).not.toContain("wilhelmina");
    expect(rows).not.toContain("elm street");
  });
});

describeEachDb("the retention period and the daily purge", (ctx) => {
  beforeAll(async () => {
    await seed(ctx().db);
    clearSettingsCaches();
  });

  it("erases a patient past the period, keeps one within it and never purges an open escalated case", async () => {
    const { db } = ctx();
    const admin = await staff(db, "Rita Retention", "admin");
    const old = {
      firstName: "Olga",
      lastName: "Oldcase",
      email: "olga.old@example.test",
      phone: "+1 555 010 5000",
      dateOfBirth: "1972-02-02",
    };
    const recent = {
      firstName: "Rhys",
      lastName: "Recent",
      email: "rhys.r@example.test",
      phone: "+1 555 010 6000",
      dateOfBirth: "1975-01-01",
    };
    const open = { firstName: "Opal", lastName: "Open", email: "opal.o@example.test", phone: "+1 555 010 7000" };
    const noted = { firstName: "Ned", lastName: "Noted", email: "ned.n@example.test", phone: "+1 555 010 8000" };
    const oldFirst = await intake(db, "P15", old, yearsAgo(11));
    const oldSecond = await intake(db, "P17", old, yearsAgo(9)); // the same patient, last seen 9 years ago
    const recentOld = await intake(db, "P15", recent, yearsAgo(9));
    const recentNew = await intake(db, "P15", recent, yearsAgo(2)); // came back: within the period
    const openCase = await intake(db, "P01", open, yearsAgo(9)); // EMERGENCY, never resolved
    const notedOld = await intake(db, "P15", noted, yearsAgo(9));
    await addNote(db, admin, notedOld, { body: "Phoned about an old bill." }); // a note today is contact today

    expect(await runDailyRetentionPurge(db, NOW)).toMatchObject({ erased: 1, more: false, retentionYears: 8 });
    const byId = async (id: string) => (await getIntake(db, id))!;
    expect((await byId(oldFirst)).erasedAt).toEqual(NOW);
    expect((await byId(oldSecond)).firstName).toBe("Erased patient");
    expect((await byId(recentOld)).erasedAt).toBeNull();
    expect((await byId(recentNew)).erasedAt).toBeNull();
    expect((await byId(openCase)).erasedAt).toBeNull();
    expect((await byId(notedOld)).erasedAt).toBeNull();
    const [event] = await listAudit(db, { action: "patient_erased", subjectId: oldFirst });
    expect(event).toMatchObject({
      actorId: null,
      reason: "retention: 8 years after last contact",
      after: { trigger: "retention", intakeIds: [oldFirst, oldSecond] },
    });
    expect(await listAudit(db, { action: "retention_purge_completed" })).toHaveLength(1);

    // At most once a day, in this process or any other (the audit trail says when it last finished).
    expect(await runDailyRetentionPurge(db, later(0.5))).toBeNull();
    expect(await listAudit(db, { action: "retention_purge_completed" })).toHaveLength(1);

    // The open case is closed: the next day's purge erases that patient too.
    const clinician = await staff(db, "Cora Closer", "clinician");
    await logCall(db, clinician, openCase, { outcome: "reached", body: "" }, yearsAgo(9));
    await db
      .update(caseNotes)
      .set({ createdAt: yearsAgo(9) })
      .where(eq(caseNotes.intakeId, openCase));
    expect(await resolveCase(db, clinician, openCase, yearsAgo(9))).toEqual({ status: "done" });
    expect(await runDailyRetentionPurge(db, later(1))).toMatchObject({ erased: 1 });
    expect((await byId(openCase)).erasedAt).not.toBeNull();

    // A longer period keeps everyone left; a shorter one reaches the patient who came back 2 years ago.
    expect(await updateRetention(db, admin, { retentionYears: 12 }, NOW)).toEqual({ ok: true });
    expect(await purgeExpiredPatients(db, later(2))).toMatchObject({ erased: 0, retentionYears: 12 });
    expect(await updateRetention(db, admin, { retentionYears: 1 }, NOW)).toEqual({ ok: true });
    const [changed] = await listAudit(db, { action: "retention_period_changed" });
    expect(changed).toMatchObject({ actorId: admin.id, before: { retentionYears: 12 }, after: { retentionYears: 1 } });
    expect(await purgeExpiredPatients(db, later(2))).toMatchObject({ erased: 1, retentionYears: 1 });
    expect((await byId(recentNew)).erasedAt).not.toBeNull();
    expect((await byId(notedOld)).erasedAt).toBeNull(); // its note is from today
  });
});

describeEachDb("the privacy notice", (ctx) => {
  beforeAll(async () => {
    await seed(ctx().db);
    clearSettingsCaches();
  });

  it("starts as the built-in version 2026-11, which intakes record; a published version replaces it for new intakes only", async () => {
    const { db } = ctx();
    const admin = await staff(db, "Pia Publisher", "admin");
    const builtIn = await currentNotice(db);
    expect(builtIn).toMatchObject({ id: "2026-11", version: null, publishedAt: null });
    expect(builtIn.body).toContain("8 years after your last contact");
    const who = { firstName: "Nia", lastName: "Notice", email: "nia@example.test", phone: "+1 555 010 9000" };
    const before = await intake(db, "P15", who);
    expect((await getIntake(db, before))?.privacyNoticeVersion).toBe("2026-11");

    const body = `${builtIn.body}\n\n## Text messages\nWe also send appointment reminders by text message.`;
    expect(await publishNotice(db, admin, { body: builtIn.body, summary: "Nothing" }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { body: [expect.any(String)] },
    });
    expect(
      await publishNotice(db, admin, { body: body.replaceAll("\n", "\r\n"), summary: "Added text messages" }, NOW),
    ).toEqual({ ok: true, version: 1 });
    expect(await currentNoticeId(db)).toBe("v1");
    expect((await currentNotice(db)).body).toBe(body);
    const after = await intake(db, "P15", who);
    expect((await getIntake(db, after))?.privacyNoticeVersion).toBe("v1");
    expect((await getIntake(db, before))?.privacyNoticeVersion).toBe("2026-11");

    // Two admins publishing at once get the next two versions, never a clash.
    const [a, b] = await Promise.all([
      publishNotice(db, admin, { body: `${body}\n\nA.`, summary: "Version A" }, later(1)),
      publishNotice(db, admin, { body: `${body}\n\nB.`, summary: "Version B" }, later(1)),
    ]);
    expect([a.version, b.version].sort()).toEqual([2, 3]);
    const versions = await listNoticeVersions(db);
    expect(versions.map((v) => [v.id, v.publishedBy, v.summary])).toEqual([
      ["v3", "Pia Publisher", expect.stringMatching(/^Version [AB]$/)],
      ["v2", "Pia Publisher", expect.stringMatching(/^Version [AB]$/)],
      ["v1", "Pia Publisher", "Added text messages"],
    ]);
    expect((await noticeById(db, "v1"))?.body).toBe(body);
    expect((await noticeById(db, "2026-11"))?.version).toBeNull();
    expect(await noticeById(db, "v9")).toBeNull();
    expect(await noticeById(db, "'; drop table intakes; --")).toBeNull();
    const [published] = await listAudit(db, { action: "privacy_notice_published", subjectId: "v1" });
    expect(published).toMatchObject({
      actorId: admin.id,
      subjectType: "privacy_notice",
      after: { version: "v1", summary: "Added text messages" },
    });
  });
});
