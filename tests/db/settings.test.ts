import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { claimDueEmails, enqueueEmail, markEmailFailed } from "@/db/queries/outbox";
import { findStaffByEmail, LOCKOUT_AFTER, upsertStaff } from "@/db/queries/staff";
import {
  appointmentTypes,
  clinic,
  clinicians,
  outbox,
  staffSessions,
  staffUsers,
  timeOff,
  workingHours,
} from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { cachedOfferedSlots, typeFor } from "@/lib/booking/schedule";
import { getClinicCached, getScheduleSettings } from "@/lib/clinic-settings";
import type { Actor } from "@/lib/staff/cases";
import { hashPassword } from "@/lib/staff/passwords";
import type { z } from "zod";
import { parseThen } from "@/lib/forms";
import * as settings from "@/lib/staff/settings";
import { checkSignIn } from "@/lib/staff/sign-in";
import { describeEachDb, type TestDb } from "./support";

const NOW = new Date("2026-12-01T15:00:00Z");
const PASSWORD = "correct horse battery staple";
const [RAMAN] = DEMO_CLINICIANS.map((c) => c.id) as [string];
let n = 0;

type DB = TestDb["db"];

/** A settings change as its form sends it: the raw strings through its schema (as the action does), then the change. */
function asForm<S extends z.ZodType, Rest extends unknown[]>(
  schema: S,
  change: (db: DB, actor: Actor, input: z.output<S>, ...rest: Rest) => Promise<settings.SettingsResult>,
) {
  return (db: DB, actor: Actor, raw: Record<string, unknown>, ...rest: Rest) =>
    parseThen(schema, raw, (input) => change(db, actor, input, ...rest));
}

const updatePolicies = asForm(settings.policiesSchema, settings.updatePolicies);
const addClinician = asForm(settings.clinicianSchema, settings.addClinician);
const updateClinician = asForm(settings.clinicianUpdateSchema, settings.updateClinician);
const setClinicianActive = asForm(settings.clinicianActiveSchema, settings.setClinicianActive);
const addWorkingHours = asForm(settings.hoursSchema, settings.addWorkingHours);
const removeWorkingHours = asForm(settings.hoursRowSchema, settings.removeWorkingHours);
const addTimeOff = asForm(settings.timeOffSchema, settings.addTimeOff);
const removeTimeOff = asForm(settings.timeOffRowSchema, settings.removeTimeOff);
const updateAppointmentType = asForm(settings.appointmentTypeSchema, settings.updateAppointmentType);
const createStaffAccount = asForm(settings.newStaffSchema, settings.createStaffAccount);
const changeStaffRole = asForm(settings.staffRoleSchema, settings.changeStaffRole);
const setStaffAccountActive = asForm(settings.staffActiveSchema, settings.setStaffAccountActive);
const unlockStaffAccount = asForm(settings.staffAccountSchema, settings.unlockStaffAccount);
const resetStaffPassword = asForm(settings.passwordResetSchema, settings.resetStaffPassword);
const retryDeadEmail = asForm(settings.deadEmailSchema, settings.retryDeadEmail);

async function admin(db: DB): Promise<Actor> {
  const email = `admin${++n}@clinic.test`;
  const { id } = await upsertStaff(db, {
    email,
    name: `Admin ${n}`,
    role: "admin",
    passwordHash: await hashPassword(PASSWORD),
  });
  return { id, email, clientAddress: "192.0.2.50" };
}

const lastAudit = async (db: DB, actor: Actor, action: string) =>
  (await listAudit(db, { actorId: actor.id, action }))[0];

const POLICIES = {
  name: "Riverside Spine & Sports Clinic",
  address: "240 Hudson Street, New York",
  phone: "+1 212 555 0142",
  email: "hello@riverside-spine.example",
  emergencyNumber: "911",
  timeZone: "America/New_York",
  slotIntervalMinutes: "15",
  minNoticeMinutes: "120",
  horizonDays: "60",
  cancellationCutoffHours: "24",
  urgentReservePerDay: "1",
  urgentReleaseTime: "12:00",
  emergencyAckMinutes: "15",
  urgentAckMinutes: "120",
};

