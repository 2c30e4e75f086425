// A week of hours rows (a clinician's working hours, the clinic's opening hours): the table with a Remove
// button a row, and the form that adds one. Both settings sections show them alike, so staff read one layout.
import type { ReactNode } from "react";
import { formatClockRange } from "@/lib/booking/format";
import { WEEKDAYS } from "@/lib/staff/settings";
import type { ConfirmAction } from "@/lib/staff/settings-confirm";
import { StaffForm, type Field, type StaffFormProps } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";
import { AskFirst } from "./ask-first";

type HoursRow = { id: string; weekday: number; start: string; end: string };

const dayOptions = WEEKDAYS.map((d, i) => ({ value: String(i + 1), label: d }));

export function WeeklyHoursTable({
  caption,
  captionHidden,
  hoursHeading,
  hours,
  closedDay,
  noHours,
  removeAction,
  removeWhat,
}: {
  caption: ReactNode;
  /** A caption only screen readers hear (the section's heading already says what the table is). */
  captionHidden?: boolean;
  /** The heading of the hours column. */
  hoursHeading: string;
  /** The rows, by weekday and start. */
  hours: readonly HoursRow[];
  /** Given, every weekday has a row, and a day without hours says this. */
  closedDay?: ReactNode;
  /** Without `closedDay`: the one row shown when there are no hours at all. */
  noHours?: ReactNode;
  /** The change a row's Remove makes at once, or the confirmation it asks first on. */
  removeAction: StaffFormProps["action"] | ConfirmAction;
  /** The start of a Remove button's words for screen readers, before the day and hours (e.g. "opening hours, "). */
  removeWhat: ReactNode;
}) {
  const row = (h: HoursRow, day: string | undefined) => {
    const removeLabel = (
      <>
        Remove
        <span className="visually-hidden">
          {" "}
          {removeWhat}
          {day} {formatClockRange(h.start, h.end)}
        </span>
      </>
    );
    return (
      <tr key={h.id}>
        <th scope="row">{day}</th>
        <td>{formatClockRange(h.start, h.end)}</td>
        <td>
          {typeof removeAction === "string" ? (
            <AskFirst action={removeAction} id={h.id} label={removeLabel} />
          ) : (
            <StaffForm
              errorSummary
              action={removeAction}
              hidden={{ id: h.id }}
              submitLabel={removeLabel}
              secondary
              layout="inline"
            />
          )}
        </td>
      </tr>
    );
  };
  let body: ReactNode;
  if (closedDay !== undefined)
    body = WEEKDAYS.flatMap((day, i) => {
      const rows = hours.filter((h) => h.weekday === i + 1);
      if (!rows.length)
        return [
          <tr key={day}>
            <th scope="row">{day}</th>
            <td colSpan={2}>{closedDay}</td>
          </tr>,
        ];
      return rows.map((h) => row(h, day));
    });
  else
    body = hours.length ? (
      hours.map((h) => row(h, WEEKDAYS[h.weekday - 1]))
    ) : (
      <tr>
        <td colSpan={3}>{noHours}</td>
      </tr>
    );
  return (
    <div className={staff.tableWrap}>
      <table className={staff.table}>
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">{hoursHeading}</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}

/** The form that adds one hours row: a day, a start and an end, after any fields of the caller's (e.g. who). */
export function AddWeeklyHoursForm({
  action,
  fields = [],
  startLabel,
  endLabel,
  submitLabel,
}: {
  action: StaffFormProps["action"];
  fields?: readonly Field[];
  startLabel: string;
  endLabel: string;
  submitLabel: string;
}) {
  return (
    <StaffForm
      errorSummary
      layout="grid"
      action={action}
      fields={[
        ...fields,
        { name: "weekday", label: "Day", kind: "select", options: [{ value: "", label: "Choose…" }, ...dayOptions] },
        { name: "start", label: startLabel, kind: "time", short: true },
        { name: "end", label: endLabel, kind: "time", short: true },
      ]}
      submitLabel={submitLabel}
    />
  );
}
