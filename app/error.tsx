"use client";

import Link from "next/link";
import { useEffect } from "react";
import styles from "@/app/_components/message-page.module.css";
import { DB_UNAVAILABLE_DIGEST } from "@/db/errors";

/**
 * Unexpected failures land here: a calm message. The server logged the cause (a database error's
 * message names no patient value, db/errors.ts); the browser gets only its digest. An outage of
 * the database has its own message: try again in a minute, and what to do in an emergency.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error("Page error", error.digest ?? "");
  }, [error]);
  if (error.digest === DB_UNAVAILABLE_DIGEST) {
    return (
      <div className={styles.page}>
        <h1>We cannot reach our system just now</h1>
        <p>Please try again in a minute. Answers you already saved are safe.</p>
        <p>
          <strong>If this is an emergency, call your local emergency number now.</strong> Do not wait for us if you have
          any of the warning signs above.
        </p>
        <p>
          <button type="button" className={styles.button} onClick={reset}>
            Try again
          </button>
          <Link href="/">Go to the start page</Link>
        </p>
      </div>
    );
  }
  return (
    <div className={styles.page}>
      <h1>Sorry, something went wrong on our side</h1>
      <p>Your answers that were already saved are safe. Please try again in a moment.</p>
      <p>If your back pain is getting worse, or you have any of the warning signs above, do not wait: get help now.</p>
      <p>
        <button type="button" className={styles.button} onClick={reset}>
          Try again
        </button>
        <Link href="/">Go to the start page</Link>
      </p>
      {error.digest ? <p>Reference: {error.digest}</p> : null}
    </div>
  );
}
