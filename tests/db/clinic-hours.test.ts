// The clinic's opening hours on a real database: the calendar and the open/closed state read through
// the settings cache, the admin's changes to the hours (checked, audited, applied at once), and the
// out-of-hours number on the policies form.
import { expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { listClinicHours } from "@/db/queries/clinic-hours";
import { insertTimeOff } from "@/db/queries/settings";
import { upsertStaff } from "@/db/queries/staff";
import { DEMO_CLINIC, DEMO_CLINICIANS, seed } from "@/db/seed";
import { clinicOpenNow, getClinicCalendar, patientClinicHours } from "@/lib/clinic-hours";
import { clearSettingsCaches, getClinicCached } from "@/lib/clinic-settings";
import { parseThen } from "@/lib/forms";
import type { Actor } from "@/lib/staff/cases";
import * as hours from "@/lib/staff/opening-hours";
import * as settings from "@/lib/staff/settings";
import { describeEachDb, type TestDb } from "./support";

type DB = TestDb["db"];

// New York is EST (UTC−5) in late November. 2026-11-20 is a Friday; the demo clinic is closed for
// Thanksgiving (Thursday 26 and Friday 27 November).
const FRIDAY_10AM = new Date("2026-11-20T15:00:00Z");
const FRIDAY_5PM = new Date("2026-11-20T22:00:00Z");
const WEDNESDAY_8PM = new Date("2026-11-26T01:00:00Z");
const SUNDAY_NOON = new Date("2026-11-22T17:00:00Z");
const ON_CALL = "the on-call clinician at +1 212 555 0199";
const [RAMAN] = DEMO_CLINICIANS.map((c) => c.id) as [string];

const addOpeningHours = (db: DB, actor: Actor, raw: Record<string, unknown>) =>
  parseThen(hours.openingHoursSchema, raw, (input) => hours.addOpeningHours(db, actor, input));
const removeOpeningHours = (db: DB, actor: Actor, raw: Record<string, unknown>) =>
  parseThen(hours.openingHoursRowSchema, raw, (input) => hours.removeOpeningHours(db, actor, input));
const updatePolicies = (db: DB, actor: Actor, raw: Record<string, unknown>) =>
  parseThen(settings.policiesSchema, raw, (input) => settings.updatePolicies(db, actor, input, FRIDAY_10AM));

let n = 0;
async function admin(db: DB): Promise<Actor> {
  const email = `hours-admin${++n}@clinic.test`;
  const { id } = await upsertStaff(db, { email, name: `Admin ${n}`, role: "admin", passwordHash: "not-used" });
  return { id, email, clientAddress: "192.0.2.60" };
}

const nbsp = (text: string) => text.replace(/ (am|pm)$/, "\u00a0$1");

describeEachDb("clinic hours: before the clinic is set up", (ctx) => {
  it("counts as always open in UTC, and refuses opening hours until the clinic has its details", async () => {
    const { db } = ctx();
    clearSettingsCaches();
    expect(await getClinicCalendar(db, FRIDAY_10AM)).toEqual({ timeZone: "UTC", hours: [], closures: [] });
    expect(await clinicOpenNow(db, SUNDAY_NOON)).toEqual({
      open: true,
      opensAt: null,
      closesAt: null,
      outOfHoursPhone: null,
    });
    const r = await addOpeningHours(db, await admin(db), { weekday: "1", start: "08:00", end: "18:00" });
    expect(r).toEqual({ ok: false, message: "Set up the clinic's details first." });
  });
});

describeEachDb("clinic hours: the demo clinic", (ctx) => {
  it("seeds weekday and Saturday-morning hours, the on-call number and the Thanksgiving closure, once", async () => {
    const { db } = ctx();
    await seed(db);
    await seed(db);
    clearSettingsCaches();
    expect(await getClinicCalendar(db, FRIDAY_10AM)).toEqual({
      timeZone: "America/New_York",
      hours: [
        { weekday: 1, start: "08:00", end: "18:00" },
        { weekday: 2, start: "08:00", end: "18:00" },
        { weekday: 3, start: "08:00", end: "18:00" },
        { weekday: 4, start: "08:00", end: "18:00" },
        { weekday: 5, start: "08:00", end: "18:00" },
        { weekday: 6, start: "09:00", end: "13:00" },
      ],
      closures: [{ start: new Date("2026-11-26T05:00:00Z"), end: new Date("2026-11-28T05:00:00Z") }],
    });
    expect(DEMO_CLINIC.outOfHoursPhone).toBe(ON_CALL);
  });

  it("knows when the clinic is open, when it closes and opens, and who to call meanwhile", async () => {
    const { db } = ctx();
    expect(await clinicOpenNow(db, FRIDAY_10AM)).toEqual({
      open: true,
      opensAt: null,
      closesAt: new Date("2026-11-20T23:00:00Z"),
      outOfHoursPhone: ON_CALL,
    });
    // Wednesday evening before Thanksgiving: closed Thursday and Friday, open Saturday at 09:00.
    expect(await clinicOpenNow(db, WEDNESDAY_8PM)).toEqual({
      open: false,
      opensAt: new Date("2026-11-28T14:00:00Z"),
      closesAt: null,
      outOfHoursPhone: ON_CALL,
    });
  });

  it("words the hours for the patient's result page: open, closing before the call is due, closed", async () => {
    const { db } = ctx();
    expect(await patientClinicHours(db, FRIDAY_10AM)).toEqual({
      hours: { state: "open", ackMinutes: 120 },
      outOfHoursPhone: ON_CALL,
    });
    expect((await patientClinicHours(db, FRIDAY_5PM)).hours).toEqual({
      state: "closing",
      closesAt: nbsp("today at 6:00 pm"),
      opensAt: nbsp("tomorrow at 9:00 am"),
    });
    expect((await patientClinicHours(db, WEDNESDAY_8PM)).hours).toEqual({
      state: "closed",
      opensAt: nbsp("on Saturday 28 November at 9:00 am"),
    });
  });

  it("counts only whole-clinic closures, not a clinician's time off", async () => {
    const { db } = ctx();
    await insertTimeOff(db, {
      clinicianId: RAMAN,
      startsAt: new Date("2026-11-23T13:00:00Z"),
      endsAt: new Date("2026-11-23T23:00:00Z"),
      reason: "Course",
    });
    clearSettingsCaches();
    const cal = await getClinicCalendar(db, FRIDAY_10AM);
    expect(cal.closures).toHaveLength(1);
    expect((await clinicOpenNow(db, new Date("2026-11-23T15:00:00Z"))).open).toBe(true);
  });

  it("adds opening hours, audited, and they apply at once", async () => {
    const { db } = ctx();
    const a = await admin(db);
    expect((await clinicOpenNow(db, SUNDAY_NOON)).open).toBe(false); // cached for 30 s
    const r = await addOpeningHours(db, a, { weekday: "7", start: "10:00", end: "14:00" });
    expect(r).toEqual({ ok: true });
    expect(await clinicOpenNow(db, SUNDAY_NOON)).toMatchObject({
      open: true,
      closesAt: new Date("2026-11-22T19:00:00Z"),
    });
    const [event] = await listAudit(db, { actorId: a.id, action: "clinic_hours_added" });
    expect(event).toMatchObject({
      subjectType: "clinic_hours",
      clientAddress: "192.0.2.60",
      after: { weekday: 7, start: "10:00", end: "14:00" },
    });
  });

  it("refuses overlapping hours, a closing time before the opening time, and no day, beside their fields", async () => {
    const { db } = ctx();
    const a = await admin(db);
    expect(await addOpeningHours(db, a, { weekday: "1", start: "17:00", end: "19:00" })).toEqual({
      ok: false,
      fieldErrors: {
        start: [
          "The clinic is already open 8:00\u00a0am to 6:00\u00a0pm on Mondays: these hours overlap. Remove that row first, or choose times that do not overlap.",
        ],
      },
    });
    // Touching hours are not overlapping: 18:00–20:00 follows 08:00–18:00.
    expect(await addOpeningHours(db, a, { weekday: "1", start: "18:00", end: "20:00" })).toEqual({ ok: true });
    expect(await addOpeningHours(db, a, { weekday: "2", start: "12:00", end: "09:00" })).toEqual({
      ok: false,
      fieldErrors: { end: ["The closing time must be after the opening time"] },
    });
    expect(await addOpeningHours(db, a, { weekday: "", start: "9:00", end: "" })).toEqual({
      ok: false,
      fieldErrors: {
        weekday: ["Choose a day"],
        start: ["Enter the opening time as HH:MM, for example 09:00"],
        end: ["Enter the closing time as HH:MM, for example 09:00"],
      },
    });
    expect((await listAudit(db, { actorId: a.id, action: "clinic_hours_added" })).length).toBe(1);
  });

  it("removes opening hours, audited; removing them again is refused; with none left it is always open", async () => {
    const { db } = ctx();
    const a = await admin(db);
    const rows = await listClinicHours(db);
    const sunday = rows.find((h) => h.weekday === 7)!;
    expect(await removeOpeningHours(db, a, { id: sunday.id })).toEqual({ ok: true });
    expect(await removeOpeningHours(db, a, { id: sunday.id })).toEqual({
      ok: false,
      message: "Those opening hours were already removed.",
    });
    expect(await removeOpeningHours(db, a, { id: "not-an-id" })).toEqual({
      ok: false,
      fieldErrors: { id: ["Those opening hours were already removed."] },
    });
    const [event] = await listAudit(db, { actorId: a.id, action: "clinic_hours_removed" });
    expect(event).toMatchObject({ subjectId: sunday.id, before: { weekday: 7, start: "10:00", end: "14:00" } });
    expect((await clinicOpenNow(db, SUNDAY_NOON)).open).toBe(false);

    for (const row of rows.filter((h) => h.id !== sunday.id)) await removeOpeningHours(db, a, { id: row.id });
    expect(await getClinicCalendar(db, SUNDAY_NOON)).toMatchObject({ hours: [] });
    expect((await clinicOpenNow(db, SUNDAY_NOON)).open).toBe(true);
    // A whole-clinic closure still closes it.
    expect(await clinicOpenNow(db, new Date("2026-11-26T17:00:00Z"))).toMatchObject({
      open: false,
      opensAt: new Date("2026-11-28T05:00:00Z"),
    });
  });

  it("saves the out-of-hours number on the policies form: set, cleared when blank, kept when the form has no field", async () => {
    const { db } = ctx();
    const a = await admin(db);
    const form = {
      name: DEMO_CLINIC.name,
      address: DEMO_CLINIC.address,
      phone: DEMO_CLINIC.phone,
      email: DEMO_CLINIC.email,
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
    expect(await updatePolicies(db, a, form)).toEqual({ ok: true });
    expect((await getClinicCached(db))?.outOfHoursPhone).toBe(ON_CALL);
    expect(await listAudit(db, { actorId: a.id, action: "clinic_settings_updated" })).toEqual([]);

    expect(await updatePolicies(db, a, { ...form, outOfHoursPhone: "  Riverside on-call, +1 212 555 0188 " })).toEqual({
      ok: true,
    });
    expect((await clinicOpenNow(db, WEDNESDAY_8PM)).outOfHoursPhone).toBe("Riverside on-call, +1 212 555 0188");
    const [event] = await listAudit(db, { actorId: a.id, action: "clinic_settings_updated" });
    expect(event).toMatchObject({
      before: { outOfHoursPhone: ON_CALL },
      after: { outOfHoursPhone: "Riverside on-call, +1 212 555 0188" },
    });

    expect(await updatePolicies(db, a, { ...form, outOfHoursPhone: " " })).toEqual({ ok: true });
    expect((await getClinicCached(db))?.outOfHoursPhone).toBeNull();
    expect((await patientClinicHours(db, WEDNESDAY_8PM)).outOfHoursPhone).toBeNull();

    expect(await updatePolicies(db, a, { ...form, outOfHoursPhone: "x".repeat(101) })).toEqual({
      ok: false,
      fieldErrors: { outOfHoursPhone: ["Keep the out-of-hours number under 100 characters"] },
    });
  });
});
