import Link from "next/link";
import { EmergencyNote } from "@/app/_components/emergency-note";
import styles from "@/app/_components/message-page.module.css";
import { getClinicInfo } from "@/lib/clinic";

/**
 * Any unknown address, patients' mostly: the emergency note and the way back. Kept small (no
 * header or footer): Next.js sends this page's tree along with every page as its 404 boundary.
 */
export default async function NotFound() {
  const clinic = await getClinicInfo();
  return (
    <>
      <EmergencyNote emergencyNumber={clinic.emergencyNumber} />
      <main id="main" className={styles.page}>
        <h1>We cannot find that page</h1>
        <p>The link may be wrong, or the page may have moved. If you typed the address, check it is correct.</p>
        <p>
          <Link href="/">Go to the start page</Link>
        </p>
      </main>
    </>
  );
}
