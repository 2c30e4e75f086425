// Notes and logged calls, as the case page and the patient page both list them.
import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/booking/format";
import { CALL_OUTCOMES } from "@/lib/staff/cases";
import styles from "./staff.module.css";

export type RecordNote = {
  id: string;
  intakeId?: string;
  kind: "note" | "call";
  outcome: string | null;
  body: string;
  createdAt: Date;
  author: string | null;
};

/** The list of notes and calls, each with its author and time in the clinic's zone; `visit` names its intake. */
export function RecordNotes({
  notes,
  zone,
  visit,
}: {
  notes: readonly RecordNote[];
  zone: string;
  visit?: (intakeId: string) => ReactNode;
}) {
  if (!notes.length) return <p>None yet.</p>;
  return (
    <ul className={styles.timeline}>
      {notes.map((n) => (
        <li key={n.id}>
          <strong>
            {n.kind === "call"
              ? `Call: ${CALL_OUTCOMES[n.outcome as keyof typeof CALL_OUTCOMES] ?? n.outcome}`
              : "Note"}
          </strong>{" "}
          <span className={styles.muted}>
            {n.author ?? "a former colleague"}, {formatDateTime(n.createdAt, zone)}
            {visit && n.intakeId ? <>, {visit(n.intakeId)}</> : null}
          </span>
          {n.body ? <div>{n.body}</div> : null}
        </li>
      ))}
    </ul>
  );
}
