"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { getDb } from "@/lib/db";
import { fieldErrors } from "@/lib/forms";
import { acknowledgeCase, addNote, bookUrgentForCase, callSchema, logCall, noteSchema, overrideLevel, overrideSchema, resolveCase } from "@/lib/staff/cases";
import { markAttendance } from "@/lib/staff/schedule";
import { requireStaff } from "@/lib/staff/session";
import { getClinicCached } from "@/lib/clinic-settings";
import { signInSchema, signOutStaff } from "@/lib/staff/sign-in";
import { z } from "zod";

export type FormState = { message?: string; fieldErrors?: Record<string, string[] | string>; email?: string; values?: Record<string, string> };

// A plain object: what a server action returns to the browser must be serialisable.
const errorsOf = (error: z.ZodError) => ({ ...fieldErrors(error) });

/** Only our own staff pages as a place to return to after signing in. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  return /^\/staff(\/|$|\?)/.test(next) && !next.startsWith("//") ? next : "/staff";
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const typed = String(form.get("email") ?? "").slice(0, 254);
  const parsed = signInSchema.safeParse({ email: typed, password: form.get("password") ?? "" });
  if (!parsed.success) return { fieldErrors: errorsOf(parsed.error), email: typed };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNext(form.get("next")) });
  } catch (error) {
    // A successful sign-in redirects by throwing; only Auth.js's own errors are answers here.
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { message: "Too many sign-in attempts. Wait a minute, then try again.", email: typed };
    }
    // The same words whether the email is unknown, the password wrong or the account locked.
    return { message: "That email and password do not match an active account. After 5 wrong tries an account is locked for 15 minutes; an admin can unlock it sooner.", email: typed };
  }
  return {};
}

export async function signOutAction(form: FormData): Promise<void> {
  const everywhere = form.get("everywhere") === "1";
  const staff = await requireStaff();
  const db = await getDb();
  await signOutStaff(db, staff, { everywhere, now: new Date() });
  await signOut({ redirectTo: "/staff/sign-in?signedOut=1" });
}

const caseId = (form: FormData) => {
  const id = form.get("intakeId");
  return typeof id === "string" && z.uuid().safeParse(id).success ? id : null;
};

/** Runs a case action for these roles and returns to the case page with a note of what happened. */
async function onCase(form: FormData, roles: Parameters<typeof requireStaff>[0], run: (id: string, staff: Awaited<ReturnType<typeof requireStaff>>) => Promise<FormState | string>): Promise<FormState> {
  const id = caseId(form);
  const staff = await requireStaff(roles, id ? `/staff/cases/${id}` : "/staff");
  if (!id) return { message: "That case does not exist." };
  const result = await run(id, staff);
  // React clears the form after an action: send back what was typed so an error loses nothing.
  if (typeof result !== "string") return { ...result, values: typedValues(form) };
  redirect(`/staff/cases/${id}?done=${result}`);
}

const notFound = { message: "That case does not exist." };

function typedValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$") && key !== "intakeId") out[key] = value.slice(0, 4000);
  return out;
}

export async function acknowledgeAction(_prev: FormState, form: FormData): Promise<FormState> {
  return onCase(form, undefined, async (id, staff) => {
    const r = await acknowledgeCase(await getDb(), staff, id, new Date());
    return r.status === "not_found" ? notFound : r.status === "already" ? "already_acknowledged" : "acknowledged";
  });
}

export async function callAction(_prev: FormState, form: FormData): Promise<FormState> {
  return onCase(form, undefined, async (id, staff) => {
    const parsed = callSchema.safeParse({ outcome: form.get("outcome") ?? undefined, body: form.get("body") ?? "" });
    if (!parsed.success) return { fieldErrors: errorsOf(parsed.error) };
    const r = await logCall(await getDb(), staff, id, parsed.data);
    return r.status === "not_found" ? notFound : "call_logged";
  });
}

export async function noteAction(_prev: FormState, form: FormData): Promise<FormState> {
  return onCase(form, undefined, async (id, staff) => {
    const parsed = noteSchema.safeParse({ body: form.get("body") ?? "" });
    if (!parsed.success) return { fieldErrors: errorsOf(parsed.error) };
    const r = await addNote(await getDb(), staff, id, parsed.data);
    return r.status === "not_found" ? notFound : "note_added";
  });
}

/** Changing the level is a clinical decision: clinicians and admins only. */
export async function overrideAction(_prev: FormState, form: FormData): Promise<FormState> {
  return onCase(form, ["clinician", "admin"], async (id, staff) => {
    const parsed = overrideSchema.safeParse({ level: form.get("level") ?? undefined, reason: form.get("reason") ?? "" });
    if (!parsed.success) return { fieldErrors: errorsOf(parsed.error) };
    const r = await overrideLevel(await getDb(), staff, id, parsed.data, new Date());
    return r.status === "not_found" ? notFound : "level_changed";
  });
}

export async function resolveAction(_prev: FormState, form: FormData): Promise<FormState> {
  return onCase(form, undefined, async (id, staff) => {
    const r = await resolveCase(await getDb(), staff, id, new Date());
    return r.status === "not_found" ? notFound : r.status === "already" ? "already_resolved" : "resolved";
  });
}

const urgentSlotSchema = z.object({
  slot: z.string({ error: "Choose a time" }).regex(/^[0-9a-f-]{36}\|\d{4}-\d\d-\d\dT[\d:.]+Z$/, { error: "Choose a time" }),
  typeId: z.string().min(1).max(50),
});

export async function bookUrgentAction(_prev: FormState, form: FormData): Promise<FormState> {
  return onCase(form, undefined, async (id, staff) => {
    const parsed = urgentSlotSchema.safeParse({ slot: form.get("slot") ?? undefined, typeId: form.get("typeId") ?? "" });
    if (!parsed.success) return { fieldErrors: errorsOf(parsed.error) };
    const [clinicianId, start] = parsed.data.slot.split("|") as [string, string];
    const r = await bookUrgentForCase(await getDb(), staff, id, { clinicianId, start: new Date(start), typeId: parsed.data.typeId }, new Date());
    switch (r.status) {
      case "booked":
        return "urgent_booked";
      case "slot_taken":
        return { fieldErrors: { slot: "That time was just taken. Choose another." } };
      case "already_booked":
        return { message: "This patient already has an appointment booked. Cancel or move that one first." };
      case "not_found":
        return notFound;
      default:
        return { message: "That time cannot be booked for this case." };
    }
  });
}

/** Arrived / did not come / undo, from the schedule; back to the same schedule view. */
export async function markAttendanceAction(form: FormData): Promise<void> {
  const raw = String(form.get("back") ?? "");
  const back = /^\/staff\/schedule(\?|$)/.test(raw) ? raw : "/staff/schedule";
  const staff = await requireStaff(undefined, back);
  const db = await getDb();
  const zone = (await getClinicCached(db))?.timeZone ?? "UTC";
  const result = await markAttendance(db, staff, { appointmentId: String(form.get("appointmentId") ?? ""), mark: form.get("mark") as "arrived" }, new Date(), zone);
  const url = new URL(back, "http://x");
  url.searchParams.delete("refused");
  if (!result.ok) url.searchParams.set("refused", result.refusal);
  redirect(`${url.pathname}${url.search}`);
}
