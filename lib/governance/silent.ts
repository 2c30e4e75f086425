// The silent pilot (issue 22, item 3; triage-rules.md "Monitoring and go-live"): before grades are
// shown to patients, the engine grades every intake and stores the grade, staff see it, but the
// patient sees only a neutral thank-you, books without limits by grade, and staff triage every
// intake by hand. The triage audit then compares the engine's grade with the staff's level.
import { z } from "zod";
import { LEVELS, type Level, type StaffRole } from "@/common/vocabulary";
import type { Clinic } from "@/db/schema";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { acknowledgeIntake, resolveIntake } from "@/db/queries/cases";
import {
  getHandTriageForUpdate,
  getSilentPilotForUpdate,
  setSilentPilotSince,
  setStaffLevel,
} from "@/db/queries/silent-pilot";
import { forgetCached } from "@/lib/cache";
import { ESCALATING_LEVELS } from "@/lib/escalation";
import { queueCaseResolved } from "@/lib/notifications/queue";
import type { Actor } from "@/lib/staff/cases";
import { auditSetting, checkbox, refuse, settingsChange, type SettingsResult } from "@/lib/staff/settings-fields";

/** Why a silent intake below URGENT is on the staff queue: nobody told the patient, so staff call. */
export const SILENT_PILOT_REASON = "silent_pilot";

/** Whether the clinic runs the silent pilot now (its settings row, e.g. from the settings cache). */
export function silentPilotOn(clinic: Pick<Clinic, "silentPilotSince"> | null | undefined): boolean {
  return !!clinic?.silentPilotSince;
}

/** The switch: on or off, and the admin's "I understand" (it changes what every patient sees). */
export const silentPilotSchema = z
  .object({ on: z.enum(["on", "off"], { error: "Choose on or off" }), confirm: checkbox })
  .refine((v) => v.confirm, { path: ["confirm"], error: "Tick the box to confirm you understand what this changes" });

/** Switches the silent pilot on or off, audited (silent_pilot_started / silent_pilot_ended). */
export function switchSilentPilot(
  db: Db,
  actor: Actor,
  { on }: z.output<typeof silentPilotSchema>,
  now: Date,
): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    const since = await getSilentPilotForUpdate(tx);
    if (since === undefined) return refuse("Set up the clinic's details and policies first.");
    if ((on === "on") === (since !== null)) return; // already so: nothing to record
    await setSilentPilotSince(tx, { since: on === "on" ? now : null, now });
    await auditSetting(
      tx,
      actor,
      on === "on" ? "silent_pilot_started" : "silent_pilot_ended",
      { type: "clinic", id: "1" },
      {
        before: { silentPilotSince: since?.toISOString() ?? null },
        after: { silentPilotSince: on === "on" ? now.toISOString() : null },
      },
    );
  });
}

/** Who may triage a silent intake by hand: the people who may change a level. */
export const HAND_TRIAGE_ROLES: readonly StaffRole[] = ["clinician", "admin"];

export const handTriageSchema = z.object({ staffLevel: z.enum(LEVELS, { error: "Choose the level you would give" }) });

export type HandTriageResult =
  { status: "done"; resolved: boolean } | { status: "not_found" } | { status: "not_silent" } | { status: "erased" };

/**
 * Records the level staff gave a silent intake by hand (the engine's grade is never changed) and
 * acknowledges the case. A case on the queue only for the pilot leaves it (resolved) unless staff
 * judged it URGENT or EMERGENCY: then it stays open for the call (a level change acts on it as usual).
 */
export async function recordStaffLevel(
  db: Db,
  actor: Actor,
  intakeId: string,
  staffLevel: Level,
  now: Date,
): Promise<HandTriageResult> {
  if (!z.uuid().safeParse(intakeId).success) return { status: "not_found" };
  const result = await db.transaction(async (tx): Promise<HandTriageResult> => {
    const c = await getHandTriageForUpdate(tx, intakeId);
    if (!c) return { status: "not_found" };
    if (!c.silent) return { status: "not_silent" };
    if (c.erasedAt) return { status: "erased" };
    await setStaffLevel(tx, { intakeId, level: staffLevel, by: actor.id, at: now });
    const acknowledged = !c.acknowledgedAt && (await acknowledgeIntake(tx, { intakeId, by: actor.id, at: now }));
    const resolve =
      c.escalationReason === SILENT_PILOT_REASON &&
      !c.resolvedAt &&
      !ESCALATING_LEVELS.has(staffLevel) &&
      !ESCALATING_LEVELS.has(c.effectiveLevel);
    const resolved = resolve && (await resolveIntake(tx, { intakeId, by: actor.id, at: now }));
    await recordAudit(tx, {
      actor: { id: actor.id, email: actor.email },
      action: "staff_level_recorded",
      subjectType: "intake",
      subjectId: intakeId,
      clientAddress: actor.clientAddress,
      before: { staffLevel: c.staffLevel },
      after: { staffLevel, level: c.level, acknowledged, resolved },
    });
    if (resolved) await queueCaseResolved(tx, { intakeId, level: c.effectiveLevel, now });
    return { status: "done", resolved };
  });
  // The triage audit page's comparison shows this level at once (lib/governance/audit.ts).
  if (result.status === "done") forgetCached("audit", db);
  return result;
}

/**
 * Whether the patient is shown their grade. Outside the pilot, always. In it, only an EMERGENCY
 * (emergency advice is never hidden: the red-flag interrupt showed it already) or a level a
 * clinician changed (the clinic's own advice); otherwise the neutral thank-you.
 */
export function patientSeesGrade(i: {
  silent?: boolean | null;
  level: string;
  effectiveLevel?: string | null;
  overrideLevel?: string | null;
}): boolean {
  if (!i.silent) return true;
  if ((i.effectiveLevel ?? i.level) === "EMERGENCY") return true;
  return i.overrideLevel != null && i.overrideLevel !== i.level;
}
