// The admin's settings: the clinic and its booking policies, clinicians, their weekly hours, time
// off, appointment types (staff accounts and dead emails are in settings-accounts.ts). Each change
// takes what its schema here gives (the action parses the form with it), is checked against the
// database, written with its audit event in one transaction, and then this process's settings
// caches are cleared so it applies at once (other processes pick it up within 30 s).
import { formatClockRange } from "@/lib/booking/format";
import { z } from "zod";
import type { Db } from "@/db/client";
import { findOverlappingHours } from "@/db/queries/scheduling";
import {
  clinicianExists,
  deleteTimeOff,
  deleteWorkingHours,
  getAppointmentTypeForUpdate,
  getClinicForUpdate,
  getUrgentTypeForUpdate,
  getClinicianForUpdate,
  getClinicTimeZone,
  insertAppointmentType,
  insertClinic,
  insertClinician,
  insertTimeOff,
  insertWorkingHours,
  moveUrgentMark,
  updateAppointmentTypeDetails,
  updateClinic,
  updateClinicianActive,
  updateClinicianDetails,
} from "@/db/queries/settings";
import type { Clinic } from "@/db/schema";
import { pgCode } from "@/lib/booking/book";
import { localInstant } from "@/lib/scheduling/zoned";
import { freeNewHours, freeRemovedTimeOff } from "@/lib/waitlist/freed";
import type { Actor } from "./cases";
import {
  auditSetting,
  calendarDate,
  changes,
  checkbox,
  clock,
  done,
  fieldError,
  optionalText,
  recordId,
  refuse,
  rowId,
  settingsChange,
  text,
  whole,
  type SettingsResult,
} from "./settings-fields";

export type { SettingsResult } from "./settings-fields";
export * from "./settings-accounts";

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** Whether the zone is one the platform knows by an IANA name ("Europe/London", "UTC"), canonically cased; null if not. */
export function ianaZone(value: string): string | null {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  // Intl also takes offsets ("+05:00") and abbreviations ("EST" → America/Panama): IANA names only.
  if (value.toUpperCase() === "UTC") return "UTC";
  if (!/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/.test(value)) return null;
  return resolved.toLowerCase() === value.toLowerCase() ? resolved : value;
}

/**
 * Who patients call while the clinic is closed, as they should read it after "call" ("NHS 111", "the
 * on-call clinician at …"). Blank clears it; a form without the field at all leaves it unchanged.
 */
const outOfHoursPhone = z.preprocess(
  (v) => (v === undefined ? undefined : typeof v === "string" && v.trim() === "" ? null : v),
  z.string().trim().max(100, { error: "Keep the out-of-hours number under 100 characters" }).nullable().optional(),
);

export const policiesSchema = z.object({
  name: text("clinic name", 200),
  address: text("address", 500),
  phone: text("phone number", 50),
  email: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim().toLowerCase() : v),
    z.email({ error: "Enter an email address like name@example.com, or leave it empty" }).max(254).nullable(),
  ),
  emergencyNumber: text("emergency number", 20),
  outOfHoursPhone,
  /** How the intake asks running distances; a form without the field leaves it unchanged. */
  distanceUnit: z.enum(["km", "mi"], { error: "Choose kilometres or miles" }).optional(),
  timeZone: z
    .string({ error: "Enter the time zone" })
    .trim()
    .transform((v, ctx) => {
      const zone = ianaZone(v);
      if (!zone)
        ctx.addIssue({ code: "custom", message: "Enter a time zone name such as America/New_York or Europe/London" });
      return zone ?? v;
    }),
  slotIntervalMinutes: whole("slot interval (minutes)", 5, 120),
  minNoticeMinutes: whole("minimum notice (minutes)", 0, 43_200),
  horizonDays: whole("booking horizon (days)", 1, 365),
  cancellationCutoffHours: whole("cancellation cut-off (hours)", 0, 336),
  /** How long a freed time offered from the waitlist is held; a form without the field leaves it unchanged. */
  waitlistHoldMinutes: whole("waitlist hold (minutes)", 5, 1440).optional(),
  /** Days before an appointment the pre-visit check goes (0: none); a form without the field leaves it unchanged. */
  preVisitCheckDays: whole("pre-visit check (days before)", 0, 14).optional(),
  /** Weeks after an intake the recovery check-ins go, e.g. "2, 6, 12" (empty: none); a form without the field leaves them. */
  checkinWeeks: z
    .string()
    .max(60)
    .transform((v, ctx) => {
      const parts = v.split(/[\s,]+/).filter(Boolean);
      const weeks = parts.map(Number);
      if (weeks.some((w) => !Number.isInteger(w) || w < 1 || w > 52)) {
        ctx.addIssue({
          code: "custom",
          message: "Enter whole weeks from 1 to 52, separated by commas, such as 2, 6, 12",
        });
        return z.NEVER;
      }
      const unique = [...new Set(weeks)].sort((a, b) => a - b);
      if (unique.length > 6) {
        ctx.addIssue({ code: "custom", message: "Enter at most 6 check-in weeks" });
        return z.NEVER;
      }
      return unique;
    })
    .optional(),
  urgentReservePerDay: whole("urgent slots kept per day", 0, 50),
  urgentReleaseTime: clock("release time"),
  emergencyAckMinutes: whole("EMERGENCY acknowledgement time (minutes)", 1, 60),
  urgentAckMinutes: whole("URGENT acknowledgement time (minutes)", 1, 1440),
});

