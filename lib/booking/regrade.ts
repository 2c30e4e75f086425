import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { getIntake } from "@/db/queries/intakes";
import { cancelAppointmentEmails } from "@/db/queries/outbox";
import { getClinicZone } from "@/lib/clinic-settings";
import { fieldErrors } from "@/lib/forms";
import { submitIntake } from "@/lib/intakes/submit";
import {
  CAUDA_ITEMS,
  caudaReported,
  caudaShape,
  legsShape,
  makeIntakeAnswersSchema,
  painShape,
  RULESET_VERSION,
  type IntakeAnswers,
  type Level,
} from "@/lib/triage";
import { eligibilityFor } from "./eligibility";
import { findByManageToken } from "./manage";
import { forgetCached } from "@/lib/cache";

/** The answers a patient gives again before moving an appointment when something got worse. */
export const recheckSchema = z.strictObject({
  cauda: z.strictObject({
    saddleNumbness: caudaShape.saddleNumbness,
    bladderChange: caudaShape.bladderChange,
    bowelChange: caudaShape.bowelChange,
    sexualFunctionChange: caudaShape.sexualFunctionChange,
  }),
  legs: z.strictObject({ weakness: legsShape.weakness, difficultyWalking: legsShape.difficultyWalking }),
  pain: z.strictObject({ intensity: painShape.intensity, pattern: painShape.pattern }),
});

export type Recheck = z.output<typeof recheckSchema>;

export type RegradeResult =
  | { status: "not_found" }
  /** Graded under an older contract: the recheck cannot fill in the questions added since; the whole form is needed. */
  | { status: "refill" }
  | { status: "invalid"; fieldErrors: Record<string, string[]> }
  | { status: "graded"; intakeId: string; level: Level; canBook: boolean };

/**
 * "Something got worse": the red-flag questions are asked again and the intake is graded anew.
 * The new grade is a new intake linked to the first (the first is never changed); it may
 * escalate (EMERGENCY/URGENT go to staff) or narrow what can be booked (SOON: 7 days).
 */
export async function regradeBeforeReschedule(
  db: Db,
  { token, recheck, now }: { token: string; recheck: unknown; now: Date },
): Promise<RegradeResult> {
  const appointment = await findByManageToken(db, token, now);
  if (!appointment) return { status: "not_found" };
  return regradeAppointment(db, { appointment, recheck, now, via: "manage_link" });
}

/**
 * Re-grades an intake from the recheck's answers (the manage link's "has anything got worse?", the
 * pre-visit check, a recovery check-in): a new intake linked to it, graded, escalated and emailed as
 * at intake (submitIntake). The first intake is never changed.
 */
export async function regradeIntake(
  db: Db,
  { intakeId, recheck, now }: { intakeId: string; recheck: unknown; now: Date },
): Promise<RegradeResult> {
  const intake = await getIntake(db, intakeId);
  if (!intake) return { status: "not_found" };
  const parsed = recheckSchema.safeParse(recheck);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrors(parsed.error) };
  if (intake.rulesetVersion !== RULESET_VERSION) return { status: "refill" };
  const answers = applyRecheck(intake.answers as IntakeAnswers, parsed.data);
  const timeZone = await getClinicZone(db);
  const valid = makeIntakeAnswersSchema({ now, timeZone }).safeParse(answers);
  if (!valid.success) return { status: "invalid", fieldErrors: fieldErrors(valid.error) };
  const result = await submitIntake(db, { answers: valid.data, now, timeZone, previousIntakeId: intake.id });
  if (result.status === "key_conflict") throw new Error("unreachable: no idempotency key");
  forgetCached("calendar", db); // an appointment's level is its newest re-grade's
  const level = result.response.level;
  const firedRules = result.response.firedRules.map((r) => r.id);
  return {
    status: "graded",
    intakeId: result.response.id,
    level,
    canBook: eligibilityFor({ level, firedRules }).canSelfBook,
  };
}

/**
 * Re-grades the intake of a booked appointment (regradeIntake). The appointment stays booked; when
 * the new level is EMERGENCY or URGENT its reminder is withdrawn (audited, `via` the page that asked).
 */
export async function regradeAppointment(
  db: Db,
  {
    appointment,
    recheck,
    now,
    via,
  }: {
    appointment: { id: string; intakeId: string };
    recheck: unknown;
    now: Date;
    via: "manage_link" | "pre_visit_check";
  },
): Promise<RegradeResult> {
  const result = await regradeIntake(db, { intakeId: appointment.intakeId, recheck, now });
  if (result.status !== "graded") return result;
  const { level } = result;
  // Escalated: the appointment stays booked (staff see it on the new case and the clinic calls),
  // but its "see you tomorrow" reminder, with its link to move the time, would now mislead: withdrawn.
  if (level === "EMERGENCY" || level === "URGENT")
    await db.transaction(async (tx) => {
      const withdrawn = await cancelAppointmentEmails(tx, {
        appointmentId: appointment.id,
        kinds: ["appointment_reminder"],
      });
      if (withdrawn)
        await recordAudit(tx, {
          actor: null,
          action: "appointment_reminder_withdrawn",
          subjectType: "appointment",
          subjectId: appointment.id,
          after: { via, regradeIntakeId: result.intakeId, level },
        });
    });
  return result;
}

/**
 * The first intake's answers with the recheck applied. The patient has just said something got
 * worse, so a symptom they report now that they did not report before started today (onset 0), and
 * every leg, arm, hand and nerve-check trend is "getting worse". A new change in walking whose kind
 * was not asked is "not sure", which grades as every kind (principle 1). Nothing is read as "no".
 */
export function applyRecheck(before: IntakeAnswers, recheck: Recheck): IntakeAnswers {
  if (before.legs === null || before.cauda === null) return before; // an early submission: no appointment to move
  const cauda = { ...before.cauda, ...recheck.cauda, onsetDays: { ...before.cauda.onsetDays } };
  for (const item of CAUDA_ITEMS) {
    if (!caudaReported(cauda[item])) cauda.onsetDays[item] = null;
    else if (!caudaReported(before.cauda[item])) cauda.onsetDays[item] = 0;
  }
  cauda.worsening = CAUDA_ITEMS.some((item) => caudaReported(cauda[item])) ? true : null;

  const legs = { ...before.legs, ...recheck.legs, onsetDays: { ...before.legs.onsetDays } };
  if (legs.weakness === "none") legs.onsetDays.weakness = null;
  else if (before.legs.weakness === "none") legs.onsetDays.weakness = 0;
  if (!legs.difficultyWalking) {
    legs.walkingKinds = null;
    legs.onsetDays.walking = null;
  } else if (!before.legs.difficultyWalking) {
    legs.walkingKinds = ["unsure"];
    legs.onsetDays.walking = 0;
  }
  const anySymptom =
    legs.legPain !== "none" ||
    legs.numbnessOrTingling ||
    legs.weakness !== "none" ||
    legs.difficultyWalking ||
    legs.armOrHandSymptoms;
  legs.worsening = anySymptom ? true : null;
  return { ...before, legs, cauda, pain: { ...before.pain, ...recheck.pain } };
}
