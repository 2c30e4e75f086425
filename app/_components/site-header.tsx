import Link from "next/link";
import type { ClinicInfo } from "@/lib/clinic";
import styles from "./site-header.module.css";

/** The clinic's name, linking home, and its phone number. */
export function SiteHeader({ clinic }: { clinic: ClinicInfo }) {
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand}>
          {clinic.name}
        </Link>
        {clinic.phone ? (
          <a className={styles.phone} href={`tel:${clinic.phone.replace(/[^\d+]/g, "")}`}>
            Call us: {clinic.phone}
          </a>
        ) : null}
      </div>
    </header>
  );
}