export type Policies = z.output<typeof policiesSchema>;

/** Saves the clinic's details and booking policies (creates the clinic row if there is none yet). */
export async function updatePolicies(db: Db, actor: Actor, next: Policies, now: Date): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    const row = await getClinicForUpdate(tx);
    if (!row) {
      const values = {
        ...next,
        outOfHoursPhone: next.outOfHoursPhone ?? null,
        distanceUnit: next.distanceUnit ?? ("km" as const),
        waitlistHoldMinutes: next.waitlistHoldMinutes ?? 30,
        preVisitCheckDays: next.preVisitCheckDays ?? 2,
        checkinWeeks: next.checkinWeeks ?? [2, 6, 12],
      };
      await insertClinic(tx, values, now);
      await auditSetting(tx, actor, "clinic_settings_updated", { type: "clinic", id: "1" }, { after: values });
      return;
    }
    const current: Policies = { ...pickPolicies(row), urgentReleaseTime: row.urgentReleaseTime.slice(0, 5) };
    // No out-of-hours field at all (an older form, a script): keep the number as it is.
    const values = {
      ...next,
      outOfHoursPhone: next.outOfHoursPhone === undefined ? row.outOfHoursPhone : next.outOfHoursPhone,
      distanceUnit: next.distanceUnit ?? row.distanceUnit,
      waitlistHoldMinutes: next.waitlistHoldMinutes ?? row.waitlistHoldMinutes,
      preVisitCheckDays: next.preVisitCheckDays ?? row.preVisitCheckDays,
      checkinWeeks: next.checkinWeeks ?? row.checkinWeeks,
    };
    const diff = changes(current, values);
    if (!diff) return;
    await updateClinic(tx, values, now);
    await auditSetting(tx, actor, "clinic_settings_updated", { type: "clinic", id: "1" }, diff);
  });
}

function pickPolicies(row: Clinic): Policies {
  const keys = Object.keys(policiesSchema.shape) as (keyof Policies)[];
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Policies;
}

const CLINICIAN_GONE = "That clinician no longer exists.";

export const clinicianSchema = z.object({ name: text("name", 100), role: text("role", 100) });
export const clinicianUpdateSchema = clinicianSchema.extend(rowId(CLINICIAN_GONE).shape);
export const clinicianActiveSchema = rowId(CLINICIAN_GONE).extend({ active: checkbox });

/** Adds a clinician (active: offered for booking once they have weekly hours). */
export async function addClinician(
  db: Db,
  actor: Actor,
  clinician: z.output<typeof clinicianSchema>,
): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    const row = await insertClinician(tx, clinician);
    await auditSetting(tx, actor, "clinician_added", { type: "clinician", id: row.id }, { after: clinician });
  });
}

