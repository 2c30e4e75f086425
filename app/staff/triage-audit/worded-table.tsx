"use client";
// The triage audit's long tables (each rule, levels over time, under-triage), worded on the
// server. A client component, like the case queue's table: the server sends each row as a few
// strings instead of a tree of elements that it would serialise and parse again, and still renders
// the same HTML on the server (it reads without JavaScript).
import Link from "next/link";
import styles from "../_components/staff.module.css";

/** A cell's words: the text, a muted note on its own line, a muted aside after it, or a link. */
export type WordedCell = string | number | { text: string | number; note?: string; aside?: string; href?: string };

export type WordedRow = {
  key: string;
  /** The row's header cell (th scope="row"), when the row has one. */
  head?: WordedCell;
  cells: WordedCell[];
};

function Words({ cell }: { cell: WordedCell }) {
  if (typeof cell !== "object") return <>{cell}</>;
  const text = cell.href ? <Link href={cell.href}>{cell.text}</Link> : cell.text;
  return (
    <>
      {text}
      {cell.aside ? <span className={styles.muted}> ({cell.aside})</span> : null}
      {cell.note ? <div className={styles.muted}>{cell.note}</div> : null}
    </>
  );
}

/** A table that scrolls sideways in its own labelled, focusable region. */
export function WordedTable({
  label,
  caption,
  columns,
  rows,
  rowTestId,
}: {
  /** The scrolling region's name. */
  label: string;
  caption: string;
  columns: string[];
  rows: WordedRow[];
  rowTestId?: string;
}) {
  return (
    <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={label}>
      <table className={styles.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid={rowTestId}>
              {r.head !== undefined ? (
                <th scope="row">
                  <Words cell={r.head} />
                </th>
              ) : null}
              {r.cells.map((c, i) => (
                <td key={i}>
                  <Words cell={c} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
