// Staff second factors and password changes. Signing in is two steps: the password (lib/staff/
// sign-in.ts) opens a session that reaches only the sign-in steps, then the second factor (a
// passkey, a code from an authenticator app, or a one-time recovery code) marks it complete.
// Which step comes next is decided on every request from the session row (nextSignInStep), so an
// admin requiring MFA takes effect at once. Libraries: @simplewebauthn/server for WebAuthn (the
// maintained implementation of the ceremony checks), otplib for RFC 6238 codes.
import { createHash, randomInt } from "node:crypto";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL, isoUint8Array } from "@simplewebauthn/server/helpers";
import { generateSecret, generateURI, verify as verifyTotpCode } from "otplib";
import QRCode from "qrcode";
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import {
  acceptTotpStep,
  countUnusedRecoveryCodes,
  deleteAllSecondFactors,
  deletePasskey,
  deleteTotp,
  dropCodesIfNoFactor,
  endOtherSessions,
  findPasskey,
  getMustChangePassword,
  getPasswordHash,
  getSecondFactors,
  getTotp,
  insertPasskey,
  listPasskeyCredentials,
  mayAddFactor,
  markPasskeyUsed,
  markSecondFactor,
  putPendingTotp,
  replaceRecoveryCodes,
  setMfaPolicy,
  setOwnPassword,
  setWebauthnChallenge,
  takeWebauthnChallenge,
  useRecoveryCode,
  type MfaPolicy,
} from "@/db/queries/mfa";
import { attemptsSoFar, clearBuckets, countAttempt, ATTEMPT_PREFIX } from "@/db/queries/rate-limits";
import { clearFailedSignIns, endStaffSession, getStaffForUpdate, type SignInFacts } from "@/db/queries/staff";
import { env } from "@/lib/env";
import { openSecret, sealSecret } from "@/lib/tokens";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./passwords";
import type { Staff } from "./session";

export type { MfaPolicy };

/** Whether staff must have a second factor: the clinic's choice, else required in production only. */
export function mfaRequired(policy: MfaPolicy, nodeEnv: string = env().NODE_ENV): boolean {
  return policy ? policy === "required" : nodeEnv === "production";
}

/** What a signed-in session must do before it opens staff pages, in order; null when nothing. */
export type SignInStep = "second_factor" | "change_password" | "set_up";

export function nextSignInStep(facts: SignInFacts): SignInStep | null {
  // Prove it is you first; then replace a password an admin chose; then add a factor if required.
  if (facts.hasSecondFactor && !facts.secondFactorGiven) return "second_factor";
  if (facts.mustChangePassword) return "change_password";
  if (!facts.hasSecondFactor && mfaRequired(facts.mfaPolicy)) return "set_up";
  return null;
}

/** The page of each step. */
export const STEP_PATHS: Record<SignInStep, string> = {
  second_factor: "/staff/sign-in/verify",
  change_password: "/staff/sign-in/password",
  set_up: "/staff/sign-in/set-up",
};

type Person = Pick<Staff, "sessionId" | "id" | "email" | "name" | "clientAddress">;

const audit = (db: Db, who: Person, action: string, after?: Record<string, unknown>) =>
  recordAudit(db, {
    actor: { id: who.id, email: who.email },
    action,
    subjectType: "staff_user",
    subjectId: who.id,
    after,
    clientAddress: who.clientAddress,
  });

// The relying party: the address staff open, from APP_URL (a passkey is bound to its host name).
export type RelyingParty = { id: string; origin: string; name: string };

export function relyingParty(): RelyingParty {
  const url = new URL(env().APP_URL);
  return { id: url.hostname, origin: url.origin, name: "BackTrack staff" };
}

// Wrong second-factor tries: 5 per sign-in, then the session ends and the password is asked again
// (itself throttled per client and per account), so codes cannot be guessed at leisure. And 10 an
// hour per account, whatever the sessions: a stolen password signing in again and again does not
// buy more guesses (5 per sign-in would otherwise be hundreds an hour).
export const SECOND_FACTOR_TRIES = 5;
export const SECOND_FACTOR_TRIES_PER_HOUR = 10;
const triesBucket = (sessionId: string) => `${ATTEMPT_PREFIX}mfa:${sessionId}`;
const accountTriesBucket = (userId: string) => `${ATTEMPT_PREFIX}mfa-account:${userId}`;

