"use client";

import { useActionState } from "react";
import { regenerateCodesAction, type FactorState } from "../mfa-actions";
import { RecoveryCodes } from "./recovery-codes";
import styles from "./staff.module.css";

/** "Make new recovery codes": the old ones stop working; the new ones are shown once, here. */
export function NewRecoveryCodes() {
  const [state, action, pending] = useActionState(regenerateCodesAction, {} as FactorState);
  return (
    <div>
      {state.message ? (
        <p role="alert" className={styles.error}>
          {state.message}
        </p>
      ) : null}
      {state.recoveryCodes?.length ? <RecoveryCodes codes={state.recoveryCodes} /> : null}
      <form action={action}>
        <button type="submit" className={`${styles.button} ${styles.secondary}`} disabled={pending}>
          Make new recovery codes
        </button>
      </form>
    </div>
  );
}
