"use client";

import { useActionState, useEffect, useRef } from "react";
import bookStyles from "@/app/book/_components/book.module.css";
import { requestLinkAction, type RequestLinkState } from "../actions";
import styles from "../my.module.css";

const EMPTY: RequestLinkState = { status: "idle", values: { email: "", day: "", month: "", year: "" } };

/** Email and date of birth: a new link goes to the email on file when they match (the answer is the same either way). */
export function RequestLinkForm() {
  const [state, action, pending] = useActionState(requestLinkAction, EMPTY);
  const errors = state.fieldErrors ?? {};
  const focus = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") focus.current?.focus();
  }, [state]);
  return (
    <>
      {state.status === "sent" ? (
        <div className={bookStyles.notice} role="status" tabIndex={-1} ref={focus}>
          <p>
            Thank you. If those details match our records, we have sent a new link to the email address we have for you.
            It can take a few minutes to arrive: please check your junk folder too.
          </p>
        </div>
      ) : state.status === "rate_limited" ? (
        <div className={bookStyles.warning} role="status" tabIndex={-1} ref={focus}>
          <p>There have been too many requests from here. Please try again in an hour, or call us.</p>
        </div>
      ) : state.status === "error" ? (
        <div className={bookStyles.errorSummary} tabIndex={-1} ref={focus} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            {errors.email ? (
              <li>
                <a href="#email">{errors.email}</a>
              </li>
            ) : null}
            {errors.dateOfBirth ? (
              <li>
                <a href="#dob-day">{errors.dateOfBirth}</a>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      <form key={JSON.stringify(state.values)} action={action} noValidate>
        <div className={`${styles.field} ${errors.email ? bookStyles.fieldError : ""}`}>
          <label htmlFor="email" className={bookStyles.question}>
            Email address
          </label>
          {errors.email ? (
            <p id="email-error" className={bookStyles.errorMessage}>
              <span className="visually-hidden">Error: </span>
              {errors.email}
            </p>
          ) : null}
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={state.values.email}
            aria-describedby={errors.email ? "email-error" : undefined}
          />
        </div>
        <fieldset
          className={`${styles.field} ${errors.dateOfBirth ? bookStyles.fieldError : ""}`}
          aria-describedby={errors.dateOfBirth ? "dob-hint dob-error" : "dob-hint"}
        >
          <legend className={bookStyles.question}>Date of birth</legend>
          <p id="dob-hint" className={bookStyles.hint}>
            For example, 27 3 1990
          </p>
          {errors.dateOfBirth ? (
            <p id="dob-error" className={bookStyles.errorMessage}>
              <span className="visually-hidden">Error: </span>
              {errors.dateOfBirth}
            </p>
          ) : null}
          <div className={styles.dateRow}>
            <div>
              <label htmlFor="dob-day">Day</label>
              <input
                id="dob-day"
                name="day"
                inputMode="numeric"
                autoComplete="bday-day"
                maxLength={2}
                defaultValue={state.values.day}
              />
            </div>
            <div>
              <label htmlFor="dob-month">Month</label>
              <input
                id="dob-month"
                name="month"
                inputMode="numeric"
                autoComplete="bday-month"
                maxLength={2}
                defaultValue={state.values.month}
              />
            </div>
            <div>
              <label htmlFor="dob-year">Year</label>
              <input
                id="dob-year"
                name="year"
                inputMode="numeric"
                autoComplete="bday-year"
                maxLength={4}
                className={styles.year}
                defaultValue={state.values.year}
              />
            </div>
          </div>
        </fieldset>
        <button type="submit" className={bookStyles.primary} disabled={pending}>
          Send me a new link
        </button>
      </form>
    </>
  );
}
