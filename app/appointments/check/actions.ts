"use server";

import { redirect } from "next/navigation";
import { answerCheck, CHECK_QUESTIONS, checkInput, checkValues, giveTimeBack } from "@/lib/booking/pre-visit";
import { getDb } from "@/lib/db";
import { grantResultAccess } from "@/lib/intake-form/result-access";
import type { CheckFormState } from "./form-model";

const tokenOf = (form: FormData) => (typeof form.get("token") === "string" ? (form.get("token") as string) : "");
const QUESTION_NAMES = new Set(CHECK_QUESTIONS.map((q) => q.name));

/**
 * Answers the pre-visit check. A refusal comes back beside each question; answers that re-graded to
 * advice that cannot wait (go now, or we will call) show that advice, as after the form; otherwise the
 * check's page says what happens next (see you on …, or the offer to give the time back).
 */
export async function answerCheckAction(_prev: CheckFormState, form: FormData): Promise<CheckFormState> {
  const token = tokenOf(form);
  const here = `/appointments/check/${encodeURIComponent(token)}`;
  const values = checkValues((name) => form.get(name));
  const result = await answerCheck(await getDb(), { token, input: checkInput(values), now: new Date() });
  if (result.status === "invalid") {
    const fieldErrors: Record<string, string> = {};
    for (const [key, messages] of Object.entries(result.fieldErrors)) {
      const field = QUESTION_NAMES.has(key) ? key : "form";
      fieldErrors[field] ??=
        field === "form" ? "Some answers do not fit together. Please check them and try again." : messages[0]!;
    }
    return { status: "error", values, fieldErrors };
  }
  if (result.status === "answered" && result.regrade && !result.regrade.canBook) {
    // The new advice (go now, or the clinic will call) on the patient's result page, as after the form.
    await grantResultAccess(result.regrade.intakeId);
    redirect(`/intake/${result.regrade.intakeId}/result`);
  }
  redirect(result.status === "answered" ? `${here}?answered=1` : here);
}

/** "Give this time back": cancels the appointment (before the cut-off); the page then says so. */
export async function giveTimeBackAction(form: FormData): Promise<void> {
  const token = tokenOf(form);
  const result = await giveTimeBack(await getDb(), { token, now: new Date() });
  const here = `/appointments/check/${encodeURIComponent(token)}`;
  redirect(result.status === "too_late" ? `${here}?error=too_late` : here);
}
