import { asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { z } from "zod";
import { listAudit } from "@/db/queries/audit";
import { getIntake } from "@/db/queries/intakes";
import { getUrgentAppointmentType } from "@/db/queries/scheduling";
import { upsertStaff } from "@/db/queries/staff";
import { appointments, appointmentTypes } from "@/db/schema";
import { seed } from "@/db/seed";
import { typeFor } from "@/lib/booking/schedule";
import { clearSettingsCaches, getScheduleSettings } from "@/lib/clinic-settings";
import { parseThen } from "@/lib/forms";
import { submitIntake } from "@/lib/intakes/submit";
import { bookUrgentForCase, overrideLevel, urgentSlotsForCase, type Actor } from "@/lib/staff/cases";
import * as settings from "@/lib/staff/settings";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

type DB = TestDb["db"];
// Tuesday 1 December 2026, 10:00 in New York: the demo clinic is open.
const NOW = new Date("2026-12-01T15:00:00Z");
const ZONE = "America/New_York";
let n = 0;

function asForm<S extends z.ZodType>(
  schema: S,
  change: (db: DB, actor: Actor, input: z.output<S>) => Promise<settings.SettingsResult>,
) {
  return (db: DB, actor: Actor, raw: Record<string, unknown>) =>
    parseThen(schema, raw, (input) => change(db, actor, input));
}
const createType = asForm(settings.newAppointmentTypeSchema, settings.createAppointmentType);
const updateType = asForm(settings.appointmentTypeSchema, settings.updateAppointmentType);
const markUrgent = asForm(settings.urgentTypeSchema, settings.markUrgentType);

async function staffMember(db: DB, role: "admin" | "clinician"): Promise<Actor> {
  const email = `types${++n}@clinic.test`;
  const { id } = await upsertStaff(db, { email, name: `Staff ${n}`, role, passwordHash: "x" });
  return { id, email, clientAddress: "192.0.2.7" };
}

async function ready(db: DB) {
  await seed(db);
  clearSettingsCaches();
}

const typeRow = async (db: DB, id: string) =>
  (await db.select().from(appointmentTypes).where(eq(appointmentTypes.id, id)))[0];
const urgentIds = async (db: DB) =>
  (
    await db
      .select({ id: appointmentTypes.id })
      .from(appointmentTypes)
      .where(eq(appointmentTypes.urgent, true))
      .orderBy(asc(appointmentTypes.id))
  ).map((r) => r.id);

const NEW_TYPE = {
  name: "Sports massage: follow-up",
  minutes: "40",
  bufferBeforeMinutes: "0",
  bufferAfterMinutes: "10",
  sortOrder: "0",
  selfBookSoon: "on",
  selfBookRoutine: "on",
  active: "on",
};

describeEachDb("appointment types: create", (ctx) => {
  it("creates a type with a unique slug id, the ticked grades, audited; patients of those grades are offered it", async () => {
    const { db } = ctx();
    await ready(db);
    const a = await staffMember(db, "admin");
    expect(await createType(db, a, NEW_TYPE)).toEqual({ ok: true });
    expect(await createType(db, a, { ...NEW_TYPE, sortOrder: "9" })).toEqual({ ok: true });
    expect(await typeRow(db, "sports-massage-follow-up")).toMatchObject({
      name: "Sports massage: follow-up",
      minutes: 40,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 10,
      levels: ["SOON", "ROUTINE"],
      sortOrder: 0,
      active: true,
      urgent: false,
    });
    expect(await typeRow(db, "sports-massage-follow-up-2")).toMatchObject({ sortOrder: 9 });
    const [audit] = await listAudit(db, { actorId: a.id, action: "appointment_type_created" });
    expect(audit).toBeDefined();
    expect(audit?.after).toMatchObject({ name: "Sports massage: follow-up", levels: ["SOON", "ROUTINE"] });
    // The lowest sort order comes first: SOON and ROUTINE patients now book it by default; SELF_CARE does not.
    expect((await typeFor(db, "SOON"))?.id).toBe("sports-massage-follow-up");
    expect((await typeFor(db, "ROUTINE"))?.id).toBe("sports-massage-follow-up");
    expect((await typeFor(db, "SELF_CARE"))?.id).not.toMatch(/^sports-massage/);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const { db } = ctx();
    await ready(db);
    const a = await staffMember(db, "admin");
    const before = await db.select().from(appointmentTypes);
    const r = await createType(db, a, {
      name: "  ",
      minutes: "4",
      bufferBeforeMinutes: "ten",
      bufferAfterMinutes: "121",
      sortOrder: "-1",
    });
    expect(r.ok ? [] : Object.keys(r.fieldErrors ?? {}).sort()).toEqual([
      "bufferAfterMinutes",
      "bufferBeforeMinutes",
      "minutes",
      "name",
      "sortOrder",
    ]);
    expect((await createType(db, a, { ...NEW_TYPE, minutes: "481" })).ok).toBe(false);
    expect(await db.select().from(appointmentTypes)).toEqual(before);
    expect(await listAudit(db, { actorId: a.id, action: "appointment_type_created" })).toEqual([]);
  });

  it("edits the grades only when the form carries them", async () => {
    const { db } = ctx();
    await ready(db);
    const a = await staffMember(db, "admin");
    const base = {
      id: "follow-up",
      name: "Follow-up",
      minutes: "30",
      bufferBeforeMinutes: "0",
      bufferAfterMinutes: "0",
    };
    const { levels } = (await typeRow(db, "follow-up"))!;
    expect(await updateType(db, a, { ...base, active: "on", levels: ["EMERGENCY"] })).toEqual({ ok: true });
    expect((await typeRow(db, "follow-up"))?.levels).toEqual(levels);
    expect(
      await updateType(db, a, { ...base, active: "on", selfBookShown: "on", selfBookSelfCare: "on", sortOrder: "7" }),
    ).toEqual({ ok: true });
    expect(await typeRow(db, "follow-up")).toMatchObject({ levels: ["SELF_CARE"], sortOrder: 7 });
    const [audit] = await listAudit(db, { actorId: a.id, action: "appointment_type_updated" });
    expect(audit?.after).toMatchObject({ levels: ["SELF_CARE"], sortOrder: 7 });
    expect(audit?.before).toMatchObject({ levels });
  });
});

describeEachDb("appointment types: the urgent type", (ctx) => {
  it("moves the mark in one transaction: always exactly one, audited", async () => {
    const { db } = ctx();
    await ready(db);
    const a = await staffMember(db, "admin");
    expect(await urgentIds(db)).toEqual(["urgent-review"]);
    await createType(db, a, { ...NEW_TYPE, name: "Same-day review", selfBookSoon: "", selfBookRoutine: "" });
    expect(await markUrgent(db, a, { id: "same-day-review" })).toEqual({ ok: true });
    expect(await urgentIds(db)).toEqual(["same-day-review"]);
    expect((await getUrgentAppointmentType(db))?.id).toBe("same-day-review");
    const [audit] = await listAudit(db, { actorId: a.id, action: "urgent_type_changed" });
    expect(audit).toMatchObject({
      subjectId: "same-day-review",
      before: { urgentTypeId: "urgent-review" },
      after: { urgentTypeId: "same-day-review" },
    });
    // Two admins marking two types at once: one wins, never two marks or none.
    await Promise.all([markUrgent(db, a, { id: "urgent-review" }), markUrgent(db, a, { id: "same-day-review" })]);
    expect((await urgentIds(db)).length).toBe(1);
    expect((await markUrgent(db, a, { id: "no-such-type" })).ok).toBe(false);
  });
});

describeEachDb("appointment types: the urgent type's rules", (ctx) => {
  it("keeps the urgent type staff-only and offered: field errors for grades or turning it off", async () => {
    const { db } = ctx();
    await ready(db);
    const a = await staffMember(db, "admin");
    const before = await typeRow(db, "urgent-review");
    const edit = { id: "urgent-review", name: "Urgent review", minutes: "20", bufferBeforeMinutes: "5" };
    const withLevels = await updateType(db, a, {
      ...edit,
      bufferAfterMinutes: "5",
      active: "on",
      selfBookShown: "on",
      selfBookRoutine: "on",
    });
    expect(withLevels.ok ? [] : Object.keys(withLevels.fieldErrors ?? {})).toEqual(["selfBookRoutine"]);
    const off = await updateType(db, a, { ...edit, bufferAfterMinutes: "5", selfBookShown: "on" });
    expect(off.ok ? [] : Object.keys(off.fieldErrors ?? {})).toEqual(["active"]);
    expect(await typeRow(db, "urgent-review")).toEqual(before);
    // A self-bookable type cannot take the mark.
    const refused = await markUrgent(db, a, { id: "initial" });
    expect(refused.ok).toBe(false);
    expect(await urgentIds(db)).toEqual(["urgent-review"]);
    // Once the mark has moved on, the old urgent type can be turned off.
    await createType(db, a, { ...NEW_TYPE, name: "Same-day review", selfBookSoon: "", selfBookRoutine: "" });
    await markUrgent(db, a, { id: "same-day-review" });
    expect(await updateType(db, a, { ...edit, bufferAfterMinutes: "5", selfBookShown: "on" })).toEqual({ ok: true });
    expect((await typeRow(db, "urgent-review"))?.active).toBe(false);
  });
});

describeEachDb("appointment types: urgent bookings follow the mark", (ctx) => {
  it("the case page books URGENT cases into the marked type, renamed or replaced", async () => {
    const { db } = ctx();
    await ready(db);
    const a = await staffMember(db, "admin");
    const clinician = await staffMember(db, "clinician");
    const answers = makeIntakeAnswersSchema({ now: NOW }).parse(vignetteIntake("P15", NOW));
    const newCase = async () => {
      const r = await submitIntake(db, { answers, now: NOW, timeZone: ZONE });
      if (r.status === "key_conflict") throw new Error("unexpected");
      await overrideLevel(db, { ...clinician }, r.response.id, { level: "URGENT", reason: "Phoned: worse" }, NOW);
      return r.response.id;
    };
    const bookFirst = async (id: string) => {
      const row = (await getIntake(db, id))!;
      const slots = await urgentSlotsForCase(
        db,
        { level: row.effectiveLevel, hasActiveBooking: false },
        { now: NOW, timeZone: ZONE },
      );
      expect(slots.length).toBeGreaterThan(0);
      const [clinicianId, start] = slots[0]!.value.split("|") as [string, string];
      const r = await bookUrgentForCase(db, clinician, id, { clinicianId, start: new Date(start) }, NOW);
      expect(r.status).toBe("booked");
      return r.status === "booked" ? r.appointment.id : "";
    };
    const typeOf = async (appointmentId: string) =>
      (await db.select().from(appointments).where(eq(appointments.id, appointmentId)))[0]?.appointmentTypeId;

    // Renamed: still the one marked urgent.
    expect(
      await updateType(db, a, {
        id: "urgent-review",
        name: "Same-day assessment",
        minutes: "20",
        bufferBeforeMinutes: "5",
        bufferAfterMinutes: "5",
        active: "on",
      }),
    ).toEqual({ ok: true });
    expect(await typeOf(await bookFirst(await newCase()))).toBe("urgent-review");

    // Replaced by another type with another id: urgent bookings follow the mark.
    await createType(db, a, { ...NEW_TYPE, name: "Acute back review", selfBookSoon: "", selfBookRoutine: "" });
    expect(await markUrgent(db, a, { id: "acute-back-review" })).toEqual({ ok: true });
    expect((await getScheduleSettings(db)).types.find((t) => t.urgent)?.id).toBe("acute-back-review");
    expect(await typeOf(await bookFirst(await newCase()))).toBe("acute-back-review");
  });
});
