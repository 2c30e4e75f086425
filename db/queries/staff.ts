import { createHash } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { clinic, staffPasskeys, staffSessions, staffTotp, staffUsers, type StaffRole, type StaffUser } from "../schema";
import { preparedPerDb } from "./prepared";
import { ATTEMPT_PREFIX, clearBuckets } from "./rate-limits";

export async function findStaffByEmail(db: Db, email: string): Promise<StaffUser | null> {
  const rows = await db.select().from(staffUsers).where(eq(staffUsers.email, email.trim().toLowerCase())).limit(1);
  return rows[0] ?? null;
}

export async function listStaff(db: Db) {
  return db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      active: staffUsers.active,
      lockedUntil: staffUsers.lockedUntil,
      failedSignIns: staffUsers.failedSignIns,
    })
    .from(staffUsers)
    .orderBy(staffUsers.name);
}

/** Every account's id and name, active or not (to name who did something on a case). */
export async function listStaffNames(db: Db): Promise<{ id: string; name: string }[]> {
  return db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers);
}

/** The email addresses of the active admin accounts. */
export async function listActiveAdminEmails(db: Db): Promise<string[]> {
  const rows = await db
    .select({ email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, "admin"), eq(staffUsers.active, true)));
  return rows.map((r) => r.email);
}

/** Adds a staff account, or updates the name, role and password of the one with this email. */
export async function upsertStaff(
  db: Db,
  u: { email: string; name: string; role: StaffRole; passwordHash: string },
): Promise<{ id: string; created: boolean }> {
  const email = u.email.trim().toLowerCase();
  const existing = await findStaffByEmail(db, email);
  if (existing) {
    await db
      .update(staffUsers)
      .set({ name: u.name, role: u.role, passwordHash: u.passwordHash, active: true })
      .where(eq(staffUsers.id, existing.id));
    return { id: existing.id, created: false };
  }
  const [row] = await db
    .insert(staffUsers)
    .values({ ...u, email })
    .returning({ id: staffUsers.id });
  return { id: row!.id, created: true };
}

/**
 * The sign-in throttle (lib/staff/sign-in.ts). No hard lock: wrong guesses from one client never
 * stop the account's owner on another.
 */
export const SIGN_IN_THROTTLE = {
  /** Tries one client may make on one account per window; after them that client waits for the window's end. */
  perClient: { tries: 5, minutes: 15 },
  /** Tries per hour on one account from clients it does not know; after them only known clients may try. */
  perAccount: { tries: 20, minutes: 60 },
  /** A client that signed in to an account within this many days is known to it. */
  knownClientDays: 30,
} as const;

/** Kept for older callers: the wrong tries after which one client is throttled on an account. */
export const LOCKOUT_AFTER = SIGN_IN_THROTTLE.perClient.tries;

/** The prefix of the known-client marks, kept for SIGN_IN_THROTTLE.knownClientDays. */
export const KNOWN_PREFIX = `${ATTEMPT_PREFIX}known:`;

/** The sign-in throttle's counters: per client (any account), per account and client, per account, known clients. */
export function signInBuckets(email: string, client = "") {
  const account = signInAccountKey(email);
  return {
    client: `${ATTEMPT_PREFIX}client:${client}`,
    pair: `${ATTEMPT_PREFIX}pair:${account}:${client}`,
    pairs: `${ATTEMPT_PREFIX}pair:${account}:`,
    account: `${ATTEMPT_PREFIX}hour:${account}`,
    known: `${KNOWN_PREFIX}${account}:${client}`,
  };
}

// Counters are named after a hash of the email, never the email itself (an unknown email too).
function signInAccountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 22);
}

/** Counts a wrong password (shown to admins: wrong passwords since the last sign-in). */
export async function recordFailedSignIn(db: Db, id: string): Promise<void> {
  await db
    .update(staffUsers)
    .set({ failedSignIns: sql`least(${staffUsers.failedSignIns} + 1, 32767)` })
    .where(eq(staffUsers.id, id));
}

