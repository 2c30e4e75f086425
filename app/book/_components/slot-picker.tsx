import Link from "next/link";
import { formatDay, formatTime, zoneName } from "@/lib/booking/format";
import { addLocalDays, localDate, localTime } from "@/lib/scheduling";
import styles from "./book.module.css";
import { ChosenTime } from "./chosen-time";

type Slot = { start: Date; clinicianId: string; clinicianName: string };

/** What the picker shows: a day of the week on view, and one clinician or anyone. */
export type PickerView = { day?: string; clinician?: string };

type Props = {
  slots: Slot[];
  timeZone: string;
  /** The first day of the week on view ("YYYY-MM-DD", clinic time). */
  weekStart: string;
  /** Where the chosen time is sent (a GET form: works without JavaScript). */
  action: string;
  hidden: Record<string, string>;
  weekHref: (offsetWeeks: number) => string | null;
  weekLabel: string;
  /** The same week with another day or clinician on view (plain links: no JavaScript needed). */
  viewHref: (view: PickerView) => string;
  view: PickerView;
  /** A time chosen before the intake (a scheduling site's deep link) that this grade may book: first, and chosen. */
  chosen?: Slot;
  submitLabel: string;
};

/** The view a page's query asks for (anything malformed is ignored: the first day, anyone). */
export function pickerView(day: string | undefined, clinician: string | undefined): PickerView {
  return {
    day: day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined,
    clinician: clinician && /^[0-9a-f-]{36}$/i.test(clinician) ? clinician : undefined,
  };
}

/** Links to the same week with another day or clinician on view, from the week's own address. */
export function pickerViewHref(weekHref: string): (view: PickerView) => string {
  return ({ day, clinician }) =>
    `${weekHref}${day ? `&day=${day}` : ""}${clinician ? `&clinician=${encodeURIComponent(clinician)}` : ""}`;
}

const PARTS = [
  { name: "Morning", until: "12:00" },
  { name: "Afternoon", until: "17:00" },
  { name: "Evening", until: "24:00" },
] as const;

/**
 * A week of free times like the leading schedulers show them: a strip of the week's days, a
 * clinician filter, the soonest time first, then the chosen day's times as chips grouped morning,
 * afternoon and evening. Radio buttons underneath (keyboard and screen readers as usual); the
 * chosen time and Continue stay in view at the foot of a phone's screen.
 */
