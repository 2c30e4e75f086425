"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { getClinicCached } from "@/lib/clinic-settings";
import { STEPS, type StepId } from "@/lib/content";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { fieldErrors } from "@/lib/forms";
import { clientKey } from "@/lib/http";
import { discardDraft, loadDraft, storeDraft } from "@/lib/intake-form/draft";
import { errorsByField, fieldForPath } from "@/lib/intake-form/errors";
import type { DraftAnswers, FormState } from "@/lib/intake-form/model";
import { answersFromRaw, FORM_ONLY, rawFromForm } from "@/lib/intake-form/parse";
import { isQuestionStep, merge, nextStepId, STEP_SPECS } from "@/lib/intake-form/steps";
import { grantResultAccess } from "@/lib/intake-form/result-access";
import { submitIntake } from "@/lib/intakes/submit";
import { makeIntakeAnswersSchema } from "@/lib/triage";

const CONTRACT_KEYS = ["contact", "pain", "legs", "cauda", "history", "vascular", "inflammatory", "running", "outlook", "function"];

/** Saves one page of the intake (or skips an optional one) and moves on. */
export async function saveStepAction(stepId: string, _prev: FormState, form: FormData): Promise<FormState> {
  if (!isQuestionStep(stepId)) return { status: "error", values: {}, message: "This page of the form does not exist." };
  const raw = rawFromForm(form);
  const spec = STEP_SPECS[stepId];
  const step = STEPS.find((s) => s.id === stepId)!;
  const draft = await loadDraft();
  const done = [...new Set([...draft.completedSteps, stepId])];
  const after = raw.returnTo === "check" ? "check-answers" : nextStepId(stepId);

  if (raw.intent === "skip" && step.optional) {
    const section = stepId === "recovery-outlook" ? "outlook" : "function";
    await storeDraft({ answers: { ...draft.answers, [section]: null }, completedSteps: done });
    redirect(`/intake/${after}`);
  }

  const fields = spec.fields(draft.answers);
  const read = answersFromRaw(fields, raw);
  const normalized = spec.normalize ? spec.normalize(read, draft.answers) : read;
  const { [FORM_ONLY]: formOnly, ...answers } = normalized;
  const timeZone = (await getClinicCached(await getDb()))?.timeZone ?? "UTC";
  const parsed = spec.schema(timeZone).safeParse(answers);
  if (!parsed.success) {
    return { status: "error", values: raw, fieldErrors: errorsByField(fieldErrors(parsed.error)) };
  }
  const merged = merge(draft.answers, parsed.data as DraftAnswers);
  await storeDraft({ answers: formOnly ? merge(merged, { [FORM_ONLY]: formOnly }) : merged, completedSteps: done });
  redirect(`/intake/${after}`);
}

/** Checks the whole intake, grades and stores it, forgets the draft and shows the result. */
export async function submitIntakeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const raw = rawFromForm(form);
  const config = env();
  const db = await getDb();
  const limit = await hitRateLimit(db, {
    bucket: `intakes:${clientKey(await headers(), config.TRUSTED_PROXIES, config.AUTH_SECRET)}`,
    limit: config.RATE_LIMIT_INTAKES_PER_MINUTE,
  });
  if (!limit.allowed) {
    return { status: "error", values: raw, message: `Too many forms have been sent from this device. Please wait ${limit.retryAfterSeconds} seconds and try again.` };
  }

  const draft = await loadDraft();
  const candidate: DraftAnswers = Object.fromEntries(CONTRACT_KEYS.filter((k) => k in draft.answers).map((k) => [k, draft.answers[k]]));
  candidate.consent = { privacyNotice: raw["consent.privacyNotice"] === "yes" ? true : undefined };
  const notes = typeof raw.notes === "string" ? raw.notes.trim() : "";
  if (notes) candidate.notes = notes;
  // The two screens are optional: not filled in counts as skipped.
  for (const key of ["outlook", "function"]) if (!(key in candidate)) candidate[key] = null;

  const timeZone = (await getClinicCached(db))?.timeZone ?? "UTC";
  const now = new Date();
  const parsed = makeIntakeAnswersSchema({ now, timeZone }).safeParse(candidate);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    const here: Record<string, string[]> = {};
    const elsewhere: NonNullable<FormState["stepErrors"]> = [];
    for (const [path, messages] of Object.entries(errors)) {
      if (path === "notes" || path.startsWith("consent")) {
        here[path === "consent" ? "consent.privacyNotice" : path] = messages;
        continue;
      }
      const target = fieldForPath(path) ?? { step: "about-you" as StepId, name: path };
      elsewhere.push({ step: target.step, name: target.name, message: messages[0] ?? "Check this answer" });
    }
    return { status: "error", values: raw, fieldErrors: here, stepErrors: elsewhere };
  }

  const result = await submitIntake(db, { answers: parsed.data, now, timeZone });
  if (result.status === "key_conflict") throw new Error("unreachable: no idempotency key");
  await discardDraft();
  await grantResultAccess(result.response.id);
  redirect(`/intake/${result.response.id}/result`);
}

/** Throws the draft away and goes back to the first page. */
export async function startAgainAction(): Promise<void> {
  await discardDraft();
  redirect("/intake/about-you");
}
