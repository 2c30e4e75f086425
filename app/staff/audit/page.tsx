import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { listAudit } from "@/db/queries/audit";
import { getClinicInfo } from "@/lib/clinic";
import { formatDateTime } from "@/lib/booking/format";
import { getDb } from "@/lib/db";
import { firstValues } from "@/lib/forms";
import { requireStaff } from "@/lib/staff/session";
import styles from "../_components/staff.module.css";

export const metadata: Metadata = { title: "Audit trail", robots: { index: false } };

const PAGE_SIZE = 50;

const querySchema = z.object({
  action: z
    .string()
    .regex(/^[a-z_]{1,50}$/)
    .optional()
    .catch(undefined),
  subject: z.uuid().optional().catch(undefined),
  actor: z.uuid().optional().catch(undefined),
  before: z
    .string()
    .regex(/^\d{1,15}_[0-9a-f-]{36}$/)
    .optional()
    .catch(undefined),
});

const ACTIONS = [
  "case_viewed",
  "case_acknowledged",
  "call_logged",
  "note_added",
  "level_overridden",
  "case_resolved",
  "urgent_slot_booked",
  "sign_in",
  "sign_in_failed",
  "sign_in_refused_locked",
  "sign_in_refused_inactive",
  "account_locked",
  "sign_out",
  "sign_out_everywhere",
  "staff_created",
  "staff_updated",
  "overdue_alert_queued",
  "clinic_settings_updated",
  "clinician_added",
  "clinician_updated",
  "clinician_deactivated",
  "clinician_reactivated",
  "working_hours_added",
  "working_hours_removed",
  "time_off_added",
  "time_off_removed",
  "appointment_type_updated",
  "staff_role_changed",
  "staff_deactivated",
  "staff_reactivated",
  "staff_unlocked",
  "staff_password_reset",
  "email_retried",
  "schedule_viewed",
  "marked_arrived",
  "marked_no_show",
  "attendance_undone",
];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every view and change of a patient record, and every sign-in: newest first. Admins only; read-only. */
export default async function AuditPage({ searchParams }: Props) {
  await requireStaff(["admin"], "/staff/audit");
  const query = querySchema.parse(firstValues(await searchParams));
  const [at, id] = query.before?.split("_") ?? [];
  const db = await getDb();
  const events = await listAudit(
    db,
    {
      action: query.action,
      subjectId: query.subject,
      actorId: query.actor,
      before: at && id ? { at: new Date(Number(at)), id } : undefined,
    },
    PAGE_SIZE + 1,
  );
  const page = events.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const keep = Object.fromEntries(
    Object.entries({ action: query.action, subject: query.subject, actor: query.actor }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  );
  const zone = (await getClinicInfo()).timeZone;
  return (
    <div className={styles.page}>
      <h1>Audit trail</h1>
      <p className={styles.muted}>
        Every view and change of a patient record and every sign-in, newest first. Nothing here can be edited or
        deleted.
      </p>
      <form className={styles.filters} method="get" aria-label="Filter the audit trail">
        <div className={styles.field}>
          <label htmlFor="action">Action</label>
          <select id="action" name="action" defaultValue={query.action ?? ""}>
            <option value="">Any action</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="subject">Record id</label>
          <input id="subject" name="subject" defaultValue={query.subject ?? ""} />
        </div>
        <button type="submit" className={styles.secondary}>
          Show events
        </button>
      </form>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">Audit events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Record</th>
              <th scope="col">Details</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {page.map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <td>{formatDateTime(e.at, zone)}</td>
                <td>
                  {e.actorEmail ? <Link href={`/staff/audit?actor=${e.actorId}`}>{e.actorEmail}</Link> : "system"}
                </td>
                <td>{e.action.replaceAll("_", " ")}</td>
                <td>
                  {e.subjectType === "intake" && e.subjectId ? (
                    <Link href={`/staff/cases/${e.subjectId}`}>case {e.subjectId.slice(0, 8)}</Link>
                  ) : (
                    `${e.subjectType} ${e.subjectId?.slice(0, 8) ?? ""}`
                  )}
                </td>
                <td>
                  {e.reason ? <div>Reason: {e.reason}</div> : null}
                  {e.before ? <div className={styles.muted}>before: {JSON.stringify(e.before)}</div> : null}
                  {e.after ? <div className={styles.muted}>after: {JSON.stringify(e.after)}</div> : null}
                </td>
                <td>{e.clientAddress}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.pager}>
        {query.before ? <Link href={`/staff/audit?${new URLSearchParams(keep)}`}>Newest</Link> : <span />}
        {events.length > PAGE_SIZE && last ? (
          <Link href={`/staff/audit?${new URLSearchParams({ ...keep, before: `${last.at.getTime()}_${last.id}` })}`}>
            Older
          </Link>
        ) : null}
      </div>
    </div>
  );
}
