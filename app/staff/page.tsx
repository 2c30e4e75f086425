import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { firstValues } from "@/lib/forms";
import { clinicZone, getScheduleSettings } from "@/lib/clinic-settings";
import { duration, LEVEL_NAMES, REASON_NAMES, ruleSummary } from "@/lib/staff/format";
import { requireStaff } from "@/lib/staff/session";
import { pageQueue, queueQuerySchema, type QueueCase } from "@/lib/staff/queue";
import { LEVELS } from "@/lib/triage";
import { atAGlance } from "@/lib/staff/at-a-glance";
import { AutoRefresh } from "./_components/auto-refresh";
import { GlanceChart } from "./_components/glance-chart";
import { ClinicianSelect } from "./_components/clinician-select";
import { QueueTable, type QueueRow } from "./_components/queue-table";
import styles from "./_components/staff.module.css";

export const metadata: Metadata = { title: "Case queue", robots: { index: false } };

const PAGE_SIZE = 25;

const STATUS_NAMES = {
  open: "Open (not resolved)",
  waiting: "Waiting for acknowledgement",
  acknowledged: "Acknowledged, not resolved",
  resolved: "Resolved",
  all: "All",
} as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Escalated cases: most urgent first, then oldest, with each one's acknowledgement deadline. */
export default async function QueuePage({ searchParams }: Props) {
  await requireStaff(undefined, "/staff");
  const query = queueQuerySchema.parse(firstValues(await searchParams));
  const db = await getDb();
  const now = new Date();
  const [{ cases: page, next, clinic, deadlines }, { clinicians }] = await Promise.all([
    pageQueue(db, query, PAGE_SIZE, now),
    getScheduleSettings(db),
  ]);
  const glance = await atAGlance(db, now, clinicZone(clinic));
  const keep = new URLSearchParams(
    Object.entries({ level: query.level, status: query.status, q: query.q, clinician: query.clinician }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  );
  const nextHref = next ? `/staff?${new URLSearchParams({ ...Object.fromEntries(keep), after: next })}` : null;

  return (
    <div className={styles.page}>
      <AutoRefresh seconds={30} />
      <h1>Case queue</h1>
      <p className={styles.muted}>
        Escalated cases, most urgent first, then oldest. This page updates itself every 30 seconds. Emergency cases must
        be acknowledged within {duration(deadlines.EMERGENCY! * 60_000)}, urgent ones within{" "}
        {duration(deadlines.URGENT! * 60_000)}.
      </p>
      <form className={styles.filters} method="get" role="search" aria-label="Filter cases">
        <div className={styles.field}>
          <label htmlFor="q">Name or email</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} />
        </div>
        <div className={styles.field}>
          <label htmlFor="level">Level</label>
          <select id="level" name="level" defaultValue={query.level ?? ""}>
            <option value="">Any level</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status}>
            {Object.entries(STATUS_NAMES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <ClinicianSelect clinicians={clinicians} value={query.clinician} anyLabel="Any clinician" />
        <button type="submit" className={styles.secondary}>
          Show cases
        </button>
      </form>
      {page.length === 0 ? (
        <p>No cases match. New escalations appear here as they arrive.</p>
      ) : (
        <QueueTable rows={page.map((c) => queueRow(c, now))} />
      )}
      <div className={styles.pager}>
        {query.after ? <Link href={`/staff?${keep}`}>First page</Link> : <span />}
        {nextHref ? <Link href={nextHref}>Next page</Link> : null}
      </div>
      <GlanceChart glance={glance} />
    </div>
  );
}

/** A case as the queue shows it: its level, who, why, how long it has waited, and its deadline. */
function queueRow(c: QueueCase, now: Date): QueueRow {
  const { due, overdueMs } = c;
  const ack = c.resolvedAt
    ? "Resolved"
    : c.acknowledgedAt
      ? "Acknowledged"
      : !due
        ? "Call back (no deadline)"
        : overdueMs !== null
          ? `⚠ OVERDUE by ${duration(overdueMs)}`
          : `due in ${duration(due.getTime() - now.getTime())}`;
  return {
    id: c.id,
    level: c.level,
    levelName: LEVEL_NAMES[c.level],
    nowName: c.overrideLevel ? LEVEL_NAMES[c.overrideLevel] : null,
    name: `${c.firstName} ${c.lastName}`,
    age: c.ageAtGrading,
    why: `${c.escalationReason === "no_capacity" ? `${REASON_NAMES.no_capacity}. ` : ""}${c.firedRules[0] ? ruleSummary(c.rulesetVersion, c.firedRules[0]) : ""}`,
    waiting: duration(now.getTime() - c.createdAt.getTime()),
    ack: { text: ack, overdue: overdueMs !== null },
  };
}