/** A successful sign-in: the count of wrong passwords starts again. */
export async function recordSignIn(db: Db, id: string): Promise<void> {
  await db.update(staffUsers).set({ failedSignIns: 0 }).where(eq(staffUsers.id, id));
}

/**
 * Notes that a throttle on this account lasts until `until` (`lockedUntil` now means "sign-in
 * throttled until", for admins to see: some client, or every client the account does not know).
 */
export async function markSignInThrottled(db: Db, id: string, until: Date): Promise<void> {
  await db
    .update(staffUsers)
    .set({ lockedUntil: sql`greatest(${staffUsers.lockedUntil}, ${until.toISOString()}::timestamptz)` })
    .where(eq(staffUsers.id, id));
}

/**
 * Clears the sign-in throttle of an account (an admin's "clear", a new password): the wrong
 * passwords count, "throttled until", and every per-client and per-account counter. Known clients
 * stay known.
 */
export async function clearFailedSignIns(db: Db, id: string): Promise<void> {
  const [row] = await db
    .update(staffUsers)
    .set({ failedSignIns: 0, lockedUntil: null })
    .where(eq(staffUsers.id, id))
    .returning({ email: staffUsers.email });
  if (!row) return;
  const buckets = signInBuckets(row.email);
  await clearBuckets(db, { buckets: [buckets.account], prefixes: [buckets.pairs] });
}

export async function createStaffSession(db: Db, userId: string, now: Date): Promise<string> {
  const [row] = await db
    .insert(staffSessions)
    .values({ userId, createdAt: now, lastSeenAt: now })
    .returning({ id: staffSessions.id });
  return row!.id;
}

export const IDLE_MINUTES = 30;
export const MAX_SESSION_HOURS = 12;

/**
 * The signed-in person behind a session id, while the session is live: not ended, used within
 * the last 30 minutes, at most 12 hours old, and the account active.
 */
export async function findLiveSession(db: Db, sessionId: string, now: Date) {
  const session = await findStaffSession(db, sessionId, now);
  return session?.status === "live" ? session.staff : null;
}

/** Why a session is not live: ended (signed out), idle 30 minutes, 12 hours old, account deactivated. */
export type SessionEnd = "ended" | "idle" | "expired" | "inactive";

/** Where a live session stands in signing in (lib/staff/session.ts turns it into the next step). */
export type SignInFacts = {
  /** The second factor was given on this session. */
  secondFactorGiven: boolean;
  /** The person has a second factor (a confirmed authenticator app or a passkey). */
  hasSecondFactor: boolean;
  /** An admin chose their password: they must choose their own. */
  mustChangePassword: boolean;
  /** The clinic's MFA policy as stored (null: the environment's default). */
  mfaPolicy: "required" | "optional" | null;
};

export type StaffSessionState =
  | {
      status: "live";
      staff: { sessionId: string; lastSeenAt: Date; id: string; email: string; name: string; role: StaffRole };
      signIn: SignInFacts;
    }
  | { status: SessionEnd };

/** A session and whether it is live (see findLiveSession), or why not; null for an unknown id. */
export async function findStaffSession(db: Db, sessionId: string, now: Date): Promise<StaffSessionState | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const [row] = await preparedSession(db).execute({ sessionId, now: now.toISOString() });
  if (!row) return null;
  // The order matters only for the message: a signed-out session is "ended" even if it is also old.
  if (row.ended) return { status: "ended" };
  if (!row.active) return { status: "inactive" };
  if (!row.young) return { status: "expired" };
  if (!row.fresh) return { status: "idle" };
  const { sessionId: id, lastSeenAt, id: userId, email, name, role } = row;
  const { secondFactorGiven, hasSecondFactor, mustChangePassword, mfaPolicy } = row;
  return {
    status: "live",
    staff: { sessionId: id, lastSeenAt, id: userId, email, name, role },
    signIn: { secondFactorGiven, hasSecondFactor, mustChangePassword, mfaPolicy },
  };
}

