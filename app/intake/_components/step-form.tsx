"use client";

import { useActionState, useState, useSyncExternalStore, type FormEvent } from "react";
import { FORM_TEXT } from "@/lib/content";
import type { FieldView, FormState, RawValues } from "@/lib/intake-form/model";
import { ErrorSummary } from "./error-summary";
import { Field } from "./fields";
import styles from "./intake.module.css";

type Props = {
  fields: FieldView[];
  initial: RawValues;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  submitLabel?: string;
  /** Optional pages get a "Skip this section" button. */
  optional?: boolean;
  /** "check": return to the check-answers page after saving. */
  returnTo?: string;
};

const noop = () => () => {};

/**
 * One page of the intake as a real form posting to a server action, so it works without
 * JavaScript; with it, follow-up questions appear only when they apply and errors come back
 * without a page load.
 */
export function StepForm({ fields, initial, action, submitLabel = FORM_TEXT.continue, optional, returnTo }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle", values: initial });
  const hydrated = useSyncExternalStore(noop, () => true, () => false);
  const [watched, setWatched] = useState<RawValues>(state.values);
  const values = state.values;
  const errors = state.fieldErrors ?? {};

  const onChange = (e: FormEvent<HTMLFormElement>) => {
    const input = e.target as HTMLInputElement;
    if (input.type === "radio") setWatched((w) => ({ ...w, [input.name]: input.value }));
  };
  // Without JavaScript every question shows (with "only if you said yes" hints); with it, only relevant ones.
  const shown = (f: FieldView) =>
    !hydrated || !f.revealWhen || f.revealWhen.names.some((n) => f.revealWhen!.values.includes(String(watched[n] ?? "")));

  return (
    <form action={formAction} onChange={onChange} noValidate className={styles.form}>
      <ErrorSummary state={state} fields={fields} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      {fields.map((f) => (
        <div key={f.name} hidden={!shown(f)}>
          <Field field={f} values={values} errors={errors} />
        </div>
      ))}
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={pending} name="intent" value="save">
          {pending ? "Saving…" : submitLabel}
        </button>
        {optional ? (
          <button type="submit" className={styles.secondary} disabled={pending} name="intent" value="skip">
            {FORM_TEXT.skip}
          </button>
        ) : null}
      </div>
    </form>
  );
}
