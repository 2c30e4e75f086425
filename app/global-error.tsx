"use client";

// Used only when the root layout itself fails, so it brings its own <html> and plain styles.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <h1>Sorry, something went wrong on our side</h1>
        <p>
          Please try again in a moment. If you have numbness between your legs, new bladder or bowel problems, or
          weakness in both legs, go to the emergency department now.
        </p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
