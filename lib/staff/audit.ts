// Views of patient data and of the audit trail itself, recorded; and the trail as the page, the
// API and the CSV export read it (one query string, one filter, one page).
import { z } from "zod";
import type { Db } from "@/db/client";
import { listAuditTrail, recordAudit, type AuditFilter, type AuditTrailRow } from "@/db/queries/audit";
import { addLocalDays, isLocalDate, localInstant } from "@/lib/scheduling/zoned";
import { actionLabel, actorLabel, csvRow, describeChange, formatStamp } from "./audit-format";
import type { QueueQuery } from "./queue";
import type { Staff } from "./session";

export type Viewer = Pick<Staff, "id" | "email" | "clientAddress">;

/** Each list, search, view or export of patient data (or of the trail) that is audited, and what it shows. */
const VIEW_SUBJECTS = {
  queue_viewed: "queue",
  review_list_viewed: "review_list",
  api_case_list_viewed: "case_list",
  audit_viewed: "audit_trail",
  audit_exported: "audit_trail",
  settings_viewed: "settings",
  patients_searched: "patients",
  waitlist_viewed: "waitlist",
  waitlist_offer_times_viewed: "waitlist",
  outcomes_viewed: "outcomes",
  triage_audit_viewed: "triage_audit",
  triage_audit_exported: "triage_audit",
} as const;
export type StaffViewAction = keyof typeof VIEW_SUBJECTS;
/** What a view asked for and showed: filters, search terms, the page, how many rows. */
export type ViewDetails = Record<string, string | number | boolean | null | undefined>;

/**
 * Records that a staff member looked at a list of patient data (or the trail): what they asked
 * for (filters, search terms, the page) in `after`. Empty filters are left out.
 */
export async function recordStaffView(
  db: Db,
  staff: Viewer,
  action: StaffViewAction,
  details: ViewDetails = {},
): Promise<void> {
  const after = Object.fromEntries(
    Object.entries(details).filter(([, v]) => v !== undefined && v !== null && v !== ""),
  );
  await recordAudit(db, {
    actor: { id: staff.id, email: staff.email },
    action,
    subjectType: VIEW_SUBJECTS[action],
    subjectId: null,
    after,
    clientAddress: staff.clientAddress,
  });
}

/** What a view of the case queue or the review list asked for: its filters, search terms and page. */
export function queueViewDetails(q: QueueQuery) {
  return { queue: q.queue, level: q.level, status: q.status, q: q.q, clinician: q.clinician, cursor: q.after };
}

/** Every action the trail records, for its filter (the query accepts any other well-formed one too). */
export const AUDIT_ACTIONS: readonly string[] = `
  case_viewed case_acknowledged call_logged note_added level_overridden case_reviewed case_resolved
  urgent_slot_booked overdue_alert_queued review_overdue_alert_queued
  queue_viewed review_list_viewed api_case_list_viewed schedule_viewed settings_viewed
  audit_viewed audit_exported
  marked_arrived marked_no_show attendance_undone
  appointment_booked appointment_moved appointment_cancelled appointment_viewed
  sign_in sign_in_failed sign_in_throttled sign_in_refused_locked sign_in_refused_inactive account_locked
  sign_out sign_out_everywhere
  sign_in_second_factor second_factor_failed second_factor_too_many_tries
  mfa_app_added mfa_passkey_added mfa_app_removed mfa_passkey_removed mfa_recovery_codes_replaced mfa_reset
  mfa_policy_changed password_changed
  staff_created staff_role_changed staff_deactivated staff_reactivated staff_unlocked staff_password_reset
  email_retried clinic_settings_updated clinic_hours_added clinic_hours_removed
  clinician_added clinician_updated clinician_deactivated clinician_reactivated
  working_hours_added working_hours_removed time_off_added time_off_removed appointment_type_updated
  appointment_type_created urgent_type_changed appointment_reminder_withdrawn
  webhook_created webhook_deactivated webhook_reactivated webhook_removed webhook_tested
  api_key_created api_key_revoked api_key_used api_key_refused webhook_delivery_retried
  grade_verdict_recorded grade_verdict_changed staff_level_recorded silent_pilot_started silent_pilot_ended
  triage_audit_viewed triage_audit_exported
  patient_viewed patients_searched patient_merged patient_merge_undone waitlist_joined waitlist_changed waitlist_viewed waitlist_removed
  waitlist_offered waitlist_offer_accepted waitlist_offer_declined waitlist_offer_lapsed waitlist_offer_withdrawn
  waitlist_offer_times_viewed pre_visit_check_answered pre_visit_time_given_back
  my_back_link_sent recovery_activities_chosen recovery_checkin_answered recovery_emails_stopped
  recovery_emails_restarted patient_discharged patient_discharge_undone run_plan_cleared run_plan_started
  run_plan_checkin run_plan_resumed outcomes_viewed
  patient_exported patient_erased privacy_notice_published retention_period_changed retention_purge_completed
  fhir_patient_exported
`
  .trim()
  .split(/\s+/);

