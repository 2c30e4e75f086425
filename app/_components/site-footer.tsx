import Link from "next/link";
import type { ClinicInfo } from "@/lib/clinic";
import styles from "./site-footer.module.css";

/** Where the clinic is and how to reach it. */
export function SiteFooter({ clinic }: { clinic: ClinicInfo }) {
  return (
    <footer className={styles.footer}>
      <div className={styles.inner}>
        <p>
          <strong>{clinic.name}</strong>
          {clinic.address ? <> · {clinic.address}</> : null}
          {clinic.phone ? <> · {clinic.phone}</> : null}
          {" · "}
          <Link href="/privacy">Privacy notice</Link>
        </p>
        <p data-patient-only>
          This check helps us see you at the right time. It does not replace a doctor&apos;s advice.
        </p>
      </div>
    </footer>
  );
}