export type SecondFactorResult =
  | { ok: true; method: "totp" | "passkey" | "recovery_code"; recoveryCodesLeft?: number }
  | { ok: false; reason: "wrong" | "ended"; triesLeft: number };

/** Whether the account has used up its wrong second-factor tries this hour: the sign-in ends unchecked. */
async function accountOutOfTries(db: Db, who: Person, now: Date): Promise<SecondFactorResult | null> {
  const used = await attemptsSoFar(db, { bucket: accountTriesBucket(who.id), windowSeconds: 3600, now });
  if (used < SECOND_FACTOR_TRIES_PER_HOUR) return null;
  await db.transaction(async (tx) => {
    await endStaffSession(tx, who.sessionId, now);
    await audit(tx, who, "second_factor_too_many_tries", { perHour: SECOND_FACTOR_TRIES_PER_HOUR });
  });
  return { ok: false, reason: "ended", triesLeft: 0 };
}

async function countWrongTry(db: Db, who: Person, now: Date, method: string): Promise<SecondFactorResult> {
  const tries = await countAttempt(db, {
    bucket: triesBucket(who.sessionId),
    limit: SECOND_FACTOR_TRIES,
    windowSeconds: 3600,
    now,
  });
  const hour = await countAttempt(db, {
    bucket: accountTriesBucket(who.id),
    limit: SECOND_FACTOR_TRIES_PER_HOUR,
    windowSeconds: 3600,
    now,
  });
  const ended = tries.count >= SECOND_FACTOR_TRIES || hour.count >= SECOND_FACTOR_TRIES_PER_HOUR;
  await db.transaction(async (tx) => {
    await audit(tx, who, "second_factor_failed", { method, try: tries.count });
    if (ended) {
      await endStaffSession(tx, who.sessionId, now);
      await audit(tx, who, "second_factor_too_many_tries", { tries: tries.count, thisHour: hour.count });
    }
  });
  const left = Math.min(SECOND_FACTOR_TRIES - tries.count, SECOND_FACTOR_TRIES_PER_HOUR - hour.count);
  return { ok: false, reason: ended ? "ended" : "wrong", triesLeft: Math.max(0, left) };
}

async function secondFactorGiven(
  db: Db,
  who: Person,
  now: Date,
  method: "totp" | "passkey" | "recovery_code",
  extra: Record<string, unknown> = {},
): Promise<void> {
  await markSecondFactor(db, who.sessionId, now);
  await clearBuckets(db, { buckets: [triesBucket(who.sessionId)] });
  await audit(db, who, "sign_in_second_factor", { method, ...extra });
}

// Codes typed by people: six digits from the app, or a recovery code (letters and digits, in two
// groups of five; spaces, dashes and case do not matter).
export const codeSchema = z.object({
  code: z
    .string({ error: "Enter the code" })
    .transform((v) => v.replace(/[\s-]/g, "").toLowerCase())
    .pipe(
      z
        .string()
        .min(1, { error: "Enter the code" })
        .max(20, { error: "That is longer than any code: check it and try again" })
        .regex(/^[0-9a-z]+$/, { error: "Codes have only letters and digits" }),
    ),
});

const isAppCode = (code: string) => /^\d{6}$/.test(code);

/** Checks a code typed at sign-in: from the authenticator app, or a recovery code (used once). */
export async function verifySecondFactorCode(
  db: Db,
  who: Person,
  code: string,
  now: Date,
): Promise<SecondFactorResult> {
  const out = await accountOutOfTries(db, who, now);
  if (out) return out;
  if (isAppCode(code)) {
    const ok = await db.transaction(async (tx) => {
      const totp = await getTotp(tx, who.id);
      if (!totp?.confirmedAt) return false;
      const step = await checkAppCode(totp.secretSealed, code, totp.lastTimeStep, now);
      if (step === null || !(await acceptTotpStep(tx, who.id, step, now))) return false;
      await secondFactorGiven(tx, who, now, "totp");
      return true;
    });
    return ok ? { ok: true, method: "totp" } : countWrongTry(db, who, now, "totp");
  }
  const left = await db.transaction(async (tx) => {
    if (!(await useRecoveryCode(tx, who.id, recoveryCodeHash(who.id, code), now))) return null;
    const left = await countUnusedRecoveryCodes(tx, who.id);
    await secondFactorGiven(tx, who, now, "recovery_code", { recoveryCodesLeft: left });
    return left;
  });
  return left === null
    ? countWrongTry(db, who, now, "recovery_code")
    : { ok: true, method: "recovery_code", recoveryCodesLeft: left };
}

