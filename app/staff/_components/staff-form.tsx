"use client";

import { useActionState, useEffect, useId, useRef, type ReactNode } from "react";
import type { FormState } from "@/lib/forms";
import styles from "./staff.module.css";
// The form layouts (grid, inline row, checkbox, error summary) are the settings page's.
import forms from "./staff-form.module.css";

export type FieldOption = { value: string; label: string };

export type Field = {
  name: string;
  label: React.ReactNode;
  kind?: "text" | "email" | "number" | "time" | "date" | "password" | "select" | "checkbox" | "textarea" | "radio";
  hint?: string;
  /** The choices of a select or of radio buttons. */
  options?: readonly FieldOption[];
  /** A select's first choice, not choosable, shown until one is made (e.g. "Choose…"). */
  placeholder?: string;
  /** The current value ("on" checks a checkbox). */
  defaultValue?: string;
  min?: number;
  max?: number;
  autoComplete?: string;
  required?: boolean;
  /** Suggestions offered while typing (a datalist). */
  suggestions?: readonly string[];
  /** A narrow field (a number, a time). */
  short?: boolean;
  /** A textarea's limit (default 4,000 characters) and height in lines. */
  maxLength?: number;
  rows?: number;
};

export type FieldGroup = { legend: string; fields: readonly Field[] };

export type StaffFormProps = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  fields?: readonly Field[];
  /** Fields under legends (a long form); laid out as a grid. */
  groups?: readonly FieldGroup[];
  hidden?: Record<string, string>;
  /** What the button does; a row's button may add words only a screen reader hears. */
  submitLabel: ReactNode;
  secondary?: boolean;
  /** stack: one field under another (default); grid: side by side where they fit; inline: a row action, fields and button in a line. */
  layout?: "stack" | "grid" | "inline";
  /**
   * An error summary above the form: "There is a problem" and a link to each field in error, besides
   * the message beside it (GOV.UK). Without it the form's messages alone sit above the fields.
   */
  errorSummary?: boolean;
};

/**
 * One staff action as a form (a case action, a settings change, signing in). Checks happen on the
 * server; a refusal comes back with the form's messages above it (focused, read out), each field's
 * message beside it and linked by aria-describedby, and what was typed.
 */
export function StaffForm({
  action,
  fields = [],
  groups,
  hidden = {},
  submitLabel,
  secondary,
  layout = "stack",
  errorSummary,
}: StaffFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!state.at) return;
    // The messages above the form, or else the first field in error.
    (summary.current ?? form.current?.querySelector<HTMLElement>("[aria-invalid='true']"))?.focus();
  }, [state.at]);

  const fieldId = (name: string) => `${id}-${name}`;
  const errorOf = (name: string) => state.fieldErrors?.[name]?.[0];
  const all = groups ? groups.flatMap((g) => g.fields) : fields;
  // Errors for fields this form shows, in its order; anything else (a hidden id) as a message.
  const listed = errorSummary
    ? all.filter((f) => errorOf(f.name)).map((f) => ({ name: f.name, message: errorOf(f.name)! }))
    : [];
  const other = Object.entries(state.fieldErrors ?? {})
    .filter(([name]) => !all.some((f) => f.name === name))
    .map(([, messages]) => messages[0]);
  const messages = [state.message, ...other].filter((m): m is string => !!m);

  const renderField = (f: Field) => {
    const error = errorOf(f.name);
    const errorId = `${fieldId(f.name)}-error`;
    const hintId = `${fieldId(f.name)}-hint`;
    const describedBy = [f.hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
    // After an answer, what was typed (nothing, for a password); before, the current value.
    const typed = state.values ? (state.values[f.name] ?? "") : undefined;
    const value = typed ?? f.defaultValue ?? "";
    const invalid = error ? true : undefined;
    const common = {
      id: fieldId(f.name),
      name: f.name,
      "aria-invalid": invalid,
      "aria-describedby": describedBy,
      required: f.required,
    };
    const hint = f.hint ? (
      <span id={hintId} className={styles.muted}>
        {f.hint}
      </span>
    ) : null;
    const errorText = error ? (
      <p id={errorId} className={styles.error}>
        {error}
      </p>
    ) : null;

    if (f.kind === "radio") {
      return (
        <fieldset key={f.name} className={styles.field} aria-describedby={describedBy}>
          <legend>{f.label}</legend>
          {hint}
          {errorText}
          {f.options?.map((o) => (
            <label key={o.value} className={styles.radio}>
              <input type="radio" name={f.name} value={o.value} defaultChecked={value === o.value} /> {o.label}
            </label>
          ))}
        </fieldset>
      );
    }
    if (f.kind === "checkbox") {
      return (
        <div key={f.name} className={forms.checkbox}>
          <input type="checkbox" {...common} defaultChecked={value === "on"} />
          <label htmlFor={fieldId(f.name)}>{f.label}</label>
          {hint}
          {errorText}
        </div>
      );
    }
    return (
      <div key={f.name} className={`${styles.field} ${f.short ? forms.short : ""}`}>
        <label htmlFor={fieldId(f.name)}>{f.label}</label>
        {hint}
        {errorText}
        {f.kind === "select" ? (
          <select {...common} defaultValue={value}>
            {f.placeholder !== undefined ? (
              <option value="" disabled>
                {f.placeholder}
              </option>
            ) : null}
            {f.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : f.kind === "textarea" ? (
          <textarea {...common} maxLength={f.maxLength ?? 4000} rows={f.rows} defaultValue={value} />
        ) : (
          <input
            {...common}
            type={f.kind ?? "text"}
            defaultValue={value}
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
    <form
      ref={form}
      action={formAction}
      noValidate
      key={state.at ?? 0}
      className={layout === "inline" ? forms.inline : undefined}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {listed.length || messages.length ? (
        <div ref={summary} tabIndex={-1} role="alert" className={forms.summary}>
          {listed.length ? <p className={forms.summaryTitle}>There is a problem</p> : null}
          {messages.map((m) => (
            <p key={m} className={styles.error}>
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
      {groups ? (
        groups.map((g) => (
          <fieldset key={g.legend} className={forms.group}>
            <legend>{g.legend}</legend>
            <div className={forms.grid}>{g.fields.map(renderField)}</div>
          </fieldset>
        ))
      ) : layout === "grid" && fields.length ? (
        <div className={forms.grid}>{fields.map(renderField)}</div>
      ) : (
        fields.map(renderField)
      )}
      <button type="submit" className={secondary ? styles.secondary : styles.button} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