describeEachDb("settings: clinic details and policies", (ctx) => {
  it("saves the policies, audits what changed, and the cached settings see it at once", async () => {
    const { db } = ctx();
    await seed(db);
    const a = await admin(db);
    expect((await getClinicCached(db))?.emergencyAckMinutes).toBe(15); // now cached for 30 s
    const r = await updatePolicies(
      db,
      a,
      {
        ...POLICIES,
        timeZone: "europe/london",
        emergencyAckMinutes: "10",
        urgentAckMinutes: "90",
        urgentReleaseTime: "11:30",
      },
      NOW,
    );
    expect(r).toEqual({ ok: true });
    expect(await getClinicCached(db)).toMatchObject({
      timeZone: "Europe/London",
      emergencyAckMinutes: 10,
      urgentAckMinutes: 90,
      urgentReleaseTime: "11:30:00",
    });
    const event = await lastAudit(db, a, "clinic_settings_updated");
    expect(event).toMatchObject({ subjectType: "clinic", clientAddress: "192.0.2.50" });
    expect(event?.before).toEqual({
      timeZone: "America/New_York",
      emergencyAckMinutes: 15,
      urgentAckMinutes: 120,
      urgentReleaseTime: "12:00",
      address: "240 Hudson Street, Suite 3, New York, NY 10013",
    });
    expect(event?.after).toMatchObject({ timeZone: "Europe/London", emergencyAckMinutes: 10 });
  });

  it("sets the unit runners give their distance in: audited, and kept by a form without the field", async () => {
    const { db } = ctx();
    await seed(db);
    const a = await admin(db);
    expect((await getClinicCached(db))?.distanceUnit).toBe("mi"); // the New York demo clinic
    expect(await updatePolicies(db, a, { ...POLICIES, distanceUnit: "km" }, NOW)).toEqual({ ok: true });
    expect((await getClinicCached(db))?.distanceUnit).toBe("km");
    expect(await lastAudit(db, a, "clinic_settings_updated")).toMatchObject({
      before: { distanceUnit: "mi" },
      after: { distanceUnit: "km" },
    });
    expect(await updatePolicies(db, a, { ...POLICIES, phone: "+1 212 555 0100" }, NOW)).toEqual({ ok: true });
    expect((await getClinicCached(db))?.distanceUnit).toBe("km");
    const bad = await updatePolicies(db, a, { ...POLICIES, distanceUnit: "furlongs" }, NOW);
    expect(bad).toMatchObject({ ok: false, fieldErrors: { distanceUnit: ["Choose kilometres or miles"] } });
  });

  it("refuses a bad zone and out-of-range numbers beside their fields, and changes nothing", async () => {
    const { db } = ctx();
    await seed(db);
    const a = await admin(db);
    const [before] = await db.select().from(clinic);
    const r = await updatePolicies(
      db,
      a,
      {
        ...POLICIES,
        timeZone: "Mars/Olympus_Mons",
        emergencyAckMinutes: "61",
        urgentAckMinutes: "0",
        slotIntervalMinutes: "4",
        urgentReleaseTime: "25:00",
        email: "nope",
      },
      NOW,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual([
      "email",
      "emergencyAckMinutes",
      "slotIntervalMinutes",
      "timeZone",
      "urgentAckMinutes",
      "urgentReleaseTime",
    ]);
    expect((await updatePolicies(db, a, { ...POLICIES, timeZone: "EST" }, NOW)).ok).toBe(false);
    expect((await updatePolicies(db, a, { ...POLICIES, emergencyAckMinutes: "1.5" }, NOW)).ok).toBe(false);
    const [after] = await db.select().from(clinic);
    expect(after).toEqual(before);
    expect(await lastAudit(db, a, "clinic_settings_updated")).toBeUndefined();
  });
});

describeEachDb("settings: clinicians, weekly hours and time off", (ctx) => {
  it("adds, renames, deactivates and reactivates a clinician; inactive ones are not offered", async () => {
    const { db } = ctx();
    await seed(db);
    const a = await admin(db);
    expect(await addClinician(db, a, { name: "Dr Mei Lee", role: "Physiotherapist" })).toEqual({ ok: true });
    const [lee] = await db.select().from(clinicians).where(eq(clinicians.name, "Dr Mei Lee"));
    expect(lee).toMatchObject({ role: "Physiotherapist", active: true });
    expect((await getScheduleSettings(db)).clinicians.map((c) => c.id)).toContain(lee!.id);
    expect(await updateClinician(db, a, { id: lee!.id, name: "Dr Mei Lee-Chan", role: "Physiotherapist" })).toEqual({
      ok: true,
    });
    expect((await lastAudit(db, a, "clinician_updated"))?.after).toEqual({ name: "Dr Mei Lee-Chan" });
    expect(await setClinicianActive(db, a, { id: lee!.id, active: "false" })).toEqual({ ok: true });
    expect((await getScheduleSettings(db)).clinicians.map((c) => c.id)).not.toContain(lee!.id);
    expect(await lastAudit(db, a, "clinician_deactivated")).toMatchObject({ subjectId: lee!.id });
    await setClinicianActive(db, a, { id: lee!.id, active: "true" });
    expect((await getScheduleSettings(db)).clinicians.map((c) => c.id)).toContain(lee!.id);
    expect((await addClinician(db, a, { name: "  ", role: "" })).ok).toBe(false);
  });

  it("adds split hours, refuses overlapping or backwards ones with a clear message, and removes a row", async () => {
    const { db } = ctx();
    await seed(db);
    const a = await admin(db);
    const count = async () => (await db.select().from(workingHours).where(eq(workingHours.clinicianId, RAMAN))).length;
    const start = await count();
    // Dr Raman works 08:30–12:30 and 13:30–17:00 on Mondays; Sunday is free.
    expect(await addWorkingHours(db, a, { clinicianId: RAMAN, weekday: "7", start: "09:00", end: "12:00" })).toEqual({
      ok: true,
    });
    expect(await addWorkingHours(db, a, { clinicianId: RAMAN, weekday: "7", start: "12:00", end: "14:00" })).toEqual({
      ok: true,
    }); // touching is fine
    const overlap = await addWorkingHours(db, a, { clinicianId: RAMAN, weekday: "1", start: "12:00", end: "14:00" });
    expect(overlap).toMatchObject({
      ok: false,
      fieldErrors: {
        start: [expect.stringContaining("8:30\u00a0am to 12:30\u00a0pm, 1:30\u00a0pm to 5:00\u00a0pm on Mondays")],
      },
    });
    const backwards = await addWorkingHours(db, a, { clinicianId: RAMAN, weekday: "2", start: "14:00", end: "09:00" });
    expect(backwards).toMatchObject({ ok: false, fieldErrors: { end: [expect.any(String)] } });
    expect((await addWorkingHours(db, a, { clinicianId: RAMAN, weekday: "8", start: "07:00", end: "08:00" })).ok).toBe(
      false,
    );
    expect(await count()).toBe(start + 2);
    const hours = (await getScheduleSettings(db)).hours.filter((h) => h.clinicianId === RAMAN && h.weekday === 7);
    expect(hours.map((h) => `${h.start}-${h.end}`).sort()).toEqual(["09:00-12:00", "12:00-14:00"]);

    const [row] = await db.select().from(workingHours).where(eq(workingHours.weekday, 7));
    expect(await removeWorkingHours(db, a, { id: row!.id })).toEqual({ ok: true });
    expect(await removeWorkingHours(db, a, { id: row!.id })).toMatchObject({
      ok: false,
      message: expect.stringContaining("already removed"),
    });
    expect(await count()).toBe(start + 1);
    expect((await lastAudit(db, a, "working_hours_removed"))?.before).toMatchObject({ clinicianId: RAMAN, weekday: 7 });
    expect((await listAudit(db, { actorId: a.id, action: "working_hours_added" })).length).toBe(2);
  });

  it("adds time off in the clinic's zone (and whole-clinic closures), refuses end before start, removes it", async () => {
    const { db } = ctx();
    await seed(db);
    const a = await admin(db);
    const seeded = new Set((await db.select().from(timeOff)).map((r) => r.id));
    const added = async () => (await db.select().from(timeOff)).filter((r) => !seeded.has(r.id));
    const base = {
      startDate: "2026-12-24",
      startTime: "13:00",
      endDate: "2026-12-26",
      endTime: "09:00",
      reason: "Holiday",
    };
    expect(await addTimeOff(db, a, { ...base, clinicianId: RAMAN }, NOW)).toEqual({ ok: true });
    expect(await addTimeOff(db, a, { ...base, clinicianId: "", reason: "" }, NOW)).toEqual({ ok: true });
    const rows = await added();
    const mine = rows.find((r) => r.clinicianId === RAMAN)!;
    // 13:00 in New York in December is 18:00 UTC.
    expect(mine.startsAt.toISOString()).toBe("2026-12-24T18:00:00.000Z");
    expect(mine.endsAt.toISOString()).toBe("2026-12-26T14:00:00.000Z");
    expect(rows.find((r) => r.clinicianId === null)).toMatchObject({ reason: null });

    const backwards = await addTimeOff(
      db,
      a,
      { ...base, clinicianId: RAMAN, endDate: "2026-12-24", endTime: "12:00" },
      NOW,
    );
    expect(backwards).toMatchObject({ ok: false, fieldErrors: { endDate: [expect.any(String)] } });
    const badDate = await addTimeOff(db, a, { ...base, clinicianId: RAMAN, startDate: "2026-02-30" }, NOW);
    expect(badDate).toMatchObject({ ok: false, fieldErrors: { startDate: [expect.any(String)] } });
    expect((await added()).length).toBe(2);

    expect(await removeTimeOff(db, a, { id: mine.id })).toEqual({ ok: true });
    expect((await added()).map((r) => r.clinicianId)).toEqual([null]);
    expect((await listAudit(db, { actorId: a.id, action: "time_off_added" })).length).toBe(2);
    expect(await lastAudit(db, a, "time_off_removed")).toMatchObject({ subjectId: mine.id });
  });

  it("a clinic closure takes its days out of the times patients are offered at once, not after the offers' 5 s cache, and removing it puts them back", async () => {
    const { db } = ctx();
    await seed(db);
    const a = await admin(db);
    const type = (await typeFor(db, "ROUTINE"))!;
    const now = new Date("2026-12-07T14:00:00Z"); // a Monday
    const query = { now, from: "2026-12-14", days: 1, type, withinDays: null, mode: "patient" as const };
    expect((await cachedOfferedSlots(db, query)).slots.length).toBeGreaterThan(0);
    const closure = {
      clinicianId: "",
      startDate: "2026-12-14",
      startTime: "00:00",
      endDate: "2026-12-15",
      endTime: "00:00",
      reason: "Staff training",
    };
    expect(await addTimeOff(db, a, closure, now)).toEqual({ ok: true });
    expect((await cachedOfferedSlots(db, query)).slots).toEqual([]);
    const [row] = await db.select({ id: timeOff.id }).from(timeOff).where(eq(timeOff.reason, "Staff training"));
    expect(await removeTimeOff(db, a, { id: row!.id })).toEqual({ ok: true });
    expect((await cachedOfferedSlots(db, query)).slots.length).toBeGreaterThan(0);
  });
});

describeEachDb("settings: appointment types", (ctx) => {
  it("edits the name, length, buffers and active flag but never the id or grades, and checks ranges", async () => {
    const { db } = ctx();
    await seed(db);
    const a = await admin(db);
    const [before] = await db.select().from(appointmentTypes).where(eq(appointmentTypes.id, "follow-up"));
    expect(
      await updateAppointmentType(db, a, {
        id: "follow-up",
        name: "Review",
        minutes: "40",
        bufferBeforeMinutes: "5",
        bufferAfterMinutes: "0",
        levels: ["EMERGENCY"],
      }),
    ).toEqual({ ok: true });
    const [after] = await db.select().from(appointmentTypes).where(eq(appointmentTypes.id, "follow-up"));
    expect(after).toEqual({
      ...before,
      name: "Review",
      minutes: 40,
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 0,
      active: false,
    });
    expect((await getScheduleSettings(db)).types.map((t) => t.id)).not.toContain("follow-up");
    expect((await lastAudit(db, a, "appointment_type_updated"))?.after).toEqual({
      name: "Review",
      minutes: 40,
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 0,
      active: false,
    });
    const r = await updateAppointmentType(db, a, {
      id: "follow-up",
      name: "Review",
      minutes: "481",
      bufferBeforeMinutes: "-1",
      bufferAfterMinutes: "121",
      active: "on",
    });
    expect(r.ok ? [] : Object.keys(r.fieldErrors ?? {}).sort()).toEqual([
      "bufferAfterMinutes",
      "bufferBeforeMinutes",
      "minutes",
    ]);
    expect((await db.select().from(appointmentTypes).where(eq(appointmentTypes.id, "follow-up")))[0]).toEqual(after);
  });
});

describeEachDb("settings: staff accounts", (ctx) => {
  it("creates an account that can sign in, refuses a short password and a taken email", async () => {
    const { db } = ctx();
    const a = await admin(db);
    const input = { email: " New.Person@Clinic.test ", name: "New Person", role: "reception", password: PASSWORD };
    expect(await createStaffAccount(db, a, input)).toEqual({ ok: true });
    const created = await findStaffByEmail(db, "new.person@clinic.test");
    expect(created).toMatchObject({ name: "New Person", role: "reception", active: true });
    expect(created?.passwordHash).not.toContain(PASSWORD);
    const event = await lastAudit(db, a, "staff_created");
    expect(event).toMatchObject({
      subjectId: created!.id,
      after: { email: "new.person@clinic.test", name: "New Person", role: "reception" },
    });
    expect(JSON.stringify(event)).not.toContain("password");
    const signIn = await checkSignIn(db, {
      email: "new.person@clinic.test",
      password: PASSWORD,
      client: "c1",
      clientAddress: "192.0.2.1",
      now: NOW,
      limitPerMinute: 100,
    });
    expect(signIn.ok).toBe(true);

    expect(await createStaffAccount(db, a, { ...input, name: "Someone Else" })).toEqual({
      ok: false,
      fieldErrors: { email: [expect.stringContaining("already")] },
    });
    const short = await createStaffAccount(db, a, { ...input, email: "short@clinic.test", password: "eleven char" });
    expect(short).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringContaining("12")] } });
    expect(await findStaffByEmail(db, "short@clinic.test")).toBeNull();
    expect((await findStaffByEmail(db, "new.person@clinic.test"))?.name).toBe("New Person");
  });

  it("changes roles, refuses to demote or deactivate oneself, and deactivating ends every session", async () => {
    const { db } = ctx();
    const a = await admin(db);
    const b = await admin(db);
    expect(await changeStaffRole(db, a, { id: a.id, role: "reception" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("your own role"),
    });
    expect(await setStaffAccountActive(db, a, { id: a.id, active: "false" }, NOW)).toMatchObject({
      ok: false,
      message: expect.stringContaining("your own account"),
    });
    expect(await findStaffByEmail(db, a.email)).toMatchObject({ role: "admin", active: true });

    expect(await changeStaffRole(db, a, { id: b.id, role: "clinician" })).toEqual({ ok: true });
    expect((await findStaffByEmail(db, b.email))?.role).toBe("clinician");
    expect(await lastAudit(db, a, "staff_role_changed")).toMatchObject({
      subjectId: b.id,
      before: { role: "admin" },
      after: { role: "clinician" },
    });
    expect((await changeStaffRole(db, a, { id: b.id, role: "owner" })).ok).toBe(false);

    const s = await checkSignIn(db, {
      email: b.email,
      password: PASSWORD,
      client: "c2",
      clientAddress: "192.0.2.2",
      now: NOW,
      limitPerMinute: 100,
    });
    expect(s.ok).toBe(true);
    expect(await setStaffAccountActive(db, a, { id: b.id, active: "false" }, NOW)).toEqual({ ok: true });
    const sessions = await db.select().from(staffSessions).where(eq(staffSessions.userId, b.id));
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((x) => x.endedAt !== null)).toBe(true);
    expect(await lastAudit(db, a, "staff_deactivated")).toMatchObject({
      subjectId: b.id,
      after: { active: false, sessionsEnded: 1 },
    });
    expect(
      (
        await checkSignIn(db, {
          email: b.email,
          password: PASSWORD,
          client: "c2",
          clientAddress: "192.0.2.2",
          now: NOW,
          limitPerMinute: 100,
        })
      ).ok,
    ).toBe(false);
    expect(await setStaffAccountActive(db, a, { id: b.id, active: "true" }, NOW)).toEqual({ ok: true });
    expect(
      (
        await checkSignIn(db, {
          email: b.email,
          password: PASSWORD,
          client: "c2",
          clientAddress: "192.0.2.2",
          now: NOW,
          limitPerMinute: 100,
        })
      ).ok,
    ).toBe(true);
  });

  it("unlocks a locked account so it can sign in again at once", async () => {
    const { db } = ctx();
    const a = await admin(db);
    const b = await admin(db);
    const attempt = (password: string) =>
      checkSignIn(db, {
        email: b.email,
        password,
        client: "c3",
        clientAddress: "192.0.2.3",
        now: NOW,
        limitPerMinute: 100,
      });
    for (let i = 0; i < LOCKOUT_AFTER; i++) await attempt(`wrong ${i}`);
    expect((await attempt(PASSWORD)).ok).toBe(false); // locked
    expect(await unlockStaffAccount(db, a, { id: b.id })).toEqual({ ok: true });
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, b.id));
    expect(row).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    expect((await lastAudit(db, a, "staff_unlocked"))?.before).toMatchObject({
      failedSignIns: LOCKOUT_AFTER,
      lockedUntil: expect.any(String),
    });
    expect((await attempt(PASSWORD)).ok).toBe(true);
  });

  it("sets a new password for someone who forgot theirs: the old one stops working, their sessions end, a lock is lifted, and the audit row holds no password", async () => {
    const { db } = ctx();
    const a = await admin(db);
    const b = await admin(db);
    const NEW = "a brand new passphrase";
    const attempt = (password: string) =>
      checkSignIn(db, {
        email: b.email,
        password,
        client: "c4",
        clientAddress: "192.0.2.4",
        now: NOW,
        limitPerMinute: 100,
      });
    const hashes = async () =>
      (await db.select({ id: staffUsers.id, hash: staffUsers.passwordHash }).from(staffUsers))
        .map((r) => `${r.id}:${r.hash}`)
        .sort();
    const untouched = await hashes();
    expect(await resetStaffPassword(db, a, { id: b.id, password: "short" }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { password: [expect.stringContaining("at least 12")] },
    });
    expect(await resetStaffPassword(db, a, { id: a.id, password: NEW }, NOW)).toMatchObject({
      ok: false,
      message: expect.stringContaining("your own password"),
    });
    expect(
      await resetStaffPassword(db, a, { id: "00000000-0000-4000-8000-000000000000", password: NEW }, NOW),
    ).toMatchObject({ ok: false, message: expect.stringContaining("no longer exists") });
    expect(await hashes()).toEqual(untouched); // refused: no password changed

    expect((await attempt(PASSWORD)).ok).toBe(true);
    for (let i = 0; i < LOCKOUT_AFTER; i++) await attempt(`wrong ${i}`);

    expect(await resetStaffPassword(db, a, { id: b.id, password: NEW }, NOW)).toEqual({ ok: true });
    const sessions = await db.select().from(staffSessions).where(eq(staffSessions.userId, b.id));
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((x) => x.endedAt !== null)).toBe(true);
    const audit = await lastAudit(db, a, "staff_password_reset");
    expect(audit).toMatchObject({ subjectId: b.id, after: { sessionsEnded: 1 } });
    expect(JSON.stringify(audit)).not.toContain(NEW);
    expect(JSON.stringify(audit)).not.toContain("argon2");
    expect((await attempt(PASSWORD)).ok).toBe(false);
    expect((await attempt(NEW)).ok).toBe(true); // the lock went with the old password
  });
});

