"use client";

import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { useActionState, useId, useState, useSyncExternalStore } from "react";
import {
  confirmAppAction,
  passkeyRegisterAction,
  passkeyRegistrationOptionsAction,
  type FactorState,
} from "../mfa-actions";
import { RecoveryCodes } from "./recovery-codes";
import styles from "./staff.module.css";

// Whether the browser can use passkeys never changes while the page is open; the server says no.
const noSubscription = () => () => {};

export type AppSetUpView = { secret: string; qr: string };

/**
 * Adding a second factor: a passkey (this device's fingerprint, face or PIN, or a security key),
 * or an authenticator app (scan the code, type what it shows). Once added, the recovery codes
 * (first factor only) and the way on.
 */
export function AddSecondFactor({
  app,
  continueHref,
  continueLabel,
}: {
  app: AppSetUpView | null;
  continueHref: string;
  continueLabel: string;
}) {
  const [appState, confirmApp, confirming] = useActionState(confirmAppAction, {} as FactorState);
  const [passkeyState, setPasskeyState] = useState<FactorState>({});
  const [busy, setBusy] = useState(false);
  const id = useId();
  const supported = useSyncExternalStore(noSubscription, browserSupportsWebAuthn, () => false);

  const added = appState.added ? appState : passkeyState.added ? passkeyState : null;
  if (added) {
    return (
      <div>
        <p role="status" className={styles.notice}>
          Your second factor is set up.
        </p>
        {added.recoveryCodes?.length ? <RecoveryCodes codes={added.recoveryCodes} /> : null}
        <p>
          {/* A full page load: the staff layout is drawn afresh for a sign-in now complete. */}
          <a href={continueHref} className={styles.button}>
            {continueLabel}
          </a>
        </p>
      </div>
    );
  }

  async function addPasskey(form: FormData) {
    setBusy(true);
    try {
      const optionsJSON = await passkeyRegistrationOptionsAction();
      const response = await startRegistration({ optionsJSON });
      setPasskeyState(await passkeyRegisterAction(response, form.get("name") ?? ""));
    } catch {
      setPasskeyState({
        message: "The passkey was not added (cancelled, or this device already has one for you). Try again.",
        at: Date.now(),
      });
    } finally {
      setBusy(false);
    }
  }

  const codeError = appState.fieldErrors?.code?.[0];
  const nameError = passkeyState.fieldErrors?.name?.[0];
  return (
    <div className={styles.grid}>
      {supported ? (
        <section className={styles.card} aria-labelledby={`${id}-passkey`}>
          <h2 id={`${id}-passkey`}>A passkey</h2>
          <p>Your fingerprint, face or PIN on this device, or a security key. Nothing to type at sign-in.</p>
          <form action={addPasskey}>
            {passkeyState.message ? (
              <p role="alert" className={styles.error}>
                {passkeyState.message}
              </p>
            ) : null}
            <div className={styles.field}>
              <label htmlFor={`${id}-name`}>Name it</label>
              <span id={`${id}-name-hint`} className={styles.muted}>
                So you can tell your passkeys apart, e.g. Front desk PC
              </span>
              {nameError ? (
                <p id={`${id}-name-error`} className={styles.error}>
                  {nameError}
                </p>
              ) : null}
              <input
                id={`${id}-name`}
                name="name"
                maxLength={60}
                autoComplete="off"
                aria-invalid={nameError ? true : undefined}
                aria-describedby={`${id}-name-hint${nameError ? ` ${id}-name-error` : ""}`}
              />
            </div>
            <button type="submit" className={styles.button} disabled={busy}>
              {busy ? "Waiting for your device…" : "Add a passkey"}
            </button>
          </form>
        </section>
      ) : null}
      {app ? (
        <section className={styles.card} aria-labelledby={`${id}-app`}>
          <h2 id={`${id}-app`}>An authenticator app</h2>
          <p>
            In an app such as Google Authenticator, Microsoft Authenticator or 1Password, add an account by scanning
            this code.
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
          <img src={app.qr} alt="QR code to scan with your authenticator app" className={styles.qr} />
          <p>Cannot scan it? Enter this key instead:</p>
          <p className={styles.secret}>{app.secret}</p>
          <form action={confirmApp} noValidate>
            <div className={styles.field}>
              <label htmlFor={`${id}-code`}>Code the app shows</label>
              <span id={`${id}-code-hint`} className={styles.muted}>
                6 digits
              </span>
              {codeError ? (
                <p id={`${id}-code-error`} className={styles.error} role="alert">
                  {codeError}
                </p>
              ) : null}
              <input
                id={`${id}-code`}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={12}
                aria-invalid={codeError ? true : undefined}
                aria-describedby={`${id}-code-hint${codeError ? ` ${id}-code-error` : ""}`}
              />
            </div>
            <button type="submit" className={styles.button} disabled={confirming}>
              Set up the app
            </button>
          </form>
        </section>
      ) : null}
    </div>
  );
}