/** The time step a code belongs to, when it is right for the sealed secret and newer than `after`. */
async function checkAppCode(sealed: string, code: string, after: number | null, now: Date): Promise<number | null> {
  const secret = openSecret(env().AUTH_SECRET, sealed);
  if (!secret) return null;
  // One 30-second step either side, for a phone clock a little off and a code typed as it turns.
  const result = await verifyTotpCode({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(after === null ? {} : { afterTimeStep: after }),
  }).catch(() => null);
  return result?.valid && "timeStep" in result ? result.timeStep : null;
}

// Authenticator app set-up.

export type AppSetUp = { secret: string; uri: string };

/** Starts setting up an authenticator app: a new secret, shown once (as a QR code and as text). */
export async function startAppSetUp(db: Db, who: Person, now: Date): Promise<AppSetUp | { refused: string }> {
  const factors = await getSecondFactors(db, who.id);
  if (factors.totp) return { refused: "You already have an authenticator app. Remove it first to set up another." };
  const secret = generateSecret();
  if (!(await putPendingTotp(db, who.id, sealSecret(env().AUTH_SECRET, secret), now)))
    return { refused: "You already have an authenticator app. Remove it first to set up another." };
  return { secret, uri: generateURI({ issuer: "BackTrack", label: who.email, secret }) };
}

/** The secret being set up, to show it again after a wrong code; null when none is pending. */
export async function pendingAppSetUp(db: Db, who: Person): Promise<AppSetUp | null> {
  const totp = await getTotp(db, who.id);
  if (!totp || totp.confirmedAt) return null;
  const secret = openSecret(env().AUTH_SECRET, totp.secretSealed);
  return secret ? { secret, uri: generateURI({ issuer: "BackTrack", label: who.email, secret }) } : null;
}

/**
 * What the set-up page shows: the key grouped in fours (easier to type) and a QR code of the
 * otpauth:// address as an SVG data URL (the qrcode package: a well-kept encoder; no script needed).
 */
