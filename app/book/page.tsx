import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { getWaitingEntryForIntake } from "@/db/queries/waitlist";
import { getClinicInfo } from "@/lib/clinic";
import { bookingAccess } from "@/lib/booking/access";
import { typeLevelFor } from "@/lib/booking/eligibility";
import { escalateNoCapacity } from "@/lib/booking/capacity";
import { formatDateTime, formatDay } from "@/lib/booking/format";
import { cachedOfferedSlots, typeFor } from "@/lib/booking/schedule";
import { getDb } from "@/lib/db";
import { addLocalDays, localDate } from "@/lib/scheduling";
import { chosenTimeFor } from "@/lib/slot-feed/chosen";
import { CHOSEN_SLOT_COOKIE } from "@/lib/slot-feed/link";
import { AccessMessage } from "./_components/access-message";
import styles from "./_components/book.module.css";
import { pickerView, pickerViewHref, SlotPicker } from "./_components/slot-picker";

export const metadata: Metadata = { title: "Book your appointment", robots: { index: false } };

type Props = {
  searchParams: Promise<{ token?: string; week?: string; day?: string; clinician?: string; taken?: string }>;
};

/** Week-by-week free times for the grade on the booking link. */
export default async function BookPage({ searchParams }: Props) {
  const { token, week, day, clinician, taken } = await searchParams;
  const db = await getDb();
  const now = new Date();
  const clinic = await getClinicInfo();
  const access = await bookingAccess(db, token, now);
  if (access.status !== "ok") return <AccessMessage status={access.status} phone={clinic.phone} />;
  const type = await typeFor(db, typeLevelFor(access.intake));
  if (!type) return <AccessMessage status="not_eligible" phone={clinic.phone} />;

  const today = localDate(now, clinic.timeZone);
  const from = week && /^\d{4}-\d{2}-\d{2}$/.test(week) && week >= today ? week : today;
  const offer = await cachedOfferedSlots(db, {
    now,
    from,
    days: 7,
    type,
    withinDays: access.withinDays,
    mode: "patient",
  });

  // SOON: nothing within 7 days means the clinic must find a time, not the patient.
  if (access.withinDays !== null && from === today && offer.slots.length === 0) {
    await escalateNoCapacity(db, access.intake.id);
    return (
      <div className={styles.page}>
        <h1>The clinic will call you to find a time</h1>
        <p>
          There are no free appointments in the next {access.withinDays} days. We have told the clinic, and they will
          phone you on {access.intake.phone} to arrange one.
        </p>
        <p>
          We have also put you on the waitlist for any day and time.{" "}
          <Link href={`/book/waitlist?token=${encodeURIComponent(token!)}`}>
            Choose the days and times that suit you
          </Link>
          .
        </p>
        <p>If the warning signs on your result page appear, go to the emergency department straight away.</p>
      </div>
    );
  }

  const waiting = (await getWaitingEntryForIntake(db, access.intake.id)) !== null;
  // A time chosen on a scheduling site (its booking deep link): first when the grade books it, else said plainly.
  const chosen = await chosenTimeFor(db, {
    value: (await cookies()).get(CHOSEN_SLOT_COOKIE)?.value,
    grade: access.intake,
    now,
  });
  const base = `/book?token=${encodeURIComponent(token!)}`;
  const viewHref = pickerViewHref(`${base}&week=${from}`);
  const weekHref = (offset: number) => {
    const start = addLocalDays(from, offset * 7);
    if (start < today) return offset < 0 && from > today ? `${base}&week=${today}` : null;
    if (access.withinDays !== null && offset > 0) return null; // SOON: only this week
    return `${base}&week=${start}`;
  };
  return (
    <div className={styles.page}>
      <h1>Choose a time for your {type.name.toLowerCase()}</h1>
      <p>
        {type.minutes} minutes at {clinic.name}
        {clinic.address ? `, ${clinic.address}` : ""}.
        {access.withinDays !== null
          ? ` You should be seen within ${access.withinDays} days, so only those times are shown.`
          : ""}
      </p>
      {taken ? (
        <p className={styles.warning} role="status">
          Sorry, that time was just taken by someone else. Please choose another.
        </p>
      ) : null}
      {chosen && chosen.status !== "offered" ? (
        <p className={styles.warning} role="status">
          {chosen.status === "taken"
            ? `The time you chose, ${formatDateTime(chosen.start, clinic.timeZone)}, is no longer free.`
            : `The time you chose, ${formatDateTime(chosen.start, clinic.timeZone)}, is not open for your answers.`}{" "}
          These are the times you can book.
        </p>
      ) : null}
      <SlotPicker
        slots={offer.slots}
        timeZone={offer.timeZone}
        action="/book/confirm"
        hidden={{ token: token! }}
        weekHref={weekHref}
        weekLabel={`From ${formatDay(new Date(`${from}T12:00:00Z`), "UTC")}`}
        weekStart={from}
        viewHref={viewHref}
        view={pickerView(day, clinician)}
        chosen={chosen?.status === "offered" ? chosen.slot : undefined}
        submitLabel="Continue"
      />
      <p className={styles.waitlistLink}>
        {waiting ? (
          <>
            You are on the waitlist: we email you if a time that suits you comes free.{" "}
            <Link href={`/book/waitlist?token=${encodeURIComponent(token!)}`}>Change when you can come</Link>
          </>
        ) : (
          <>
            None of these times suit you?{" "}
            <Link href={`/book/waitlist?token=${encodeURIComponent(token!)}`}>Join the waitlist</Link>
          </>
        )}
      </p>
    </div>
  );
}