// Every staff page, action and API request asks.
const preparedSession = preparedPerDb((db) => {
  const now = sql`${sql.placeholder("now")}::timestamptz`;
  return db
    .select({
      sessionId: staffSessions.id,
      lastSeenAt: staffSessions.lastSeenAt,
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      ended: sql<boolean>`${staffSessions.endedAt} is not null`,
      active: staffUsers.active,
      fresh: sql<boolean>`${staffSessions.lastSeenAt} > ${now} - make_interval(mins => ${IDLE_MINUTES})`,
      young: sql<boolean>`${staffSessions.createdAt} > ${now} - make_interval(hours => ${MAX_SESSION_HOURS})`,
      secondFactorGiven: sql<boolean>`${staffSessions.secondFactorAt} is not null`,
      hasSecondFactor: sql<boolean>`(exists (select 1 from ${staffTotp} where ${staffTotp.userId} = ${staffUsers.id} and ${staffTotp.confirmedAt} is not null) or exists (select 1 from ${staffPasskeys} where ${staffPasskeys.userId} = ${staffUsers.id}))`,
      mustChangePassword: staffUsers.mustChangePassword,
      mfaPolicy: sql<"required" | "optional" | null>`(select ${clinic.staffMfa} from ${clinic} where ${clinic.id} = 1)`,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.id, sql.placeholder("sessionId")))
    .limit(1)
    .prepare("find_staff_session");
});

/** Marks a session used now (at most once a minute, to spare writes). */
export async function touchStaffSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .update(staffSessions)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(staffSessions.id, sessionId),
        sql`${staffSessions.lastSeenAt} < ${now.toISOString()}::timestamptz - interval '1 minute'`,
      ),
    );
}

/** Ends one session; the signed-in person when it was still open, else null (already ended, unknown). */
export async function endStaffSession(
  db: Db,
  sessionId: string,
  now: Date,
): Promise<{ id: string; email: string } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const [row] = await db
    .update(staffSessions)
    .set({ endedAt: now })
    .where(and(eq(staffSessions.id, sessionId), isNull(staffSessions.endedAt)))
    .returning({
      id: staffSessions.userId,
      email: sql<string>`(select ${staffUsers.email} from ${staffUsers} where ${staffUsers.id} = ${staffSessions.userId})`,
    });
  return row ?? null;
}

/** Sign out everywhere: ends every live session of this person. */
export async function endAllStaffSessions(db: Db, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(staffSessions)
    .set({ endedAt: now })
    .where(and(eq(staffSessions.userId, userId), isNull(staffSessions.endedAt)))
    .returning({ id: staffSessions.id });
  return rows.length;
}

/**
 * Adds a staff account; null when the email already has one (nothing is changed then). An account
 * an admin adds has a first password the admin chose: `mustChangePassword` makes the person
 * choose their own at the first sign-in.
 */
export async function insertStaff(
  db: Db,
  u: { email: string; name: string; role: StaffRole; passwordHash: string; mustChangePassword?: boolean },
): Promise<{ id: string } | null> {
  const rows = await db
    .insert(staffUsers)
    .values({ ...u, email: u.email.trim().toLowerCase() })
    .onConflictDoNothing({ target: staffUsers.email })
    .returning({ id: staffUsers.id });
  return rows[0] ?? null;
}

/** One account without its password hash, locked until the end of the transaction; null when unknown. */
export async function getStaffForUpdate(db: Db, id: string) {
  const rows = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      active: staffUsers.active,
      lockedUntil: staffUsers.lockedUntil,
      failedSignIns: staffUsers.failedSignIns,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, id))
    .for("update");
  return rows[0] ?? null;
}

export async function setStaffRole(db: Db, id: string, role: StaffRole): Promise<void> {
  await db.update(staffUsers).set({ role }).where(eq(staffUsers.id, id));
}

/**
 * A new password an admin chose (its hash): the person must choose their own at the next sign-in,
 * so the admin does not keep knowing it; and a clean slate: the sign-in throttle is cleared.
 */
export async function setStaffPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.update(staffUsers).set({ passwordHash, mustChangePassword: true }).where(eq(staffUsers.id, id));
  await clearFailedSignIns(db, id);
}

export async function setStaffActive(db: Db, id: string, active: boolean): Promise<void> {
  await db.update(staffUsers).set({ active }).where(eq(staffUsers.id, id));
}
