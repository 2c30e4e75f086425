import Link from "next/link";
import styles from "@/app/_components/message-page.module.css";
import { PatientFrame } from "@/app/_components/patient-frame";

/** Any unknown address, patients' mostly: with the clinic's header and the emergency note. */
export default function NotFound() {
  return (
    <PatientFrame>
      <div className={styles.page}>
        <h1>We cannot find that page</h1>
        <p>The link may be wrong, or the page may have moved. If you typed the address, check it is correct.</p>
        <p>
          <Link href="/">Go to the start page</Link>
        </p>
      </div>
    </PatientFrame>
  );
}
