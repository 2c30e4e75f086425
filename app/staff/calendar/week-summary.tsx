"use client";
// Every clinician's week as counts: a row each, a column a day, each cell linking to that
// clinician's day. A client component fed compact data: the page sends the counts (a few bytes a
// cell) instead of the drawn table, which the server would otherwise send twice (as HTML and as the
// React payload that hydrates it): the week of 20 clinicians is 140 cells. Still drawn on the
// server, so it reads without JavaScript. Cells link with plain anchors, not next/link, which would
// prefetch all 140 days as soon as the table is on screen.
import styles from "./calendar.module.css";

/**
 * One clinician's day, in words ready to show (the server words durations and times). Sent for
 * every cell of the week, so what is usual is left out: working, nothing urgent, no time off.
 */
export type WeekCell = {
  /** Appointments that still happen or happened. */
  booked: number;
  /** Set when the clinician has no working hours that day. */
  away?: true;
  /** Of the appointments, how many are graded EMERGENCY or URGENT now (left out when none). */
  urgent?: number;
  /** Free time from now on ("Free 2 h 15 min", or "No free time" with none set); left out on a past day or away. */
  free?: { text: string; none?: true };
  /** Time off and closures ("Time off from 1 pm", "Clinic closed all day"). */
  off?: string[];
};

export type WeekSummaryProps = {
  days: { date: string; name: string; today: boolean }[];
  /** The rows, each with a cell per day (null: nothing known for that day). */
  rows: { id: string; name: string; cells: (WeekCell | null)[] }[];
};

// A day is the calendar's default view.
const dayHref = (date: string, clinician: string) => `/staff/calendar?date=${date}&clinician=${clinician}`;

export function WeekSummary({ days, rows }: WeekSummaryProps) {
  return (
    <div className={`${styles.scroll} ${styles.weekScroll}`}>
      <table className={styles.week}>
        <caption className="visually-hidden">Every clinician&apos;s week, a column a day</caption>
        <thead>
          <tr>
            <th scope="col">Clinician</th>
            {days.map((d) => (
              <th key={d.date} scope="col" className={d.today ? styles.today : undefined}>
                {d.name}
                {d.today ? <span className="visually-hidden"> (today)</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              {days.map((d, i) => {
                const cell = r.cells[i];
                return (
                  <td key={d.date} className={cell && !cell.away ? undefined : styles.notWorking}>
                    <span className={styles.cellDay}>{d.name}</span>
                    {cell ? <DayCounts cell={cell} name={`${r.name}, ${d.name}`} href={dayHref(d.date, r.id)} /> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One clinician's day in words: "3 appointments, 1 urgent, free 2 h 15 min, time off from 1 pm"
 * (appointments that happen or happened: booked, arrived, seen or missed, not cancelled). A line
 * each for the eye; the link's name is the whole sentence, with whose day it is.
 */
function DayCounts({ cell, name, href }: { cell: WeekCell; name: string; href: string }) {
  const off = cell.off ?? [];
  if (cell.away && cell.booked === 0 && off.length === 0) return <span>Not working</span>;
  const booked = cell.booked
    ? `${cell.booked} ${cell.booked === 1 ? "appointment" : "appointments"}`
    : "No appointments";
  const urgent = cell.urgent ? `${cell.urgent} urgent` : null;
  const words = [cell.away ? "Not working" : null, booked, urgent, cell.free?.text ?? null, ...off];
  return (
    <a href={href} className={styles.dayLink} aria-label={`${name}: ${words.filter(Boolean).join(", ")}`}>
      {cell.away ? <span>Not working</span> : null}
      <span>{booked}</span>
      {urgent ? <span className={styles.urgentCount}>{urgent}</span> : null}
      {cell.free ? <span className={cell.free.none ? styles.quiet : styles.freeCount}>{cell.free.text}</span> : null}
      {off.map((o, i) => (
        <span key={i} className={styles.offCount}>
          {o}
        </span>
      ))}
    </a>
  );
}
