"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { SIGN_IN_THROTTLE } from "@/db/queries/staff";
import { getDb } from "@/lib/db";
import { fieldError, formInput, invalid, refuse, refusedState, type FormState, type Refusal } from "@/lib/forms";
import { staffAction, type Outcome, type RawInput } from "@/lib/staff/action";
import { getClinicZone } from "@/lib/clinic-settings";
import {
  acknowledgeCase,
  addNote,
  bookUrgentForCase,
  callSchema,
  caseFormSchema,
  logCall,
  noteSchema,
  overrideLevel,
  overrideSchema,
  resolveCase,
  resolveSchema,
  reviewCase,
  reviewSchema,
  urgentSlotSchema,
  type CaseChange,
} from "@/lib/staff/cases";
import { attendanceSchema, markAttendance } from "@/lib/staff/schedule";
import { requireSignInStep } from "@/lib/staff/session";
import { signInSchema, signOutStaff } from "@/lib/staff/sign-in";

/** Only our own staff pages as a place to return to after signing in. */
function safeNext(value: string | undefined): string {
  const next = value ?? "";
  return /^\/staff(\/|$|\?)/.test(next) && !next.startsWith("//") ? next : "/staff";
}

const { perClient, perAccount, knownClientDays } = SIGN_IN_THROTTLE;

// Sign-in has no session to resolve yet and Auth.js answers by throwing, so it is not a staffAction;
// it answers with the same FormState.
export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = formInput(form);
  const answer = (refusal: Refusal) => refusedState(refusal, { email: (input.email ?? "").slice(0, 254) });
  const parsed = signInSchema.safeParse({ email: (input.email ?? "").slice(0, 254), password: input.password ?? "" });
  if (!parsed.success) return answer(invalid(parsed.error));
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNext(input.next) });
  } catch (error) {
    // A successful sign-in redirects by throwing; only Auth.js's own errors are answers here.
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return answer(refuse("Too many sign-in attempts. Wait a minute, then try again."));
    }
    // The same words whether the email is unknown, the password wrong or this try throttled
    // (lib/staff/sign-in.ts, SIGN_IN_THROTTLE), so they say how the throttle works.
    return answer(
      refuse(
        `That email and password do not match an active account. After ${perClient.tries} wrong tries from one network address, that address waits up to ${perClient.minutes} minutes before it can try this account again. After ${perAccount.tries} wrong tries in one hour from addresses an account has not been signed in from, until the hour ends only addresses it was signed in from in the last ${knownClientDays} days can try it. An admin can clear the wait.`,
      ),
    );
  }
  return {};
}

export async function signOutAction(form: FormData): Promise<void> {
  const everywhere = form.get("everywhere") === "1";
  // Whatever step of signing in the session is on (a second factor not given yet, too).
  const { staff } = await requireSignInStep();
  const db = await getDb();
  await signOutStaff(db, staff, { everywhere, now: new Date() });
  await signOut({ redirectTo: "/staff/sign-in?signedOut=1" });
}

// Case actions: back to the case page with a note of what was done (?done=, see the page's DONE).

/** The case page to come back to after signing in (the queue when the form names no real case). */
const casePage = (input: RawInput) =>
  caseFormSchema.safeParse(input).success ? `/staff/cases/${input.intakeId}` : "/staff";

const caseGone = refuse("That case does not exist.");

const caseErased = refuse(
  "This patient's personal data was erased: nothing more can be added to the case or sent to them.",
);

/** The case page with its note, or why not. */
const onCase = (intakeId: string, change: CaseChange, done: string, already = done): Outcome =>
  change.status === "not_found"
    ? caseGone
    : change.status === "erased"
      ? caseErased
      : { redirect: `/staff/cases/${intakeId}?done=${change.status === "already" ? already : done}` };

export const acknowledgeAction = staffAction(
  { next: casePage, schema: caseFormSchema },
  async ({ intakeId }, { db, staff, now }) =>
    onCase(intakeId, await acknowledgeCase(db, staff, intakeId, now), "acknowledged", "already_acknowledged"),
);

