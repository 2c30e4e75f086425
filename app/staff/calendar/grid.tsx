// The calendar's two drawings: a time grid (columns of clinicians or days, 5-minute rows), where
// every appointment and free time is a link whose name says it all, and the week of every
// clinician as counts, each day linking to its grid.
import Link from "next/link";
import { formatDay } from "@/lib/booking/format";
import type { CalendarBlock, CalendarLayout, DaySummary } from "@/lib/staff/calendar";
import { duration, LEVEL_NAMES } from "@/lib/staff/format";
import { localInstant } from "@/lib/scheduling/zoned";
import styles from "./calendar.module.css";

export type GridColumn = {
  key: string;
  heading: string;
  note?: string;
  today: boolean;
  blocks: CalendarBlock[];
  nowRow?: number;
};

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");
const at = (row: number, span: number) => cx(styles[`r${row}`], styles[`s${span}`]);

const STATUS: Record<string, string> = {
  arrived: "✓ Arrived",
  no_show: "✗ Did not come",
  completed: "Completed",
  held: "Held for a waitlist offer",
};

function BlockBody({ block }: { block: CalendarBlock }) {
  if (block.kind === "appointment")
    return (
      <Link href={block.href}>
        <span aria-hidden="true">
          <span className={styles.time}>{block.time}</span> <span className={styles.name}>{block.patient}</span>
          <br />
          {block.type} · {LEVEL_NAMES[block.level]}
          {STATUS[block.status] ? ` · ${STATUS[block.status]}` : ""}
        </span>
        <span className="visually-hidden">{block.label}</span>
      </Link>
    );
  if (block.kind === "free")
    return (
      <Link href={block.href}>
        <span aria-hidden="true">Free {block.time}</span>
        <span className="visually-hidden">{block.label}</span>
      </Link>
    );
  return (
    <div>
      <span aria-hidden="true">
        {block.closure ? "Clinic closed" : "Time off"}, {block.time}
        {block.reason ? ` (${block.reason})` : ""}
      </span>
      <span className="visually-hidden">{block.label}</span>
    </div>
  );
}

const blockClass = (b: CalendarBlock) =>
  cx(
    styles.block,
    styles[b.kind],
    b.kind === "off" && b.closure && styles.closure,
    b.kind === "appointment" && styles[`lv${b.level}`],
  );

/** Columns side by side over the hours shown, each block on its rows; a list on a phone. */
export function TimeGrid({ layout, columns }: { layout: CalendarLayout; columns: GridColumn[] }) {
  return (
    <div className={styles.scroll}>
      <div className={styles.grid}>
        <div className={styles.axis} aria-hidden="true">
          {layout.hourMarks.map((m) => (
            <span key={m.row} className={at(m.row, 12)}>
              {m.label}
            </span>
          ))}
        </div>
        {columns.map((col) => (
          <section key={col.key} className={styles.column} aria-labelledby={`col-${col.key}`}>
            <h3 id={`col-${col.key}`} className={cx(styles.colHead, col.today && styles.today)}>
              {col.heading}
              {col.today ? <span className="visually-hidden"> (today)</span> : null}
              {col.note ? <span className={styles.colNote}>{col.note}</span> : null}
            </h3>
            <ol className={styles.track} aria-label={`${col.heading}: appointments, free time and time off`}>
              {col.blocks.map((b, i) => (
                <li key={`${b.kind}-${i}-${b.start.getTime()}`} className={cx(blockClass(b), at(b.row, b.span))}>
                  <BlockBody block={b} />
                </li>
              ))}
              {col.nowRow ? <li className={cx(styles.now, at(col.nowRow, 1))} aria-hidden="true" /> : null}
              <li className={cx(styles.spacer, at(layout.rows, 1))} aria-hidden="true" />
            </ol>
            {col.blocks.length === 0 ? <p className="visually-hidden">Nothing on this day.</p> : null}
          </section>
        ))}
      </div>
    </div>
  );
}

/** Every clinician's week as counts: a row each, a column a day, each cell linking to that day. */
export function WeekSummary({
  days,
  today,
  zone,
  cells,
  clinicians,
  dayHref,
}: {
  days: string[];
  today: string;
  zone: string;
  cells: DaySummary[];
  clinicians: { id: string; name: string }[];
  dayHref: (date: string, clinicianId: string) => string;
}) {
  const byKey = new Map(cells.map((c) => [`${c.clinicianId} ${c.date}`, c]));
  const dayNames = new Map(days.map((d) => [d, formatDay(localInstant(d, "12:00", zone), zone)]));
  return (
    <div className={cx(styles.scroll, styles.weekScroll)}>
      <table className={styles.week}>
        <caption className="visually-hidden">Every clinician&apos;s week, a column a day</caption>
        <thead>
          <tr>
            <th scope="col">Clinician</th>
            {days.map((d) => (
              <th key={d} scope="col" className={d === today ? styles.today : undefined}>
                {dayNames.get(d)}
                {d === today ? <span className="visually-hidden"> (today)</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {clinicians.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              {days.map((d) => {
                const cell = byKey.get(`${c.id} ${d}`);
                return (
                  <td key={d} className={cell?.working ? undefined : styles.notWorking}>
                    <span className={styles.cellDay}>{dayNames.get(d)}</span>
                    {cell ? (
                      <DayCounts
                        cell={cell}
                        past={d < today}
                        name={`${c.name}, ${dayNames.get(d)}`}
                        href={dayHref(d, c.id)}
                      />
                    ) : null}
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
 * (appointments that happen or happened: booked, arrived, seen or missed, not cancelled).
 */
function DayCounts({ cell, past, name, href }: { cell: DaySummary; past: boolean; name: string; href: string }) {
  if (!cell.working && cell.booked === 0 && cell.off.length === 0) return <span>Not working</span>;
  // A line each for the eye; the commas (hidden) make one sentence for a screen reader.
  const comma = <span className="visually-hidden">, </span>;
  return (
    <Link href={href} className={styles.dayLink}>
      <span className="visually-hidden">{name}: </span>
      {cell.working ? null : <span>Not working{comma}</span>}
      <span>
        {cell.booked ? `${cell.booked} ${cell.booked === 1 ? "appointment" : "appointments"}` : "No appointments"}
      </span>
      {cell.urgent ? (
        <span className={styles.urgentCount}>
          {comma}
          {cell.urgent} urgent
        </span>
      ) : null}
      {cell.working && !past ? (
        <span className={cell.freeMinutes ? styles.freeCount : styles.quiet}>
          {comma}
          {cell.freeMinutes ? `Free ${duration(cell.freeMinutes * 60_000)}` : "No free time"}
        </span>
      ) : null}
      {cell.off.map((o, i) => (
        <span key={i} className={styles.offCount}>
          {comma}
          {o.closure ? "Clinic closed" : "Time off"} {o.time}
        </span>
      ))}
    </Link>
  );
}
