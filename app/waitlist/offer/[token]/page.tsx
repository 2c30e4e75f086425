import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import styles from "@/app/book/_components/book.module.css";
import { PhoneLink } from "@/app/appointments/manage/[token]/_components/phone-link";
import { formatDateTime, formatDay, formatTime, zoneName } from "@/lib/booking/format";
import { getClinicInfo } from "@/lib/clinic";
import { getDb } from "@/lib/db";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { readOffer } from "@/lib/waitlist/answer";
import { acceptOfferAction, declineOfferAction } from "../../actions";

type Props = { params: Promise<{ token: string }> };

const load = cache(async (token: string) => readOffer(await getDb(), token, new Date()));

const TITLES = {
  open: "A time has come up for you",
  accepted: "You have taken this time",
  declined: "You let this time go",
  lapsed: "This offer has ended",
  withdrawn: "Please call us to book",
} as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load((await params).token);
  return {
    title: found.status === "not_found" ? "Offer not found" : TITLES[found.status],
    robots: { index: false },
    referrer: PRIVATE_PAGE_REFERRER,
  };
}

/**
 * A waitlist offer's private page: the time held for the patient and until when, with "Take this
 * time" and "Let it go" (plain forms: no JavaScript needed). A used link says calmly how it stands.
 */
export default async function OfferPage({ params }: Props) {
  const { token } = await params;
  const found = await load(token);
  if (found.status === "not_found") notFound();
  const { offer } = found;
  const clinic = await getClinicInfo();
  const zone = clinic.timeZone;
  const when = `${formatDateTime(offer.startsAt, zone)} (${zoneName(zone)})`;
  const sameDay = formatDay(offer.expiresAt, zone) === formatDay(new Date(), zone);
  const until = `${sameDay ? formatTime(offer.expiresAt, zone) : `${formatDay(offer.expiresAt, zone)} at ${formatTime(offer.expiresAt, zone)}`}`;
  const minutes = Math.round((offer.endsAt.getTime() - offer.startsAt.getTime()) / 60_000);
  const call = (
    <>
      call us on <PhoneLink phone={clinic.phone} />
    </>
  );

  return (
    <div className={styles.page}>
      <h1>{TITLES[found.status]}</h1>
      <div className={styles.summary}>
        <dl>
          <dt>When</dt>
          <dd>{when}</dd>
          <dt>What</dt>
          <dd>
            {offer.typeName}, {minutes} minutes
          </dd>
          <dt>With</dt>
          <dd>
            {offer.clinicianName}, {offer.clinicianRole}
          </dd>
          <dt>Where</dt>
          <dd>
            {clinic.name}
            {clinic.address ? `, ${clinic.address}` : ""}
          </dd>
        </dl>
      </div>
      {found.status === "open" ? (
        <>
          <p>
            <strong>We are holding this time for you until {until}.</strong> After that it goes to the next person
            waiting.
          </p>
          <form action={acceptOfferAction}>
            <input type="hidden" name="token" value={token} />
            <div className={styles.actions}>
              <button type="submit" className={styles.primary}>
                Take this time
              </button>
            </div>
          </form>
          <h2>Not for you?</h2>
          <form action={declineOfferAction}>
            <input type="hidden" name="token" value={token} />
            <div className={styles.field}>
              <label>
                <input type="checkbox" name="leave" value="yes" /> I no longer need a time from the waiting list: take
                me off it
              </label>
            </div>
            <p className={styles.hint}>Otherwise you stay on the list, and we email you when another time comes up.</p>
            <div className={styles.actions}>
              <button type="submit" className={styles.secondary}>
                Let this time go
              </button>
            </div>
          </form>
        </>
      ) : null}
      {found.status === "accepted" ? (
        <p className={styles.notice} role="status">
          This time is booked for you. Your confirmation email has the private link to change or cancel it. To change it
          now, {call}.
        </p>
      ) : null}
      {found.status === "declined" ? (
        <p className={styles.notice} role="status">
          This time has gone to the next person waiting. Unless you asked to leave the list, we email you when another
          time comes up.
        </p>
      ) : null}
      {found.status === "lapsed" ? (
        <p className={styles.notice} role="status">
          We held this time for you until {until}, and it has now gone to the next person waiting. You are still on the
          list: we email you when another time comes up. To book sooner, {call}.
        </p>
      ) : null}
      {found.status === "withdrawn" ? (
        <p className={styles.warning} role="status">
          This time can no longer be booked online. Please {call}: we will find you the right appointment.
        </p>
      ) : null}
      {found.status !== "open" ? (
        <p>
          <Link href="/">Back to the start</Link>
        </p>
      ) : null}
    </div>
  );
}
