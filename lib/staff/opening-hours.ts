// The clinic's opening hours, as the admin sets them: when it is staffed to answer alerts and phone
// patients (lib/clinic-hours.ts turns them into deadlines and what patients are told). Each change
// is checked, written with its audit event in one transaction, and then the settings caches are
// cleared so it applies at once (other processes within 30 s).
import { formatClockRange } from "@/lib/booking/format";
import { z } from "zod";
import type { Db } from "@/db/client";
import { deleteClinicHours, findOverlappingClinicHours, insertClinicHours } from "@/db/queries/clinic-hours";
import { getClinicForUpdate } from "@/db/queries/settings";
import type { Actor } from "./cases";
import { auditSetting, clock, done, fieldError, refuse, rowId, settingsChange, whole } from "./settings-fields";
import type { SettingsResult } from "./settings-fields";
import { WEEKDAYS } from "./settings";

export const openingHoursSchema = z
  .object({
    weekday: whole("day", 1, 7, "Choose a day"),
    start: clock("opening time"),
    end: clock("closing time"),
  })
  .refine((h) => h.end > h.start, { path: ["end"], error: "The closing time must be after the opening time" });

/** Adds a row of opening hours; refuses one that overlaps another row of the same day. */
export async function addOpeningHours(
  db: Db,
  actor: Actor,
  h: z.output<typeof openingHoursSchema>,
): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    // Locking the clinic row makes two admins adding overlapping rows at once take turns.
    if (!(await getClinicForUpdate(tx))) return refuse("Set up the clinic's details first.");
    const clash = await findOverlappingClinicHours(tx, h);
    if (clash.length) {
      const rows = clash.map((c) => formatClockRange(c.start, c.end)).join(", ");
      return fieldError(
        "start",
        `The clinic is already open ${rows} on ${WEEKDAYS[h.weekday - 1]}s: these hours overlap. Remove that row first, or choose times that do not overlap.`,
      );
    }
    const row = await insertClinicHours(tx, h);
    await auditSetting(tx, actor, "clinic_hours_added", { type: "clinic_hours", id: row.id }, { after: h });
    return done;
  });
}

const HOURS_GONE = "Those opening hours were already removed.";
export const openingHoursRowSchema = rowId(HOURS_GONE);

/** Removes a row of opening hours (with none left, the clinic counts as always open). */
export async function removeOpeningHours(
  db: Db,
  actor: Actor,
  { id }: z.output<typeof openingHoursRowSchema>,
): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    const row = await deleteClinicHours(tx, id);
    if (!row) return refuse(HOURS_GONE);
    const before = { weekday: row.weekday, start: row.start, end: row.end };
    await auditSetting(tx, actor, "clinic_hours_removed", { type: "clinic_hours", id: row.id }, { before });
    return done;
  });
}
