"use client";

import { useActionState, useEffect, useRef } from "react";
import styles from "@/app/book/_components/book.module.css";
import { answerCheckAction } from "../actions";
import { choiceId, type CheckFormState, type CheckQuestion } from "../form-model";

/**
 * The check's questions as radio groups, one answer each: a real form posting to a server action
 * (works without JavaScript). A refused submit keeps the answers, lists the problems at the top
 * (focused) and says each one beside its question.
 */
export function CheckForm({ token, questions }: { token: string; questions: readonly CheckQuestion[] }) {
  const [state, formAction, pending] = useActionState(answerCheckAction, {
    status: "idle",
    values: {},
  } satisfies CheckFormState);
  const errors = state.fieldErrors ?? {};
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") summary.current?.focus();
  }, [state]);

  return (
    // Keyed by the state, so a failed submit's echoed values replace what the fields show.
    <form key={JSON.stringify(state.values)} action={formAction} noValidate>
      {state.status === "error" ? (
        <div className={styles.errorSummary} ref={summary} tabIndex={-1} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            {errors.form ? <li>{errors.form}</li> : null}
            {questions
              .filter((q) => errors[q.name])
              .map((q) => (
                <li key={q.name}>
                  <a href={`#${choiceId(q.name, q.options[0]![0])}`}>{errors[q.name]}</a>
                </li>
              ))}
          </ul>
        </div>
      ) : null}
      <input type="hidden" name="token" value={token} />
      {questions.map((q) => {
        const errorId = `${choiceId(q.name, "error")}`;
        const hintId = `${choiceId(q.name, "hint")}`;
        const described = [q.hint ? hintId : null, errors[q.name] ? errorId : null].filter(Boolean).join(" ");
        return (
          <fieldset
            key={q.name}
            className={`${styles.waitlistField} ${errors[q.name] ? styles.fieldError : ""}`}
            aria-describedby={described || undefined}
          >
            <legend className={styles.question}>{q.label}</legend>
            {q.hint ? (
              <p id={hintId} className={styles.hint}>
                {q.hint}
              </p>
            ) : null}
            {errors[q.name] ? (
              <p id={errorId} className={styles.errorMessage}>
                <span className="visually-hidden">Error: </span>
                {errors[q.name]}
              </p>
            ) : null}
            <div className={styles.times}>
              {q.options.map(([value, label]) => {
                const id = choiceId(q.name, value);
                return (
                  <div key={value} className={styles.time}>
                    <input
                      type="radio"
                      id={id}
                      name={q.name}
                      value={value}
                      defaultChecked={state.values[q.name] === value}
                    />
                    <label htmlFor={id}>{label}</label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <button type="submit" className={styles.primary} disabled={pending}>
        Send my answers
      </button>
    </form>
  );
}
