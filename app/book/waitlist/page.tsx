import type { Metadata } from "next";
import Link from "next/link";
import { findUpcomingStartForIntake, getWaitingEntryForIntake } from "@/db/queries/waitlist";
import { bookingAccess } from "@/lib/booking/access";
import { formatDateTime, formatDay, formatLongDate, zoneName } from "@/lib/booking/format";
import { getClinicInfo } from "@/lib/clinic";
import { getClinicCached, getScheduleSettings } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { WEEKDAY_KEYS, availabilitySchema } from "@/lib/waitlist";
import { availabilityInWords } from "@/lib/waitlist/words";
import { AccessMessage } from "../_components/access-message";
import styles from "../_components/book.module.css";
import { notBeforeWindow } from "@/lib/waitlist/window";
import { valuesFromChoice } from "./form-model";
import { WaitlistForm } from "./waitlist-form";

// The address carries the booking link: it never leaves this site in a Referer header.
export const metadata: Metadata = {
  title: "Join the waitlist",
  robots: { index: false },
  referrer: PRIVATE_PAGE_REFERRER,
};

type Props = { searchParams: Promise<{ token?: string; joined?: string }> };

/** What happens next, in the clinic's hold time. */
const offerLine = (holdMinutes: number) =>
  `If a time that suits you comes free, we email you at once and hold it for you for ${holdMinutes} minutes.`;

/** Joining the waitlist from a booking link, changing that choice, and what was saved. */
export default async function WaitlistPage({ searchParams }: Props) {
  const { token, joined } = await searchParams;
  const db = await getDb();
  const now = new Date();
  const info = await getClinicInfo();
  const access = await bookingAccess(db, token, now);
  if (access.status !== "ok") return <AccessMessage status={access.status} phone={info.phone} />;

  const intakeId = access.intake.id;
  const [clinic, entry, upcoming, schedule] = await Promise.all([
    getClinicCached(db),
    getWaitingEntryForIntake(db, intakeId),
    findUpcomingStartForIntake(db, { intakeId, now }),
    getScheduleSettings(db),
  ]);
  const timeZone = info.timeZone;
  const bookHref = `/book?token=${encodeURIComponent(token!)}`;
  const here = `/book/waitlist?token=${encodeURIComponent(token!)}`;
  const earlierLine = (start: Date) =>
    `We will only offer times earlier than your appointment on ${formatDateTime(start, timeZone)}.`;
  const stored = entry ? availabilitySchema.safeParse(entry.availability) : null;

  if (joined && entry && stored?.success) {
    return (
      <div className={styles.page}>
        <h1>You are on the waitlist</h1>
        <div className={styles.summary}>
          <h2 className={styles.summaryTitle}>When you could come</h2>
          <ul className={styles.chosenTimes}>
            {availabilityInWords(stored.data).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {entry.notBefore ? <p>Not before {formatDay(new Date(`${entry.notBefore}T12:00:00Z`), "UTC")}.</p> : null}
          <p className={styles.hint}>
            All times are {zoneName(timeZone)}: morning is before 12 pm, afternoon 12 to 5 pm, evening after 5 pm.
          </p>
        </div>
        {upcoming ? <p>{earlierLine(upcoming)}</p> : null}
        <p>{offerLine(clinic?.waitlistHoldMinutes ?? 30)}</p>
        <div className={styles.actions}>
          <Link href={bookHref} className={styles.primary}>
            Back to choosing a time
          </Link>
          <Link href={here}>Change when you can come</Link>
        </div>
      </div>
    );
  }

  // The days someone works (all seven when no hours are set), and any day already chosen.
  const initial = entry ? valuesFromChoice(entry.availability, entry.notBefore) : valuesFromChoice(null, null);
  const worked = new Set(schedule.hours.map((h) => WEEKDAY_KEYS[h.weekday - 1]));
  const days = WEEKDAY_KEYS.filter(
    (d) => worked.size === 0 || worked.has(d) || initial.times.some((t) => t.startsWith(`${d}.`)),
  );
  const { first, last } = notBeforeWindow(clinic, access.withinDays, now);
  return (
    <div className={styles.page}>
      <Link href={bookHref}>Back to choosing a time</Link>
      <h1>{entry ? "Your place on the waitlist" : "Join the waitlist"}</h1>
      {entry ? (
        <p className={styles.notice}>
          You have been on the waitlist since {formatLongDate(entry.joinedAt, timeZone)}. You can change when you could
          come; you keep your place.
        </p>
      ) : (
        <p>Tell us when you could come. {offerLine(clinic?.waitlistHoldMinutes ?? 30)}</p>
      )}
      {upcoming ? <p>{earlierLine(upcoming)}</p> : null}
      <WaitlistForm
        token={token!}
        initial={initial}
        days={days}
        zone={zoneName(timeZone)}
        dateMin={first}
        dateMax={last}
        submitLabel={entry ? "Save changes" : "Join the waitlist"}
      />
    </div>
  );
}
