// When the clinic is open: the hours that set urgent deadlines and what patients are told out of hours.
import type { ReactNode } from "react";
import type { listClinicHours } from "@/db/queries/clinic-hours";
import { WEEKDAYS } from "@/lib/staff/settings";
import { addOpeningHoursAction, removeOpeningHoursAction } from "../opening-hours-actions";
import { StaffForm } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";
import styles from "../settings.module.css";

type Hours = Awaited<ReturnType<typeof listClinicHours>>;

const dayOptions = WEEKDAYS.map((d, i) => ({ value: String(i + 1), label: d }));

export function OpeningHoursSection({ title, notice, hours }: { title: string; notice: ReactNode; hours: Hours }) {
  return (
    <section id="opening-hours" className={styles.section} aria-labelledby="opening-hours-title">
      <h2 id="opening-hours-title">{title}</h2>
      {notice}
      <p className={staff.muted}>
        When the clinic is open, urgent cases are due within their acknowledgement time; outside these hours they are
        due at opening and patients are told who to call instead. With no hours set, the clinic counts as always open.
      </p>
      <p className={staff.muted}>
        Several rows on one day make split hours. Whole-clinic closures in <a href="#time-off">Time off and closures</a>{" "}
        also count as out of hours.
      </p>
      {hours.length ? (
        <div className={staff.tableWrap}>
          <table className={staff.table}>
            <caption className="visually-hidden">Opening hours, Monday to Sunday</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Open</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {WEEKDAYS.flatMap((day, i) => {
                const rows = hours.filter((h) => h.weekday === i + 1);
                if (!rows.length)
                  return [
                    <tr key={day}>
                      <th scope="row">{day}</th>
                      <td colSpan={2}>
                        <span className={styles.status}>✕ Closed</span>
                      </td>
                    </tr>,
                  ];
                return rows.map((h) => (
                  <tr key={h.id}>
                    <th scope="row">{day}</th>
                    <td>
                      {h.start}–{h.end}
                    </td>
                    <td>
                      <StaffForm
                        errorSummary
                        action={removeOpeningHoursAction}
                        hidden={{ id: h.id }}
                        submitLabel={
                          <>
                            Remove
                            <span className="visually-hidden">
                              {" "}
                              opening hours, {day} {h.start}–{h.end}
                            </span>
                          </>
                        }
                        secondary
                        layout="inline"
                      />
                    </td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No opening hours set: the clinic counts as always open.</p>
      )}
      <h3>Add opening hours</h3>
      <StaffForm
        errorSummary
        layout="grid"
        action={addOpeningHoursAction}
        fields={[
          { name: "weekday", label: "Day", kind: "select", options: [{ value: "", label: "Choose…" }, ...dayOptions] },
          { name: "start", label: "Opens", kind: "time", short: true },
          { name: "end", label: "Closes", kind: "time", short: true },
        ]}
        submitLabel="Add these opening hours"
      />
    </section>
  );
}
