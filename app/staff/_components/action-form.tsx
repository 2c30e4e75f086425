"use client";

import { useActionState, useId } from "react";
import type { FormState } from "../actions";
import styles from "./staff.module.css";

export type Field =
  | { kind: "textarea"; name: string; label: string; hint?: string; required?: boolean }
  | { kind: "select"; name: string; label: string; options: readonly { value: string; label: string }[]; required?: boolean }
  | { kind: "radio"; name: string; label: string; options: readonly { value: string; label: string }[] };

/** One staff action as a form: fields, a button, and the server's messages beside each field. */
export function ActionForm({
  action,
  intakeId,
  fields = [],
  submitLabel,
  hidden = {},
  secondary,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  intakeId: string;
  fields?: readonly Field[];
  submitLabel: string;
  hidden?: Record<string, string>;
  secondary?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const id = useId();
  const errorOf = (name: string) => {
    const e = state.fieldErrors?.[name];
    return Array.isArray(e) ? e[0] : e;
  };
  return (
    // A new key after each answer remounts the fields, so what was typed comes back as their defaults.
    <form action={formAction} noValidate key={JSON.stringify(state)}>
      <input type="hidden" name="intakeId" value={intakeId} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.message ? (
        <p className={styles.error} role="alert">
          {state.message}
        </p>
      ) : null}
      {fields.map((f) => {
        const error = errorOf(f.name);
        const fieldId = `${id}-${f.name}`;
        const errorId = `${fieldId}-error`;
        if (f.kind === "radio") {
          return (
            <fieldset key={f.name} className={styles.field} aria-describedby={error ? errorId : undefined}>
              <legend>{f.label}</legend>
              {error ? <p id={errorId} className={styles.error}>{error}</p> : null}
              {f.options.map((o) => (
                <label key={o.value} className={styles.radio}>
                  <input type="radio" name={f.name} value={o.value} defaultChecked={state.values?.[f.name] === o.value} /> {o.label}
                </label>
              ))}
            </fieldset>
          );
        }
        return (
          <div key={f.name} className={styles.field}>
            <label htmlFor={fieldId}>{f.label}</label>
            {f.kind === "textarea" && f.hint ? <span className={styles.muted}>{f.hint}</span> : null}
            {error ? <p id={errorId} className={styles.error}>{error}</p> : null}
            {f.kind === "textarea" ? (
              <textarea id={fieldId} name={f.name} maxLength={4000} defaultValue={state.values?.[f.name] ?? ""} aria-invalid={!!error} aria-describedby={error ? errorId : undefined} />
            ) : (
              <select id={fieldId} name={f.name} defaultValue={state.values?.[f.name] ?? ""} aria-invalid={!!error} aria-describedby={error ? errorId : undefined}>
                <option value="" disabled>
                  Choose…
                </option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </div>
        );
      })}
      <button type="submit" className={secondary ? styles.secondary : styles.button} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
