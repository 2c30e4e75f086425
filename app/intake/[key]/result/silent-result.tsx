// The result page of an intake graded during the clinic's silent pilot (issue 22): a neutral
// thank-you with the clinic's contact and a booking link, no level and no advice by level. The
// emergency advice a patient saw before sending their answers early is repeated as it was, and the
// warning signs follow (page.tsx): emergency advice is never hidden.
import Link from "next/link";
import type { ReactNode } from "react";
import { telHref, type EarlyNotice } from "@/lib/content";
import { SILENT_RESULT } from "@/lib/content/silent";
import { EmergencyAdviceView } from "../../_components/emergency-advice";
import styles from "./result.module.css";

type Props = {
  firstName: string;
  clinic: { name: string; phone: string | null; email: string | null; address: string | null };
  emergencyNumber: string | null;
  /** The emergency page's advice, for answers sent from it (shown again, unchanged). */
  early: EarlyNotice | null;
  bookingUrl: string | null;
  /** The warning signs every result lists. */
  children: ReactNode;
};

export function SilentResult({ firstName, clinic, emergencyNumber, early, bookingUrl, children }: Props) {
  const tel = telHref(clinic.phone);
  return (
    <div className={styles.page}>
      {early ? (
        <section className={styles.early} aria-labelledby="early-heading">
          <h2 id="early-heading">{early.heading}</h2>
          {early.lines.map((line) => (
            <p key={line} className={styles.strong}>
              {line}
            </p>
          ))}
          {early.cards ? <EmergencyAdviceView advice={early.cards} headingLevel={2} idPrefix="seen" /> : null}
        </section>
      ) : null}
      <h1>{SILENT_RESULT.heading}</h1>
      <p>
        Thank you, {firstName}. {SILENT_RESULT.lead}
      </p>
      <p className={styles.strong}>{SILENT_RESULT.emergency(emergencyNumber)}</p>

      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">{SILENT_RESULT.contactHeading}</h2>
        <p>{SILENT_RESULT.contactLead}</p>
        <ul>
          <li>{clinic.name}</li>
          {clinic.phone ? <li>Phone: {tel ? <a href={tel}>{clinic.phone}</a> : clinic.phone}</li> : null}
          {clinic.email ? (
            <li>
              Email: <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
            </li>
          ) : null}
          {clinic.address ? <li>Address: {clinic.address}</li> : null}
        </ul>
      </section>

      <section aria-labelledby="book-heading">
        <h2 id="book-heading">{SILENT_RESULT.bookHeading}</h2>
        {bookingUrl ? (
          <>
            <p>{SILENT_RESULT.bookLead}</p>
            <p>
              <Link className={styles.bookButton} href={bookingUrl}>
                {SILENT_RESULT.book}
              </Link>
            </p>
          </>
        ) : (
          <p>{SILENT_RESULT.noBook}</p>
        )}
      </section>

      {children}
    </div>
  );
}
