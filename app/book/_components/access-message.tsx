import Link from "next/link";
import type { BookingAccess } from "@/lib/booking/access";
import styles from "./book.module.css";

const MESSAGES: Record<Exclude<BookingAccess["status"], "ok">, { title: string; body: string }> = {
  invalid: {
    title: "This booking link does not work",
    body: "The link may be incomplete. Open it again from your result page or email.",
  },
  expired: {
    title: "This booking link has expired",
    body: "Booking links last 30 days. Please fill in the back-pain check again, so we book what you need now.",
  },
  not_eligible: {
    title: "This result cannot be booked online",
    body: "The clinic will phone you to arrange the right care.",
  },
  erased: {
    title: "This booking link no longer opens anything",
    body: "The details it was for have been erased, as the clinic's privacy notice explains. To book an appointment, please fill in the back-pain check again.",
  },
};

/** Why a booking link cannot be used, and what to do instead. */
export function AccessMessage({
  status,
  phone,
}: {
  status: Exclude<BookingAccess["status"], "ok">;
  phone: string | null;
}) {
  const m = MESSAGES[status];
  return (
    <div className={styles.page}>
      <h1>{m.title}</h1>
      <p>{m.body}</p>
      {phone ? (
        <p>
          You can also call the clinic on <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>{phone}</a>.
        </p>
      ) : null}
      <p>
        <Link href="/intake">Start a new back-pain check</Link>
      </p>
    </div>
  );
}