export function SlotPicker(props: Props) {
  const { slots, timeZone, weekStart, action, hidden, weekHref, weekLabel, viewHref, view, chosen, submitLabel } =
    props;
  const clinicians = [...new Map(slots.map((s) => [s.clinicianId, s.clinicianName])).entries()]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const clinician = clinicians.some((c) => c.id === view.clinician) ? view.clinician : undefined;
  // With anyone: one chip per time (the first clinician free then), not one per clinician.
  const shown: Slot[] = [];
  const seen = new Set<number>();
  for (const s of slots) {
    if (clinician ? s.clinicianId !== clinician : seen.has(s.start.getTime())) continue;
    seen.add(s.start.getTime());
    shown.push(s);
  }
  const byDay = new Map<string, Slot[]>();
  for (const s of shown) {
    const key = localDate(s.start, timeZone);
    byDay.set(key, [...(byDay.get(key) ?? []), s]);
  }
  const week = Array.from({ length: 7 }, (_, i) => addLocalDays(weekStart, i));
  const day = view.day && byDay.has(view.day) ? view.day : week.find((d) => byDay.has(d));
  const daySlots = day ? byDay.get(day)! : [];
  const soonest = shown[0];
  const prev = weekHref(-1);
  const next = weekHref(1);
  const label = (s: Slot, withDay = false) => (
    <>
      {withDay ? `${formatDay(s.start, timeZone)}, ` : null}
      <strong>{formatTime(s.start, timeZone)}</strong>
      <span className={styles.with}> with {s.clinicianName}</span>
    </>
  );
  const chip = (s: Slot, idPrefix: string, withDay = false, checked = false) => {
    const value = `${s.clinicianId}|${s.start.toISOString()}`;
    const id = `${idPrefix}-${s.clinicianId}-${s.start.getTime()}`;
    return (
      <div key={id} className={styles.chip}>
        <input type="radio" id={id} name="slot" value={value} required defaultChecked={checked} />
        <label htmlFor={id}>{label(s, withDay)}</label>
      </div>
    );
  };
  return (
    <form action={action} method="get" className={styles.picker}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className={styles.zone}>
        All times are <strong>{zoneName(timeZone)}</strong>.
      </p>
      <nav className={styles.weekNav} aria-label="Weeks">
        {prev ? <Link href={prev}>Earlier week</Link> : <span />}
        <strong>{weekLabel}</strong>
        {next ? <Link href={next}>Later week</Link> : <span />}
      </nav>
      <nav aria-label="Days">
        <ul className={styles.dayStrip}>
          {week.map((d) => {
            const n = byDay.get(d)?.length ?? 0;
            const date = new Date(`${d}T12:00:00Z`);
            const text = (
              <>
                <span className={styles.dayName}>{formatDay(date, "UTC").split(" ")[0]!.slice(0, 3)}</span>
                <span className={styles.dayNumber}>{formatDay(date, "UTC").split(" ")[1]}</span>
                <span className={styles.dayCount}>
                  {n ? (
                    <>
                      {n}
                      <span className={styles.wide}> {n === 1 ? "time" : "times"}</span>
                    </>
                  ) : (
                    "–"
                  )}
                </span>
              </>
            );
            return (
              <li key={d}>
                {n === 0 ? (
                  <span className={styles.dayOff} aria-label={`${formatDay(date, "UTC")}: no free times`}>
                    {text}
                  </span>
                ) : (
                  <Link
                    href={viewHref({ day: d, clinician })}
                    className={styles.dayLink}
                    aria-current={d === day ? "date" : undefined}
                    aria-label={`${formatDay(date, "UTC")}: ${n} free ${n === 1 ? "time" : "times"}`}
                  >
                    {text}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </nav>
      {clinicians.length > 1 ? (
        <nav aria-label="Clinicians" className={styles.filter}>
          <span>With:</span>
          <ul>
            {[{ id: undefined, name: "Anyone" }, ...clinicians].map((c) => (
              <li key={c.id ?? "any"}>
                <Link
                  href={viewHref({ day, clinician: c.id })}
                  aria-current={c.id === clinician ? "true" : undefined}
                  className={styles.filterLink}
                >
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {chosen ? (
        <fieldset className={styles.group}>
          <legend>The time you chose</legend>
          <div className={styles.chips}>{chip(chosen, "chosen", true, true)}</div>
        </fieldset>
      ) : null}
      {shown.length === 0 ? <p>There are no free times this week. Try another week.</p> : null}
      {soonest && day !== localDate(soonest.start, timeZone) ? (
        <fieldset className={styles.group}>
          <legend>First available</legend>
          <div className={styles.chips}>{chip(soonest, "first", true)}</div>
        </fieldset>
      ) : null}
      {day ? (
        <>
          <h2 className={styles.dayHeading}>{formatDay(new Date(`${day}T12:00:00Z`), "UTC")}</h2>
          {PARTS.map((part, i) => {
            const after = i === 0 ? "00:00" : PARTS[i - 1]!.until;
            const inPart = daySlots.filter((s) => {
              const t = localTime(s.start, timeZone);
              return t >= after && t < part.until;
            });
            return inPart.length ? (
              <fieldset key={part.name} className={styles.group}>
                <legend>{part.name}</legend>
                <div className={styles.chips}>{inPart.map((s) => chip(s, "slot"))}</div>
              </fieldset>
            ) : null;
          })}
        </>
      ) : null}
      {shown.length || chosen ? (
        <div className={styles.stickyBar}>
          <ChosenTime />
          <button type="submit" className={styles.primary}>
            {submitLabel}
          </button>
        </div>
      ) : null}
    </form>
  );
}
