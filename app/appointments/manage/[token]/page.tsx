import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cancelAction } from "@/app/book/actions";
import styles from "@/app/book/_components/book.module.css";
import { getClinicInfo } from "@/lib/clinic";
import { WHAT_TO_BRING } from "@/lib/content";
import { formatDateTime, zoneName } from "@/lib/booking/format";
import { beforeCutoff, cutoffHours, findByManageToken, isErasedManageLink } from "@/lib/booking/manage";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";

export const metadata: Metadata = {
  title: "Your appointment",
  robots: { index: false },
  referrer: PRIVATE_PAGE_REFERRER,
};

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ booked?: string; moved?: string; error?: string }>;
};

/** The private manage page: the appointment, and reschedule or cancel up to the cut-off. */
export default async function ManagePage({ params, searchParams }: Props) {
  const { token } = await params;
  const { booked, moved, error } = await searchParams;
  const db = await getDb();
  const now = new Date();
  const appointment = await findByManageToken(db, token, now);
  if (!appointment) {
    if (await isErasedManageLink(db, token)) return <ErasedAppointment />;
    notFound();
  }
  const clinic = await getClinicInfo();
  const canChange = await beforeCutoff(db, appointment.startsAt, now);
  const hours = await cutoffHours(db);
  const phone = clinic.phone ? <a href={`tel:${clinic.phone.replace(/[^\d+]/g, "")}`}>{clinic.phone}</a> : "the clinic";

  return (
    <div className={styles.page}>
      {booked ? (
        <div className={styles.notice} role="status">
          <p>
            <strong>Your appointment is booked.</strong> Keep this private link: it lets you change or cancel it.
          </p>
          <p className={styles.link}>{`${env().APP_URL}/appointments/manage/${token}`}</p>
        </div>
      ) : null}
      {moved ? (
        <p className={styles.notice} role="status">
          <strong>Your appointment has been moved.</strong>
        </p>
      ) : null}
      {error === "too_late" ? (
        <p className={styles.warning} role="status">
          It is too late to change this appointment online. Please call {phone}.
        </p>
      ) : null}
      <h1>Your appointment</h1>
      <div className={styles.summary}>
        <dl>
          <dt>When</dt>
          <dd>
            {formatDateTime(appointment.startsAt, clinic.timeZone)} ({zoneName(clinic.timeZone)})
          </dd>
          <dt>What</dt>
          <dd>{appointment.typeName}</dd>
          <dt>With</dt>
          <dd>
            {appointment.clinicianName}, {appointment.clinicianRole}
          </dd>
          <dt>Where</dt>
          <dd>
            {clinic.name}
            {clinic.address ? `, ${clinic.address}` : ""}
          </dd>
        </dl>
      </div>
      <h2>What to bring</h2>
      <ul>
        {WHAT_TO_BRING.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {canChange ? (
        <>
          <h2>Change or cancel</h2>
          <p>
            <Link className={styles.secondary} href={`/appointments/manage/${token}/reschedule`}>
              Choose another time
            </Link>
          </p>
          <form action={cancelAction} className={styles.field}>
            <input type="hidden" name="token" value={token} />
            <label htmlFor="reason">Why are you cancelling? (optional)</label>
            <textarea id="reason" name="reason" maxLength={500} />
            <button type="submit" className={styles.danger}>
              Cancel appointment
            </button>
          </form>
        </>
      ) : (
        <p className={styles.warning}>
          To change or cancel this appointment now, please call {phone}. Online changes close {hours} hours before.
        </p>
      )}
    </div>
  );
}

/** A link to an appointment whose details were erased: no details, and the next step. */
async function ErasedAppointment() {
  const clinic = await getClinicInfo();
  return (
    <div className={styles.page}>
      <h1>This appointment&apos;s details were erased</h1>
      <p>
        The personal details behind this link have been erased, as the clinic&apos;s privacy notice explains, and the
        appointment was cancelled with them.
      </p>
      <p>
        To book again, please <Link href="/intake">fill in the back-pain check</Link>
        {clinic.phone ? (
          <>
            {" "}
            or call <a href={`tel:${clinic.phone.replace(/[^\d+]/g, "")}`}>{clinic.phone}</a>
          </>
        ) : null}
        .
      </p>
    </div>
  );
}
