import Link from "next/link";

/** 403: signed in, but this role cannot open the page. */
export default function Forbidden() {
  return (
    <div style={{ maxWidth: "var(--measure)", margin: "0 auto", padding: "var(--space-4) var(--space-3)" }}>
      <h1>You do not have access to this page</h1>
      <p>Your staff role cannot open it. If you need it, ask a clinic admin.</p>
      <p>
        <Link href="/staff">Back to the case queue</Link>
      </p>
    </div>
  );
}
