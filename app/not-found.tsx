import Link from "next/link";
import styles from "@/app/_components/message-page.module.css";

export default function NotFound() {
  return (
    <div className={styles.page}>
      <h1>We cannot find that page</h1>
      <p>The link may be wrong, or the page may have moved. If you typed the address, check it is correct.</p>
      <p>
        <Link href="/">Go to the start page</Link>
      </p>
    </div>
  );
}
