// The triage audit over HTTP, clinicians and admins by session only (no key scope covers it):
// GET /api/v1/staff/triage-audit (JSON) and GET /staff/triage-audit/export (CSV), each audited.
import type { Db } from "@/db/client";
import { getClinicZone } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { localDate } from "@/lib/scheduling/zoned";
import { recordStaffView, type Viewer } from "@/lib/staff/audit";
import { requireStaffApi } from "@/lib/staff/session";
import {
  parseTriageAuditQuery,
  readTriageAudit,
  TRIAGE_AUDIT_ROLES,
  triageAuditFilters,
  type TriageAudit,
  type TriageAuditQuery,
} from "./audit";
import { triageAuditCsv } from "./audit-csv";

/** Under-triage cases the JSON answer lists (newest first; `underTriage.total` counts them all). */
export const API_UNDER_TRIAGE_LIMIT = 500;
/** Under-triage cases a CSV export holds at most. */
export const EXPORT_UNDER_TRIAGE_LIMIT = 100_000;

const queryOf = (request: Request) => parseTriageAuditQuery(Object.fromEntries(new URL(request.url).searchParams));

/** The audit as the JSON API answers it (dates as ISO instants; under-triage cases by id, no names). */
export function triageAuditJson(audit: TriageAudit, q: TriageAuditQuery) {
  return {
    ruleset: audit.ruleset,
    released: audit.released,
    versions: audit.versions,
    from: q.from ?? null,
    to: q.to ?? null,
    level: q.level ?? null,
    graded: audit.graded,
    verdicts: audit.verdicts,
    rules: audit.rules.map((r) => ({
      id: r.id,
      level: r.level,
      fired: r.fired,
      withVerdict: r.withVerdict,
      right: r.right,
      rightShare: r.rightShare,
      serious: r.serious,
      ppv: r.ppv,
    })),
    levels: audit.levels,
    trend: audit.trend,
    underTriage: {
      total: audit.underTriage.total,
      cases: audit.underTriage.shown.map((c) => ({
        caseId: c.id,
        createdAt: c.createdAt.toISOString(),
        level: c.level,
        overrideLevel: c.overrideLevel,
        firedRules: c.firedRules,
        diagnosis: c.diagnosis,
        verdictAt: c.verdictAt.toISOString(),
      })),
    },
    silent: audit.silent,
  };
}

/** GET /api/v1/staff/triage-audit: the figures as JSON, audited as `triage_audit_viewed`. */
export async function triageAuditApi(request: Request): Promise<Response> {
  const staff = await requireStaffApi(TRIAGE_AUDIT_ROLES);
  if (staff instanceof Response) return staff;
  const db = await getDb();
  const timeZone = await getClinicZone(db);
  const query = queryOf(request);
  const audit = await readTriageAudit(db, query, {
    timeZone,
    now: new Date(),
    underTriageLimit: API_UNDER_TRIAGE_LIMIT,
  });
  await recordStaffView(db, staff, "triage_audit_viewed", { ...triageAuditFilters(query), source: "api" });
  return Response.json(triageAuditJson(audit, query), { headers: { "Cache-Control": "no-store" } });
}

/**
 * The audit as CSV lines and the download's file name (ruleset and date, no patient's name). The
 * export is audited (`triage_audit_exported`, with its filters) before anything is read.
 */
export async function exportTriageAudit(
  db: Db,
  viewer: Viewer,
  query: TriageAuditQuery,
  { timeZone, now }: { timeZone: string; now: Date },
): Promise<{ lines: string[]; fileName: string }> {
  await recordStaffView(db, viewer, "triage_audit_exported", triageAuditFilters(query));
  const audit = await readTriageAudit(db, query, { timeZone, now, underTriageLimit: EXPORT_UNDER_TRIAGE_LIMIT });
  const safe = audit.ruleset.replace(/[^0-9A-Za-z.-]/g, "_");
  return {
    lines: triageAuditCsv(audit, (instant) => localDate(instant, timeZone)),
    fileName: `triage-audit-${safe}-${localDate(now, timeZone)}.csv`,
  };
}

/** GET /staff/triage-audit/export: the filtered audit as a CSV download. */
export async function triageAuditExportResponse(request: Request): Promise<Response> {
  const staff = await requireStaffApi(TRIAGE_AUDIT_ROLES);
  if (staff instanceof Response) return staff;
  const db = await getDb();
  const timeZone = await getClinicZone(db);
  const { lines, fileName } = await exportTriageAudit(db, staff, queryOf(request), { timeZone, now: new Date() });
  // A BOM so spreadsheets read the rule texts as UTF-8.
  return new Response(`\uFEFF${lines.join("")}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
