"use server";

// Second factors and own passwords: the sign-in steps (/staff/sign-in/verify, /password, /set-up)
// and the account page share these. Each action resolves the session itself: a sign-in step is
// open to a session whose password was right but whose signing in is not complete yet.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getMfaPolicy } from "@/db/queries/mfa";
import { getDb } from "@/lib/db";
import { controlCharacterErrors, fieldErrors, formInput, type FormState } from "@/lib/forms";
import { staffAction } from "@/lib/staff/action";
import {
  authenticationResponseSchema,
  changeOwnPassword,
  codeSchema,
  confirmAppSetUp,
  finishPasskeyRegistration,
  forcedPasswordSchema,
  passkeyAuthenticationOptions,
  passkeyNameSchema,
  passkeyRegistrationOptions,
  passwordChangeSchema,
  regenerateRecoveryCodes,
  registrationResponseSchema,
  removeOwnApp,
  removeOwnPasskey,
  verifyPasskey,
  verifySecondFactorCode,
} from "@/lib/staff/mfa";
import { requireSignInStep, requireStaff, stepPath } from "@/lib/staff/session";

/** Only our own staff pages as a place to go on to. */
function safeNext(value: unknown): string {
  const next = typeof value === "string" ? value : "";
  return /^\/staff(\/|$|\?)/.test(next) && !next.startsWith("//") ? next : "/staff";
}

/**
 * On from a sign-in step: the staff layout (its bar with the person's name and the sign-out
 * buttons) was drawn for a session still signing in, and a soft navigation keeps layouts.
 */
function onwards(path: string) {
  revalidatePath("/staff", "layout");
  return { redirect: path };
}

const SECRETS = ["password", "confirm", "current", "code"] as const;

/**
 * For adding a factor: a complete sign-in, or one on the "set up a factor" step. Never a session
 * still owing its second factor: a stolen password must not be able to add its own passkey.
 */
async function requireEnrolment() {
  const current = await requireSignInStep();
  if (current.step === "set_up" || current.step === null) return current.staff;
  redirect(stepPath(current.step));
}

// The second factor at sign-in.

const TOO_MANY = "/staff/sign-in?reason=second_factor";

export const verifyCodeAction = staffAction(
  { signInStep: true, schema: codeSchema.extend({ next: z.string().optional() }), secret: SECRETS },
  async ({ code, next }, { db, staff, now }) => {
    const result = await verifySecondFactorCode(db, staff, code, now);
    if (result.ok) {
      const left = result.recoveryCodesLeft;
      // Few recovery codes left: the account page says so (and offers new ones) before going on.
      if (left !== undefined && left <= 3) return onwards(`/staff/account?done=recovery_used&left=${left}`);
      return onwards(safeNext(next));
    }
    if (result.reason === "ended") return { redirect: TOO_MANY };
    return {
      ok: false,
      fieldErrors: {
        code: [
          `That code is not right. ${result.triesLeft} ${result.triesLeft === 1 ? "try" : "tries"} left before you must sign in again.`,
        ],
      },
    };
  },
);

export type PasskeyAnswer = { ok: true; redirect: string } | { ok: false; message: string };

/** Options for navigator.credentials.get, for the person signing in; null without passkeys. */
export async function passkeySignInOptionsAction() {
  const { staff } = await requireSignInStep();
  return passkeyAuthenticationOptions(await getDb(), staff, new Date());
}

export async function passkeySignInAction(response: unknown, next: unknown): Promise<PasskeyAnswer> {
  const { staff } = await requireSignInStep();
  const parsed = authenticationResponseSchema.safeParse(response);
  if (!parsed.success) return { ok: false, message: "Your browser sent an answer we cannot read. Try again." };
  const result = await verifyPasskey(await getDb(), staff, parsed.data, new Date());
  if (result.ok) return { ok: true, redirect: safeNext(next) };
  if (result.reason === "ended") return { ok: true, redirect: TOO_MANY };
  return { ok: false, message: `That passkey could not be checked. ${result.triesLeft} tries left.` };
}

// Adding a factor: on the set-up step and on the account page. The first factor brings recovery
// codes, shown once in the answer.

