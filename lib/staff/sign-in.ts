import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { hitRateLimit } from "@/db/queries/rate-limits";
import {
  clearFailedSignIns,
  createStaffSession,
  endAllStaffSessions,
  endStaffSession,
  findStaffByEmail,
  recordFailedSignIn,
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

/**
 * Checks a staff sign-in. Every failure looks the same from outside (unknown email, wrong
 * password, locked or inactive account: "invalid"), and takes about as long, so the answer never
 * says whether an email has an account. Attempts are limited per client and per account; five
 * wrong passwords in a row lock the account for 15 minutes (an admin can lift it sooner).
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
  const account = createHash("sha256").update(email).digest("base64url").slice(0, 22);
  const [byClient, byAccount] = [
    await hitRateLimit(db, { bucket: `signin:client:${client}`, limit: limitPerMinute }),
    await hitRateLimit(db, { bucket: `signin:account:${account}`, limit: limitPerMinute }),
  ];
  if (!byClient.allowed || !byAccount.allowed) {
    return {
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: Math.max(byClient.retryAfterSeconds, byAccount.retryAfterSeconds),
    };
  }
  const user = await findStaffByEmail(db, email);
  const locked = !!user?.lockedUntil && user.lockedUntil > now;
  const passwordOk = await verifyPassword(user && !locked ? user.passwordHash : null, password);
  if (!user) return { ok: false, reason: "invalid" };
  const who = { id: user.id, email: user.email };
  if (locked || !user.active || !passwordOk) {
    await db.transaction(async (tx) => {
      const nowLocked = !locked && user.active && !passwordOk ? await recordFailedSignIn(tx, user.id, now) : locked;
      await recordAudit(tx, {
        actor: who,
        action: locked ? "sign_in_refused_locked" : !user.active ? "sign_in_refused_inactive" : "sign_in_failed",
        subjectType: "staff_user",
        subjectId: user.id,
        clientAddress,
        after: nowLocked && !locked ? { lockedUntil: "15 minutes" } : null,
      });
      if (nowLocked && !locked)
        await recordAudit(tx, {
          actor: null,
          action: "account_locked",
          subjectType: "staff_user",
          subjectId: user.id,
          clientAddress,
        });
    });
    return { ok: false, reason: "invalid" };
  }
  const sessionId = await db.transaction(async (tx) => {
    await clearFailedSignIns(tx, user.id);
    const id = await createStaffSession(tx, user.id, now);
    await recordAudit(tx, {
      actor: who,
      action: "sign_in",
      subjectType: "staff_user",
      subjectId: user.id,
      clientAddress,
    });
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