export async function appSetUpView(setUp: AppSetUp): Promise<{ secret: string; qr: string }> {
  const svg = await QRCode.toString(setUp.uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return {
    secret: setUp.secret.match(/.{1,4}/g)!.join(" "),
    qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

// A session still owing its second factor adds none (a stolen password must not add its own).
const NOT_YET = "Confirm it’s you with your second factor first.";

export type FactorAdded = { ok: true; recoveryCodes: string[] | null } | { ok: false; message: string };

/** Confirms the app with a code from it; the first factor also brings recovery codes (shown once). */
export async function confirmAppSetUp(db: Db, who: Person, code: string, now: Date): Promise<FactorAdded> {
  if (!isAppCode(code)) return { ok: false, message: "Enter the 6-digit code your app shows" };
  if (!(await mayAddFactor(db, who.sessionId, who.id))) return { ok: false, message: NOT_YET };
  return db.transaction(async (tx) => {
    const totp = await getTotp(tx, who.id);
    if (!totp || totp.confirmedAt)
      return { ok: false, message: "Start setting up the app again: that set-up has ended." };
    const step = await checkAppCode(totp.secretSealed, code, null, now);
    if (step === null || !(await acceptTotpStep(tx, who.id, step, now)))
      return {
        ok: false,
        message: "That code does not match. Check the app’s clock is right and enter the newest code.",
      };
    return factorAdded(tx, who, now, "mfa_app_added", {});
  });
}

/** After a first or further factor: this session counts as verified; recovery codes if none are left. */
async function factorAdded(
  db: Db,
  who: Person,
  now: Date,
  action: string,
  after: Record<string, unknown>,
): Promise<FactorAdded> {
  await markSecondFactor(db, who.sessionId, now);
  const ended = await endOtherSessions(db, who.id, who.sessionId, now);
  const recoveryCodes =
    (await countUnusedRecoveryCodes(db, who.id)) === 0 ? await newRecoveryCodes(db, who.id, now) : null;
  await audit(db, who, action, {
    ...after,
    otherSessionsEnded: ended,
    ...(recoveryCodes ? { recoveryCodesIssued: recoveryCodes.length } : {}),
  });
  return { ok: true, recoveryCodes };
}

// Recovery codes.

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: easy to read off paper. 31 symbols, 10 of them: about 50 bits a code.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

function recoveryCodeHash(userId: string, code: string): string {
  // The codes are random (about 50 bits each) and tried at most a few times per sign-in, so a fast
  // hash is enough; the person's id makes equal codes of two people hash differently.
  return createHash("sha256")
    .update(`${userId}:${code.replace(/[\s-]/g, "").toLowerCase()}`)
    .digest("base64url");
}

async function newRecoveryCodes(db: Db, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await replaceRecoveryCodes(
    db,
    userId,
    codes.map((c) => recoveryCodeHash(userId, c)),
    now,
  );
  return codes;
}

/** New recovery codes (the old ones stop working), shown once; only for someone with a factor. */
export async function regenerateRecoveryCodes(db: Db, who: Person, now: Date): Promise<string[] | null> {
  return db.transaction(async (tx) => {
    const factors = await getSecondFactors(tx, who.id);
    if (!factors.totp && factors.passkeys.length === 0) return null;
    const codes = await newRecoveryCodes(tx, who.id, now);
    await audit(tx, who, "mfa_recovery_codes_replaced", { count: codes.length });
    return codes;
  });
}

// Passkeys. The challenge waits on the session row for 5 minutes and is used once.

const CHALLENGE_MS = 5 * 60_000;

/** Options for adding a passkey (navigator.credentials.create), for this person. */
export async function passkeyRegistrationOptions(
  db: Db,
  who: Person,
  now: Date,
  rp = relyingParty(),
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await listPasskeyCredentials(db, who.id);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: who.email,
    userDisplayName: who.name,
    userID: isoUint8Array.fromUTF8String(who.id),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({
      id: c.credentialId,
      transports: c.transports as AuthenticatorTransportFuture[],
    })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await setWebauthnChallenge(db, who.sessionId, options.challenge, new Date(now.getTime() + CHALLENGE_MS));
  return options;
}

export const passkeyNameSchema = z
  .string()
  .trim()
  .max(60, { error: "Keep the name under 60 characters" })
  .transform((v) => v || "Passkey");

// What the browser sends back: checked for shape here, cryptographically by the library.
const base64url = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[A-Za-z0-9_-]+$/);
export const registrationResponseSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key"),
  response: z
    .object({
      clientDataJSON: base64url,
      attestationObject: base64url,
      transports: z.array(z.string().max(20)).max(10).optional(),
    })
    .passthrough(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().max(20).optional(),
});
export const authenticationResponseSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key"),
  response: z
    .object({
      clientDataJSON: base64url,
      authenticatorData: base64url,
      signature: base64url,
      userHandle: base64url.optional(),
    })
    .passthrough(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().max(20).optional(),
});

/** Adds a passkey from the browser's answer to the options above. */
export async function finishPasskeyRegistration(
  db: Db,
  who: Person,
  response: z.output<typeof registrationResponseSchema>,
  name: string,
  now: Date,
  rp = relyingParty(),
): Promise<FactorAdded> {
  if (!(await mayAddFactor(db, who.sessionId, who.id))) return { ok: false, message: NOT_YET };
  const challenge = await takeWebauthnChallenge(db, who.sessionId, now);
  if (!challenge) return { ok: false, message: "That took too long. Try adding the passkey again." };
  const verified = await verifyRegistrationResponse({
    response: response as RegistrationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verified?.verified) return { ok: false, message: "The passkey could not be checked. Try again." };
  const { credential } = verified.registrationInfo;
  return db.transaction(async (tx) => {
    const row = await insertPasskey(
      tx,
      {
        userId: who.id,
        credentialId: credential.id,
        publicKey: isoBase64URL.fromBuffer(credential.publicKey),
        signCount: credential.counter,
        transports: credential.transports ?? [],
        name,
      },
      now,
    );
    if (!row) return { ok: false, message: "That passkey is already registered." };
    return factorAdded(tx, who, now, "mfa_passkey_added", { passkey: name });
  });
}

/** Options for signing in with a passkey (navigator.credentials.get): one of this person's. */
export async function passkeyAuthenticationOptions(
  db: Db,
  who: Person,
  now: Date,
  rp = relyingParty(),
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const credentials = await listPasskeyCredentials(db, who.id);
  if (credentials.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: credentials.map((c) => ({
      id: c.credentialId,
      transports: c.transports as AuthenticatorTransportFuture[],
    })),
    userVerification: "preferred",
  });
  await setWebauthnChallenge(db, who.sessionId, options.challenge, new Date(now.getTime() + CHALLENGE_MS));
  return options;
}

