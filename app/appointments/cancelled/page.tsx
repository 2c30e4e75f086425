import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/app/book/_components/book.module.css";

export const metadata: Metadata = { title: "Appointment cancelled" };

export default function CancelledPage() {
  return (
    <div className={styles.page}>
      <h1>Your appointment is cancelled</h1>
      <p>Thank you for letting us know. The time is now free for someone else.</p>
      <p>
        If your back gets worse, or you want to be seen after all,{" "}
        <Link href="/intake">fill in the back-pain check again</Link>.
      </p>
    </div>
  );
}
