import type { Metadata } from "next";
import styles from "@/app/book/_components/book.module.css";
import { getClinicInfo } from "@/lib/clinic";
import { RequestLinkForm } from "./_components/request-link-form";

export const metadata: Metadata = { title: "Get a link to My back", robots: { index: false } };

/** Asking for a new link to the private My back page: email and date of birth. */
export default async function MyBackRequestPage() {
  const clinic = await getClinicInfo();
  return (
    <div className={styles.page}>
      <h1>Get a link to My back</h1>
      <p>
        My back is your private page: your appointments, your advice, your check-ins and your running plan. Every email
        we send you has a link to it. If you cannot find one, or yours has stopped working, enter the email address and
        date of birth you gave us and we will email you a new link.
      </p>
      <RequestLinkForm />
      <p>If you need help, call us on {clinic.phone}.</p>
    </div>
  );
}