export const callAction = staffAction(
  { next: casePage, schema: caseFormSchema.and(callSchema) },
  async ({ intakeId, ...call }, { db, staff, now }) =>
    onCase(intakeId, await logCall(db, staff, intakeId, call, now), "call_logged"),
);

export const noteAction = staffAction(
  { next: casePage, schema: caseFormSchema.extend(noteSchema.shape) },
  async ({ intakeId, ...note }, { db, staff }) =>
    onCase(intakeId, await addNote(db, staff, intakeId, note), "note_added"),
);

/** Changing the level is a clinical decision: clinicians and admins only. */
export const overrideAction = staffAction(
  { roles: ["clinician", "admin"], next: casePage, schema: caseFormSchema.extend(overrideSchema.shape) },
  async ({ intakeId, ...override }, { db, staff, now }) =>
    onCase(intakeId, await overrideLevel(db, staff, intakeId, override, now), "level_changed"),
);

/** Closing a case; an EMERGENCY or URGENT one needs a logged call, or a clinician's written reason. */
export const resolveAction = staffAction(
  { next: casePage, schema: caseFormSchema.extend(resolveSchema.shape) },
  async ({ intakeId, reason }, { db, staff, now }) => {
    const change = await resolveCase(db, staff, intakeId, now, { reason });
    if (change.status === "needs_outcome")
      return staff.role === "reception"
        ? refuse("Log a call with its outcome before closing an emergency or urgent case.")
        : fieldError("reason", "Log a call with its outcome first, or give the reason for closing without one.");
    return onCase(intakeId, change, "resolved", "already_resolved");
  },
);

/** Marking a case on the "To review" list reviewed (with an optional note or new level): clinicians and admins. */
export const reviewAction = staffAction(
  { roles: ["clinician", "admin"], next: casePage, schema: caseFormSchema.and(reviewSchema) },
  async ({ intakeId, ...review }, { db, staff, now }) =>
    onCase(intakeId, await reviewCase(db, staff, intakeId, review, now), "reviewed", "already_reviewed"),
);

export const bookUrgentAction = staffAction(
  { next: casePage, schema: caseFormSchema.extend(urgentSlotSchema.shape) },
  async ({ intakeId, slot }, { db, staff, now }): Promise<Outcome> => {
    const r = await bookUrgentForCase(db, staff, intakeId, slot, now);
    switch (r.status) {
      case "booked":
        return { redirect: `/staff/cases/${intakeId}?done=urgent_booked` };
      case "slot_taken":
        return fieldError("slot", "That time was just taken. Choose another.");
      case "already_booked":
        return refuse("This patient already has an appointment booked. Cancel or move that one first.");
      case "not_found":
        return caseGone;
      default:
        return refuse("That time cannot be booked for this case.");
    }
  },
);

// Attendance: a plain form on the schedule (one button per mark), answered by going back to the
// same schedule view, with ?refused= when the mark was refused.

/** The schedule view to go back to: only a schedule URL. */
const scheduleView = (input: RawInput) =>
  /^\/staff\/schedule(\?|$)/.test(input.back ?? "") ? input.back! : "/staff/schedule";

function backTo(input: RawInput, refusal?: string): Outcome {
  const url = new URL(scheduleView(input), "http://x");
  url.searchParams.delete("refused");
  if (refusal) url.searchParams.set("refused", refusal);
  return { redirect: `${url.pathname}${url.search}` };
}

const markAttendanceStep = staffAction(
  {
    next: scheduleView,
    schema: attendanceSchema.extend({ back: z.string().optional() }),
    invalid: (_error, input) => backTo(input, "invalid"),
  },
  async ({ appointmentId, mark, back }, { db, staff, now }) => {
    const result = await markAttendance(db, staff, { appointmentId, mark }, now, await getClinicZone(db));
    return backTo({ back: back ?? "" }, result.ok ? undefined : result.refusal);
  },
);

/** Arrived / did not come / undo, from the schedule; back to the same schedule view. */
export async function markAttendanceAction(form: FormData): Promise<void> {
  await markAttendanceStep({}, form); // always redirects
}
