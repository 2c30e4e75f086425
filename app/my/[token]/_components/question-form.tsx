"use client";

import { useActionState, useEffect, useRef } from "react";
import styles from "@/app/book/_components/book.module.css";
import { choiceId, type FormQuestion, type QuestionFormState } from "../../form-model";
import my from "../../my.module.css";

type Props = {
  action: (prev: QuestionFormState, form: FormData) => Promise<QuestionFormState>;
  /** Hidden fields sent with the answers (the page's token, what the page showed). */
  hidden: Record<string, string>;
  questions: readonly FormQuestion[];
  /** Group headings by group key. */
  groups?: Record<string, string>;
  /** Optional groups folded away, with the words after their heading ("10 questions, optional"). */
  folded?: Record<string, string>;
  submitLabel: string;
};

/**
 * Questions as radio (or checkbox) groups: a real form posting to a server action, so it works
 * without JavaScript. A refused submit keeps the answers, lists the problems at the top (focused)
 * and says each one beside its question.
 */
/** Consecutive questions of one group, in order. */
function runs(questions: readonly FormQuestion[]) {
  const out: { key: string; group?: string; items: FormQuestion[] }[] = [];
  for (const q of questions) {
    const last = out.at(-1);
    if (last && last.group === q.group) last.items.push(q);
    else out.push({ key: q.name, group: q.group, items: [q] });
  }
  return out;
}

export function QuestionForm({ action, hidden, questions, groups = {}, folded = {}, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle", values: {} } as QuestionFormState);
  const errors = state.fieldErrors ?? {};
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") summary.current?.focus();
  }, [state]);
  const question = (q: FormQuestion) => {
    const errorId = choiceId(q.name, "error");
    const hintId = choiceId(q.name, "hint");
    const described = [q.hint ? hintId : null, errors[q.name] ? errorId : null].filter(Boolean).join(" ");
    return (
      <fieldset
        key={q.name}
        className={`${styles.waitlistField} ${errors[q.name] ? styles.fieldError : ""}`}
        aria-describedby={described || undefined}
      >
        <legend className={styles.question}>
          {q.label}
          {q.optional ? <span className={styles.hint}> (optional)</span> : null}
        </legend>
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
        {/* A 0-10 scale (short choices) as a compact grid, not eleven rows. */}
        <div className={`${styles.times} ${q.options.every(([, l]) => l.length <= 3) ? my.scale : ""}`}>
          {q.options.map(([value, label]) => {
            const id = choiceId(q.name, value);
            return (
              <div key={value} className={styles.time}>
                <input
                  type={q.multiple ? "checkbox" : "radio"}
                  id={id}
                  name={q.name}
                  value={value}
                  defaultChecked={checked(q, value)}
                />
                <label htmlFor={id}>{label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    );
  };
  const checked = (q: FormQuestion, value: string) =>
    q.multiple ? (state.values[q.name] ?? "").split(",").includes(value) : state.values[q.name] === value;

  return (
    <form key={JSON.stringify(state.values)} action={formAction} noValidate>
      {state.status === "error" ? (
        <div className={styles.errorSummary} ref={summary} tabIndex={-1} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            {errors.form ? <li>{errors.form}</li> : null}
            {Object.entries(errors)
              .filter(([name]) => name !== "form" && !questions.some((q) => q.name === name))
              .map(([name, message]) => (
                <li key={name}>{message}</li>
              ))}
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
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {runs(questions).map((run) => {
        const title = run.group ? groups[run.group] : undefined;
        const items = run.items.map(question);
        if (run.group && folded[run.group]) {
          // An optional part folded away (no JavaScript needed); open when it holds an answer or an error.
          const open = run.items.some((q) => state.values[q.name] || errors[q.name]);
          return (
            <details key={run.key} open={open} className={my.fold}>
              <summary>
                <span className={my.foldTitle}>{title}</span> {folded[run.group]}
              </summary>
              {items}
            </details>
          );
        }
        return (
          <div key={run.key}>
            {title ? <h2>{title}</h2> : null}
            {items}
          </div>
        );
      })}
      <button type="submit" className={styles.primary} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
