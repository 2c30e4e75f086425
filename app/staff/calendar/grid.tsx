// The calendar's two drawings: a time grid (columns of clinicians or days, 5-minute rows) and the
// week table of every clinician. Every appointment and free time is a link whose name says it all.
import Link from "next/link";
import { formatDay, formatTime } from "@/lib/booking/format";
import type { CalendarBlock, CalendarCell, CalendarLayout } from "@/lib/staff/calendar";
import { LEVEL_NAMES } from "@/lib/staff/format";
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

const STATUS: Record<string, string> = { arrived: "✓ Arrived", no_show: "✗ Did not come", completed: "Completed" };

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

/** Free times next to each other as one period (the week table lists periods, not hours). */
function mergeFree(blocks: CalendarBlock[]): CalendarBlock[] {
  const out: CalendarBlock[] = [];
  for (const b of blocks) {
    const prev = out.at(-1);
    if (b.kind === "free" && prev?.kind === "free" && prev.end.getTime() === b.start.getTime()) {
      out[out.length - 1] = { ...prev, end: b.end };
    } else out.push(b);
  }
  return out;
}

/** Every clinician's week: a row each, a column a day, each cell listing its day in time order. */
export function WeekTable({
  days,
  today,
  zone,
  cells,
  clinicians,
}: {
  days: string[];
  today: string;
  zone: string;
  cells: CalendarCell[];
  clinicians: { id: string; name: string }[];
}) {
  const span = (b: CalendarBlock) => `${formatTime(b.start, zone)} to ${formatTime(b.end, zone)}`;
  return (
    <div className={cx(styles.scroll, styles.weekScroll)}>
      <table className={styles.week}>
        <caption className="visually-hidden">Every clinician&apos;s week, a column a day</caption>
        <thead>
          <tr>
            <th scope="col">Clinician</th>
            {days.map((d) => (
              <th key={d} scope="col" className={d === today ? styles.today : undefined}>
                {formatDay(localInstant(d, "12:00", zone), zone)}
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
                const cell = cells.find((x) => x.date === d && x.clinicianId === c.id);
                const blocks = mergeFree(cell?.blocks ?? []);
                const dayName = formatDay(localInstant(d, "12:00", zone), zone);
                return (
                  <td key={d} className={cell?.working ? undefined : styles.notWorking}>
                    <span className={styles.cellDay}>{dayName}</span>
                    {cell?.working ? null : <span>Not working</span>}
                    {cell?.working && blocks.length === 0 ? <span className={styles.quiet}>Nothing booked</span> : null}
                    {blocks.length ? (
                      <ul>
                        {blocks.map((b, i) => (
                          <li key={`${b.kind}-${i}-${b.start.getTime()}`} className={blockClass(b)}>
                            {b.kind === "free" ? (
                              <Link href={b.href}>
                                <span aria-hidden="true">Free {span(b)}</span>
                                <span className="visually-hidden">
                                  Free {span(b)} with {c.name}, {dayName}: book a patient
                                </span>
                              </Link>
                            ) : (
                              <BlockBody block={b} />
                            )}
                          </li>
                        ))}
                      </ul>
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
