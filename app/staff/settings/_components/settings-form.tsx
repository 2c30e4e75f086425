"use client";

import { useActionState, useEffect, useId, useRef, type ReactNode } from "react";
import type { SettingsFormState } from "../actions";
import staff from "../../_components/staff.module.css";
import styles from "../settings.module.css";

export type FieldSpec = {
  name: string;
  label: string;
  kind?: "text" | "email" | "number" | "time" | "date" | "password" | "select" | "checkbox";
  hint?: string;
  options?: readonly { value: string; label: string }[];
  /** The current value ("on" checks a checkbox). */
  defaultValue?: string;
  min?: number;
  max?: number;
  autoComplete?: string;
  /** Suggestions offered while typing (a datalist). */
  suggestions?: readonly string[];
  short?: boolean;
};

export type FieldGroup = { legend: string; fields: readonly FieldSpec[] };

/**
 * One settings change as a form. Checks happen on the server only; a refusal comes back with an
 * error summary (focused, linking to each field), each message beside its field, and what was typed.
 */
export function SettingsForm({
  action,
  fields = [],
  groups,
  hidden = {},
  submitLabel,
  secondary,
  inline,
}: {
  action: (state: SettingsFormState, form: FormData) => Promise<SettingsFormState>;
  fields?: readonly FieldSpec[];
  groups?: readonly FieldGroup[];
  hidden?: Record<string, string>;
  /** What the button does; a row's button may add words only a screen reader hears. */
  submitLabel: ReactNode;
  secondary?: boolean;
  /** A row action: the fields and the button side by side. */
  inline?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const id = useId();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.at) summary.current?.focus();
  }, [state.at]);

  const fieldId = (name: string) => `${id}-${name}`;
  const errorOf = (name: string) => state.fieldErrors?.[name]?.[0];
  const all = groups ? groups.flatMap((g) => g.fields) : fields;
  // Errors for fields this form shows, in its order; anything else (a hidden id) as a message.
  const listed = all.filter((f) => errorOf(f.name)).map((f) => ({ name: f.name, message: errorOf(f.name)! }));
  const other = Object.entries(state.fieldErrors ?? {})
    .filter(([name]) => !all.some((f) => f.name === name))
    .map(([, messages]) => messages[0]);
  const messages = [state.message, ...other].filter((m): m is string => !!m);

  const renderField = (f: FieldSpec) => {
    const error = errorOf(f.name);
    const errorId = `${fieldId(f.name)}-error`;
    const hintId = `${fieldId(f.name)}-hint`;
    const describedBy = [f.hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
    const typed = state.values ? (state.values[f.name] ?? "") : undefined;
    const common = { id: fieldId(f.name), name: f.name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };
    const hint = f.hint ? <span id={hintId} className={staff.muted}>{f.hint}</span> : null;
    const errorText = error ? <p id={errorId} className={staff.error}>{error}</p> : null;
    if (f.kind === "checkbox") {
      return (
        <div key={f.name} className={styles.checkbox}>
          <input type="checkbox" {...common} defaultChecked={typed !== undefined ? typed === "on" : f.defaultValue === "on"} />
          <label htmlFor={fieldId(f.name)}>{f.label}</label>
          {hint}
          {errorText}
        </div>
      );
    }
    return (
      <div key={f.name} className={`${staff.field} ${f.short ? styles.short : ""}`}>
        <label htmlFor={fieldId(f.name)}>{f.label}</label>
        {hint}
        {errorText}
        {f.kind === "select" ? (
          <select {...common} defaultValue={typed ?? f.defaultValue ?? ""}>
            {f.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            type={f.kind ?? "text"}
            defaultValue={typed ?? f.defaultValue ?? ""}
            min={f.min}
            max={f.max}
            autoComplete={f.autoComplete ?? "off"}
            list={f.suggestions ? `${fieldId(f.name)}-list` : undefined}
            inputMode={f.kind === "number" ? "numeric" : undefined}
          />
        )}
        {f.suggestions ? (
          <datalist id={`${fieldId(f.name)}-list`}>
            {f.suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        ) : null}
      </div>
    );
  };

  return (
    // A new key after each answer remounts the fields, so what was typed comes back as their defaults.
    <form action={formAction} noValidate key={state.at ?? 0} className={inline ? styles.inline : undefined}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {listed.length || messages.length ? (
        <div ref={summary} tabIndex={-1} role="alert" className={styles.summary}>
          {listed.length ? <p className={styles.summaryTitle}>There is a problem</p> : null}
          {messages.map((m) => (
            <p key={m} className={staff.error}>
              {m}
            </p>
          ))}
          {listed.length ? (
            <ul>
              {listed.map((e) => (
                <li key={e.name}>
                  <a href={`#${fieldId(e.name)}`}>{e.message}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {groups
        ? groups.map((g) => (
            <fieldset key={g.legend} className={styles.group}>
              <legend>{g.legend}</legend>
              <div className={styles.grid}>{g.fields.map(renderField)}</div>
            </fieldset>
          ))
        : fields.length && !inline
          ? <div className={styles.grid}>{fields.map(renderField)}</div>
          : fields.map(renderField)}
      <button type="submit" className={secondary ? staff.secondary : staff.button} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