describeEachDb("settings: dead emails", (ctx) => {
  it("retries a dead email once: it is claimable again, and a second retry is refused", async () => {
    const { db } = ctx();
    const a = await admin(db);
    const id = await enqueueEmail(db, {
      kind: "booking_confirmation",
      recipient: "pat@example.test",
      payload: {},
      dueAt: new Date(NOW.getTime() - 60_000),
    });
    await claimDueEmails(db, { now: NOW, limit: 10, leaseMs: 60_000 });
    await markEmailFailed(db, { id, error: "mailbox full", retryAt: NOW, dead: true });
    expect(await claimDueEmails(db, { now: new Date(NOW.getTime() + 3600_000), limit: 10, leaseMs: 60_000 })).toEqual(
      [],
    );

    const retryAt = new Date(NOW.getTime() + 60_000);
    expect(await retryDeadEmail(db, a, { id }, retryAt)).toEqual({ ok: true });
    const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: "pending", attempts: 0, claimedUntil: null, dueAt: retryAt });
    expect(await retryDeadEmail(db, a, { id }, retryAt)).toMatchObject({
      ok: false,
      message: expect.stringContaining("already retried"),
    });
    expect((await listAudit(db, { actorId: a.id, action: "email_retried" })).length).toBe(1);
    expect(await lastAudit(db, a, "email_retried")).toMatchObject({
      subjectId: id,
      before: { status: "dead", attempts: 1, lastError: "mailbox full" },
    });
    const claimed = await claimDueEmails(db, { now: retryAt, limit: 10, leaseMs: 60_000 });
    expect(claimed.map((c) => c.id)).toEqual([id]);
    expect(claimed[0]?.attempts).toBe(1);
  });
});
