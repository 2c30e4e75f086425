import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import type { Metadata } from "next";
import Link from "next/link";
import { formatDay, zoneName } from "@/lib/booking/format";
import { getClinicCached, getScheduleSettings } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { firstValues } from "@/lib/forms";
import type { DaySummary } from "@/lib/staff/calendar";
import { calendarQuerySchema, viewCalendar } from "@/lib/staff/calendar-view";
import { addLocalDays, localInstant } from "@/lib/scheduling/zoned";
import { requireStaff } from "@/lib/staff/session";
import staff from "../_components/staff.module.css";
import styles from "./calendar.module.css";
import { duration } from "@/lib/staff/format";
import { TimeGrid, type GridColumn } from "./grid";
import { WeekSummary, type WeekCell, type WeekSummaryProps } from "./week-summary";

export const metadata: Metadata = { title: "Calendar", robots: { index: false }, referrer: PRIVATE_PAGE_REFERRER };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Day and week calendar of every clinician: appointments, free time to book, time off and closures. */
export default async function CalendarPage({ searchParams }: Props) {
  const me = await requireStaff(undefined, "/staff/calendar");
  const query = calendarQuerySchema.parse(firstValues(await searchParams));
  const db = await getDb();
  const [clinic, settings] = await Promise.all([getClinicCached(db), getScheduleSettings(db)]);
  const cal = await viewCalendar(db, me, { query, now: new Date(), clinic, settings });
  const { zone, today, date, days } = cal;
  const noon = (day: string) => localInstant(day, "12:00", zone);

  const href = (changes: Partial<Record<"view" | "date" | "clinician", string | undefined>>) => {
    const params = Object.entries({ view: query.view, date: query.date, clinician: query.clinician, ...changes });
    const kept = params.filter((e): e is [string, string] => !!e[1]);
    return kept.length ? `/staff/calendar?${new URLSearchParams(kept)}` : "/staff/calendar";
  };
  const week = query.view === "week";
  const step = week ? 7 : 1;
  const chosen = query.clinician ? cal.clinicians[0] : undefined;
  const heading =
    (week
      ? `Week of ${formatDay(noon(days[0]!), zone)}`
      : `${date === today ? "Today, " : ""}${formatDay(noon(date), zone)}`) + (chosen ? `: ${chosen.name}` : "");

  // The week of everyone, as the words each cell shows (a past day shows no free time).
  const weekSummary = (cells: DaySummary[]): WeekSummaryProps => {
    const byKey = new Map(cells.map((c) => [`${c.clinicianId} ${c.date}`, c]));
    return {
      days: days.map((d) => ({ date: d, name: formatDay(noon(d), zone), today: d === today })),
      rows: cal.clinicians.map((c) => ({
        id: c.id,
        name: c.name,
        cells: days.map((d) => {
          const cell = byKey.get(`${c.id} ${d}`);
          if (!cell) return null;
          const shown: WeekCell = { booked: cell.booked };
          if (!cell.working) shown.away = true;
          if (cell.urgent) shown.urgent = cell.urgent;
          if (cell.working && d >= today)
            shown.free = cell.freeMinutes
              ? { text: `Free ${duration(cell.freeMinutes * 60_000)}` }
              : { text: "No free time", none: true };
          if (cell.off.length) shown.off = cell.off.map((o) => `${o.closure ? "Clinic closed" : "Time off"} ${o.time}`);
          return shown;
        }),
      })),
    };
  };
  const layout = cal.kind === "grid" ? cal.layout : null;
  const columns: GridColumn[] = !layout
    ? []
    : week
      ? days.map((day) => ({
          key: day,
          heading: formatDay(noon(day), zone),
          today: day === today,
          blocks: layout.cells.find((c) => c.date === day)?.blocks ?? [],
          nowRow: layout.cells.find((c) => c.date === day)?.nowRow,
        }))
      : layout.cells.map((c) => ({
          key: c.clinicianId,
          heading: c.clinician,
          today: false,
          note: c.working ? undefined : "Not working",
          blocks: c.blocks,
          nowRow: c.nowRow,
        }));

  return (
    <div className={staff.page}>
      <h1>Calendar</h1>
      <p className={staff.muted}>
        All times are {zoneName(zone)}. Choose a free time to book a patient, or an appointment to move or cancel it.
        The <Link href="/staff/schedule">schedule</Link> lists the same appointments with attendance marks.
      </p>
      <div className={styles.nav}>
        <nav aria-label="Day or week">
          <ul>
            <li>
              <Link href={href({ view: "day" })} aria-current={week ? undefined : "page"}>
                Day
              </Link>
            </li>
            <li>
              <Link href={href({ view: "week" })} aria-current={week ? "page" : undefined}>
                Week
              </Link>
            </li>
          </ul>
        </nav>
        <nav aria-label="Move through the calendar">
          <ul>
            <li>
              <Link href={href({ date: addLocalDays(date, -step) })}>{week ? "Previous week" : "Previous day"}</Link>
            </li>
            <li>
              <Link href={href({ date: undefined })} aria-current={date === today ? "page" : undefined}>
                {week ? "This week" : "Today"}
              </Link>
            </li>
            <li>
              <Link href={href({ date: addLocalDays(date, step) })}>{week ? "Next week" : "Next day"}</Link>
            </li>
          </ul>
        </nav>
        <form method="get" action="/staff/calendar" aria-label="Go to a date">
          <input type="hidden" name="view" value={query.view} />
          {query.clinician ? <input type="hidden" name="clinician" value={query.clinician} /> : null}
          <label htmlFor="calendar-date" className={styles.navLabel}>
            Date
          </label>
          <input id="calendar-date" name="date" type="date" defaultValue={date} />
          <button type="submit" className={staff.secondary}>
            Go
          </button>
        </form>
      </div>
      <nav className={styles.nav} aria-label="Clinicians shown">
        <span className={styles.navLabel} aria-hidden="true">
          Clinicians:
        </span>
        <ul>
          <li>
            <Link href={href({ clinician: undefined })} aria-current={query.clinician ? undefined : "page"}>
              Everyone
            </Link>
          </li>
          {settings.clinicians.map((c) => (
            <li key={c.id}>
              <Link href={href({ clinician: c.id })} aria-current={query.clinician === c.id ? "page" : undefined}>
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{heading}</h2>
      {layout ? (
        <ul className={styles.legend} aria-label="Key">
          <li>
            <span className={`${styles.swatch} ${styles.appointment}`} aria-hidden="true" /> Booked
          </li>
          <li>
            <span className={`${styles.swatch} ${styles.free}`} aria-hidden="true" /> Free: choose to book
          </li>
          <li>
            <span className={`${styles.swatch} ${styles.off}`} aria-hidden="true" /> Time off
          </li>
          <li>
            <span className={`${styles.swatch} ${styles.off} ${styles.closure}`} aria-hidden="true" /> Clinic closed
          </li>
          <li>Grey: not working</li>
        </ul>
      ) : null}
      {cal.clinicians.length === 0 ? (
        <p>No active clinicians. An admin adds them in Settings.</p>
      ) : cal.kind === "summary" ? (
        <>
          <p className={staff.muted}>
            Choose a day to see who is booked and book a free time, or a clinician above to see their week hour by hour.
          </p>
          <WeekSummary {...weekSummary(cal.summary)} />
        </>
      ) : (
        <TimeGrid layout={{ rows: cal.layout.rows, hourMarks: cal.layout.hourMarks }} columns={columns} />
      )}
    </div>
  );
}
