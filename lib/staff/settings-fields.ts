// The pieces every admin settings change shares: how form fields are read (the schemas' parts),
// what a change answers, and its audit event. Form values arrive as strings, code may pass numbers
// and booleans: both parse. The changes take what their schema gives; the action parses the form.
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import type { Refusal } from "@/lib/forms";
import { isLocalDate } from "@/lib/scheduling/zoned";
import type { Actor } from "./cases";

export { fieldError, refuse } from "@/lib/forms";

/** What a settings change answers: done, or why not (beside a field, or for the whole form). */
export type SettingsResult = { ok: true } | Refusal;

export const done: SettingsResult = { ok: true };

/** Required text, trimmed. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, { error: `Enter the ${label}` })
    .max(max, { error: `Keep the ${label} under ${max} characters` });

/** Optional text, trimmed; blank is null. */
export const optionalText = (label: string, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
    z
      .string()
      .trim()
      .max(max, { error: `Keep the ${label} under ${max} characters` })
      .nullable(),
  );

/** A whole number in [min, max]; "" is missing, "1.5" or "ten" is not a whole number. */
export const whole = (label: string, min: number, max: number, message?: string) => {
  const range = message ?? `Enter the ${label} as a whole number from ${min} to ${max}`;
  return z.preprocess(
    (v) =>
      typeof v === "string"
        ? v.trim() === ""
          ? undefined
          : /^-?\d{1,9}$/.test(v.trim())
            ? Number(v.trim())
            : Number.NaN
        : v,
    z.number({ error: range }).int({ error: range }).min(min, { error: range }).max(max, { error: range }),
  );
};

/** A checkbox: "on" (a form), true (code); anything else, or no value at all, is off. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** "HH:MM", 00:00 to 23:59. */
export const clock = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `Enter the ${label} as HH:MM, for example 09:00` });

/** "YYYY-MM-DD", a real calendar date. */
export const calendarDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .refine(isLocalDate, { error: `Enter the ${label} as a real date, for example 2026-12-24` });

export const recordId = (what: string) => z.uuid({ error: `Choose ${what}` });

/**
 * The id of the record a row's button acts on (a hidden field). One that is not an id at all was
 * forged or mangled: the form shows the same words as for a record that no longer exists.
 */
export const rowId = (gone: string) => z.object({ id: z.uuid({ error: gone }) });

/**
 * One change to what the clinic offers, in one transaction with its audit row; then this process
 * forgets its cached settings and the slot offers built from them, so the change applies here at
 * once (other instances within 30 s). Nothing returned means done.
 */
export async function settingsChange(
  db: Db,
  change: (tx: Db) => Promise<SettingsResult | void>,
): Promise<SettingsResult> {
  const result = await db.transaction((tx) => change(tx));
  clearSettingsCaches();
  return result ?? done;
}

/** Writes the audit event of a settings change (call inside its transaction). */
export function auditSetting(
  db: Db,
  actor: Actor,
  action: string,
  subject: { type: string; id: string | null },
  change: { before?: unknown; after?: unknown } = {},
) {
  return recordAudit(db, {
    actor: { id: actor.id, email: actor.email },
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    clientAddress: actor.clientAddress,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

/** The keys whose values differ, as { before, after } holding just those keys. */
export function changes<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } | null {
  // Lists (the check-in weeks) compare by their items.
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
  const keys = Object.keys(after).filter((k) => !same(before[k], after[k]));
  if (!keys.length) return null;
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])) as Partial<T>,
    after: Object.fromEntries(keys.map((k) => [k, after[k]])) as Partial<T>,
  };
}