/** Changes a clinician's name or role. */
export async function updateClinician(
  db: Db,
  actor: Actor,
  { id, ...next }: z.output<typeof clinicianUpdateSchema>,
): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    const row = await getClinicianForUpdate(tx, id);
    if (!row) return refuse(CLINICIAN_GONE);
    const diff = changes(row, next);
    if (!diff) return done;
    await updateClinicianDetails(tx, id, next);
    await auditSetting(tx, actor, "clinician_updated", { type: "clinician", id }, diff);
    return done;
  });
}

/** Deactivates (no longer offered for booking; booked appointments stay) or reactivates a clinician. */
export async function setClinicianActive(
  db: Db,
  actor: Actor,
  { id, active }: z.output<typeof clinicianActiveSchema>,
): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    if (!(await updateClinicianActive(tx, id, active))) return refuse(CLINICIAN_GONE);
    await auditSetting(
      tx,
      actor,
      active ? "clinician_reactivated" : "clinician_deactivated",
      { type: "clinician", id },
      { before: { active: !active }, after: { active } },
    );
    return done;
  });
}

export const hoursSchema = z
  .object({
    clinicianId: recordId("a clinician"),
    weekday: whole("day", 1, 7, "Choose a day"),
    start: clock("start time"),
    end: clock("end time"),
  })
  .refine((h) => h.end > h.start, { path: ["end"], error: "The end time must be after the start time" });

/** Adds a row of weekly hours; refuses one that overlaps another row of the same clinician and day. */
export async function addWorkingHours(
  db: Db,
  actor: Actor,
  h: z.output<typeof hoursSchema>,
  now = new Date(),
): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    // Locking the clinician makes two admins adding overlapping rows at once take turns.
    const who = await getClinicianForUpdate(tx, h.clinicianId);
    if (!who) return fieldError("clinicianId", "Choose a clinician");
    const clash = await findOverlappingHours(tx, h);
    if (clash.length) {
      const rows = clash.map((c) => formatClockRange(c.start, c.end)).join(", ");
      return fieldError(
        "start",
        `${who.name} already works ${rows} on ${WEEKDAYS[h.weekday - 1]}s: these hours overlap. Remove that row first, or choose times that do not overlap.`,
      );
    }
    const row = await insertWorkingHours(tx, h);
    await auditSetting(tx, actor, "working_hours_added", { type: "working_hours", id: row.id }, { after: h });
    // The new hours are free time the waitlist offers to waiting patients.
    await freeNewHours(tx, h, now);
    return done;
  });
}

const HOURS_GONE = "Those hours were already removed.";
export const hoursRowSchema = rowId(HOURS_GONE);

/** Removes a row of weekly hours (appointments already booked in them stay). */
export async function removeWorkingHours(
  db: Db,
  actor: Actor,
  { id }: z.output<typeof hoursRowSchema>,
): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    const row = await deleteWorkingHours(tx, id);
    if (!row) return refuse(HOURS_GONE);
    const before = {
      clinicianId: row.clinicianId,
      weekday: row.weekday,
      start: row.startTime.slice(0, 5),
      end: row.endTime.slice(0, 5),
    };
    await auditSetting(tx, actor, "working_hours_removed", { type: "working_hours", id: row.id }, { before });
    return done;
  });
}

export const timeOffSchema = z.object({
  // Blank: the whole clinic is closed.
  clinicianId: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    recordId("a clinician or the whole clinic").nullable(),
  ),
  startDate: calendarDate("start date"),
  startTime: clock("start time"),
  endDate: calendarDate("end date"),
  endTime: clock("end time"),
  reason: optionalText("reason", 200),
});

