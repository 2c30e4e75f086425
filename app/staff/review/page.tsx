import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { firstValues } from "@/lib/forms";
import { LEVEL_NAMES } from "@/lib/staff/format";
import { queueViewDetails } from "@/lib/staff/audit";
import { recordPageView } from "@/lib/staff/audit-api";
import { requireStaff } from "@/lib/staff/session";
import { pageQueue, queueQuerySchema, type QueueQuery } from "@/lib/staff/queue";
import { LEVELS } from "@/lib/triage";
import { AutoRefresh } from "../_components/auto-refresh";
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
  const keep = new URLSearchParams(
    Object.entries({ level: query.level, status: query.status, q: query.q }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  );
  const nextHref = next ? `/staff/review?${new URLSearchParams({ ...Object.fromEntries(keep), after: next })}` : null;

  return (
    <div className={styles.page}>
      <AutoRefresh seconds={30} />
      <h1>To review</h1>
      <p className={styles.muted}>
        Every soon case, and every case with a clinician flag, whatever its level: a clinician reads each one within one
        working day of its arrival (clinic hours). Overdue reviews alert the admins. Most urgent first, then oldest.
      </p>
      <form className={styles.filters} method="get" role="search" aria-label="Filter the review list">
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
        <button type="submit" className={styles.secondary}>
          Show cases
        </button>
      </form>
      {page.length === 0 ? (
        <p>Nothing to review. Soon and flagged cases appear here as they arrive.</p>
      ) : (
        <QueueTable
          rows={page.map((c) => queueRow(c, now, "review"))}
          caption="Cases to review, most urgent first"
          deadlineHeading="Review by"
        />
      )}
      <div className={styles.pager}>
        {query.after ? <Link href={`/staff/review?${keep}`}>First page</Link> : <span />}
        {nextHref ? <Link href={nextHref}>Next page</Link> : null}
      </div>
    </div>
  );
}
