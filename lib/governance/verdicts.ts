// A clinician's verdict on a grade (issue 22, item 1): once they know, was the grade right, or
// should it have been higher or lower, and (optionally) the working diagnosis. Clinicians and
// admins only; audited; a new verdict supersedes the current one, which stays as history.
import { z } from "zod";
import {
  GRADE_VERDICTS,
  WORKING_DIAGNOSES,
  type GradeVerdict,
  type StaffRole,
  type WorkingDiagnosis,
} from "@/common/vocabulary";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { insertVerdict, supersedeVerdict } from "@/db/queries/governance";
import { getIntake } from "@/db/queries/intakes";
import { forgetCached } from "@/lib/cache";
import type { Actor } from "@/lib/staff/cases";

/** Who may record a verdict: the people who can judge a grade. */
export const VERDICT_ROLES: readonly StaffRole[] = ["clinician", "admin"];

/** The verdicts as staff read them. */
export const VERDICT_NAMES: Readonly<Record<GradeVerdict, string>> = {
  right: "The grade was right",
  higher: "It should have been higher",
  lower: "It should have been lower",
};

/** The working diagnoses as staff read them. */
export const DIAGNOSIS_NAMES: Readonly<Record<WorkingDiagnosis, string>> = {
  cauda_equina: "Cauda equina syndrome",
  cord_compression: "Spinal cord compression",
  infection: "Spinal infection",
  fracture: "Fracture",
  cancer: "Cancer",
  vascular: "Vascular (for example aortic aneurysm)",
  inflammatory: "Inflammatory back pain",
  radicular: "Radicular pain (sciatica)",
  non_specific: "Non-specific back pain",
  other: "Other",
};

export const verdictSchema = z
  .object({
    verdict: z.enum(GRADE_VERDICTS, { error: "Choose whether the grade was right" }),
    diagnosis: z.preprocess(
      (v) => (v === "" || v === undefined || v === null ? null : v),
      z.enum(WORKING_DIAGNOSES, { error: "Choose a diagnosis from the list" }).nullable(),
    ),
    diagnosisText: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? null : v),
      z
        .string()
        .trim()
        .max(500, { error: "Keep it under 500 characters" })
        .regex(/^[^\p{Cc}]*$/u, { error: "Remove the control characters" })
        .nullable()
        .optional(),
    ),
  })
  .refine((v) => v.diagnosis !== "other" || !!v.diagnosisText, {
    path: ["diagnosisText"],
    error: "Say what the diagnosis is",
  });

export type VerdictInput = z.output<typeof verdictSchema>;

export type VerdictResult = { status: "done" } | { status: "not_found" } | { status: "unchanged" };

/** Records a verdict (superseding the current one), audited with what it replaced. */
export async function recordVerdict(
  db: Db,
  actor: Actor,
  intakeId: string,
  input: VerdictInput,
  now: Date,
): Promise<VerdictResult> {
  if (!z.uuid().safeParse(intakeId).success) return { status: "not_found" };
  return db
    .transaction(async (tx): Promise<VerdictResult> => {
      const intake = await getIntake(tx, intakeId);
      if (!intake) return { status: "not_found" };
      const diagnosisText = input.diagnosisText ?? null;
      const before = await supersedeVerdict(tx, { intakeId, at: now });
      if (
        before &&
        before.verdict === input.verdict &&
        before.diagnosis === input.diagnosis &&
        before.diagnosisText === diagnosisText
      )
        throw new Unchanged();
      await insertVerdict(tx, {
        intakeId,
        verdict: input.verdict,
        diagnosis: input.diagnosis,
        diagnosisText,
        recordedBy: actor.id,
        recordedAt: now,
      });
      await recordAudit(tx, {
        actor: { id: actor.id, email: actor.email },
        action: before ? "grade_verdict_changed" : "grade_verdict_recorded",
        subjectType: "intake",
        subjectId: intakeId,
        before: before ? { verdict: before.verdict, diagnosis: before.diagnosis } : null,
        // The free text stays out of the audit trail (it may name the patient); it is in the history.
        after: { verdict: input.verdict, diagnosis: input.diagnosis, level: intake.level, rules: intake.firedRules },
        clientAddress: actor.clientAddress,
      });
      return { status: "done" };
    })
    .then((result) => {
      // The triage audit page shows this verdict at once (lib/governance/audit.ts readTriageAuditForPage).
      if (result.status === "done") forgetCached("audit", db);
      return result;
    })
    .catch((error: unknown): VerdictResult => {
      if (error instanceof Unchanged) return { status: "unchanged" };
      throw error;
    });
}

/** Rolls the transaction back when the verdict is the same as the current one (nothing to record). */
class Unchanged extends Error {}
