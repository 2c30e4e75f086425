"use server";

// Clinical governance actions (issue 22): a clinician's verdict on a grade; triage by hand in the silent pilot.
import { caseFormSchema } from "@/lib/staff/cases";
import { recordVerdict, VERDICT_ROLES, verdictSchema } from "@/lib/governance/verdicts";
import { staffAction, type RawInput } from "@/lib/staff/action";
import { refuse } from "@/lib/forms";
import { HAND_TRIAGE_ROLES, handTriageSchema, recordStaffLevel } from "@/lib/governance/silent";

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

/** Triage by hand (the silent pilot): the level staff would give a silent intake, stored beside its grade. */
export const handTriageAction = staffAction(
  { roles: HAND_TRIAGE_ROLES, next: casePage, schema: caseFormSchema.and(handTriageSchema) },
  async ({ intakeId, staffLevel }, { db, staff, now }) => {
    const result = await recordStaffLevel(db, staff, intakeId, staffLevel, now);
    if (result.status === "not_found") return refuse("That case no longer exists.");
    if (result.status === "not_silent") return refuse("This case was not graded during the silent pilot.");
    if (result.status === "erased") return refuse("The patient's personal data was erased: nothing new is recorded.");
    return {
      redirect: `/staff/cases/${intakeId}?done=${result.resolved ? "staff_level_resolved" : "staff_level"}#hand-triage`,
    };
  },
);
