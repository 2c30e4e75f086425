import Link from "next/link";
import { formatDateTime, formatShortDate, formatTime, zoneName } from "@/lib/booking/format";
import { addLocalDays } from "@/lib/scheduling";
import styles from "./staff.module.css";
import picker from "./time-picker.module.css";

export type PickerClinician = {
  id: string;
  name: string;
  slots: { start: Date; inside: boolean; reserved: boolean }[];
};

export type PickerQuery = { date: string; clinician?: string; start?: string };

type Props = {
  timeZone: string;
  /** Today, clinic-local (the strip starts no earlier). */
  today: string;
  /** The day shown, clinic-local. */
  date: string;
  clinicians: PickerClinician[];
  /** The time chosen (its clinician and ISO start), if any. */
  selected: { clinicianId: string; start: string } | null;
  /** The page's address for another day or a chosen time (the page keeps its other parameters). */
  href: (q: PickerQuery) => string;
  /** Mark each time inside or outside what the patient's level allows. */
  marks: boolean;
};

const weekday = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));

/**
 * Staff choose a time: a strip of days (and the day before and after), then that day's free times
 * as chips grouped by clinician, each a plain link (no JavaScript needed). Times outside the
 * patient's level are marked in words, not colour alone.
 */
export function TimePicker({ timeZone, today, date, clinicians, selected, href, marks }: Props) {
  const first = date <= addLocalDays(today, 3) ? today : addLocalDays(date, -3);
  const strip = Array.from({ length: 7 }, (_, i) => addLocalDays(first, i));
  const any = clinicians.some((c) => c.slots.length > 0);
  return (
    <section aria-labelledby="times-heading">
      <h2 id="times-heading">Choose a time</h2>
      <nav aria-label="Days">
        <ul className={picker.days}>
          {date > today ? (
            <li>
              <Link href={href({ date: addLocalDays(date, -1) })} prefetch={false}>
                <span aria-hidden="true">‹</span> Day before
              </Link>
            </li>
          ) : null}
          {strip.map((d) => (
            <li key={d}>
              <Link href={href({ date: d })} prefetch={false} aria-current={d === date ? "date" : undefined}>
                <span>{weekday(d)}</span> <span>{formatShortDate(d)}</span>
              </Link>
            </li>
          ))}
          <li>
            <Link href={href({ date: addLocalDays(date, 1) })} prefetch={false}>
              Day after <span aria-hidden="true">›</span>
            </Link>
          </li>
        </ul>
      </nav>
      <p className={styles.muted}>
        {weekday(date)} {formatShortDate(date)}; all times are {zoneName(timeZone)}.
        {marks ? " Times marked “outside level” need a reason." : null}
      </p>
      {any ? null : <p role="status">No free times this day. Try another day.</p>}
      {clinicians
        .filter((c) => c.slots.length > 0)
        .map((c) => (
          <div key={c.id} className={picker.clinician}>
            <h3>{c.name}</h3>
            <ul className={picker.chips}>
              {c.slots.map((s) => {
                const iso = s.start.toISOString();
                const chosen = selected?.clinicianId === c.id && selected.start === iso;
                const outside = marks && !s.inside;
                return (
                  <li key={iso}>
                    <Link
                      href={href({ date, clinician: c.id, start: iso })}
                      prefetch={false}
                      className={outside ? picker.outside : undefined}
                      aria-current={chosen ? "true" : undefined}
                      aria-label={`${formatDateTime(s.start, timeZone)} with ${c.name}${outside ? ", outside the patient's level" : ""}${s.reserved ? ", held for urgent cases" : ""}`}
                    >
                      <span>{formatTime(s.start, timeZone)}</span>
                      {outside ? <span className={picker.tag}>outside level</span> : null}
                      {s.reserved ? <span className={picker.tag}>urgent hold</span> : null}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </section>
  );
}
