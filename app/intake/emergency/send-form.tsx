"use client";

import { useActionState } from "react";
import { sendFromEmergencyAction } from "@/app/intake/actions";
import { CONSENT_QUESTIONS, INTERRUPT_TEXT } from "@/lib/content";
import type { FieldView, FormState } from "@/lib/intake-form/model";
import { Field } from "../_components/fields";
import styles from "../_components/intake.module.css";

const CONSENT: FieldView = {
  kind: "confirm",
  name: "consent.privacyNotice",
  label: CONSENT_QUESTIONS.privacyNotice.label,
  hint: CONSENT_QUESTIONS.privacyNotice.hint,
  link: { text: CONSENT_QUESTIONS.privacyNotice.linkText!, href: CONSENT_QUESTIONS.privacyNotice.linkHref! },
};

/**
 * "Send my answers to the clinic now": a plain form, so it works before and without JavaScript.
 * `askConsent`: the privacy notice was not agreed yet (a draft begun before it was asked first).
 */
export function SendNowForm({ seen, askConsent }: { seen: string; askConsent: boolean }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(sendFromEmergencyAction, {
    status: "idle",
    values: {},
  });
  return (
    <form action={formAction}>
      {state.message ? (
        <div className={styles.errorSummary} role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      <input type="hidden" name="seen" value={seen} />
      {askConsent ? <Field field={CONSENT} values={state.values} errors={state.fieldErrors ?? {}} /> : null}
      <button type="submit" className={`${styles.primary} ${styles.wide}`} disabled={pending}>
        {pending ? INTERRUPT_TEXT.sending : INTERRUPT_TEXT.send}
      </button>
    </form>
  );
}
