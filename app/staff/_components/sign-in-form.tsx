"use client";

import { useActionState } from "react";
import { signInAction, type FormState } from "../actions";
import styles from "./staff.module.css";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, {});
  const err = (name: string) => {
    const e = state.fieldErrors?.[name];
    return Array.isArray(e) ? e[0] : e;
  };
  return (
    <form action={action} noValidate>
      {state.message ? (
        <div className={styles.errorSummary} role="alert" tabIndex={-1}>
          <p className={styles.error}>{state.message}</p>
        </div>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <div className={styles.field}>
        <label htmlFor="email">Email</label>
        {err("email") ? <p id="email-error" className={styles.error}>{err("email")}</p> : null}
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email ?? ""} aria-invalid={!!err("email")} aria-describedby={err("email") ? "email-error" : undefined} />
      </div>
      <div className={styles.field}>
        <label htmlFor="password">Password</label>
        {err("password") ? <p id="password-error" className={styles.error}>{err("password")}</p> : null}
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={!!err("password")} aria-describedby={err("password") ? "password-error" : undefined} />
      </div>
      <button type="submit" className={styles.button} disabled={pending}>
        Sign in
      </button>
    </form>
  );
}
