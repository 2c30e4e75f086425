import type { FieldRow } from "@/lib/openapi/reference";
import styles from "../api.module.css";
import { InlineText } from "./inline-text";

type Props = { caption: string; rows: readonly (FieldRow & { in?: string })[]; showIn?: boolean };

/** Fields or parameters: name, where (for parameters), type, required, what it is. Stacks on a phone. */
export function FieldsTable({ caption, rows, showIn = false }: Props) {
  return (
    <table className={styles.fields}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          {showIn ? <th scope="col">In</th> : null}
          <th scope="col">Type</th>
          <th scope="col">Required</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.in ?? ""}:${row.name}`}>
            <th scope="row">
              <code>
                <BreakableName name={row.name} />
              </code>
            </th>
            {showIn ? <td data-label="In">{row.in}</td> : null}
            <td data-label="Type">{row.type}</td>
            <td data-label="Required">{row.required ? "yes" : "no"}</td>
            <td data-label="Description">{row.description ? <InlineText text={row.description} /> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A dotted path may wrap after each dot (`history.` `recentInfection…`), never inside a word. */
function BreakableName({ name }: { name: string }) {
  return name.split(".").map((part, i, parts) => (
    <span key={i}>
      {part}
      {i < parts.length - 1 ? (
        <>
          .<wbr />
        </>
      ) : null}
    </span>
  ));
}