/** Adds time off for a clinician, or a closure of the whole clinic; times are local to the clinic. */
export async function addTimeOff(
  db: Db,
  actor: Actor,
  t: z.output<typeof timeOffSchema>,
  now: Date,
): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    const timeZone = await getClinicTimeZone(tx);
    if (timeZone === null) return refuse("Set up the clinic's details first.");
    const startsAt = localInstant(t.startDate, t.startTime, timeZone);
    const endsAt = localInstant(t.endDate, t.endTime, timeZone);
    if (endsAt <= startsAt) return fieldError("endDate", "The end must be after the start");
    if (endsAt <= now) return fieldError("endDate", "That time is already over: enter time off that has not ended yet");
    if (t.clinicianId) {
      if (!(await clinicianExists(tx, t.clinicianId)))
        return fieldError("clinicianId", "Choose a clinician or the whole clinic");
    }
    const row = await insertTimeOff(tx, { clinicianId: t.clinicianId, startsAt, endsAt, reason: t.reason });
    await auditSetting(
      tx,
      actor,
      "time_off_added",
      { type: "time_off", id: row.id },
      {
        after: {
          clinicianId: t.clinicianId,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          reason: t.reason,
        },
      },
    );
    return done;
  });
}

const TIME_OFF_GONE = "That time off was already removed.";
export const timeOffRowSchema = rowId(TIME_OFF_GONE);

/** Removes time off or a closure (the time can be booked again). */
export async function removeTimeOff(
  db: Db,
  actor: Actor,
  { id }: z.output<typeof timeOffRowSchema>,
  now = new Date(),
): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    const row = await deleteTimeOff(tx, id);
    if (!row) return refuse(TIME_OFF_GONE);
    const before = {
      clinicianId: row.clinicianId,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      reason: row.reason,
    };
    await auditSetting(tx, actor, "time_off_removed", { type: "time_off", id: row.id }, { before });
    // The time is bookable again: the waitlist offers it to waiting patients.
    await freeRemovedTimeOff(tx, row, now);
    return done;
  });
}

const TYPE_GONE = "That appointment type no longer exists.";

/** The grades whose patients may book a type themselves (EMERGENCY never; URGENT only through staff). */
export const SELF_BOOK_LEVELS = [
  { level: "SOON", field: "selfBookSoon" },
  { level: "ROUTINE", field: "selfBookRoutine" },
  { level: "SELF_CARE", field: "selfBookSelfCare" },
] as const;
export type SelfBookLevel = (typeof SELF_BOOK_LEVELS)[number]["level"];

const URGENT_NOT_SELF_BOOKED =
  "The urgent type is booked by staff only: untick every grade, or mark another type as the urgent one first";
const URGENT_STAYS_ACTIVE =
  "The urgent type must stay offered: mark another type as the urgent one before turning this one off";

const typeId = z.string({ error: TYPE_GONE }).min(1, { error: TYPE_GONE }).max(50, { error: TYPE_GONE });

const typeDetails = {
  name: text("name", 100),
  minutes: whole("length (minutes)", 5, 480),
  bufferBeforeMinutes: whole("buffer before (minutes)", 0, 120),
  bufferAfterMinutes: whole("buffer after (minutes)", 0, 120),
  active: checkbox,
  selfBookSoon: checkbox,
  selfBookRoutine: checkbox,
  selfBookSelfCare: checkbox,
};

/** The ticked grades, in the order of the ranks. */
function ticked(t: Record<(typeof SELF_BOOK_LEVELS)[number]["field"], boolean>): SelfBookLevel[] {
  return SELF_BOOK_LEVELS.filter((l) => t[l.field]).map((l) => l.level);
}

export const newAppointmentTypeSchema = z
  .object({ ...typeDetails, sortOrder: whole("sort order", 0, 1000) })
  .transform(({ selfBookSoon, selfBookRoutine, selfBookSelfCare, ...t }) => ({
    ...t,
    levels: ticked({ selfBookSoon, selfBookRoutine, selfBookSelfCare }),
  }));

/**
 * An edit. The grades and the sort order change only when the form carries them (the edit form
 * sends `selfBookShown`); a form or script without them leaves them as they are.
 */
export const appointmentTypeSchema = z
  .object({
    id: typeId,
    ...typeDetails,
    selfBookShown: z.unknown().optional(),
    sortOrder: z.preprocess((v) => (v === undefined ? undefined : v), whole("sort order", 0, 1000).optional()),
  })
  .transform(({ selfBookSoon, selfBookRoutine, selfBookSelfCare, selfBookShown, sortOrder, ...t }) => ({
    ...t,
    ...(sortOrder === undefined ? {} : { sortOrder }),
    ...(selfBookShown === undefined ? {} : { levels: ticked({ selfBookSoon, selfBookRoutine, selfBookSelfCare }) }),
  }));

