// When the clinic is open: the hours that set urgent deadlines and what patients are told out of hours.
import type { ReactNode } from "react";
import type { listClinicHours } from "@/db/queries/clinic-hours";
import { addOpeningHoursAction, removeOpeningHoursAction } from "../opening-hours-actions";
import staff from "../../_components/staff.module.css";
import styles from "../settings.module.css";
import { AddWeeklyHoursForm, WeeklyHoursTable } from "./weekly-hours-table";

type Hours = Awaited<ReturnType<typeof listClinicHours>>;

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
        <WeeklyHoursTable
          caption="Opening hours, Monday to Sunday"
          captionHidden
          hoursHeading="Open"
          hours={hours}
          closedDay={<span className={styles.status}>✕ Closed</span>}
          removeAction={removeOpeningHoursAction}
          removeWhat="opening hours, "
        />
      ) : (
        <p>No opening hours set: the clinic counts as always open.</p>
      )}
      <h3>Add opening hours</h3>
      <AddWeeklyHoursForm
        action={addOpeningHoursAction}
        startLabel="Opens"
        endLabel="Closes"
        submitLabel="Add these opening hours"
      />
    </section>
  );
}
