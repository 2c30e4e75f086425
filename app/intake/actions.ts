"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clinicZone, getClinicCached } from "@/lib/clinic-settings";
import { emergencyCardIds, getStep, parseCardIds, type StepId } from "@/lib/content";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { controlCharacterErrors } from "@/lib/forms";
import { clientKey } from "@/lib/http";
import { discardDraft, loadDraft, storeDraft } from "@/lib/intake-form/draft";
import { fieldForPath } from "@/lib/intake-form/errors";
import { readStep, reconcileLaterPages } from "@/lib/intake-form/flow";
import {
  CHECKED_STEPS,
  consentGiven,
  earlyAnswers,
  EMERGENCY_KEY,
  emergencyMark,
  emergencySoFar,
  gradeSoFar,
} from "@/lib/intake-form/interrupt";
import type { DraftAnswers, FormState } from "@/lib/intake-form/model";
import { FORM_ONLY, rawFromForm } from "@/lib/intake-form/parse";
import { isQuestionStep, merge, nextStepId, skipOptionalStep, stepContext } from "@/lib/intake-form/steps";
import { grantResultAccess } from "@/lib/intake-form/result-access";
import { checkAnswersHref } from "@/lib/intake-form/return-to";
import { submitIntake } from "@/lib/intakes/submit";
import { checkIntake, hitIntakeLimit } from "@/lib/intakes/check";

const CONTRACT_KEYS = [
  "contact",
  "consent",
  "pain",
  "vascular",
  "legs",
  "cauda",
  "history",
  "inflammatory",
  "running",
  "outlook",
  "function",
];

const isDistanceUnit = (v: unknown): v is "km" | "mi" => v === "km" || v === "mi";

/** "Now" on the clinic's calendar: it decides the patient's age. */
async function clinicClock() {
  const clinic = await getClinicCached(await getDb());
  return { now: new Date(), timeZone: clinicZone(clinic), distanceUnit: clinic?.distanceUnit ?? "km" };
}

/** The answers without the emergency page remembered. */
function withoutEmergencyMark(answers: DraftAnswers): DraftAnswers {
  const formOnly = answers[FORM_ONLY];
  if (!formOnly || typeof formOnly !== "object" || !(EMERGENCY_KEY in formOnly)) return answers;
  const rest: Record<string, unknown> = { ...formOnly };
  delete rest[EMERGENCY_KEY];
  return { ...answers, [FORM_ONLY]: rest };
}

/**
 * Saves one page of the intake (or skips an optional one) and moves on. After a page up to the last
 * safety page, the answers so far are graded as an early submission: an EMERGENCY sends the patient
 * to the emergency page instead of the next page (triage-rules.md, "Early red-flag interrupt").
 */
export async function saveStepAction(stepId: string, _prev: FormState, form: FormData): Promise<FormState> {
  if (!isQuestionStep(stepId)) return { status: "error", values: {}, message: "This page of the form does not exist." };
  const raw = rawFromForm(form);
  const refused = refuseControlCharacters(raw);
  if (refused) return { status: "error", values: raw, fieldErrors: refused };
  const step = getStep(stepId);
  const draft = await loadDraft();
  const done = [...new Set([...draft.completedSteps, stepId])];
  // From "Change" on check your answers: back to the changed row, not the top of the page.
  const after = raw.returnTo === "check" ? checkAnswersHref(raw.returnRow) : `/intake/${nextStepId(stepId)}`;
  // Distances are read in the unit the page asked in (posted with it), even if an admin switched
  // the clinic's unit while the patient was on the page.
  const clock = {
    ...(await clinicClock()),
    ...(isDistanceUnit(raw.distanceUnit) ? { distanceUnit: raw.distanceUnit } : {}),
  };

  if (raw.intent === "skip" && step.optional) {
    await storeDraft({ answers: skipOptionalStep(stepId, draft.answers), completedSteps: done });
    redirect(after);
  }

  const reading = readStep(stepId, stepContext(draft.answers, clock), raw);
  if (reading.kind === "more")
    return { status: "more", values: reading.values, fieldErrors: reading.fieldErrors, added: reading.added };
  if (reading.kind === "invalid") return { status: "error", values: reading.values, fieldErrors: reading.fieldErrors };

  let answers = merge(draft.answers, reading.answers);
  if (reading.formOnly) answers = merge(answers, { [FORM_ONLY]: reading.formOnly });
  const reconciled = reconcileLaterPages(draft.answers, answers, done, clock);
  answers = withoutEmergencyMark(reconciled.answers);

  if (CHECKED_STEPS.includes(stepId)) {
    const emergency = emergencySoFar(answers, clock);
    if (emergency) {
      answers = merge(answers, { [FORM_ONLY]: { [EMERGENCY_KEY]: { page: emergency.page, step: stepId } } });
      await storeDraft({ answers, completedSteps: reconciled.completedSteps });
      redirect("/intake/emergency");
    }
  }
  await storeDraft({ answers, completedSteps: reconciled.completedSteps });
  redirect(after);
}

/**
 * A page's values holding a control character (NUL and the rest of C0: no question page has free
 * text), refused beside their question before anything is saved: the draft is stored as JSON, which
 * cannot hold a NUL. A date's day, month and year and a group's ticks report on the question itself.
 */
