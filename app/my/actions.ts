"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getRecovery, latestEpisodeRoot, listEpisodeIntakes } from "@/db/queries/recovery";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { clientKey } from "@/lib/http";
import { canSeeResult, grantResultAccess, RESULT_COOKIE } from "@/lib/intake-form/result-access";
import { getIntake } from "@/db/queries/intakes";
import {
  ACTIVITIES,
  checkinFieldErrors,
  checkinInput,
  checkinQuestions,
  checkinValues,
  MAX_ACTIVITIES,
} from "@/lib/outcomes";
import { WARNING_SIGNS } from "@/lib/programme";
import { answerCheckin } from "@/lib/recovery/checkin";
import { openMyBack } from "@/lib/recovery/links";
import { chooseActivities, requestMyBackLink, restartEmails, stopEmails } from "@/lib/recovery/my-back";
import { answerPlanCheckin, planAccess, startPlan } from "@/lib/recovery/run-plan";
import { formErrors, type QuestionFormState } from "./form-model";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v.trim().slice(0, 200) : "";
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const home = (token: string) => `/my/${encodeURIComponent(token)}`;

/** The patient a form's token opens, or a redirect to the page that says why not. */
async function patientOf(form: FormData): Promise<{ token: string; patientId: string }> {
  const token = text(form, "token");
  const access = await openMyBack(await getDb(), token, new Date());
  if (access.status !== "ok") redirect(home(token));
  return { token, patientId: access.patientId };
}

async function episodeOf(patientId: string) {
  const db = await getDb();
  const root = await latestEpisodeRoot(db, patientId);
  if (!root) return null;
  const [latest] = await listEpisodeIntakes(db, root);
  return { db, root, latest: latest ?? root, recovery: await getRecovery(db, root.id) };
}

// ---------------------------------------------------------------------------------------------
// A new link

const requestSchema = z.object({
  email: z.email({ error: "Enter the email address you gave us, like name@example.com" }).max(254),
  dateOfBirth: z.iso.date({ error: "Enter your date of birth" }),
});

export type RequestLinkState = {
  status: "idle" | "error" | "sent" | "rate_limited";
  values: { email: string; day: string; month: string; year: string };
  fieldErrors?: Record<string, string>;
};

/** "Send me a new link": the same calm answer whether or not the details match a patient. */
export async function requestLinkAction(_prev: RequestLinkState, form: FormData): Promise<RequestLinkState> {
  const values = {
    email: text(form, "email"),
    day: text(form, "day").slice(0, 2),
    month: text(form, "month").slice(0, 2),
    year: text(form, "year").slice(0, 4),
  };
  const date =
    /^\d{1,2}$/.test(values.day) && /^\d{1,2}$/.test(values.month) && /^\d{4}$/.test(values.year)
      ? `${values.year}-${values.month.padStart(2, "0")}-${values.day.padStart(2, "0")}`
      : "";
  const parsed = requestSchema.safeParse({ email: values.email, dateOfBirth: date });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { status: "error", values, fieldErrors };
  }
  const config = env();
  const result = await requestMyBackLink(await getDb(), {
    ...parsed.data,
    client: clientKey(await headers(), config.TRUSTED_PROXIES, config.AUTH_SECRET),
    now: new Date(),
  });
  return {
    status: result.status,
    values: result.status === "sent" ? { email: "", day: "", month: "", year: "" } : values,
  };
}

// ---------------------------------------------------------------------------------------------
// The activities to track

export async function chooseActivitiesAction(_prev: QuestionFormState, form: FormData): Promise<QuestionFormState> {
  const { token, patientId } = await patientOf(form);
  const outcome = await saveActivities(form, patientId);
  if (outcome) return outcome;
  redirect(`${home(token)}?done=activities#progress`);
}

/** Saves the picked activities' ratings for the patient's episode; the refused form's state, or null when saved. */
async function saveActivities(form: FormData, patientId: string): Promise<QuestionFormState | null> {
  // The activities picked on the page before (a hidden field, comma-separated).
  const chosen = text(form, "picked").split(",").filter(Boolean).slice(0, ACTIVITIES.length);
  const values: Record<string, string> = { activities: chosen.join(",") };
  for (const a of ACTIVITIES) values[`rating.${a.id}`] = text(form, `rating.${a.id}`).slice(0, 2);
  if (chosen.length === 0) return { status: "error", values, fieldErrors: { form: "Choose at least one activity" } };
  if (chosen.length > MAX_ACTIVITIES)
    return { status: "error", values, fieldErrors: { form: `Choose up to ${MAX_ACTIVITIES} activities` } };
  const input = chosen.map((id) => {
    const r = values[`rating.${id}`];
    return { id, rating: r && /^\d{1,2}$/.test(r) ? Number(r) : undefined };
  });
  const result = await chooseActivities(await getDb(), { patientId, input, now: new Date() });
  if (result.status === "invalid") {
    const fieldErrors: Record<string, string> = {};
    for (const [path, messages] of Object.entries(result.fieldErrors)) {
      const m = /^(\d+)\./.exec(path);
      const id = m ? chosen[Number(m[1])] : undefined;
      fieldErrors[id ? `rating.${id}` : "form"] ??= messages[0]!;
    }
    return { status: "error", values, fieldErrors };
  }
  return null;
}

/**
 * The same choice straight after the form, from the result page (`/intake/<id>/track`): allowed to
 * the patient who can see that result (its cookie, or its private key), for their episode.
 */
