"use server";

// Clinical governance actions (issue 22): a clinician's verdict on a grade.
import { caseFormSchema } from "@/lib/staff/cases";
import { recordVerdict, VERDICT_ROLES, verdictSchema } from "@/lib/governance/verdicts";
import { staffAction, type RawInput } from "@/lib/staff/action";
import { refuse } from "@/lib/forms";

/** The case page to come back to after signing in (the queue when the form names no real case). */
const casePage = (input: RawInput) =>
  caseFormSchema.safeParse(input).success ? `/staff/cases/${input.intakeId}` : "/staff";

export const verdictAction = staffAction(
  { roles: VERDICT_ROLES, next: casePage, schema: caseFormSchema.and(verdictSchema) },
  async ({ intakeId, ...verdict }, { db, staff, now }) => {
    const result = await recordVerdict(db, staff, intakeId, verdict, now);
    if (result.status === "not_found") return refuse("That case no longer exists.");
    return {
      redirect: `/staff/cases/${intakeId}?done=${result.status === "done" ? "verdict" : "verdict_same"}#verdict`,
    };
  },
);
