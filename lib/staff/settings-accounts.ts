// Staff accounts and dead emails on the admin's settings page. Same shape as settings.ts: a schema
// the action parses the form with, then one transaction with its audit event and an answer the
// form can show. Password hashes never leave the database layer here.
import { z } from "zod";
import { STAFF_ROLES } from "@/common/vocabulary";
import type { Db } from "@/db/client";
import { getEmailForUpdate, requeueDeadEmail } from "@/db/queries/outbox";
import {
  clearFailedSignIns,
  endAllStaffSessions,
  getStaffForUpdate,
  insertStaff,
  setStaffActive,
  setStaffPassword,
  setStaffRole,
} from "@/db/queries/staff";
import type { Actor } from "./cases";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords";
import { auditSetting, checkbox, done, fieldError, refuse, rowId, text, type SettingsResult } from "./settings-fields";

const role = z.enum(STAFF_ROLES, { error: "Choose a role" });

export const newStaffSchema = z.object({
  email: z
    .string({ error: "Enter their email address" })
    .trim()
    .toLowerCase()
    .pipe(
      z
        .email({ error: "Enter an email address like name@example.com" })
        .max(254, { error: "Keep the email under 254 characters" }),
    ),
  name: text("name", 100),
  role,
  password: passwordField("Enter a first password"),
});

function passwordField(missing: string) {
  return z
    .string({ error: missing })
    .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters for the password` })
    .max(1024, { error: "Keep the password under 1,024 characters" });
}

/** Adds a staff account with a first password (stored as an argon2id hash). */
export async function createStaffAccount(
  db: Db,
  actor: Actor,
  { password, ...who }: z.output<typeof newStaffSchema>,
): Promise<SettingsResult> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const row = await insertStaff(tx, { ...who, passwordHash, mustChangePassword: true });
    if (!row) return fieldError("email", "There is already an account with this email");
    await auditSetting(tx, actor, "staff_created", { type: "staff_user", id: row.id }, { after: who });
    return done;
  });
}

const ACCOUNT_GONE = "That account no longer exists.";
const gone = refuse(ACCOUNT_GONE);

/** A row's account (a hidden id): clearing its sign-in throttle. */
export const staffAccountSchema = rowId(ACCOUNT_GONE);
export const staffRoleSchema = staffAccountSchema.extend({ role });
export const staffActiveSchema = staffAccountSchema.extend({ active: checkbox });
export const passwordResetSchema = staffAccountSchema.extend({ password: passwordField("Enter the new password") });

/** Changes someone's role; an admin cannot change their own (so there is always an admin). */
export async function changeStaffRole(
  db: Db,
  actor: Actor,
  { id, role: next }: z.output<typeof staffRoleSchema>,
): Promise<SettingsResult> {
  if (id === actor.id) return refuse("You cannot change your own role. Ask another admin.");
  return db.transaction(async (tx) => {
    const user = await getStaffForUpdate(tx, id);
    if (!user) return gone;
    if (user.role === next) return done;
    await setStaffRole(tx, id, next);
    await auditSetting(
      tx,
      actor,
      "staff_role_changed",
      { type: "staff_user", id },
      { before: { role: user.role }, after: { role: next } },
    );
    return done;
  });
}

/** Deactivates an account (ending all its sessions at once) or reactivates it; never one's own. */
export async function setStaffAccountActive(
  db: Db,
  actor: Actor,
  { id, active }: z.output<typeof staffActiveSchema>,
  now: Date,
): Promise<SettingsResult> {
  if (id === actor.id && !active) return refuse("You cannot deactivate your own account. Ask another admin.");
  return db.transaction(async (tx) => {
    const user = await getStaffForUpdate(tx, id);
    if (!user) return gone;
    if (user.active === active) return done;
    await setStaffActive(tx, id, active);
    const sessionsEnded = active ? 0 : await endAllStaffSessions(tx, id, now);
    await auditSetting(
      tx,
      actor,
      active ? "staff_reactivated" : "staff_deactivated",
      { type: "staff_user", id },
      { before: { active: user.active }, after: { active, ...(active ? {} : { sessionsEnded }) } },
    );
    return done;
  });
}

/**
 * Clears the account's sign-in throttle (no account is ever locked: see lib/staff/sign-in.ts):
 * every client it held back may try again now, and the count of wrong passwords starts again.
 * Audited as "staff_unlocked", the name it has always had in the trail, with what was cleared.
 */
export async function unlockStaffAccount(
  db: Db,
  actor: Actor,
  { id }: z.output<typeof staffAccountSchema>,
): Promise<SettingsResult> {
  return db.transaction(async (tx) => {
    const user = await getStaffForUpdate(tx, id);
    if (!user) return gone;
    await clearFailedSignIns(tx, user.id);
    await auditSetting(
      tx,
      actor,
      "staff_unlocked",
      { type: "staff_user", id: user.id },
      {
        before: { failedSignIns: user.failedSignIns, lockedUntil: user.lockedUntil?.toISOString() ?? null },
        after: { failedSignIns: 0, lockedUntil: null },
      },
    );
    return done;
  });
}

/**
 * Gives someone a new password (they forgot theirs): their sessions end everywhere, failed
 * sign-ins are forgotten, and the audit trail records who did it, never the password. Not one's
 * own: there is no "old password" check here, so another admin must do it.
 */
export async function resetStaffPassword(
  db: Db,
  actor: Actor,
  { id, password }: z.output<typeof passwordResetSchema>,
  now: Date,
): Promise<SettingsResult> {
  if (id === actor.id) return refuse("You cannot set your own password here. Ask another admin.");
  const passwordHash = await hashPassword(password); // about 50 ms: outside the transaction
  return db.transaction(async (tx) => {
    const user = await getStaffForUpdate(tx, id);
    if (!user) return gone;
    await setStaffPassword(tx, id, passwordHash);
    const sessionsEnded = await endAllStaffSessions(tx, id, now);
    await auditSetting(tx, actor, "staff_password_reset", { type: "staff_user", id }, { after: { sessionsEnded } });
    return done;
  });
}

const EMAIL_GONE = "That email no longer exists.";
export const deadEmailSchema = rowId(EMAIL_GONE);

/** Sends a dead email again: back in the queue, due now, with fresh attempts. Once per death. */
export async function retryDeadEmail(
  db: Db,
  actor: Actor,
  { id }: z.output<typeof deadEmailSchema>,
  now: Date,
): Promise<SettingsResult> {
  return db.transaction(async (tx) => {
    const email = await getEmailForUpdate(tx, id);
    if (!email) return refuse(EMAIL_GONE);
    if (!(await requeueDeadEmail(tx, { id: email.id, now })))
      return refuse("That email was already retried: it is back in the queue, or sent.");
    await auditSetting(
      tx,
      actor,
      "email_retried",
      { type: "email", id: email.id },
      {
        before: { status: email.status, attempts: email.attempts, lastError: email.lastError },
        after: { status: "pending", attempts: 0, dueAt: now.toISOString() },
      },
    );
    return done;
  });
}
