"use server";

import { refuse, type Refusal } from "@/lib/forms";
import { staffAction, type Outcome, type RawInput } from "@/lib/staff/action";
import {
  MERGE_ROLES,
  mergePatients,
  mergeSchema,
  undoMergeSchema,
  undoPatientMerge,
  type MergeResult,
} from "@/lib/staff/patients";

// Merging patient records: clinicians and admins; back to the survivor's page with a note (?done=).

/** The patient page to come back to after signing in (the search when the form names no patient). */
const patientPage = (input: RawInput) =>
  /^[0-9a-f-]{36}$/i.test(input.patientId ?? "") ? `/staff/patients/${input.patientId}` : "/staff/patients";

const onMerge = (patientId: string, result: MergeResult, done: string): Outcome | Refusal =>
  result.status === "done"
    ? { redirect: `/staff/patients/${patientId}?done=${done}` }
    : result.status === "not_found"
      ? refuse("That record or merge no longer exists. Reload the page.")
      : refuse(result.message);

export const mergePatientAction = staffAction(
  { roles: MERGE_ROLES, next: patientPage, schema: mergeSchema },
  async (merge, { db, staff, now }) => onMerge(merge.survivorId, await mergePatients(db, staff, merge, now), "merged"),
);

export const undoMergeAction = staffAction(
  { roles: MERGE_ROLES, next: patientPage, schema: undoMergeSchema },
  async ({ patientId, mergeId, reason }, { db, staff, now }) =>
    onMerge(patientId, await undoPatientMerge(db, staff, { survivorId: patientId, mergeId, reason }, now), "unmerged"),
);
