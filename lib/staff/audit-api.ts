// The audit trail over HTTP, admins only: GET /api/v1/staff/audit (JSON pages) and
// GET /staff/audit/export (the filtered trail as CSV), both themselves audited; and the audit row
// of a staff page's view, which needs the request.
import { cookies, headers } from "next/headers";
import type { Db } from "@/db/client";
import { getClinicZone } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { localDate } from "@/lib/scheduling/zoned";
import { describeChange } from "./audit-format";
import {
  exportAuditCsv,
  pageAuditTrail,
  parseAuditQuery,
  recordStaffView,
  type StaffViewAction,
  type ViewDetails,
  type Viewer,
} from "./audit";
import { isBackgroundRequest } from "./background";
import { requireStaffApi } from "./session";

const API_PAGE_SIZE = 100;

/**
 * For pages: records the view (see recordStaffView) unless the request is background work a person
 * did not ask for (the queue's 30-second auto-refresh, a link prefetch): the view that showed the
 * list is in the trail once, not once every 30 seconds of an open tab.
 */
export async function recordPageView(
  db: Db,
  staff: Viewer,
  action: StaffViewAction,
  details?: ViewDetails,
): Promise<void> {
  if (!(await isBackgroundView())) await recordStaffView(db, staff, action, details);
}

/** Whether this page request is background work (an auto-refresh, a prefetch) rather than a person's view. */
export async function isBackgroundView(): Promise<boolean> {
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  return isBackgroundRequest(requestHeaders, (name) => jar.get(name)?.value);
}

const queryOf = (request: Request) => parseAuditQuery(Object.fromEntries(new URL(request.url).searchParams));

/** GET /api/v1/staff/audit: 100 events a page, newest first, filtered like /staff/audit; `next` is the cursor for `before`. */
export async function auditTrailApi(request: Request): Promise<Response> {
  const staff = await requireStaffApi(["admin"]);
  if (staff instanceof Response) return staff;
  const db = await getDb();
  const timeZone = await getClinicZone(db);
  const { events, next } = await pageAuditTrail(db, staff, queryOf(request), {
    timeZone,
    pageSize: API_PAGE_SIZE,
    source: "api",
  });
  return Response.json(
    {
      events: events.map((e) => ({
        ...e,
        at: e.at.toISOString(),
        changes: describeChange(e.before, e.after, timeZone),
      })),
      next,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** GET /staff/audit/export: the whole filtered trail as a CSV download (audited as `audit_exported`). */
export async function auditExportResponse(request: Request): Promise<Response> {
  const staff = await requireStaffApi(["admin"]);
  if (staff instanceof Response) return staff;
  const db = await getDb();
  const timeZone = await getClinicZone(db);
  const lines = (await exportAuditCsv(db, staff, queryOf(request), timeZone))[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  // Streamed a batch of rows at a time: a year of trail never sits in memory whole.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF")); // so spreadsheets read the names as UTF-8
    },
    async pull(controller) {
      let chunk = "";
      for (let i = 0; i < 500; i++) {
        const line = await lines.next();
        if (line.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += line.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await lines.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-trail-${localDate(new Date(), timeZone)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
