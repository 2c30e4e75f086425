import type { Metadata } from "next";
import { getDb } from "@/lib/db";
import { firstValues } from "@/lib/forms";
import { clinicZone, getScheduleSettings } from "@/lib/clinic-settings";
import { duration } from "@/lib/staff/format";
import { queueViewDetails } from "@/lib/staff/audit";
import { recordPageView } from "@/lib/staff/audit-api";
import { requireStaff } from "@/lib/staff/session";
import { pageQueue, queueQuerySchema } from "@/lib/staff/queue";
import { ackDeadlines } from "@/lib/escalation";
import { getClinicCalendar } from "@/lib/clinic-hours";
import { atAGlance } from "@/lib/staff/at-a-glance";
import { AutoRefresh } from "./_components/auto-refresh";
import { GlanceChart } from "./_components/glance-chart";
import { QueueFilters } from "./_components/queue-filters";
import { QueuePager } from "./_components/queue-pager";
import { QueueTable } from "./_components/queue-table";
import { FailedAlertsBanner } from "./_components/failed-alerts-banner";
import { listFailedEmergencyAlerts } from "@/db/queries/outbox";
import { queueRow } from "./_components/queue-rows";
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
  const staff = await requireStaff(undefined, "/staff");
  const query = queueQuerySchema.parse(firstValues(await searchParams));
  const db = await getDb();
  const now = new Date();
  const [{ cases: page, next, clinic }, { clinicians }] = await Promise.all([
    pageQueue(db, { ...query, queue: "escalated" }, PAGE_SIZE, now),
    getScheduleSettings(db),
  ]);
  const [glance, failedAlerts, calendar] = await Promise.all([
    atAGlance(db, now, clinicZone(clinic)),
    listFailedEmergencyAlerts(db),
    getClinicCalendar(db, now),
  ]);
  // Names and search terms of patients on screen: every view is in the audit trail.
  await recordPageView(db, staff, "queue_viewed", {
    ...queueViewDetails(query),
    queue: undefined,
    shown: page.length,
  });
  const deadlines = ackDeadlines(clinic);

  return (
    <div className={styles.page}>
      <AutoRefresh seconds={30} />
      <h1>Case queue</h1>
      <FailedAlertsBanner cases={failedAlerts} />
      {calendar.hours.length ? null : (
        <p className={styles.notice} role="status">
          No opening hours are set: deadlines run around the clock, and patients are told what to do whether the clinic
          is open or not. An admin sets the hours in Settings.
        </p>
      )}
      <p className={styles.muted}>
        Escalated cases, most urgent first, then oldest. This page updates itself every 30 seconds. Emergency cases must
        be acknowledged within {duration(deadlines.EMERGENCY! * 60_000)}, urgent ones within{" "}
        {duration(deadlines.URGENT! * 60_000)} while the clinic is open; a case that arrives while it is closed is due
        at opening. Emergency and urgent cases close only with a logged call or a clinician&apos;s reason.
      </p>
      <QueueFilters label="Filter cases" query={query} statusNames={STATUS_NAMES} clinicians={clinicians} />
      {page.length === 0 ? (
        <p>No cases match. New escalations appear here as they arrive.</p>
      ) : (
        <QueueTable rows={page.map((c) => queueRow(c, now))} />
      )}
      <QueuePager
        path="/staff"
        filters={{ level: query.level, status: query.status, q: query.q, clinician: query.clinician }}
        after={query.after}
        next={next}
      />
      <GlanceChart glance={glance} />
    </div>
  );
}
