"use client";

import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { FORM_TEXT } from "@/lib/content";
import { SHOWN_FIELD, type FieldView, type FormState, type RawValues } from "@/lib/intake-form/model";
import { rawFromForm } from "@/lib/intake-form/parse";
import { visibleNames } from "@/lib/intake-form/visibility";
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
  /** With `returnTo`: the check-answers row to return to (the one whose "Change" opened this page). */
  returnRow?: string;
  /** The unit running distances were asked in on this page, posted back so the answer is read in it. */
  distanceUnit?: "km" | "mi";
};

/**
 * One page of the intake as a real form posting to a server action, so it works without
 * JavaScript. Follow-up questions show only when they apply: the server decides for the first
 * view (and again after each post when JavaScript is off), and the browser reveals them as the
 * patient answers. The form tells the server which questions were on screen (`_shown`), so a
 * question the patient never saw is never reported as an error, nor stored from a stale value.
 */
export function StepForm({
  fields,
  initial,
  action,
  submitLabel = FORM_TEXT.continue,
  optional,
  returnTo,
  returnRow,
  distanceUnit,
}: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle", values: initial });
  const [watched, setWatched] = useState<RawValues>(state.values);
  const [seenState, setSeenState] = useState(state);
  if (seenState !== state) {
    // A new answer from the server (e.g. after a post): its values are what the page now shows.
    setSeenState(state);
    setWatched(state.values);
  }
  const values = state.values;
  const errors = state.fieldErrors ?? {};
  const visible = visibleNames(fields, watched);
  const added = new Set(state.status === "more" ? (state.added ?? []) : []);

  const onChange = (e: FormEvent<HTMLFormElement>) => {
    const input = e.target as HTMLInputElement;
    if (input.type === "checkbox") keepExclusive(e.currentTarget, input);
    setWatched(rawFromForm(new FormData(e.currentTarget)));
  };

  return (
    <form action={formAction} onChange={onChange} noValidate className={styles.form}>
      {state.status === "more" ? <MoreDetail state={state} /> : null}
      <ErrorSummary state={state} fields={fields} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      {returnTo && returnRow ? <input type="hidden" name="returnRow" value={returnRow} /> : null}
      {distanceUnit ? <input type="hidden" name="distanceUnit" value={distanceUnit} /> : null}
      <input
        type="hidden"
        name={SHOWN_FIELD}
        value={fields
          .filter((f) => visible.has(f.name))
          .map((f) => f.name)
          .join(",")}
      />
      {fields.map((f) => (
        <div key={f.name} hidden={!visible.has(f.name)} className={added.has(f.name) ? styles.added : undefined}>
          {added.has(f.name) ? <p className={styles.addedTag}>{FORM_TEXT.newQuestion}</p> : null}
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

/** "I'm not sure" is ticked on its own: ticking it clears the others, and ticking another clears it. */
function keepExclusive(form: HTMLFormElement, changed: HTMLInputElement) {
  if (!changed.checked) return;
  const group = Array.from(
    form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${CSS.escape(changed.name)}"]`),
  );
  if (!group.some((box) => box.dataset.exclusive === "true")) return;
  const exclusive = changed.dataset.exclusive === "true";
  for (const box of group) {
    if (box !== changed && (exclusive || box.dataset.exclusive === "true")) box.checked = false;
  }
}

/** Not an error: the patient's answers brought questions they have not seen yet. */
function MoreDetail({ state }: { state: FormState }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [state]);
  return (
    <div className={styles.banner} ref={ref} tabIndex={-1} role="status" aria-labelledby="more-detail-title">
      <h2 id="more-detail-title">{FORM_TEXT.moreDetailTitle}</h2>
      <p>{FORM_TEXT.moreDetail}</p>
    </div>
  );
}
