"use client";

import { useActionState, useEffect, useRef } from "react";
import { DAY_PARTS, type WeekdayKey } from "@/lib/waitlist";
import { DAY_PART_WORDS, WEEKDAY_NAMES } from "@/lib/waitlist/words";
import styles from "../_components/book.module.css";
import { joinWaitlistAction } from "./actions";
import { inputId, timeValue, type WaitlistValues } from "./form-model";

type Props = {
  token: string;
  initial: WaitlistValues;
  /** The weekdays offered in the grid (the days the clinic's clinicians work). */
  days: WeekdayKey[];
  /** "New York time". */
  zone: string;
  dateMin: string;
  dateMax: string;
  submitLabel: string;
};

// In the order of the page, with the element each summary link moves to.
const FIELDS = ["mode", "times", "notBefore"] as const;

/**
 * When the patient could come: any time, or parts of the day per weekday, and a first date. A
 * real form posting to a server action (works without JavaScript); the grid of times hides by CSS
 * alone while "Any day and time" is chosen.
 */
export function WaitlistForm({ token, initial, days, zone, dateMin, dateMax, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(joinWaitlistAction, { status: "idle", values: initial });
  const { values } = state;
  const errors = state.fieldErrors ?? {};
  const firstTime = inputId(timeValue(days[0] ?? "mon", "morning"));
  const target = { mode: "mode", times: firstTime, notBefore: "notBefore" } as const;
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") summary.current?.focus();
  }, [state]);
  const errorText = (field: keyof typeof target) =>
    errors[field] ? (
      <p id={`${field}-error`} className={styles.errorMessage}>
        <span className="visually-hidden">Error: </span>
        {errors[field]}
      </p>
    ) : null;

  return (
    // Keyed by the state, so a failed submit's echoed values replace what the fields show.
    <form key={JSON.stringify(values)} action={formAction} noValidate className={styles.waitlistForm}>
      {state.status === "error" ? (
        <div className={styles.errorSummary} ref={summary} tabIndex={-1} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            {FIELDS.filter((f) => errors[f]).map((f) => (
              <li key={f}>
                <a href={`#${target[f]}`}>{errors[f]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <input type="hidden" name="token" value={token} />

      <fieldset
        className={`${styles.waitlistField} ${errors.mode ? styles.fieldError : ""}`}
        aria-describedby={errors.mode ? "mode-hint mode-error" : "mode-hint"}
      >
        <legend className={styles.question}>When could you come?</legend>
        <p id="mode-hint" className={styles.hint}>
          All times are {zone}.
        </p>
        {errorText("mode")}
        <div className={styles.options}>
          <div className={styles.time}>
            <input type="radio" id="mode" name="mode" value="any" defaultChecked={values.mode === "any"} />
            <label htmlFor="mode">Any day and time</label>
          </div>
          <div className={styles.time}>
            <input type="radio" id="mode-times" name="mode" value="times" defaultChecked={values.mode === "times"} />
            <label htmlFor="mode-times">Only at these times</label>
          </div>
        </div>
        <fieldset
          className={`${styles.timesGrid} ${errors.times ? styles.fieldError : ""}`}
          aria-describedby={errors.times ? "times-error" : undefined}
        >
          <legend className="visually-hidden">Days and times that suit you</legend>
          {errorText("times")}
          <table className={styles.timesTable}>
            <thead>
              <tr>
                <td className={styles.dayColumn} />
                {DAY_PARTS.map((p) => (
                  <th key={p} scope="col">
                    {DAY_PART_WORDS[p].name}
                    <span className={styles.partHours}>{DAY_PART_WORDS[p].hours}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d}>
                  <th scope="row">
                    <span className={styles.longDay}>{WEEKDAY_NAMES[d]}</span>
                    <span className={styles.shortDay} aria-hidden="true">
                      {WEEKDAY_NAMES[d].slice(0, 3)}
                    </span>
                  </th>
                  {DAY_PARTS.map((p) => {
                    const value = timeValue(d, p);
                    const id = inputId(value);
                    return (
                      <td key={p}>
                        <label htmlFor={id} className={styles.timeCell}>
                          <input
                            type="checkbox"
                            id={id}
                            name="times"
                            value={value}
                            defaultChecked={values.times.includes(value)}
                          />
                          <span className="visually-hidden">
                            {WEEKDAY_NAMES[d]} {DAY_PART_WORDS[p].name.toLowerCase()}
                          </span>
                        </label>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      </fieldset>

      <div className={`${styles.waitlistField} ${errors.notBefore ? styles.fieldError : ""}`}>
        <label htmlFor="notBefore" className={styles.question}>
          Not before (optional)
        </label>
        <p id="notBefore-hint" className={styles.hint}>
          The first day you could come. Leave it empty to start from today.
        </p>
        {errorText("notBefore")}
        <input
          type="date"
          id="notBefore"
          name="notBefore"
          className={styles.dateInput}
          min={dateMin}
          max={dateMax}
          defaultValue={values.notBefore}
          aria-describedby={errors.notBefore ? "notBefore-hint notBefore-error" : "notBefore-hint"}
          aria-invalid={errors.notBefore ? true : undefined}
        />
      </div>

      <button type="submit" className={styles.primary} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
