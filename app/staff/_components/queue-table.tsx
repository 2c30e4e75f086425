"use client";

import Link from "next/link";
import type { Level } from "@/lib/triage";
import styles from "./staff.module.css";

/** One queue row, worded on the server (the deadline, the rule, the waiting time). */
export type QueueRow = {
  id: string;
  /** The patient's record, for the name's own link (null for rows without one). */
  patientId: string | null;
  level: Level;
  levelName: string;
  /** "graded X" when a clinician changed the level (the queue orders by the level that acts). */
  gradedName: string | null;
  name: string;
  age: number | null;
  why: string;
  waiting: string;
  ack: { text: string; overdue: boolean };
  /** "Call due" and "arrived out of hours", worded on the server. */
  tags: string[];
};

/**
 * The case queue's table. A client component, so the server sends each row as a few strings
 * rather than as a tree of elements to serialise and parse again (measured: about a fifth of
 * the queue page's server CPU), and still renders the same HTML on the server.
 */
export function QueueTable({
  rows,
  caption = "Escalated cases, most urgent first",
  deadlineHeading = "Acknowledge",
}: {
  rows: readonly QueueRow[];
  caption?: string;
  deadlineHeading?: string;
}) {
  return (
    <div className={styles.tableWrap}>
      <table className={`${styles.table} ${styles.stacked} ${styles.queueCards}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Patient</th>
            <th scope="col">Why</th>
            <th scope="col">Waiting</th>
            <th scope="col">{deadlineHeading}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} data-testid="case-row">
              <td>
                <span className={`${styles.level} ${styles[c.level]}`}>{c.levelName}</span>
                {c.gradedName ? <div className={styles.muted}>graded {c.gradedName}</div> : null}
              </td>
              <td>
                {/* No prefetch: 25 case pages fetched ahead on every 30 s refresh would be 25 requests for nothing. */}
                <Link href={`/staff/cases/${c.id}`} prefetch={false}>
                  {c.name}
                </Link>
                <div className={styles.muted}>
                  age {c.age}
                  {c.patientId ? (
                    <>
                      {" · "}
                      <Link href={`/staff/patients/${c.patientId}`} prefetch={false}>
                        record<span className="visually-hidden"> of {c.name}</span>
                      </Link>
                    </>
                  ) : null}
                </div>
              </td>
              <td data-label="Why">{c.why}</td>
              <td data-label="Waiting">{c.waiting}</td>
              <td data-label={deadlineHeading}>
                {c.ack.overdue ? <span className={styles.overdue}>{c.ack.text}</span> : c.ack.text}
                {/* Each tag on its own line: the marked one is an inline box, and beside "due in 9 min" it ran on. */}
                {c.tags.map((t) => (
                  <div key={t}>
                    <span className={t.startsWith("☎") ? styles.overdue : styles.muted}>{t}</span>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
