import Link from "next/link";
import { formatDay, formatTime, zoneName } from "@/lib/booking/format";
import { localDate } from "@/lib/scheduling";
import styles from "./book.module.css";

type Slot = { start: Date; clinicianId: string; clinicianName: string };

type Props = {
  slots: Slot[];
  timeZone: string;
  /** Where the chosen time is sent (a GET form: works without JavaScript). */
  action: string;
  hidden: Record<string, string>;
  weekHref: (offsetWeeks: number) => string | null;
  weekLabel: string;
  submitLabel: string;
};

/** A week of free times, day by day, as radio buttons: keyboard and screen-reader friendly. */
export function SlotPicker({ slots, timeZone, action, hidden, weekHref, weekLabel, submitLabel }: Props) {
  const days = new Map<string, Slot[]>();
  for (const s of slots) {
    const key = localDate(s.start, timeZone);
    days.set(key, [...(days.get(key) ?? []), s]);
  }
  const prev = weekHref(-1);
  const next = weekHref(1);
  return (
    <form action={action} method="get" className={styles.picker}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className={styles.zone}>
        All times are <strong>{zoneName(timeZone)}</strong> ({timeZone}).
      </p>
      <nav className={styles.weekNav} aria-label="Weeks">
        {prev ? <Link href={prev}>Earlier week</Link> : <span />}
        <strong>{weekLabel}</strong>
        {next ? <Link href={next}>Later week</Link> : <span />}
      </nav>
      {days.size === 0 ? <p>There are no free times this week. Try another week.</p> : null}
      {[...days.entries()].map(([day, daySlots], i) => (
        <details key={day} className={styles.day} open={i === 0}>
          <summary>
            {formatDay(daySlots[0]!.start, timeZone)} <span className={styles.count}>({daySlots.length} times)</span>
          </summary>
          <fieldset className={styles.times}>
            <legend className="visually-hidden">Times on {formatDay(daySlots[0]!.start, timeZone)}</legend>
            {daySlots.map((s) => {
              const value = `${s.clinicianId}|${s.start.toISOString()}`;
              const id = `slot-${s.clinicianId}-${s.start.getTime()}`;
              return (
                <div key={value} className={styles.time}>
                  <input type="radio" id={id} name="slot" value={value} required />
                  <label htmlFor={id}>
                    <strong>{formatTime(s.start, timeZone)}</strong> with {s.clinicianName}
                  </label>
                </div>
              );
            })}
          </fieldset>
        </details>
      ))}
      {days.size ? (
        <button type="submit" className={styles.primary}>
          {submitLabel}
        </button>
      ) : null}
    </form>
  );
}
