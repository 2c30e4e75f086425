import type { Metadata } from "next";
import Link from "next/link";
import { listStaff } from "@/db/queries/staff";
import { zoneName } from "@/lib/booking/format";
import { getClinicInfo } from "@/lib/clinic";
import { getDb } from "@/lib/db";
import { firstValues } from "@/lib/forms";
import { AUDIT_ACTIONS, auditFilters, pageAuditTrail, parseAuditQuery } from "@/lib/staff/audit";
import { isBackgroundView } from "@/lib/staff/audit-api";
import { actionLabel, actorLabel, describeChange, formatStamp } from "@/lib/staff/audit-format";
import { requireStaff } from "@/lib/staff/session";
import staffStyles from "../_components/staff.module.css";
import styles from "./audit.module.css";

export const metadata: Metadata = { title: "Audit trail", robots: { index: false } };

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every view and change of patient data, and every sign-in: newest first, filtered. Admins only; read-only. */
export default async function AuditPage({ searchParams }: Props) {
  const admin = await requireStaff(["admin"], "/staff/audit");
  const query = parseAuditQuery(firstValues(await searchParams));
  const db = await getDb();
  const zone = (await getClinicInfo()).timeZone;
  const [{ events, next }, people] = await Promise.all([
    pageAuditTrail(db, admin, query, {
      timeZone: zone,
      pageSize: PAGE_SIZE,
      source: "page",
      recordView: !(await isBackgroundView()),
    }),
    listStaff(db),
  ]);
  const keep = auditFilters(query);
  const filtered = new URLSearchParams(keep).toString();
  const actions =
    query.action && !AUDIT_ACTIONS.includes(query.action) ? [...AUDIT_ACTIONS, query.action] : AUDIT_ACTIONS;

  return (
    <div className={staffStyles.page}>
      <h1>Audit trail</h1>
      <p className={staffStyles.muted}>
        Every view, search, export and change of patient data, and every sign-in, newest first. Times are{" "}
        {zoneName(zone)}. Nothing here can be edited or deleted; viewing and downloading it are recorded too.
      </p>
      <form className={staffStyles.filters} method="get" role="search" aria-label="Filter the audit trail">
        <div className={staffStyles.field}>
          <label htmlFor="actor">Person</label>
          <select id="actor" name="actor" defaultValue={query.actor ?? ""}>
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className={staffStyles.field}>
          <label htmlFor="patient">Patient name or email</label>
          <input id="patient" name="patient" type="search" defaultValue={query.patient ?? ""} />
        </div>
        <div className={staffStyles.field}>
          <label htmlFor="action">Action</label>
          <select id="action" name="action" defaultValue={query.action ?? ""}>
            <option value="">Any action</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <div className={staffStyles.field}>
          <label htmlFor="from">From (date)</label>
          <input id="from" name="from" type="date" defaultValue={query.from ?? ""} />
        </div>
        <div className={staffStyles.field}>
          <label htmlFor="to">To (date, included)</label>
          <input id="to" name="to" type="date" defaultValue={query.to ?? ""} />
        </div>
        <div className={staffStyles.field}>
          <label htmlFor="subject">Record id</label>
          <input id="subject" name="subject" defaultValue={query.subject ?? ""} autoComplete="off" />
        </div>
        <button type="submit" className={staffStyles.secondary}>
          Show events
        </button>
        {filtered ? <Link href="/staff/audit">Clear filters</Link> : null}
      </form>
      <p>
        <a href={`/staff/audit/export${filtered ? `?${filtered}` : ""}`} download>
          Download these events as CSV
        </a>{" "}
        <span className={staffStyles.muted}>(every page; the download is recorded)</span>
      </p>
      {events.length === 0 ? (
        <p>No events match these filters.</p>
      ) : (
        <div className={staffStyles.tableWrap}>
          <table className={staffStyles.table}>
            <caption className={styles.caption}>
              Audit events, newest first ({zoneName(zone)}){filtered ? ", filtered" : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">About</th>
                <th scope="col">What changed</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => {
                const changes = describeChange(e.before, e.after, zone);
                return (
                  <tr key={e.id} data-testid="audit-row">
                    <td className={styles.when}>{formatStamp(e.at, zone)}</td>
                    <td>
                      {e.actorId ? (
                        <Link href={`/staff/audit?${new URLSearchParams({ ...keep, actor: e.actorId })}`}>
                          {actorLabel(e)}
                        </Link>
                      ) : (
                        actorLabel(e)
                      )}
                      {e.actorName && e.actorEmail ? <div className={staffStyles.muted}>{e.actorEmail}</div> : null}
                    </td>
                    <td>{actionLabel(e.action)}</td>
                    <td>
                      {e.patient ? (
                        <Link href={`/staff/cases/${e.patient.intakeId}`}>
                          {`${e.patient.firstName} ${e.patient.lastName}`.trim() || "case"}
                        </Link>
                      ) : e.subjectName ? (
                        e.subjectName
                      ) : (
                        actionLabel(e.subjectType)
                      )}
                      {e.subjectType === "appointment" ? <div className={staffStyles.muted}>appointment</div> : null}
                    </td>
                    <td>
                      {e.reason ? <div>Reason: {e.reason}</div> : null}
                      {changes.length ? (
                        <ul className={styles.changes}>
                          {changes.map((line, i) => (
                            <li key={i}>{line}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                    <td>{e.clientAddress}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <nav className={staffStyles.pager} aria-label="Audit trail pages">
        {query.before ? <Link href={`/staff/audit${filtered ? `?${filtered}` : ""}`}>Newest</Link> : <span />}
        {next ? <Link href={`/staff/audit?${new URLSearchParams({ ...keep, before: next })}`}>Older</Link> : null}
      </nav>
    </div>
  );
}