/** Checks a passkey signature as the second factor. */
export async function verifyPasskey(
  db: Db,
  who: Person,
  response: z.output<typeof authenticationResponseSchema>,
  now: Date,
  rp = relyingParty(),
): Promise<SecondFactorResult> {
  const out = await accountOutOfTries(db, who, now);
  if (out) return out;
  const challenge = await takeWebauthnChallenge(db, who.sessionId, now);
  const ok = challenge
    ? await db.transaction(async (tx) => {
        const passkey = await findPasskey(tx, who.id, response.id);
        if (!passkey) return false;
        const verified = await verifyAuthenticationResponse({
          response: response as AuthenticationResponseJSON,
          expectedChallenge: challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          credential: {
            id: passkey.credentialId,
            publicKey: isoBase64URL.toBuffer(passkey.publicKey),
            counter: passkey.signCount,
            transports: passkey.transports as AuthenticatorTransportFuture[],
          },
          requireUserVerification: false,
        }).catch(() => null);
        if (!verified?.verified) return false;
        await markPasskeyUsed(tx, passkey.id, verified.authenticationInfo.newCounter, now);
        await secondFactorGiven(tx, who, now, "passkey", { passkey: passkey.name });
        return true;
      })
    : false;
  return ok ? { ok: true, method: "passkey" } : countWrongTry(db, who, now, "passkey");
}

// Removing factors (one's own, on the account page; or an admin's "lost device").

/** Whether removing `what` would leave someone without a factor while the clinic requires one. */
async function wouldLeaveNone(db: Db, userId: string, policy: MfaPolicy, what: { totp?: boolean; passkeyId?: string }) {
  if (!mfaRequired(policy)) return false;
  const f = await getSecondFactors(db, userId);
  const totpLeft = f.totp && !what.totp;
  const passkeysLeft = f.passkeys.filter((p) => p.id !== what.passkeyId).length;
  return !totpLeft && passkeysLeft === 0;
}

const LAST_FACTOR =
  "The clinic requires a second factor: add another passkey or an authenticator app before removing this one.";

export async function removeOwnPasskey(
  db: Db,
  who: Person,
  id: string,
  policy: MfaPolicy,
  now: Date,
): Promise<{ ok: boolean; message?: string }> {
  return db.transaction(async (tx) => {
    if (await wouldLeaveNone(tx, who.id, policy, { passkeyId: id })) return { ok: false, message: LAST_FACTOR };
    const removed = await deletePasskey(tx, who.id, id);
    if (!removed) return { ok: false, message: "That passkey was already removed." };
    await dropCodesIfNoFactor(tx, who.id);
    // A session opened with that passkey (a lost laptop) ends with it.
    const otherSessionsEnded = await endOtherSessions(tx, who.id, who.sessionId, now);
    await audit(tx, who, "mfa_passkey_removed", { passkey: removed.name, otherSessionsEnded });
    return { ok: true };
  });
}

export async function removeOwnApp(
  db: Db,
  who: Person,
  policy: MfaPolicy,
  now: Date,
): Promise<{ ok: boolean; message?: string }> {
  return db.transaction(async (tx) => {
    if (await wouldLeaveNone(tx, who.id, policy, { totp: true })) return { ok: false, message: LAST_FACTOR };
    if (!(await deleteTotp(tx, who.id))) return { ok: false, message: "You have no authenticator app set up." };
    await dropCodesIfNoFactor(tx, who.id);
    const otherSessionsEnded = await endOtherSessions(tx, who.id, who.sessionId, now);
    await audit(tx, who, "mfa_app_removed", { otherSessionsEnded });
    return { ok: true };
  });
}