export type FactorState = FormState & { recoveryCodes?: string[] | null; added?: boolean };

export async function confirmAppAction(_state: FactorState, form: FormData): Promise<FactorState> {
  const staff = await requireEnrolment();
  const input = formInput(form);
  const parsed = codeSchema.safeParse(input);
  if (!parsed.success || controlCharacterErrors(input, { freeText: [] }))
    return {
      fieldErrors: parsed.success ? { code: ["Enter the 6-digit code your app shows"] } : fieldErrors(parsed.error),
      at: Date.now(),
    };
  const result = await confirmAppSetUp(await getDb(), staff, parsed.data.code, new Date());
  if (!result.ok) return { fieldErrors: { code: [result.message] }, at: Date.now() };
  return { added: true, recoveryCodes: result.recoveryCodes, at: Date.now() };
}

export async function passkeyRegistrationOptionsAction() {
  const staff = await requireEnrolment();
  return passkeyRegistrationOptions(await getDb(), staff, new Date());
}

export async function passkeyRegisterAction(response: unknown, name: unknown): Promise<FactorState> {
  const staff = await requireEnrolment();
  const parsedName = passkeyNameSchema.safeParse(typeof name === "string" ? name : "");
  if (!parsedName.success) return { fieldErrors: fieldErrors(parsedName.error), at: Date.now() };
  const parsed = registrationResponseSchema.safeParse(response);
  if (!parsed.success) return { message: "Your browser sent an answer we cannot read. Try again.", at: Date.now() };
  const result = await finishPasskeyRegistration(await getDb(), staff, parsed.data, parsedName.data, new Date());
  if (!result.ok) return { message: result.message, at: Date.now() };
  return { added: true, recoveryCodes: result.recoveryCodes, at: Date.now() };
}

// Passwords.

/** Choosing one's own password after an admin set it: the step right after the second factor. */
export const forcedPasswordAction = staffAction(
  { signInStep: true, schema: forcedPasswordSchema.and(z.object({ next: z.string().optional() })), secret: SECRETS },
  async ({ password, next }, { db, staff, now }) => {
    // Only on that step: anywhere else, changing the password needs the current one (account page).
    const { step } = await requireSignInStep();
    if (step !== "change_password") return onwards(step ? stepPath(step, safeNext(next)) : safeNext(next));
    const result = await changeOwnPassword(db, staff, { password }, now);
    if (!result.ok) return { ok: false, fieldErrors: { [result.field]: [result.message] } };
    return onwards(safeNext(next));
  },
);

export const changePasswordAction = staffAction(
  { next: "/staff/account", schema: passwordChangeSchema, secret: SECRETS },
  async ({ current, password }, { db, staff, now }) => {
    const result = await changeOwnPassword(db, staff, { current, password }, now);
    if (!result.ok) return { ok: false, fieldErrors: { [result.field]: [result.message] } };
    return { redirect: `/staff/account?done=password_changed&ended=${result.otherSessionsEnded}` };
  },
);

// The account page's other changes.

export async function regenerateCodesAction(_state: FactorState, _form: FormData): Promise<FactorState> {
  const staff = await requireStaff(undefined, "/staff/account");
  const codes = await regenerateRecoveryCodes(await getDb(), staff, new Date());
  if (!codes) return { message: "Add a passkey or an authenticator app first.", at: Date.now() };
  return { recoveryCodes: codes, at: Date.now() };
}

const passkeyRow = z.object({ id: z.uuid({ error: "That passkey was already removed." }) });

export const removePasskeyAction = staffAction(
  { next: "/staff/account", schema: passkeyRow },
  async ({ id }, { db, staff, now }) => {
    const result = await removeOwnPasskey(db, staff, id, await getMfaPolicy(db), now);
    return result.ok ? { redirect: "/staff/account?done=passkey_removed" } : { ok: false, message: result.message };
  },
);

export const removeAppAction = staffAction(
  { next: "/staff/account", schema: z.object({}) },
  async (_input, { db, staff }) => {
    const result = await removeOwnApp(db, staff, await getMfaPolicy(db), new Date());
    return result.ok ? { redirect: "/staff/account?done=app_removed" } : { ok: false, message: result.message };
  },
);
