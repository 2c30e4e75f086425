import type { Metadata } from "next";
import { getDb } from "@/lib/db";
import { firstValues } from "@/lib/forms";
import { queueViewDetails } from "@/lib/staff/audit";
import { recordPageView } from "@/lib/staff/audit-api";
import { requireStaff } from "@/lib/staff/session";
import { pageQueue, queueQuerySchema, type QueueQuery } from "@/lib/staff/queue";
import { AutoRefresh } from "../_components/auto-refresh";
import { QueueFilters } from "../_components/queue-filters";
import { QueuePager } from "../_components/queue-pager";
import { QueueTable } from "../_components/queue-table";
import { queueRow } from "../_components/queue-rows";
import styles from "../_components/staff.module.css";

export const metadata: Metadata = { title: "To review", robots: { index: false } };

const PAGE_SIZE = 25;

const STATUS_NAMES = { open: "Not reviewed yet", resolved: "Reviewed", all: "All" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The "To review" list: every SOON intake and every intake with a clinician flag, most urgent first,
 * each due within one working day (clinic hours). A clinician opens the case and marks it reviewed.
 */
export default async function ReviewPage({ searchParams }: Props) {
  const staff = await requireStaff(undefined, "/staff/review");
  const raw = queueQuerySchema.parse(firstValues(await searchParams));
  const status: QueueQuery["status"] = raw.status === "resolved" || raw.status === "all" ? raw.status : "open";
  const query = { ...raw, status, queue: "review" as const };
  const db = await getDb();
  const now = new Date();
  const { cases: page, next } = await pageQueue(db, query, PAGE_SIZE, now);
  await recordPageView(db, staff, "review_list_viewed", {
    ...queueViewDetails(query),
    queue: undefined,
    shown: page.length,
  });

  return (
    <div className={styles.page}>
      <AutoRefresh seconds={30} />
      <h1>To review</h1>
      <p className={styles.muted}>
        Every soon case, and every case with a clinician flag, whatever its level: a clinician reads each one within one
        working day of its arrival (clinic hours). Overdue reviews alert the admins. Most urgent first, then oldest.
      </p>
      <QueueFilters label="Filter the review list" query={query} statusNames={STATUS_NAMES} />
      {page.length === 0 ? (
        <p>Nothing to review. Soon and flagged cases appear here as they arrive.</p>
      ) : (
        <QueueTable
          rows={page.map((c) => queueRow(c, now, "review"))}
          caption="Cases to review, most urgent first"
          deadlineHeading="Review by"
        />
      )}
      <QueuePager
        path="/staff/review"
        filters={{ level: query.level, status: query.status, q: query.q }}
        after={query.after}
        next={next}
      />
    </div>
  );
}
