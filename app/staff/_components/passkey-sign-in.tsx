"use client";

import { browserSupportsWebAuthn, startAuthentication } from "@simplewebauthn/browser";
import { useState, useSyncExternalStore } from "react";
import { passkeySignInAction, passkeySignInOptionsAction } from "../mfa-actions";
import styles from "./staff.module.css";

// Whether the browser can use passkeys never changes while the page is open; the server says no.
const noSubscription = () => () => {};

/**
 * "Use your passkey": asks the browser for one of this person's passkeys and sends its signature
 * to the server. Hidden where the browser cannot use passkeys (the code form below still works).
 */
export function PasskeySignIn({ next }: { next: string }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const supported = useSyncExternalStore(noSubscription, browserSupportsWebAuthn, () => false);
  if (!supported) return null;

  async function go() {
    setBusy(true);
    setMessage(null);
    try {
      const optionsJSON = await passkeySignInOptionsAction();
      if (!optionsJSON) return setMessage("You have no passkey yet. Use a code instead.");
      const response = await startAuthentication({ optionsJSON });
      const answer = await passkeySignInAction(response, next);
      if (answer.ok) window.location.assign(answer.redirect);
      else setMessage(answer.message);
    } catch {
      // Cancelled, timed out, or no matching passkey on this device.
      setMessage("The passkey was not used. Try again, or enter a code instead.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <button type="button" className={styles.button} onClick={go} disabled={busy}>
        {busy ? "Waiting for your passkey…" : "Use your passkey"}
      </button>
      {message ? (
        <p role="alert" className={styles.error}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