export async function chooseActivitiesAfterResultAction(
  _prev: QuestionFormState,
  form: FormData,
): Promise<QuestionFormState> {
  const intakeId = text(form, "intake");
  const key = text(form, "key") || undefined;
  const result = `/intake/${encodeURIComponent(intakeId)}/result${key ? `?key=${encodeURIComponent(key)}` : ""}`;
  if (!UUID.test(intakeId) || !canSeeResult(intakeId, (await cookies()).get(RESULT_COOKIE)?.value, key)) redirect("/");
  const intake = await getIntake(await getDb(), intakeId);
  if (!intake || intake.erasedAt) redirect("/");
  const outcome = await saveActivities(form, intake.patientId);
  if (outcome) return outcome;
  redirect(`${result}${key ? "&" : "?"}tracked=1#track`);
}

// ---------------------------------------------------------------------------------------------
// The recovery check-in

export async function checkinAction(_prev: QuestionFormState, form: FormData): Promise<QuestionFormState> {
  const { token, patientId } = await patientOf(form);
  const episode = await episodeOf(patientId);
  if (!episode) redirect(home(token));
  const activityIds = ((episode.recovery?.activities as { id: string }[] | null) ?? []).map((a) => a.id);
  const values = checkinValues((name) => form.get(name), activityIds);
  const result = await answerCheckin(episode.db, {
    patientId,
    checkinId: text(form, "checkin"),
    input: checkinInput(values, activityIds),
    now: new Date(),
  });
  if (result.status === "invalid") {
    const names = new Set(checkinQuestions(activityIds).map((q) => q.name));
    return {
      status: "error",
      values,
      fieldErrors: formErrors(checkinFieldErrors(result.fieldErrors, activityIds), names),
    };
  }
  if (result.status === "answered" && result.regrade && !result.regrade.canBook) {
    // The new advice (go now, or the clinic will call) on the patient's result page, as after the form.
    await grantResultAccess(result.regrade.intakeId);
    redirect(`/intake/${result.regrade.intakeId}/result`);
  }
  if (result.status === "answered")
    redirect(
      `${home(token)}/check-in?answered=1${result.refill ? "&refill=1" : ""}${result.regrade ? "&regraded=1" : ""}`,
    );
  redirect(`${home(token)}/check-in`);
}

// ---------------------------------------------------------------------------------------------
// The running plan

export async function startPlanAction(form: FormData): Promise<void> {
  const { token, patientId } = await patientOf(form);
  const episode = await episodeOf(patientId);
  if (!episode || !planAccess(episode.root, episode.latest, episode.recovery).open) redirect(`${home(token)}/plan`);
  await startPlan(episode.db, { root: episode.root, patientId, now: new Date() });
  redirect(`${home(token)}/plan?started=1`);
}

/** The plan's weekly questions' names (the form's, as the schema's paths). */
const PLAN_NAMES = new Set(["painDuring", "painNextMorning", "painWent", "goalDone", "warningSigns"]);

export async function planCheckinAction(_prev: QuestionFormState, form: FormData): Promise<QuestionFormState> {
  const { token, patientId } = await patientOf(form);
  const episode = await episodeOf(patientId);
  if (!episode) redirect(home(token));
  const signs = form
    .getAll("warningSigns")
    .filter((v): v is string => typeof v === "string")
    .slice(0, WARNING_SIGNS.length + 1);
  const values: Record<string, string> = {
    painDuring: text(form, "painDuring").slice(0, 2),
    painNextMorning: text(form, "painNextMorning").slice(0, 2),
    painWent: text(form, "painWent").slice(0, 40),
    goalDone: text(form, "goalDone").slice(0, 3),
    warningSigns: signs.join(","),
  };
  const number = (v: string) => (/^\d{1,2}$/.test(v) ? Number(v) : v || undefined);
  const input = {
    painDuring: number(values.painDuring!),
    painNextMorning: number(values.painNextMorning!),
    painWent: values.painWent || undefined,
    goalDone: values.goalDone === "yes" ? true : values.goalDone === "no" ? false : values.goalDone || undefined,
    warningSigns: signs.filter((s) => s !== "none"),
  };
  if (signs.length === 0)
    return {
      status: "error",
      values,
      fieldErrors: { warningSigns: "Tick any of these you have noticed, or tick None of these" },
    };
  const seen = Number(text(form, "seen"));
  const result = await answerPlanCheckin(episode.db, {
    root: episode.root,
    latestIntakeId: episode.latest.id,
    patientId,
    seen: Number.isInteger(seen) ? seen : -1,
    input,
    now: new Date(),
  });
  if (result.status === "invalid")
    return {
      status: "error",
      values,
      fieldErrors: formErrors(result.fieldErrors, PLAN_NAMES, (path) => path.split(".")[0]!),
    };
  redirect(`${home(token)}/plan${result.status === "decided" ? "?checked=1" : ""}#this-week`);
}

// ---------------------------------------------------------------------------------------------
// Emails

export async function stopEmailsAction(form: FormData): Promise<void> {
  const { token, patientId } = await patientOf(form);
  await stopEmails(await getDb(), { patientId, now: new Date() });
  redirect(`${home(token)}/emails?stopped=1`);
}

export async function restartEmailsAction(form: FormData): Promise<void> {
  const { token, patientId } = await patientOf(form);
  await restartEmails(await getDb(), { patientId, now: new Date() });
  redirect(`${home(token)}/emails?restarted=1`);
}
