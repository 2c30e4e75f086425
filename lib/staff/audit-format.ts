// The audit trail in words: who did it, what changed ("level: Urgent → Routine"), when in the
// clinic's zone, and the CSV cells of its export.
import type { AuditTrailRow } from "@/db/queries/audit";
import type { Level } from "@/lib/triage";
import { LEVEL_NAMES } from "./format";

const CHANNEL_NAMES: Record<string, string> = {
  booking_link: "the patient (booking link)",
  manage_link: "the patient (manage link)",
  api: "the patient (booking API)",
};

/** Who acted: the staff member's name (or the email tried), the patient's link, or the system. */
export function actorLabel(e: Pick<AuditTrailRow, "actorName" | "actorEmail" | "actorId" | "after">): string {
  if (e.actorName) return e.actorName;
  if (e.actorEmail) return e.actorEmail;
  const via = isRecord(e.after) ? e.after.via : undefined;
  if (e.actorId === null && typeof via === "string" && CHANNEL_NAMES[via]) return CHANNEL_NAMES[via];
  return "system";
}

/** Actions whose name alone reads ambiguously in the trail (whose data? which purge?). */
const ACTION_LABELS: Record<string, string> = {
  patient_exported: "patient's data exported",
  patient_erased: "patient's personal data erased",
  privacy_notice_published: "privacy notice published",
  retention_period_changed: "retention period changed",
  retention_purge_completed: "daily retention purge finished",
};

/** "case_viewed" → "case viewed"; "patient_erased" → "patient's personal data erased". */
export const actionLabel = (action: string) =>
  Object.hasOwn(ACTION_LABELS, action) ? ACTION_LABELS[action]! : action.replaceAll("_", " ");

const stampFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-12-01 10:00:05" in the clinic's zone: sortable, to the second, for the trail and its export. */
export function formatStamp(instant: Date, timeZone: string): string {
  let f = stampFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    stampFormats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** "acknowledgedAt" → "acknowledged at"; "intakeId" → "intake id". */
const keyLabel = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

/** One stored value in words: instants in the clinic's zone, levels by name, lists joined. */
export function valueLabel(value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value)) {
      const instant = new Date(value);
      if (!Number.isNaN(instant.getTime())) return formatStamp(instant, timeZone);
    }
    if (Object.hasOwn(LEVEL_NAMES, value)) return LEVEL_NAMES[value as Level];
    if (Object.hasOwn(CHANNEL_NAMES, value)) return value.replaceAll("_", " ");
    return value === "" ? "(empty)" : value;
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => valueLabel(v, timeZone)).join(", ") : "none";
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => `${keyLabel(k)} ${valueLabel(v, timeZone)}`)
      .join(", ");
  return String(value);
}

/**
 * Before and after as lines a person reads: "level: Urgent → Routine" for a changed value,
 * "q: smith" for one only after (a view's filters, a new record), "note: … → none" for one removed.
 * Unchanged values are left out.
 */
export function describeChange(before: unknown, after: unknown, timeZone: string): string[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const inBefore = Object.hasOwn(b, key);
    const inAfter = Object.hasOwn(a, key);
    if (inBefore && inAfter && JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    const label = keyLabel(key);
    if (!inBefore) lines.push(`${label}: ${valueLabel(a[key], timeZone)}`);
    else lines.push(`${label}: ${valueLabel(b[key], timeZone)} → ${inAfter ? valueLabel(a[key], timeZone) : "none"}`);
  }
  return lines;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  return isRecord(value) ? value : { value };
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A cell
 * a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) gets a
 * leading apostrophe first, so opening the export never runs what someone typed into a name.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, CRLF-terminated as RFC 4180 has it. */
export const csvRow = (cells: (string | null | undefined)[]) => `${cells.map(csvCell).join(",")}\r\n`;
