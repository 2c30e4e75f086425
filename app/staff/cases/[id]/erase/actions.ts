"use server";

import { refuse } from "@/lib/forms";
import { ERASE_ROLES, eraseOnRequest, eraseSchema } from "@/lib/privacy/erase";
import { staffAction, type RawInput } from "@/lib/staff/action";

/** The confirmation page to come back to after signing in (the queue when the form names no real case). */
const erasePage = (input: RawInput) =>
  /^[0-9a-f-]{36}$/i.test(input.intakeId ?? "") ? `/staff/cases/${input.intakeId}/erase` : "/staff";

/**
 * Erases the case's patient after the confirmation step (admins only: see ERASE_ROLES). A wrong
 * last name or a reason quoting the patient comes back to the form; done, or done before, goes
 * back to the case, which then shows who erased it, when and why.
 */
export const eraseAction = staffAction(
  { roles: ERASE_ROLES, next: erasePage, schema: eraseSchema },
  async (input, { db, staff, now }) => {
    const answer = await eraseOnRequest(db, staff, input, now);
    if (!answer.ok) return answer;
    const { result } = answer;
    if (result.status === "not_found") return refuse("That case does not exist.");
    if (result.status === "kept") return refuse("The patient's data could not be erased. Try again.");
    const done = result.status === "erased" ? "erased" : "already_erased";
    return { redirect: `/staff/cases/${input.intakeId}?done=${done}`, revalidate: `/staff/cases/${input.intakeId}` };
  },
);
