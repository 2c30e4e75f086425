"use client";

import type { ReactNode } from "react";
import { FORM_TEXT } from "@/lib/content";
import type { ChoiceOption, FieldView, RawValues } from "@/lib/intake-form/model";
import { listOf } from "@/lib/intake-form/parse";
import { BodyMap } from "./body-map";
import { isRegion } from "@/lib/intake-form/regions";
import { fieldId } from "./ids";
import styles from "./intake.module.css";

type Props = { field: FieldView; values: RawValues; errors: Record<string, string[]> };

const str = (values: RawValues, name: string) => {
  const v = values[name];
  return typeof v === "string" ? v : "";
};

/** One question of the form, with its hint, "why we ask", error message and controls. */
export function Field({ field, values, errors }: Props) {
  const id = fieldId(field.name);
  const error = errors[field.name]?.[0] ?? composite(field, errors);
  const describedBy =
    [field.hint && `${id}-hint`, field.examples?.length && `${id}-examples`, error && `${id}-error`]
      .filter(Boolean)
      .join(" ") || undefined;
  const invalid = error ? true : undefined;
  const meta = (
    <>
      {field.hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {field.hint}
        </p>
      ) : null}
      {field.examples?.length ? <Examples id={`${id}-examples`} items={field.examples} /> : null}
      {field.why ? (
        <p className={styles.why}>
          <strong>Why we ask: </strong>
          {field.why}
        </p>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`} message={error} /> : null}
    </>
  );

  switch (field.kind) {
    case "text":
      return (
        <div className={group(error)}>
          <label className={styles.label} htmlFor={id}>
            {field.label}
          </label>
          {meta}
          <input
            className={styles.input}
            id={id}
            name={field.name}
            type={field.inputType}
            autoComplete={field.autoComplete}
            spellCheck={field.inputType === "email" ? false : undefined}
            defaultValue={str(values, field.name)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        </div>
      );
    case "textarea":
      return (
        <div className={group(error)}>
          <label className={styles.label} htmlFor={id}>
            {field.label}
          </label>
          {meta}
          <textarea
            className={styles.textarea}
            id={id}
            name={field.name}
            rows={5}
            maxLength={field.maxLength}
            defaultValue={str(values, field.name)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        </div>
      );
    case "date":
      return (
        <Fieldset field={field} error={error} describedBy={describedBy} meta={meta}>
          <div className={styles.dateParts}>
            {(["day", "month", "year"] as const).map((part) => (
              <div key={part} className={styles.datePart}>
                <label htmlFor={part === "day" ? id : `${id}-${part}`}>{field.parts[part]}</label>
                <input
                  className={`${styles.input} ${part === "year" ? styles.w4 : styles.w2}`}
                  id={part === "day" ? id : `${id}-${part}`}
                  name={`${field.name}.${part}`}
                  inputMode="numeric"
                  autoComplete={`bday-${part}`}
                  defaultValue={str(values, `${field.name}.${part}`)}
                  aria-invalid={invalid}
                />
              </div>
            ))}
          </div>
        </Fieldset>
      );
    case "number":
      return (
        <div className={group(error)}>
          <label className={styles.label} htmlFor={id}>
            {field.label}
          </label>
          {meta}
          <div className={styles.withSuffix}>
            <input
              className={`${styles.input} ${styles.w5}`}
              id={id}
              name={field.name}
              inputMode="decimal"
              defaultValue={str(values, field.name)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
            {field.suffix ? <span className={styles.suffix}>{field.suffix}</span> : null}
          </div>
          {field.unknownLabel ? (
            <div className={styles.check}>
              <input
                type="checkbox"
                id={`${id}-unknown`}
                name={`${field.name}.unknown`}
                value="yes"
                defaultChecked={str(values, `${field.name}.unknown`) === "yes"}
              />
              <label htmlFor={`${id}-unknown`}>{field.unknownLabel}</label>
            </div>
          ) : null}
        </div>
      );
    case "scale": {
      const options = Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }));
      return (
        <Fieldset field={field} error={error} describedBy={describedBy} meta={meta}>
          <p className={styles.scaleEnds}>
            <span>{field.low}</span>
            <span>{field.high}</span>
          </p>
          <Radios
            name={field.name}
            id={id}
            options={options}
            value={str(values, field.name)}
            invalid={invalid}
            layout="scale"
          />
        </Fieldset>
      );
    }
    case "choice":
      return (
        <Fieldset field={field} error={error} describedBy={describedBy} meta={meta}>
          <Radios
            name={field.name}
            id={id}
            options={field.options}
            value={str(values, field.name)}
            invalid={invalid}
            layout={
              field.options.length <= 3 && field.options.every((o) => !o.hint && o.label.length < 12)
                ? "inline"
                : "stacked"
            }
          />
        </Fieldset>
      );
    case "checkboxes": {
      const ticked = listOf(values[field.name]);
      return (
        <Fieldset field={field} error={error} describedBy={describedBy} meta={meta}>
          <div className={styles.stacked}>
            {field.options.map((o, i) => {
              const optionId = i === 0 ? id : `${id}-${o.value}`;
              const exclusive = o.value === field.exclusive;
              return (
                <div key={o.value}>
                  {exclusive && i > 0 ? <p className={styles.or}>or</p> : null}
                  <div className={styles.radio}>
                    <input
                      type="checkbox"
                      id={optionId}
                      name={field.name}
                      value={o.value}
                      defaultChecked={ticked.includes(o.value)}
                      data-exclusive={exclusive ? "true" : undefined}
                      aria-describedby={o.hint ? `${optionId}-hint` : undefined}
                    />
                    <label htmlFor={optionId}>{o.label}</label>
                    {o.hint ? (
                      <p id={`${optionId}-hint`} className={styles.optionHint}>
                        {o.hint}
                      </p>
                    ) : null}
                  </div>
                </div>
              );
            })}
          </div>
        </Fieldset>
      );
    }
    case "notice":
      return (
        <div className={styles.notice} role="note" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`} className={styles.noticeTitle}>
            {field.label}
          </h2>
          {field.points.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      );
    case "yes_no": {
      const options: ChoiceOption[] = [
        { value: "yes", label: FORM_TEXT.yes },
        { value: "no", label: FORM_TEXT.no },
      ];
      if (field.unknownLabel) options.push({ value: "unknown", label: field.unknownLabel });
      return (
        <Fieldset field={field} error={error} describedBy={describedBy} meta={meta}>
          <Radios
            name={field.name}
            id={id}
            options={options}
            value={str(values, field.name)}
            invalid={invalid}
            layout="inline"
          />
        </Fieldset>
      );
    }
    case "confirm":
      return (
        <div className={group(error)}>
          {meta}
          {field.link ? (
            // A new tab: leaving this page would lose what the patient has typed on it. Plain <a>:
            // the notice is its own page, opened without giving it this window (noopener).
            <p className={styles.hint}>
              <a href={field.link.href} target="_blank" rel="noopener noreferrer">
                {field.link.text}
              </a>
            </p>
          ) : null}
          <div className={`${styles.check} ${styles.confirm}`}>
            <input
              type="checkbox"
              id={id}
              name={field.name}
              value="yes"
              defaultChecked={str(values, field.name) === "yes"}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
            <label htmlFor={id}>{field.label}</label>
          </div>
        </div>
      );
    case "regions": {
      const selected = listOf(values.regions).filter(isRegion);
      return (
        <div className={group(error)}>
          <BodyMap
            key={selected.join(",")}
            id={id}
            defaultSelected={selected}
            error={error}
            errorId={`${id}-error`}
            legend={field.label}
          />
        </div>
      );
    }
    case "outlook":
      return (
        <div className={styles.screen} id={id}>
          <p className={styles.hint}>{field.hint}</p>
          {field.items.map((item, i) => {
            const name = `outlook.items.${i}`;
            const itemError = errors[name]?.[0];
            return (
              <Fieldset
                key={name}
                field={{ ...field, label: item, hint: undefined }}
                error={itemError}
                describedBy={itemError ? `${fieldId(name)}-error` : undefined}
                meta={itemError ? <ErrorMessage id={`${fieldId(name)}-error`} message={itemError} /> : null}
                small
              >
                <Radios
                  name={name}
                  id={fieldId(name)}
                  value={str(values, name)}
                  invalid={itemError ? true : undefined}
                  layout="inline"
                  options={[
                    { value: "agree", label: field.agree },
                    { value: "disagree", label: field.disagree },
                  ]}
                />
              </Fieldset>
            );
          })}
          <Field
            field={{
              kind: "choice",
              name: "outlook.bothersomeness",
              label: field.bothersomenessLabel,
              options: field.bothersomeness,
            }}
            values={values}
            errors={errors}
          />
        </div>
      );
    case "function":
      return (
        <div className={styles.screen} id={id}>
          <p className={styles.hint}>{field.hint}</p>
          {error ? <ErrorMessage id={`${id}-error`} message={error} /> : null}
          {field.sections.map((section, j) => {
            const i = field.first + j;
            const name = `function.sections.${i}`;
            return (
              <Fieldset key={name} field={{ ...field, label: `${i + 1}. ${section.label}`, hint: undefined }} small>
                <Radios
                  name={name}
                  id={fieldId(name)}
                  value={str(values, name)}
                  layout="stacked"
                  options={section.options.map((label, score) => ({ value: String(score), label }))}
                />
              </Fieldset>
            );
          })}
        </div>
      );
  }
}

