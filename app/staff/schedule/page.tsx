import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { listSchedule, type ScheduleRow } from "@/db/queries/schedule";
import { formatDay, formatTime, zoneName } from "@/lib/booking/format";
import { clinicZone, getClinicCached, getScheduleSettings } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { firstValues } from "@/lib/forms";
import { ARRIVE_EARLY_MINUTES, MARK_REFUSALS, recordScheduleView, type MarkRefusal } from "@/lib/staff/schedule";
import { requireStaff } from "@/lib/staff/session";
import { addLocalDays, isLocalDate, isoWeekday, localDate, localInstant, parseLocalDate } from "@/lib/scheduling/zoned";
import { markAttendanceAction } from "../actions";
import { ClinicianSelect } from "../_components/clinician-select";
import styles from "../_components/staff.module.css";

export const metadata: Metadata = { title: "Schedule", robots: { index: false } };

const querySchema = z.object({
  view: z.enum(["day", "week"]).default("day").catch("day"),
  date: z.string().refine(isLocalDate).optional().catch(undefined),
  clinician: z.uuid().optional().catch(undefined),
  refused: z
    .enum(Object.keys(MARK_REFUSALS) as [MarkRefusal, ...MarkRefusal[]])
    .optional()
    .catch(undefined),
});

const STATUS_NAMES: Record<ScheduleRow["status"], string> = {
  booked: "Expected",
  arrived: "✓ Arrived",
  no_show: "✗ Did not come",
  completed: "Completed",
  cancelled: "Cancelled",
  rescheduled: "Moved",
  held: "Held for a waitlist offer",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Today's or this week's appointments per clinician, in the clinic's zone, with attendance marks. */
export default async function SchedulePage({ searchParams }: Props) {
  const staff = await requireStaff(undefined, "/staff/schedule");
  const query = querySchema.parse(firstValues(await searchParams));
  const db = await getDb();
  const [clinic, { clinicians }] = await Promise.all([getClinicCached(db), getScheduleSettings(db)]);
  const zone = clinicZone(clinic);
  const now = new Date();
  const today = localDate(now, zone);
  const date = query.date ?? today;
  const first = query.view === "week" ? addLocalDays(date, 1 - isoWeekday(parseLocalDate(date))) : date;
  const days = Array.from({ length: query.view === "week" ? 7 : 1 }, (_, i) => addLocalDays(first, i));
  const from = localInstant(first, "00:00", zone);
  const to = localInstant(addLocalDays(first, days.length), "00:00", zone);
  const rows = await listSchedule(db, { from, to, clinicianId: query.clinician });
  // Names and phone numbers of patients: a view of patient data, so it is audited.
  await recordScheduleView(db, staff, {
    from: first,
    days: days.length,
    clinicianId: query.clinician ?? null,
    appointments: rows.length,
  });

  const href = (changes: Record<string, string | undefined>) => {
    const params = Object.fromEntries(
      Object.entries({ view: query.view, date: query.date, clinician: query.clinician, ...changes }).filter(
        (e): e is [string, string] => !!e[1],
      ),
    );
    return `/staff/schedule?${new URLSearchParams(params)}`;
  };
  const step = query.view === "week" ? 7 : 1;
  const back = href({});
  const heading =
    query.view === "week"
      ? `Week of ${formatDay(from, zone)}`
      : date === today
        ? `Today, ${formatDay(from, zone)}`
        : formatDay(from, zone);

  return (
    <div className={styles.page}>
      <h1>Schedule</h1>
      <p className={styles.muted}>
        All times are {zoneName(zone)}. Mark a patient as arrived from {ARRIVE_EARLY_MINUTES} minutes before their time,
        and as not come once their time has started.
      </p>
      {query.refused ? (
        <p className={styles.error} role="alert">
          {MARK_REFUSALS[query.refused]}
        </p>
      ) : null}
      <form className={styles.filters} method="get" aria-label="Choose the schedule to show">
        <div className={styles.field}>
          <label htmlFor="view">Show</label>
          <select id="view" name="view" defaultValue={query.view}>
            <option value="day">One day</option>
            <option value="week">A week (Monday to Sunday)</option>
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="date">Date</label>
          <input id="date" name="date" type="date" defaultValue={date} />
        </div>
        <ClinicianSelect clinicians={clinicians} value={query.clinician} anyLabel="Every clinician" />
        <button type="submit" className={styles.secondary}>
          Show schedule
        </button>
      </form>
      <nav className={styles.pager} aria-label="Move through the schedule">
        <Link href={href({ date: addLocalDays(date, -step) })}>
          {query.view === "week" ? "Previous week" : "Previous day"}
        </Link>
        {date !== today ? (
          <Link href={href({ date: undefined })}>{query.view === "week" ? "This week" : "Today"}</Link>
        ) : null}
        <Link href={href({ date: addLocalDays(date, step) })}>{query.view === "week" ? "Next week" : "Next day"}</Link>
      </nav>
      <h2>{heading}</h2>
      {rows.length === 0 ? <p>No appointments{query.clinician ? " for this clinician" : ""}.</p> : null}
      {days.map((day) => {
        const ofDay = rows.filter((r) => localDate(r.startsAt, zone) === day);
        if (query.view === "week" && ofDay.length === 0) return null;
        const byClinician = [...new Set(ofDay.map((r) => r.clinicianId))];
        const markable = day <= today;
        return (
          <section key={day} aria-label={formatDay(localInstant(day, "12:00", zone), zone)}>
            {query.view === "week" ? <h3>{formatDay(localInstant(day, "12:00", zone), zone)}</h3> : null}
            {byClinician.map((clinicianId) => {
              const list = ofDay.filter((r) => r.clinicianId === clinicianId);
              return (
                <div key={clinicianId} className={styles.tableWrap}>
                  <table className={`${styles.table} ${styles.schedule}`} data-testid="schedule-table">
                    <caption>
                      {list[0]!.clinician}: {list.length} {list.length === 1 ? "appointment" : "appointments"}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Time</th>
                        <th scope="col">Patient</th>
                        <th scope="col">Appointment</th>
                        <th scope="col">Attendance</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((r) => (
                        <tr key={r.id} data-testid="schedule-row">
                          <td>
                            <strong>{formatTime(r.startsAt, zone)}</strong>
                            <div className={`${styles.muted} ${styles.nowrap}`}>to {formatTime(r.endsAt, zone)}</div>
                          </td>
                          <td>
                            <Link href={`/staff/cases/${r.intakeId}`}>
                              {r.firstName} {r.lastName}
                            </Link>
                            <div className={`${styles.muted} ${styles.nowrap}`}>{r.phone}</div>
                          </td>
                          <td>{r.type}</td>
                          <td>
                            <strong>{STATUS_NAMES[r.status]}</strong>
                            {markable && r.status !== "completed" ? (
                              <div className={styles.marks}>
                                {r.status === "booked" ? (
                                  <>
                                    <MarkButton
                                      id={r.id}
                                      mark="arrived"
                                      back={back}
                                      label="Arrived"
                                      who={`${r.firstName} ${r.lastName}`}
                                    />
                                    <MarkButton
                                      id={r.id}
                                      mark="no_show"
                                      back={back}
                                      label="Did not come"
                                      who={`${r.firstName} ${r.lastName}`}
                                    />
                                  </>
                                ) : (
                                  <MarkButton
                                    id={r.id}
                                    mark="booked"
                                    back={back}
                                    label="Undo"
                                    who={`${r.firstName} ${r.lastName}`}
                                  />
                                )}
                              </div>
                            ) : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}

function MarkButton({
  id,
  mark,
  back,
  label,
  who,
}: {
  id: string;
  mark: string;
  back: string;
  label: string;
  who: string;
}) {
  return (
    <form action={markAttendanceAction}>
      <input type="hidden" name="appointmentId" value={id} />
      <input type="hidden" name="mark" value={mark} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" className={styles.secondary} aria-label={`${label}: ${who}`}>
        {label}
      </button>
    </form>
  );
}
