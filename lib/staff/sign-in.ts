import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import {
  clearBuckets,
  countAttempt,
  markSeen,
  pruneAttempts,
  refundAttempt,
  seenSince,
} from "@/db/queries/rate-limits";
import {
  createStaffSession,
  endAllStaffSessions,
  endStaffSession,
  findStaffByEmail,
  KNOWN_PREFIX,
  markSignInThrottled,
  recordFailedSignIn,
  recordSignIn,
  SIGN_IN_THROTTLE,
  signInBuckets,
} from "@/db/queries/staff";
import { verifyPassword } from "./passwords";
import type { Staff } from "./session";

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter your email address" }))
    .pipe(z.string().max(254)),
  password: z.string().min(1, { error: "Enter your password" }).max(1024),
});

export type SignInResult =
  | { ok: true; sessionId: string; user: { id: string; email: string; name: string; role: string } }
  | { ok: false; reason: "invalid" | "rate_limited"; retryAfterSeconds?: number };

const { perClient, perAccount, knownClientDays } = SIGN_IN_THROTTLE;
const DAY = 86_400_000;

/**
 * Checks a staff sign-in. Every failure looks the same from outside (unknown email, wrong
 * password, inactive account, throttled: "invalid"), and takes about as long (the password hash
 * is worked through every time), so the answer never says whether an email has an account or
 * whether this try was throttled.
 *
 * There is no account lock that a stranger could trigger. Instead (SIGN_IN_THROTTLE):
 * - one client may try one account 5 times per 15 minutes; further tries from it are refused
 *   unchecked until the window ends: so one client cannot spend the account's budget below;
 * - one account takes 20 tries an hour from clients it does not know; after them only known
 *   clients may try until the hour ends. That bounds guessing at 20 an hour per account, however
 *   many clients an attacker has (plus 5 per 15 minutes from any client the owner signed in on);
 * - a known client (one that signed in to the account within 30 days) is not counted against
 *   the account's budget, so the owner at their usual desk is not stopped by anyone's guesses.
 * Refused tries do not count against the account. A right password clears its client's count
 * and gives back the try it took from the account's budget; an admin can clear the rest. On top,
 * one client may make `limitPerMinute` tries a minute on any accounts ("rate_limited", the only
 * distinct answer: it says nothing about an account).
 */
export async function checkSignIn(
  db: Db,
  {
    email,
    password,
    client,
    clientAddress,
    now,
    limitPerMinute,
  }: {
    email: string;
    password: string;
    /** A hashed client key for the rate limit. */
    client: string;
    clientAddress: string;
    now: Date;
    limitPerMinute: number;
  },
): Promise<SignInResult> {
  const buckets = signInBuckets(email, client);
  const byClient = await countAttempt(db, { bucket: buckets.client, limit: limitPerMinute, windowSeconds: 60, now });
  if (!byClient.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: byClient.retryAfterSeconds };
  const pair = await countAttempt(db, {
    bucket: buckets.pair,
    limit: perClient.tries,
    windowSeconds: perClient.minutes * 60,
    now,
  });
  const known =
    pair.allowed &&
    (await seenSince(db, { bucket: buckets.known, since: new Date(now.getTime() - knownClientDays * DAY) }));
  const account =
    pair.allowed && !known
      ? await countAttempt(db, {
          bucket: buckets.account,
          limit: perAccount.tries,
          windowSeconds: perAccount.minutes * 60,
          now,
        })
      : null;
  const throttle = !pair.allowed
    ? { scope: "this client", count: pair, limit: perClient }
    : account && !account.allowed
      ? { scope: "clients new to this account", count: account, limit: perAccount }
      : null;
  const user = await findStaffByEmail(db, email);
  const passwordOk = await verifyPassword(user && !throttle ? user.passwordHash : null, password);
  if (Math.random() < 0.02)
    await pruneAttempts(db, { now, keepSeenPrefix: KNOWN_PREFIX, keepSeenDays: knownClientDays });
  if (!user) return { ok: false, reason: "invalid" };
  const who = { id: user.id, email: user.email };
  const audit = { actor: who, subjectType: "staff_user", subjectId: user.id, clientAddress };
  if (throttle) {
    // Recorded once, by the first refused try; the ones after it in the window are not.
    if (throttle.count.count === throttle.limit.tries + 1) {
      await db.transaction(async (tx) => {
        await markSignInThrottled(tx, user.id, throttle.count.windowEnd);
        await recordAudit(tx, {
          ...audit,
          action: "sign_in_throttled",
          after: {
            throttled: throttle.scope,
            limit: `${throttle.limit.tries} tries in ${throttle.limit.minutes} minutes`,
            until: throttle.count.windowEnd.toISOString(),
          },
        });
      });
    }
    return { ok: false, reason: "invalid" };
  }
  if (!user.active || !passwordOk) {
    await db.transaction(async (tx) => {
      if (user.active) await recordFailedSignIn(tx, user.id);
      await recordAudit(tx, { ...audit, action: user.active ? "sign_in_failed" : "sign_in_refused_inactive" });
    });
    return { ok: false, reason: "invalid" };
  }
  const sessionId = await db.transaction(async (tx) => {
    await recordSignIn(tx, user.id);
    // This client is known to the account from now on, and its wrong tries are forgiven.
    await markSeen(tx, { bucket: buckets.known, now });
    await clearBuckets(tx, { buckets: [buckets.pair] });
    if (account) await refundAttempt(tx, { bucket: buckets.account, windowSeconds: perAccount.minutes * 60, now });
    const id = await createStaffSession(tx, user.id, now);
    await recordAudit(tx, { ...audit, action: "sign_in" });
    return id;
  });
  return { ok: true, sessionId, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

/**
 * Signs a staff member out: ends this session, or every live session of theirs when `everywhere`,
 * and records it in the audit trail in the same transaction.
 */
export async function signOutStaff(
  db: Db,
  staff: Pick<Staff, "sessionId" | "id" | "email" | "clientAddress">,
  { everywhere, now }: { everywhere: boolean; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (everywhere) await endAllStaffSessions(tx, staff.id, now);
    else await endStaffSession(tx, staff.sessionId, now);
    await recordAudit(tx, {
      actor: { id: staff.id, email: staff.email },
      action: everywhere ? "sign_out_everywhere" : "sign_out",
      subjectType: "staff_user",
      subjectId: staff.id,
      clientAddress: staff.clientAddress,
    });
  });
}

/**
 * Ends the session a sign-out names, when it is still open, with its audit row: for Auth.js's own
 * sign-out (`/api/auth/signout`, and `signOut()`), which only clears the cookie. A session that
 * signOutStaff already ended is left alone (and not audited twice).
 */
export async function endSignedOutSession(
  db: Db,
  { sessionId, clientAddress, now }: { sessionId: string; clientAddress: string; now: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const staff = await endStaffSession(tx, sessionId, now);
    if (!staff) return false;
    await recordAudit(tx, {
      actor: staff,
      action: "sign_out",
      subjectType: "staff_user",
      subjectId: staff.id,
      clientAddress,
    });
    return true;
  });
}
