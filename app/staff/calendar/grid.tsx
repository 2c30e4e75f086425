"use client";
// The calendar's time grid: columns of clinicians or days, 5-minute rows, where every appointment
// and free time is a link whose name says it all (the week of every clinician is week-summary.tsx).
// A client component, so the server sends each block's words once rather than as a tree of
// elements it would serialise and parse again (a day of 20 clinicians is hundreds of blocks); still
// drawn on the server, so it reads without JavaScript. Blocks link with plain anchors: next/link
// would prefetch every appointment and free time on screen.
import { LEVEL_NAMES } from "@/common/vocabulary";
import type { CalendarBlock, CalendarLayout } from "@/lib/staff/calendar";
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
      <a href={block.href}>
        <span aria-hidden="true">
          <span className={styles.time}>{block.time}</span> <span className={styles.name}>{block.patient}</span>
          <br />
          {block.type} · {LEVEL_NAMES[block.level]}
          {STATUS[block.status] ? ` · ${STATUS[block.status]}` : ""}
        </span>
        <span className="visually-hidden">{block.label}</span>
      </a>
    );
  if (block.kind === "free")
    return (
      <a href={block.href}>
        <span aria-hidden="true">Free {block.time}</span>
        <span className="visually-hidden">{block.label}</span>
      </a>
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
export function TimeGrid({
  layout,
  columns,
}: {
  layout: Pick<CalendarLayout, "rows" | "hourMarks">;
  columns: GridColumn[];
}) {
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
