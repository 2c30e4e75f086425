import Link from "next/link";
import styles from "@/app/book/_components/book.module.css";
import type { CancelledAppointment } from "@/lib/booking/cancelled";
import { formatDateTime, formatLongDate, zoneName } from "@/lib/booking/format";
import type { ClinicInfo } from "@/lib/clinic";
import { FocusHeading } from "./focus-heading";
import { PhoneLink } from "./phone-link";

/** A cancelled appointment's manage link: what was cancelled and when, and the way to book again. */
export function CancelledAppointmentView({
  appointment: a,
  clinic,
  justCancelled,
}: {
  appointment: CancelledAppointment;
  clinic: ClinicInfo;
  justCancelled: boolean;
}) {
  const zone = clinic.timeZone;
  return (
    <div className={styles.page}>
      <FocusHeading>{justCancelled ? "Your appointment is cancelled" : "This appointment was cancelled"}</FocusHeading>
      <p>
        {justCancelled ? "Thank you for letting us know. " : null}
        The time is now free for someone else.
      </p>
      <div className={styles.summary}>
        <dl>
          <dt>Was</dt>
          <dd>
            {formatDateTime(a.startsAt, zone)} ({zoneName(zone)})
          </dd>
          <dt>What</dt>
          <dd>{a.typeName}</dd>
          <dt>With</dt>
          <dd>
            {a.clinicianName}, {a.clinicianRole}
          </dd>
          {a.cancelledAt ? (
            <>
              <dt>Cancelled</dt>
              <dd>
                {formatLongDate(a.cancelledAt, zone)}
                {a.cancelledByClinic ? ", by the clinic" : ""}
              </dd>
            </>
          ) : null}
        </dl>
      </div>
      <h2>Book another time</h2>
      {a.bookAgain.kind === "book" ? (
        <>
          <p>Your booking link still works, so you do not need to fill in the form again.</p>
          <p>
            <Link className={styles.primary} href={a.bookAgain.url}>
              Book another time
            </Link>
          </p>
          <p>
            Or call <PhoneLink phone={clinic.phone} />.
          </p>
        </>
      ) : a.bookAgain.kind === "booked" ? (
        <p>
          You have booked another time since. The email about it has its own private link. If you cannot find it, call{" "}
          <PhoneLink phone={clinic.phone} />.
        </p>
      ) : (
        <>
          <p>
            To book again, please fill in the back-pain check, so we book what you need now, or call{" "}
            <PhoneLink phone={clinic.phone} />.
          </p>
          <p>
            <Link className={styles.primary} href="/intake">
              Start a new back-pain check
            </Link>
          </p>
        </>
      )}
      {a.bookAgain.kind === "check" ? null : (
        <p>
          If your back gets worse, <Link href="/intake">fill in the back-pain check again</Link> so we can tell you how
          soon to be seen.
        </p>
      )}
    </div>
  );
}
