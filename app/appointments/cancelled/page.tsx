import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/app/book/_components/book.module.css";
import { getClinicInfo } from "@/lib/clinic";
import { PhoneLink } from "../manage/[token]/_components/phone-link";

export const metadata: Metadata = { title: "Appointment cancelled", robots: { index: false } };

/**
 * An address kept from before a cancel led back to the manage link (which now shows what was
 * cancelled and how to book again): it knows no appointment, so it points to both ways back.
 */
export default async function CancelledPage() {
  const clinic = await getClinicInfo();
  return (
    <div className={styles.page}>
      <h1>Your appointment is cancelled</h1>
      <p>Thank you for letting us know. The time is now free for someone else.</p>
      <h2>Book another time</h2>
      <p>
        Open the private link in your confirmation email: it shows the cancelled appointment and, while your booking
        link still works, a &ldquo;Book another time&rdquo; button, so you do not need to fill in the form again.
      </p>
      <p>
        Or <Link href="/intake">fill in the back-pain check again</Link>, or call <PhoneLink phone={clinic.phone} />.
      </p>
    </div>
  );
}