function Fieldset({
  field,
  error,
  describedBy,
  meta,
  children,
  small,
}: {
  field: FieldView;
  error?: string;
  describedBy?: string;
  meta?: ReactNode;
  children: ReactNode;
  small?: boolean;
}) {
  return (
    <div className={group(error)}>
      <fieldset className={styles.fieldset} aria-describedby={describedBy}>
        <legend className={small ? styles.legendSmall : styles.legend}>{field.label}</legend>
        {meta}
        {children}
      </fieldset>
    </div>
  );
}

// The error is announced through the fieldset's aria-describedby (radios cannot carry aria-invalid).
function Radios({
  name,
  id,
  options,
  value,
  layout,
}: {
  name: string;
  id: string;
  options: ChoiceOption[];
  value: string;
  invalid?: true;
  layout: "inline" | "stacked" | "scale";
}) {
  return (
    <div className={styles[layout]}>
      {options.map((o, i) => {
        const optionId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div key={o.value} className={styles.radio}>
            <input
              type="radio"
              id={optionId}
              name={name}
              value={o.value}
              defaultChecked={value === o.value}
              aria-describedby={o.hint || o.examples ? `${optionId}-hint` : undefined}
            />
            <label htmlFor={optionId}>{o.label}</label>
            {o.hint || o.examples ? (
              <div id={`${optionId}-hint`} className={styles.optionHint}>
                {o.hint ? <p>{o.hint}</p> : null}
                {o.examples ? <Examples items={o.examples} /> : null}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

function Examples({ id, items }: { id?: string; items: readonly string[] }) {
  return (
    <ul id={id} className={styles.examples}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function ErrorMessage({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className={styles.errorMessage}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}

const group = (error?: string) => (error ? `${styles.group} ${styles.groupError}` : styles.group);

// Outlook/function errors are keyed by item; show the first on the composite field.
function composite(field: FieldView, errors: Record<string, string[]>): string | undefined {
  if (field.kind !== "function") return undefined;
  const key = Object.keys(errors).find((k) => k.startsWith("function."));
  return key ? errors[key]?.[0] : undefined;
}
