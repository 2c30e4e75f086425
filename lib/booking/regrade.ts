import { z } from "zod";
import type { Db } from "@/db/client";
import { getIntake } from "@/db/queries/intakes";
import { getClinicCached } from "@/lib/clinic-settings";
import { fieldErrors } from "@/lib/forms";
import { submitIntake } from "@/lib/intakes/submit";
import { caudaSchema, legsSchema, makeIntakeAnswersSchema, painSchema, type IntakeAnswers, type Level } from "@/lib/triage";
import { eligibilityFor } from "./eligibility";
import { findByManageToken } from "./manage";

/** The answers a patient gives again before moving an appointment when something got worse. */
export const recheckSchema = z.strictObject({
  // caudaSchema has a cross-field check, so its question schemas are taken one by one.
  cauda: z.strictObject({
    saddleNumbness: caudaSchema.shape.saddleNumbness,
    bladderChange: caudaSchema.shape.bladderChange,
    bowelChange: caudaSchema.shape.bowelChange,
    sexualFunctionChange: caudaSchema.shape.sexualFunctionChange,
  }),
  legs: legsSchema.pick({ weakness: true, difficultyWalking: true }),
  pain: painSchema.pick({ intensity: true, pattern: true }),
});

export type Recheck = z.output<typeof recheckSchema>;

export type RegradeResult =
  | { status: "not_found" }
  | { status: "invalid"; fieldErrors: Record<string, string[]> }
  | { status: "graded"; intakeId: string; level: Level; canBook: boolean };

/**
 * "Something got worse": the red-flag questions are asked again and the intake is graded anew.
 * The new grade is a new intake linked to the first (the first is never changed); it may
 * escalate (EMERGENCY/URGENT go to staff) or narrow what can be booked (SOON: 7 days).
 */
export async function regradeBeforeReschedule(db: Db, { token, recheck, now }: { token: string; recheck: unknown; now: Date }): Promise<RegradeResult> {
  const appointment = await findByManageToken(db, token, now);
  const intake = appointment ? await getIntake(db, appointment.intakeId) : null;
  if (!appointment || !intake) return { status: "not_found" };
  const parsed = recheckSchema.safeParse(recheck);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const before = intake.answers as IntakeAnswers;
  const cauda = { ...before.cauda, ...parsed.data.cauda };
  const anyYes = [cauda.saddleNumbness, cauda.bladderChange, cauda.bowelChange, cauda.sexualFunctionChange].some((a) => a !== "no");
  // New nerve symptoms count as recent and worsening (the patient just said things got worse).
  const newNerveSymptoms = anyYes && before.cauda.symptomOnsetDays === null;
  const answers = {
    ...before,
    cauda: anyYes
      ? { ...cauda, symptomOnsetDays: newNerveSymptoms ? null : cauda.symptomOnsetDays, worsening: true }
      : { ...cauda, symptomOnsetDays: null, worsening: null },
    legs: { ...before.legs, ...parsed.data.legs },
    pain: { ...before.pain, ...parsed.data.pain },
  };
  const timeZone = (await getClinicCached(db))?.timeZone ?? "UTC";
  const valid = makeIntakeAnswersSchema({ now, timeZone }).safeParse(answers);
  if (!valid.success) return { status: "invalid", fieldErrors: fieldErrors(valid.error) };
  const result = await submitIntake(db, { answers: valid.data, now, timeZone, previousIntakeId: intake.id });
  if (result.status === "key_conflict") throw new Error("unreachable: no idempotency key");
  const level = result.response.level;
  return { status: "graded", intakeId: result.response.id, level, canBook: eligibilityFor(level).canSelfBook };
}
