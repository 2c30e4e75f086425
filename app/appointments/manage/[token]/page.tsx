import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import styles from "@/app/book/_components/book.module.css";
import { getClinicInfo } from "@/lib/clinic";
import { WHAT_TO_BRING } from "@/lib/content";
import { findCancelledByManageToken } from "@/lib/booking/cancelled";
import { formatDateTime, zoneName } from "@/lib/booking/format";
import { beforeCutoff, cutoffHours, findByManageToken, isErasedManageLink } from "@/lib/booking/manage";
import { getDb } from "@/lib/db";
import { earlierTimeLink } from "@/lib/booking/waitlist-link";
import { env } from "@/lib/env";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { CancelledAppointmentView } from "./_components/cancelled-appointment";
import { ConfirmCancel } from "./_components/confirm-cancel";
import { PhoneLink } from "./_components/phone-link";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ booked?: string; moved?: string; error?: string; cancel?: string; cancelled?: string }>;
};

/** What a manage link opens now: the booked appointment, a cancelled one, an erased one, or nothing. */
const load = cache(async (token: string) => {
  const db = await getDb();
  const now = new Date();
  const booked = await findByManageToken(db, token, now);
  if (booked)
    return { kind: "booked" as const, appointment: booked, canChange: await beforeCutoff(db, booked.startsAt, now) };
  if (await isErasedManageLink(db, token)) return { kind: "erased" as const };
  const cancelled = await findCancelledByManageToken(db, token, now);
  if (cancelled) return { kind: "cancelled" as const, appointment: cancelled };
  return null;
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { token } = await params;
  const { cancel } = await searchParams;
  const found = await load(token);
  const title =
    found?.kind === "cancelled"
      ? "Appointment cancelled"
      : found?.kind === "booked" && cancel && found.canChange
        ? "Cancel your appointment?"
        : "Your appointment";
  return { title, robots: { index: false }, referrer: PRIVATE_PAGE_REFERRER };
}

/**
 * The private manage page: the appointment, and reschedule or cancel up to the cut-off (a cancel
 * asks first, on its own step: `?cancel=1`); after a cancel, what was cancelled and the way back.
 */
export default async function ManagePage({ params, searchParams }: Props) {
  const { token } = await params;
  const { booked, moved, error, cancel, cancelled } = await searchParams;
  const found = await load(token);
  if (!found) notFound();
  const clinic = await getClinicInfo();
  if (found.kind === "erased") return <ErasedAppointment phone={clinic.phone} />;
  if (found.kind === "cancelled")
    return <CancelledAppointmentView appointment={found.appointment} clinic={clinic} justCancelled={!!cancelled} />;

  const { appointment, canChange } = found;
  const when = `${formatDateTime(appointment.startsAt, clinic.timeZone)} (${zoneName(clinic.timeZone)})`;
  const withWhom = `${appointment.clinicianName}, ${appointment.clinicianRole}`;
  if (cancel && canChange)
    return <ConfirmCancel token={token} when={when} what={appointment.typeName} withWhom={withWhom} />;
  const db = await getDb();
  const hours = await cutoffHours(db);
  const earlier = canChange ? await earlierTimeLink(db, appointment.intakeId, new Date()) : null;
  const here = `/appointments/manage/${token}`;

  return (
    <div className={styles.page}>
      {booked ? (
        <div className={styles.notice} role="status">
          <p>
            <strong>Your appointment is booked.</strong> Keep this private link: it lets you change or cancel it.
          </p>
          <p className={styles.link}>{`${env().APP_URL}${here}`}</p>
        </div>
      ) : null}
      {moved ? (
        <p className={styles.notice} role="status">
          <strong>Your appointment has been moved.</strong>
        </p>
      ) : null}
      {error === "too_late" || (cancel && !canChange) ? (
        <p className={styles.warning} role="status">
          It is too late to change this appointment online. Please call <PhoneLink phone={clinic.phone} />.
        </p>
      ) : null}
      <h1>Your appointment</h1>
      <div className={styles.summary}>
        <dl>
          <dt>When</dt>
          <dd>{when}</dd>
          <dt>What</dt>
          <dd>{appointment.typeName}</dd>
          <dt>With</dt>
          <dd>{withWhom}</dd>
          <dt>Where</dt>
          <dd>
            {clinic.name}
            {clinic.address ? `, ${clinic.address}` : ""}
          </dd>
        </dl>
      </div>
      <p>
        {/* A file download, not a page: a plain link, so the router neither prefetches nor intercepts it. */}
        <a className={styles.secondary} href={`${here}/calendar.ics`} download="appointment.ics">
          Add to calendar
        </a>
      </p>
      <h2>What to bring</h2>
      <ul>
        {WHAT_TO_BRING.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {canChange ? (
        <>
          <h2>Change or cancel</h2>
          <div className={styles.actions}>
            <Link className={styles.secondary} href={`${here}/reschedule`}>
              Choose another time
            </Link>
            <Link className={styles.secondary} href={`${here}?cancel=1`}>
              Cancel appointment
            </Link>
          </div>
          {earlier ? (
            <>
              <h2>Hoping for an earlier time?</h2>
              <p>
                Join the waitlist and keep this appointment: if an earlier time that suits you comes free, we email you
                and hold it for you for a while.
              </p>
              <p>
                <Link className={styles.secondary} href={earlier}>
                  Join the waitlist
                </Link>
              </p>
            </>
          ) : null}
        </>
      ) : (
        <p className={styles.warning}>
          To change or cancel this appointment now, please call <PhoneLink phone={clinic.phone} />. Online changes close{" "}
          {hours} hours before.
        </p>
      )}
    </div>
  );
}

/** A link to an appointment whose details were erased: no details, and the next step. */
function ErasedAppointment({ phone }: { phone: string | null }) {
  return (
    <div className={styles.page}>
      <h1>This appointment&apos;s details were erased</h1>
      <p>
        The personal details behind this link have been erased, as the clinic&apos;s privacy notice explains, and the
        appointment was cancelled with them.
      </p>
      <p>
        To book again, please <Link href="/intake">fill in the back-pain check</Link>
        {phone ? (
          <>
            {" "}
            or call <PhoneLink phone={phone} />
          </>
        ) : null}
        .
      </p>
    </div>
  );
}
