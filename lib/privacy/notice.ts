// The clinic's privacy notice: versioned, edited and published by admins in settings, shown at
// /privacy (and /privacy/<version> for earlier ones), and recorded with every intake as the version
// its patient was shown. Until a clinic publishes its own, the built-in notice (version "2026-11")
// applies. Also the clinic's retention period, which the notice quotes and the daily purge uses.
import { z } from "zod";
import type { Db } from "@/db/client";
import { getClinic } from "@/db/queries/clinic";
import {
  getLatestNotice,
  getLatestNoticeVersion,
  getNotice,
  getRetentionYearsForUpdate,
  insertNotice,
  listNotices,
  noticeSubjectId,
  setRetentionYears,
} from "@/db/queries/privacy";
import type { Clinic } from "@/db/schema";
import { BUILT_IN_NOTICE_ID, builtInNotice } from "@/lib/content";
import { CONTROL_CHARACTER, freeText, oneLineText } from "@/lib/forms";
import { auditSetting, settingsChange, type SettingsResult } from "@/lib/staff/settings-fields";
import type { Actor } from "@/lib/staff/cases";

export { BUILT_IN_NOTICE_ID };

/** A notice as the page shows it. `version` is null for the built-in notice. */
export type PrivacyNotice = {
  /** What an intake records and the URL names: "v3" for published version 3, or "2026-11". */
  id: string;
  version: number | null;
  body: string;
  publishedAt: Date | null;
};

/** The id of a published version: "v3". */
export const noticeId = (version: number) => noticeSubjectId(version);

/** A notice id as a URL segment or an intake holds it: a published version, the built-in notice, or neither. */
export function parseNoticeId(id: string): { version: number } | { builtIn: true } | null {
  if (id === BUILT_IN_NOTICE_ID) return { builtIn: true };
  const match = /^v([1-9]\d{0,8})$/.exec(id);
  return match ? { version: Number(match[1]) } : null;
}

/** The built-in notice, filled in with the clinic's details (null clinic: not set up yet). */
export function builtInPrivacyNotice(clinic: Clinic | null): PrivacyNotice {
  return {
    id: BUILT_IN_NOTICE_ID,
    version: null,
    publishedAt: null,
    body: builtInNotice({
      name: clinic?.name ?? null,
      email: clinic?.email ?? null,
      phone: clinic?.phone ?? null,
      address: clinic?.address ?? null,
      retentionYears: clinic?.retentionYears ?? 8,
    }),
  };
}

const published = (row: { version: number; body: string; publishedAt: Date }): PrivacyNotice => ({
  id: noticeId(row.version),
  version: row.version,
  body: row.body,
  publishedAt: row.publishedAt,
});

/** The notice shown now: the latest published version, else the built-in one. */
export async function currentNotice(db: Db): Promise<PrivacyNotice> {
  const latest = await getLatestNotice(db);
  return latest ? published(latest) : builtInPrivacyNotice(await getClinic(db));
}

/** The id of the notice shown now, which a new intake records ("v3", or "2026-11"). */
export async function currentNoticeId(db: Db): Promise<string> {
  const version = await getLatestNoticeVersion(db);
  return version === null ? BUILT_IN_NOTICE_ID : noticeId(version);
}

/** The notice with this id ("v3" or "2026-11"), or null when there is none (a bad id included). */
export async function noticeById(db: Db, id: string): Promise<PrivacyNotice | null> {
  const parsed = parseNoticeId(id);
  if (!parsed) return null;
  if ("builtIn" in parsed) return builtInPrivacyNotice(await getClinic(db));
  const row = await getNotice(db, parsed.version);
  return row ? published(row) : null;
}

/** Every published version, newest first, with who published it and what changed. */
export async function listNoticeVersions(db: Db) {
  return (await listNotices(db)).map((n) => ({ ...n, id: noticeId(n.version) }));
}

const NOTICE_MAX = 20_000;

/** Publishing a new version: its whole text and a line on what changed (kept in the audit trail and the list). */
export const publishNoticeSchema = z.object({
  body: z
    .string({ error: "Write the notice" })
    .trim()
    .min(100, { error: "Write the whole notice (at least 100 characters)" })
    .max(NOTICE_MAX, { error: `Keep the notice under ${NOTICE_MAX.toLocaleString("en")} characters` })
    .refine(freeText, CONTROL_CHARACTER),
  summary: z
    .string({ error: "Say what changed" })
    .trim()
    .min(5, { error: "Say what changed in this version (at least 5 characters)" })
    .max(300, { error: "Keep what changed under 300 characters" })
    .refine(oneLineText, CONTROL_CHARACTER),
});

/** The longest form field publishing accepts (the notice's text), for the action. */
export const NOTICE_FIELD_MAX = NOTICE_MAX + 1_000;

/**
 * Publishes a new version: from now on /privacy shows it and new intakes record it. Earlier
 * versions stay readable at /privacy/v<n>, and earlier intakes keep the version their patient saw.
 * Audited (`privacy_notice_published`, with the version and what changed; the text itself is in
 * the notices table, never changed). The same text as the current version is refused.
 */
export async function publishNotice(
  db: Db,
  actor: Actor,
  input: z.output<typeof publishNoticeSchema>,
  now: Date,
): Promise<SettingsResult & { version?: number }> {
  const current = await currentNotice(db);
  if (normalise(current.body) === normalise(input.body))
    return { ok: false, fieldErrors: { body: ["This is the same text as the current notice: change it first"] } };
  let version = 0;
  const result = await settingsChange(db, async (tx) => {
    // Browsers send a textarea's new lines as CR LF: stored as LF, so the text compares and renders alike.
    version = await insertNotice(tx, { body: normalise(input.body), by: actor.id, at: now });
    await auditSetting(
      tx,
      actor,
      "privacy_notice_published",
      { type: "privacy_notice", id: noticeId(version) },
      { after: { version: noticeId(version), summary: input.summary, characters: input.body.length } },
    );
  });
  return result.ok ? { ok: true, version } : result;
}

const normalise = (text: string) => text.replace(/\r\n?/g, "\n").trim();

/** The retention period: whole years, 1 to 100 (the database's own range). */
export const retentionSchema = z.object({
  retentionYears: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : /^\d{1,3}$/.test(v.trim()) ? Number(v) : NaN) : v),
    z
      .number({ error: "Enter the number of years as a whole number from 1 to 100" })
      .int({ error: "Enter the number of years as a whole number from 1 to 100" })
      .min(1, { error: "Enter the number of years as a whole number from 1 to 100" })
      .max(100, { error: "Enter the number of years as a whole number from 1 to 100" }),
  ),
});

/**
 * Sets how many years after a patient's last contact the daily purge erases their personal data.
 * Audited (`retention_period_changed`, before and after). Refused before the clinic is set up.
 */
export async function updateRetention(
  db: Db,
  actor: Actor,
  { retentionYears }: z.output<typeof retentionSchema>,
  now: Date,
): Promise<SettingsResult> {
  return settingsChange(db, async (tx) => {
    const before = await getRetentionYearsForUpdate(tx);
    if (before === null)
      return { ok: false, message: "Set up the clinic's details and policies first, then the retention period." };
    if (before === retentionYears) return;
    await setRetentionYears(tx, { years: retentionYears, at: now });
    await auditSetting(
      tx,
      actor,
      "retention_period_changed",
      { type: "clinic", id: "1" },
      { before: { retentionYears: before }, after: { retentionYears } },
    );
  });
}