function refuseControlCharacters(raw: Record<string, string | string[]>): Record<string, string[]> | undefined {
  const errors = controlCharacterErrors(raw);
  if (!errors) return undefined;
  const byQuestion: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(errors))
    byQuestion[path.replace(/\.(\d+|day|month|year|unknown)$/, "")] = messages;
  return byQuestion;
}

/** The intake rate limit per device, shared by the normal and the early submission. */
async function tooManyIntakes(): Promise<string | null> {
  const config = env();
  const limit = await hitIntakeLimit(await getDb(), {
    clientKey: clientKey(await headers(), config.TRUSTED_PROXIES, config.AUTH_SECRET),
    perMinute: config.RATE_LIMIT_INTAKES_PER_MINUTE,
  });
  return limit.allowed
    ? null
    : `Too many forms have been sent from this device. Please wait ${limit.retryAfterSeconds} seconds and try again.`;
}

/** Checks the whole intake, grades and stores it, forgets the draft and shows the result. */
export async function submitIntakeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const raw = rawFromForm(form);
  const limited = await tooManyIntakes();
  if (limited) return { status: "error", values: raw, message: limited };

  const draft = await loadDraft();
  const candidate: DraftAnswers = Object.fromEntries(
    CONTRACT_KEYS.filter((k) => k in draft.answers).map((k) => [k, draft.answers[k]]),
  );
  candidate.stoppedAt = null; // every page was answered
  const notes = typeof raw.notes === "string" ? raw.notes.trim() : "";
  if (notes) candidate.notes = notes;
  // The two screens are optional: not filled in counts as skipped.
  for (const key of ["outlook", "function"]) if (!(key in candidate)) candidate[key] = null;

  const clock = await clinicClock();
  const checked = checkIntake(candidate, clock);
  if (!checked.ok) {
    const errors = checked.fieldErrors;
    const here: Record<string, string[]> = {};
    const elsewhere: NonNullable<FormState["stepErrors"]> = [];
    for (const [path, messages] of Object.entries(errors)) {
      if (path === "notes") {
        here.notes = messages;
        continue;
      }
      const target = fieldForPath(path) ?? { step: "about-you" as StepId, name: "contact.firstName" };
      if (elsewhere.some((e) => e.step === target.step && e.name === target.name)) continue;
      elsewhere.push({ step: target.step, name: target.name, message: messages[0] ?? "Check this answer" });
    }
    return { status: "error", values: raw, fieldErrors: here, stepErrors: elsewhere };
  }

  const result = await submitIntake(await getDb(), { answers: checked.answers, ...clock });
  if (result.status === "key_conflict") throw new Error("unreachable: no idempotency key");
  await discardDraft();
  await grantResultAccess(result.response.id);
  redirect(`/intake/${result.response.id}/result`);
}

/**
 * "Send my answers to the clinic now" on the emergency page: sends the answers so far at once, with
 * `stoppedAt` = the safety page the emergency page followed and the later sections null. Never
 * refused for its grade: if the answers no longer show an emergency, the engine grades it URGENT (X1).
 */
export async function sendFromEmergencyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const raw = rawFromForm(form);
  const limited = await tooManyIntakes();
  if (limited) return { status: "error", values: raw, message: limited };

  const draft = await loadDraft();
  const clock = await clinicClock();
  const page = emergencyMark(draft.answers)?.page ?? gradeSoFar(draft.answers, clock)?.page;
  // A draft begun before the privacy notice was asked on the first page: the emergency page asks for it.
  const consent = consentGiven(draft.answers) || raw["consent.privacyNotice"] === "yes";
  if (page && !consent) {
    return {
      status: "error",
      values: raw,
      fieldErrors: { "consent.privacyNotice": ["Agree to the privacy notice to send your answers"] },
    };
  }
  const early = page ? { ...earlyAnswers(draft.answers, page), consent: { privacyNotice: true } } : null;
  const checked = early ? checkIntake(early, clock) : null;
  // No answers to send (for example the draft expired, or was sent from another tab): start again.
  if (!checked?.ok) redirect("/intake");

  // The cards the emergency page showed: the result page keeps them at the top even if the grade
  // of the answers sent is no longer an emergency (X1).
  const now = emergencySoFar(draft.answers, clock);
  const seen = parseCardIds(raw.seen).length
    ? parseCardIds(raw.seen)
    : now
      ? emergencyCardIds({
          firedRuleIds: now.grade.firedRules.map((r) => r.id),
          version: now.grade.rulesetVersion,
          answers: now.answers,
          age: now.grade.age,
        })
      : [];
  const result = await submitIntake(await getDb(), { answers: checked.answers, ...clock });
  if (result.status === "key_conflict") throw new Error("unreachable: no idempotency key");
  await discardDraft();
  await grantResultAccess(result.response.id);
  redirect(`/intake/${result.response.id}/result${seen.length ? `?seen=${seen.join(",")}` : ""}`);
}

/** Throws the draft away and goes back to the first page. */
export async function startAgainAction(): Promise<void> {
  await discardDraft();
  redirect("/intake/about-you");
}
