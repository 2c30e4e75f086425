"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { FORM_TEXT } from "@/lib/content";
import type { FieldView, FormState } from "@/lib/intake-form/model";
import { changeHref } from "@/lib/intake-form/return-to";
import { fieldId } from "./ids";
import styles from "./intake.module.css";

/**
 * The GOV.UK error summary: every problem, linked to its field; focus moves here after a failed
 * submit so screen readers announce it.
 */
export function ErrorSummary({ state, fields }: { state: FormState; fields: FieldView[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const fieldErrors = Object.entries(state.fieldErrors ?? {});
  const stepErrors = state.stepErrors ?? [];
  // After "more" (new follow-up questions) the notice above takes focus; errors on questions
  // already seen are still listed here.
  const any =
    (state.status === "error" && (fieldErrors.length > 0 || stepErrors.length > 0 || state.message)) ||
    (state.status === "more" && fieldErrors.length > 0);
  useEffect(() => {
    if (any && state.status === "error") ref.current?.focus();
  }, [state, any]);
  if (!any) return null;
  // In the order of the page, not the order the checks ran.
  const order = (name: string) => {
    const i = fields.findIndex((f) => name === f.name || name.startsWith(`${f.name}.`));
    return i === -1 ? fields.length : i;
  };
  fieldErrors.sort(([a], [b]) => order(a) - order(b));
  return (
    <div className={styles.errorSummary} ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{FORM_TEXT.errorSummaryTitle}</h2>
      {state.message ? <p>{state.message}</p> : null}
      <ul>
        {fieldErrors.map(([name, messages]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{messages[0]}</a>
          </li>
        ))}
        {stepErrors.map((e) => (
          <li key={`${e.step}-${e.name}`}>
            <Link href={changeHref(e.step, e.name, fieldId(e.name))}>{e.message}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
