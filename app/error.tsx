"use client";

import Link from "next/link";
import { useEffect } from "react";
import styles from "@/app/_components/message-page.module.css";

/** Unexpected failures outside the patient pages (staff pages): a calm message; the cause goes to the server log. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error("Page error", error.digest ?? "");
  }, [error]);
  return (
    <main id="main" className={styles.page}>
      <h1>Sorry, something went wrong on our side</h1>
      <p>Nothing that was already saved is lost. Please try again in a moment.</p>
      <p>
        <button type="button" className={styles.button} onClick={reset}>
          Try again
        </button>
        <Link href="/staff">Back to the case queue</Link>
      </p>
      {error.digest ? <p>Reference: {error.digest}</p> : null}
    </main>
  );
}
