"use client";

import { DB_UNAVAILABLE_DIGEST } from "@/db/errors";

// Used only when the root layout itself fails, so it brings its own <html> and plain styles.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const unavailable = error.digest === DB_UNAVAILABLE_DIGEST;
  return (
    <html lang="en">
      <body>
        <h1>{unavailable ? "We cannot reach our system just now" : "Sorry, something went wrong on our side"}</h1>
        <p>
          {unavailable ? "Please try again in a minute." : "Please try again in a moment."} If this is an emergency,
          call your local emergency number now. If you have numbness between your legs, new bladder or bowel problems,
          or weakness in both legs, go to the emergency department now.
        </p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
