import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { staffSessions, staffUsers, type StaffRole, type StaffUser } from "../schema";
import { preparedPerDb } from "./prepared";

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

export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MINUTES = 15;

/** Counts a failed sign-in; the LOCKOUT_AFTER-th in a row locks the account. Returns whether it is now locked. */
export async function recordFailedSignIn(db: Db, id: string, now: Date): Promise<boolean> {
  const [row] = await db
    .update(staffUsers)
    .set({
      failedSignIns: sql`${staffUsers.failedSignIns} + 1`,
      lockedUntil: sql`case when ${staffUsers.failedSignIns} + 1 >= ${LOCKOUT_AFTER} then ${now.toISOString()}::timestamptz + make_interval(mins => ${LOCKOUT_MINUTES}) else ${staffUsers.lockedUntil} end`,
    })
    .where(eq(staffUsers.id, id))
    .returning({ lockedUntil: staffUsers.lockedUntil });
  return !!row?.lockedUntil && row.lockedUntil > now;
}

export async function clearFailedSignIns(db: Db, id: string): Promise<void> {
  await db.update(staffUsers).set({ failedSignIns: 0, lockedUntil: null }).where(eq(staffUsers.id, id));
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
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const rows = await preparedLiveSession(db).execute({ sessionId, now: now.toISOString() });
  return rows[0] ?? null;
}

// Every staff page, action and API request asks.
const preparedLiveSession = preparedPerDb((db) => {
  const now = sql`${sql.placeholder("now")}::timestamptz`;
  return db
    .select({
      sessionId: staffSessions.id,
      lastSeenAt: staffSessions.lastSeenAt,
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(
      and(
        eq(staffSessions.id, sql.placeholder("sessionId")),
        isNull(staffSessions.endedAt),
        eq(staffUsers.active, true),
        gt(staffSessions.lastSeenAt, sql`${now} - make_interval(mins => ${IDLE_MINUTES})`),
        gt(staffSessions.createdAt, sql`${now} - make_interval(hours => ${MAX_SESSION_HOURS})`),
      ),
    )
    .limit(1)
    .prepare("find_live_staff_session");
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

export async function endStaffSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .update(staffSessions)
    .set({ endedAt: now })
    .where(and(eq(staffSessions.id, sessionId), isNull(staffSessions.endedAt)));
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

/** Adds a staff account; null when the email already has one (nothing is changed then). */
export async function insertStaff(
  db: Db,
  u: { email: string; name: string; role: StaffRole; passwordHash: string },
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

/** A new password (its hash), and a clean slate of failed sign-ins. */
export async function setStaffPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.update(staffUsers).set({ passwordHash, failedSignIns: 0, lockedUntil: null }).where(eq(staffUsers.id, id));
}

export async function setStaffActive(db: Db, id: string, active: boolean): Promise<void> {
  await db.update(staffUsers).set({ active }).where(eq(staffUsers.id, id));
}