/** "Physio: first visit" → "physio-first-visit" (letters and digits, dashes between; at most 40). */
export function typeSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug || "type";
}

/** Creates an appointment type; its id is a slug of the name, made unique with "-2", "-3"… */
export async function createAppointmentType(
  db: Db,
  actor: Actor,
  t: z.output<typeof newAppointmentTypeSchema>,
): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    const base = typeSlug(t.name);
    for (let n = 1; n <= 100; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      // An insert that skips a taken id (race-safe: the primary key decides).
      if (!(await insertAppointmentType(tx, { id, ...t }))) continue;
      await auditSetting(tx, actor, "appointment_type_created", { type: "appointment_type", id }, { after: t });
      return done;
    }
    return fieldError("name", "Too many types already have this name: choose another name");
  });
}

/** Edits an appointment type's name, length, buffers, grades, order and whether it is offered (never its id). */
export async function updateAppointmentType(
  db: Db,
  actor: Actor,
  { id, ...next }: z.output<typeof appointmentTypeSchema>,
): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    const row = await getAppointmentTypeForUpdate(tx, id);
    if (!row) return refuse(TYPE_GONE);
    if (row.urgent && next.levels?.length)
      return fieldError(SELF_BOOK_LEVELS.find((l) => l.level === next.levels![0])!.field, URGENT_NOT_SELF_BOOKED);
    if (row.urgent && !next.active) return fieldError("active", URGENT_STAYS_ACTIVE);
    const before = { ...row, levels: [...row.levels].join(",") };
    const after = next.levels ? { ...next, levels: next.levels.join(",") } : next;
    const diff = changes(before, after);
    if (!diff) return done;
    await updateAppointmentTypeDetails(tx, id, next);
    // Grades compare as text; the trail keeps them as lists.
    const trail = (v: Record<string, unknown>, levels: readonly string[] | undefined) =>
      "levels" in v ? { ...v, levels } : v;
    await auditSetting(
      tx,
      actor,
      "appointment_type_updated",
      { type: "appointment_type", id },
      { before: trail(diff.before, row.levels), after: trail(diff.after, next.levels) },
    );
    return done;
  });
}

export const urgentTypeSchema = z.object({ id: typeId });

/**
 * Marks the type staff book URGENT cases into (reserved urgent capacity); the mark leaves the type
 * that had it in the same transaction. The urgent type is staff-only and offered: one with
 * self-booking grades, or turned off, is refused.
 */
export async function markUrgentType(
  db: Db,
  actor: Actor,
  { id }: z.output<typeof urgentTypeSchema>,
): Promise<SettingsResult> {
  // The old mark is locked first, so two admins take turns; with no mark at all to lock, the
  // partial unique index refuses the second of two racing marks.
  return settingsChange(db, async (tx) => {
    const current = await getUrgentTypeForUpdate(tx);
    const row = await getAppointmentTypeForUpdate(tx, id);
    if (!row) return refuse(TYPE_GONE);
    if (row.urgent) return done;
    if (row.levels.length)
      return refuse(
        `${row.name} can be booked by patients themselves: untick its grades first, then mark it as the urgent type.`,
      );
    if (!row.active) return refuse(`${row.name} is turned off: offer it for booking first.`);
    try {
      // A savepoint: a refused mark leaves the transaction usable for the refusal.
      await tx.transaction((sp) => moveUrgentMark(sp, id));
    } catch (error) {
      if (pgCode(error) === "23505")
        return refuse("Another admin changed the urgent type at the same moment: reload the page and try again.");
      throw error;
    }
    await auditSetting(
      tx,
      actor,
      "urgent_type_changed",
      { type: "appointment_type", id },
      { before: { urgentTypeId: current?.id ?? null }, after: { urgentTypeId: id } },
    );
    return done;
  });
}
