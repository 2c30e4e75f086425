// Staff second factors (authenticator apps, passkeys, recovery codes), the second-factor mark on a
// session, and the clinic's MFA policy. The logic is in lib/staff/mfa.ts.
import { and, count, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { clinic, staffPasskeys, staffRecoveryCodes, staffSessions, staffTotp, staffUsers } from "../schema";

export type MfaPolicy = "required" | "optional" | null;

/** The clinic's MFA policy as stored (null: the default for the environment). */
export async function getMfaPolicy(db: Db): Promise<MfaPolicy> {
  const [row] = await db.select({ staffMfa: clinic.staffMfa }).from(clinic).where(eq(clinic.id, 1));
  return row?.staffMfa ?? null;
}

export async function setMfaPolicy(db: Db, policy: "required" | "optional", now: Date): Promise<void> {
  await db.update(clinic).set({ staffMfa: policy, updatedAt: now }).where(eq(clinic.id, 1));
}

/** What second factors someone has: a confirmed authenticator app, passkeys, unused recovery codes. */
export async function getSecondFactors(db: Db, userId: string) {
  const [row] = await db
    .select({
      totp: sql<boolean>`exists (select 1 from ${staffTotp} where ${staffTotp.userId} = ${userId} and ${staffTotp.confirmedAt} is not null)`,
      totpSince:
        sql<Date | null>`(select ${staffTotp.confirmedAt} from ${staffTotp} where ${staffTotp.userId} = ${userId})`.mapWith(
          (v: string | Date | null) => (v === null ? null : new Date(v)),
        ),
      recoveryCodesLeft:
        sql<number>`(select count(*) from ${staffRecoveryCodes} where ${staffRecoveryCodes.userId} = ${userId} and ${staffRecoveryCodes.usedAt} is null)`.mapWith(
          Number,
        ),
    })
    .from(sql`(select 1) as one`);
  const passkeys = await db
    .select({
      id: staffPasskeys.id,
      name: staffPasskeys.name,
      createdAt: staffPasskeys.createdAt,
      lastUsedAt: staffPasskeys.lastUsedAt,
    })
    .from(staffPasskeys)
    .where(eq(staffPasskeys.userId, userId))
    .orderBy(staffPasskeys.createdAt);
  return {
    totp: row?.totp ?? false,
    totpSince: row?.totpSince ?? null,
    recoveryCodesLeft: row?.recoveryCodesLeft ?? 0,
    passkeys,
  };
}

/** For the accounts list: who has which second factor. */
export async function listSecondFactorCounts(db: Db): Promise<Map<string, { totp: boolean; passkeys: number }>> {
  const rows = await db
    .select({
      id: staffUsers.id,
      totp: sql<boolean>`exists (select 1 from ${staffTotp} where ${staffTotp.userId} = ${staffUsers.id} and ${staffTotp.confirmedAt} is not null)`,
      passkeys:
        sql<number>`(select count(*) from ${staffPasskeys} where ${staffPasskeys.userId} = ${staffUsers.id})`.mapWith(
          Number,
        ),
    })
    .from(staffUsers);
  return new Map(rows.map((r) => [r.id, { totp: r.totp, passkeys: r.passkeys }]));
}

// Authenticator app.

/** Starts (or restarts) setting up an authenticator app: an unconfirmed secret, replacing any unconfirmed one. */
export async function putPendingTotp(db: Db, userId: string, secretSealed: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(staffTotp)
    .values({ userId, secretSealed, createdAt: now })
    .onConflictDoUpdate({
      target: staffTotp.userId,
      set: { secretSealed, confirmedAt: null, lastTimeStep: null, createdAt: now },
      // Never over a confirmed app (a set-up page loaded while another tab confirmed one).
      setWhere: isNull(staffTotp.confirmedAt),
    })
    .returning({ userId: staffTotp.userId });
  return rows.length > 0;
}

export async function getTotp(db: Db, userId: string) {
  const [row] = await db.select().from(staffTotp).where(eq(staffTotp.userId, userId)).for("update");
  return row ?? null;
}

/**
 * Accepts a code's time step: only when it is later than the last one accepted, so a code (or an
 * older one) is never accepted twice, even by two requests at once. Confirms the app if it was
 * being set up. False when the step was already used.
 */
export async function acceptTotpStep(db: Db, userId: string, timeStep: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(staffTotp)
    .set({
      lastTimeStep: timeStep,
      confirmedAt: sql`coalesce(${staffTotp.confirmedAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(and(eq(staffTotp.userId, userId), or(isNull(staffTotp.lastTimeStep), lt(staffTotp.lastTimeStep, timeStep))))
    .returning({ userId: staffTotp.userId });
  return rows.length > 0;
}

/** With no factor left, unused recovery codes go too: they must not come back with a new factor. */
export async function dropCodesIfNoFactor(db: Db, userId: string): Promise<void> {
  await db
    .delete(staffRecoveryCodes)
    .where(
      and(
        eq(staffRecoveryCodes.userId, userId),
        sql`not exists (select 1 from ${staffTotp} where ${staffTotp.userId} = ${userId} and ${staffTotp.confirmedAt} is not null)`,
        sql`not exists (select 1 from ${staffPasskeys} where ${staffPasskeys.userId} = ${userId})`,
      ),
    );
}

export async function deleteTotp(db: Db, userId: string): Promise<boolean> {
  const rows = await db.delete(staffTotp).where(eq(staffTotp.userId, userId)).returning({ userId: staffTotp.userId });
  return rows.length > 0;
}

// Passkeys.

export async function listPasskeyCredentials(db: Db, userId: string) {
  return db
    .select({ credentialId: staffPasskeys.credentialId, transports: staffPasskeys.transports })
    .from(staffPasskeys)
    .where(eq(staffPasskeys.userId, userId));
}

export async function findPasskey(db: Db, userId: string, credentialId: string) {
  const [row] = await db
    .select()
    .from(staffPasskeys)
    .where(and(eq(staffPasskeys.userId, userId), eq(staffPasskeys.credentialId, credentialId)))
    .for("update");
  return row ?? null;
}

export async function insertPasskey(
  db: Db,
  p: { userId: string; credentialId: string; publicKey: string; signCount: number; transports: string[]; name: string },
  now: Date,
): Promise<{ id: string } | null> {
  const rows = await db
    .insert(staffPasskeys)
    .values({ ...p, createdAt: now })
    .onConflictDoNothing({ target: staffPasskeys.credentialId })
    .returning({ id: staffPasskeys.id });
  return rows[0] ?? null;
}

export async function markPasskeyUsed(db: Db, id: string, signCount: number, now: Date): Promise<void> {
  await db.update(staffPasskeys).set({ signCount, lastUsedAt: now }).where(eq(staffPasskeys.id, id));
}

export async function deletePasskey(db: Db, userId: string, id: string): Promise<{ name: string } | null> {
  const [row] = await db
    .delete(staffPasskeys)
    .where(and(eq(staffPasskeys.userId, userId), eq(staffPasskeys.id, id)))
    .returning({ name: staffPasskeys.name });
  return row ?? null;
}

export async function countPasskeys(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(staffPasskeys).where(eq(staffPasskeys.userId, userId));
  return row?.n ?? 0;
}

/** Removes every second factor of someone (an admin's "lost device"): app, passkeys, recovery codes. */
export async function deleteAllSecondFactors(db: Db, userId: string): Promise<{ totp: boolean; passkeys: number }> {
  const totp = await deleteTotp(db, userId);
  const passkeys = await db
    .delete(staffPasskeys)
    .where(eq(staffPasskeys.userId, userId))
    .returning({ id: staffPasskeys.id });
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  return { totp, passkeys: passkeys.length };
}

// Recovery codes.

/** Replaces someone's recovery codes with new ones (their hashes). */
export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: string[], now: Date): Promise<void> {
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  await db.insert(staffRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
}

/** Uses a recovery code once: true when it was an unused code of this person. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(staffRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(staffRecoveryCodes.userId, userId),
        eq(staffRecoveryCodes.codeHash, codeHash),
        isNull(staffRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: staffRecoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

// Sessions.

/** Whether this session may add a factor: it gave its second factor, or the person has none yet. */
export async function mayAddFactor(db: Db, sessionId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({
      given: sql<boolean>`${staffSessions.secondFactorAt} is not null`,
      has: sql<boolean>`(exists (select 1 from ${staffTotp} where ${staffTotp.userId} = ${userId} and ${staffTotp.confirmedAt} is not null) or exists (select 1 from ${staffPasskeys} where ${staffPasskeys.userId} = ${userId}))`,
    })
    .from(staffSessions)
    .where(and(eq(staffSessions.id, sessionId), eq(staffSessions.userId, userId)));
  return !!row && (row.given || !row.has);
}

/** Marks the session's second factor given (and drops any WebAuthn challenge). */
export async function markSecondFactor(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .update(staffSessions)
    .set({ secondFactorAt: now, webauthnChallenge: null, webauthnChallengeExpiresAt: null })
    .where(eq(staffSessions.id, sessionId));
}

/** Keeps a WebAuthn challenge on the session until `expiresAt` (one ceremony at a time). */
export async function setWebauthnChallenge(
  db: Db,
  sessionId: string,
  challenge: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .update(staffSessions)
    .set({ webauthnChallenge: challenge, webauthnChallengeExpiresAt: expiresAt })
    .where(eq(staffSessions.id, sessionId));
}

/** Takes the session's WebAuthn challenge (once: it is cleared in the same statement), if it has not expired. */
export async function takeWebauthnChallenge(db: Db, sessionId: string, now: Date): Promise<string | null> {
  const rows = await db.execute<{ challenge: string | null }>(sql`
    update ${staffSessions} as s
    set webauthn_challenge = null, webauthn_challenge_expires_at = null
    from (select id, webauthn_challenge, webauthn_challenge_expires_at from ${staffSessions} where id = ${sessionId} for update) as old
    where s.id = old.id
    returning case when old.webauthn_challenge_expires_at > ${now.toISOString()}::timestamptz then old.webauthn_challenge end as challenge`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: { challenge: string | null }[] }).rows;
  return list[0]?.challenge ?? null;
}

// Passwords.

/** Whether an admin chose the person's password (they may then set their own without it). */
export async function getMustChangePassword(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ must: staffUsers.mustChangePassword })
    .from(staffUsers)
    .where(eq(staffUsers.id, userId));
  return row?.must ?? false;
}

/** The password hash, to check the current password before a change. */
export async function getPasswordHash(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ hash: staffUsers.passwordHash }).from(staffUsers).where(eq(staffUsers.id, userId));
  return row?.hash ?? null;
}

/** Someone's own new password: no longer "must change", and when it changed. */
export async function setOwnPassword(db: Db, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .update(staffUsers)
    .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now })
    .where(eq(staffUsers.id, userId));
}

/** After an admin chose someone's password: they must choose their own at the next sign-in. */
export async function requirePasswordChange(db: Db, userId: string): Promise<void> {
  await db.update(staffUsers).set({ mustChangePassword: true }).where(eq(staffUsers.id, userId));
}

/** Ends every other live session of this person (after a password or second-factor change). */
export async function endOtherSessions(db: Db, userId: string, keepSessionId: string, now: Date): Promise<number> {
  const rows = await db
    .update(staffSessions)
    .set({ endedAt: now })
    .where(
      and(
        eq(staffSessions.userId, userId),
        isNull(staffSessions.endedAt),
        sql`${staffSessions.id} <> ${keepSessionId}`,
      ),
    )
    .returning({ id: staffSessions.id });
  return rows.length;
}