/**
 * An admin removes every second factor of someone who lost their device (not their own): their
 * sessions end, and at the next sign-in they set up a new factor if the clinic requires one.
 */
export async function resetSecondFactors(
  db: Db,
  admin: Pick<Staff, "id" | "email" | "clientAddress">,
  userId: string,
  now: Date,
): Promise<{ ok: boolean; message?: string }> {
  if (userId === admin.id)
    return {
      ok: false,
      message: "You cannot reset your own second factors. Use your account page, or ask another admin.",
    };
  return db.transaction(async (tx) => {
    const user = await getStaffForUpdate(tx, userId);
    if (!user) return { ok: false, message: "That account no longer exists." };
    const removed = await deleteAllSecondFactors(tx, userId);
    const sessionsEnded = await endOtherSessions(tx, userId, "00000000-0000-0000-0000-000000000000", now);
    await recordAudit(tx, {
      actor: { id: admin.id, email: admin.email },
      action: "mfa_reset",
      subjectType: "staff_user",
      subjectId: userId,
      before: { authenticatorApp: removed.totp, passkeys: removed.passkeys },
      after: { sessionsEnded },
      clientAddress: admin.clientAddress,
    });
    return { ok: true };
  });
}

/** The clinic's choice (admins), audited. */
export async function changeMfaPolicy(
  db: Db,
  admin: Pick<Staff, "id" | "email" | "clientAddress">,
  before: MfaPolicy,
  policy: "required" | "optional",
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await setMfaPolicy(tx, policy, now);
    await recordAudit(tx, {
      actor: { id: admin.id, email: admin.email },
      action: "mfa_policy_changed",
      subjectType: "clinic",
      subjectId: "1",
      before: { staffMfa: before ?? `default (${mfaRequired(before) ? "required" : "optional"})` },
      after: { staffMfa: policy },
      clientAddress: admin.clientAddress,
    });
  });
}

// Passwords.

function newPasswordField() {
  return z
    .string({ error: "Enter a new password" })
    .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters` })
    .max(1024, { error: "Keep the password under 1,024 characters" });
}

const matching = <T extends { password: string; confirm: string }>(v: T) => v.password === v.confirm;
const MISMATCH = { error: "The two passwords are not the same", path: ["confirm"] };

/** Choosing one's own password after an admin set it (they just typed it to sign in). */
export const forcedPasswordSchema = z
  .object({ password: newPasswordField(), confirm: z.string({ error: "Type the new password again" }).max(1024) })
  .refine(matching, MISMATCH);

/** Changing one's password on the account page: the current one first. */
export const passwordChangeSchema = z
  .object({
    current: z
      .string({ error: "Enter your current password" })
      .min(1, { error: "Enter your current password" })
      .max(1024),
    password: newPasswordField(),
    confirm: z.string({ error: "Type the new password again" }).max(1024),
  })
  .refine(matching, MISMATCH);

export type PasswordChange = { ok: true; otherSessionsEnded: number } | { ok: false; field: string; message: string };

/**
 * Sets one's own password: not the same as before; the current one checked when given; every
 * other session ends; the sign-in throttle is cleared; audited (never the password).
 */
export async function changeOwnPassword(
  db: Db,
  who: Person,
  { current, password }: { current?: string; password: string },
  now: Date,
): Promise<PasswordChange> {
  const hash = await getPasswordHash(db, who.id);
  // Without the current password only right after an admin chose it (the sign-in step).
  if (current === undefined && !(await getMustChangePassword(db, who.id)))
    return { ok: false, field: "current", message: "Enter your current password" };
  if (current !== undefined && !(await verifyPassword(hash, current)))
    return { ok: false, field: "current", message: "That is not your current password" };
  if (await verifyPassword(hash, password))
    return { ok: false, field: "password", message: "Choose a password different from the one you have now" };
  const newHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await setOwnPassword(tx, who.id, newHash, now);
    await clearFailedSignIns(tx, who.id);
    const otherSessionsEnded = await endOtherSessions(tx, who.id, who.sessionId, now);
    await audit(tx, who, "password_changed", { otherSessionsEnded });
    return { ok: true, otherSessionsEnded };
  });
}

/** For the account page: this person's factors. */
export const secondFactorsOf = getSecondFactors;
