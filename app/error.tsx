"use client";

import Link from "next/link";
import { useEffect } from "react";
import styles from "@/app/_components/message-page.module.css";

/** Unexpected failures land here: a calm message; the cause goes to the server log, not the page. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error("Page error", error.digest ?? "");
  }, [error]);
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