// A bookmarked or hand-typed filter that does not parse is dropped, not an error.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const text = z
  .string()
  .trim()
  .max(100)
  .regex(/^\P{Cc}*$/u);
const localDay = z.string().refine(isLocalDate);

/** The trail's query string: ?action=&actor=&patient=&subject=&from=&to=&before= (dates in the clinic's zone). */
export const auditQuerySchema = z.object({
  action: optional(z.string().regex(/^[a-z_]{1,50}$/)),
  actor: optional(z.uuid()),
  patient: optional(text),
  subject: optional(text),
  from: optional(localDay),
  to: optional(localDay),
  before: optional(z.string().regex(/^\d{1,15}_[0-9a-f-]{36}$/)),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** Parses the query string, reading an empty field as no filter. */
export function parseAuditQuery(params: Record<string, string | undefined>): AuditQuery {
  return auditQuerySchema.parse(Object.fromEntries(Object.entries(params).filter(([, v]) => v?.trim())));
}

/** The filters of a query without its page, as the page's links and the audit rows keep them. */
export function auditFilters(q: AuditQuery): Record<string, string> {
  const { action, actor, patient, subject, from, to } = q;
  return Object.fromEntries(
    Object.entries({ action, actor, patient, subject, from, to }).filter((e): e is [string, string] => !!e[1]),
  );
}

/** The query as a database filter: "from" and "to" are whole days in the clinic's zone. */
export function auditFilter(q: AuditQuery, timeZone: string): AuditFilter {
  const [at, id] = q.before?.split("_") ?? [];
  return {
    action: q.action,
    actorId: q.actor,
    patient: q.patient,
    subjectId: q.subject,
    from: q.from ? localInstant(q.from, "00:00", timeZone) : undefined,
    to: q.to ? localInstant(addLocalDays(q.to, 1), "00:00", timeZone) : undefined,
    before: at && id ? { at: new Date(Number(at)), id } : undefined,
  };
}

const cursorOf = (e: AuditTrailRow) => `${e.at.getTime()}_${e.id}`;

/**
 * One page of the trail, newest first, with the cursor of the next one; the view is itself
 * audited (`audit_viewed`, with its filters, the page and where it was seen) unless `recordView`
 * is false (background work nobody looks at, such as a prefetch).
 */
export async function pageAuditTrail(
  db: Db,
  viewer: Viewer,
  query: AuditQuery,
  {
    timeZone,
    pageSize,
    source,
    recordView = true,
  }: { timeZone: string; pageSize: number; source: "page" | "api"; recordView?: boolean },
): Promise<{ events: AuditTrailRow[]; next: string | null }> {
  const rows = await listAuditTrail(db, auditFilter(query, timeZone), pageSize + 1);
  const events = rows.slice(0, pageSize);
  if (recordView)
    await recordStaffView(db, viewer, "audit_viewed", {
      ...auditFilters(query),
      cursor: query.before,
      source,
      shown: events.length,
    });
  const last = events.at(-1);
  return { events, next: rows.length > pageSize && last ? cursorOf(last) : null };
}

const CSV_HEADER = [
  "time (clinic)",
  "time (UTC)",
  "who",
  "who (email)",
  "action",
  "record type",
  "record id",
  "patient",
  "case id",
  "changes",
  "reason",
  "client address",
  "event id",
];
const EXPORT_BATCH = 500;

/**
 * The whole filtered trail as CSV lines (the query's page is ignored). The export is audited
 * (`audit_exported`, with its filters) before anything is read: no audit row, no export.
 */
export async function exportAuditCsv(
  db: Db,
  viewer: Viewer,
  query: AuditQuery,
  timeZone: string,
): Promise<AsyncIterable<string>> {
  const filters = auditFilters(query);
  await recordStaffView(db, viewer, "audit_exported", filters);
  const filter = auditFilter({ ...query, before: undefined }, timeZone);
  return (async function* () {
    yield csvRow(CSV_HEADER);
    let before: AuditFilter["before"];
    for (;;) {
      const rows = await listAuditTrail(db, { ...filter, before }, EXPORT_BATCH);
      for (const e of rows) yield csvRow(csvCells(e, timeZone));
      const last = rows.at(-1);
      if (rows.length < EXPORT_BATCH || !last) return;
      before = { at: last.at, id: last.id };
    }
  })();
}

function csvCells(e: AuditTrailRow, timeZone: string): string[] {
  return [
    formatStamp(e.at, timeZone),
    e.at.toISOString(),
    actorLabel(e),
    e.actorEmail ?? "",
    actionLabel(e.action),
    e.subjectType,
    e.subjectId ?? "",
    e.patient ? `${e.patient.firstName} ${e.patient.lastName}` : "",
    e.patient?.intakeId ?? "",
    describeChange(e.before, e.after, timeZone).join("; "),
    e.reason ?? "",
    e.clientAddress ?? "",
    e.id,
  ];
}
