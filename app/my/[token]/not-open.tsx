import Link from "next/link";
import styles from "@/app/book/_components/book.module.css";

/** What a My back link that opens nothing says: calmly, and how to get a new one. */
export function NotOpen({ status }: { status: "expired" | "not_found" | "empty" }) {
  return (
    <div className={styles.page}>
      <h1>{status === "expired" ? "This link has expired" : "This link does not work"}</h1>
      <p>
        {status === "expired"
          ? "Links to My back work for 90 days. You can get a new one now."
          : status === "empty"
            ? "There is nothing to show on this page any more."
            : "The link may be incomplete: try copying all of it from the email."}
      </p>
      <p>
        <Link href="/my" className={styles.primary}>
          Get a new link
        </Link>
      </p>
      <p>
        If you think this is an emergency, go to the nearest emergency department. If your back is not getting better,{" "}
        <Link href="/intake">fill in the back-pain check</Link>.
      </p>
    </div>
  );
}
