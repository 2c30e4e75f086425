import type { Metadata } from "next";
import Link from "next/link";
import { confirmBookingAction } from "@/app/book/actions";
import { getClinicInfo } from "@/lib/clinic";
import { bookingAccess } from "@/lib/booking/access";
import { typeLevelFor } from "@/lib/booking/eligibility";
import { formatDateTime, zoneName } from "@/lib/booking/format";
import { typeFor } from "@/lib/booking/schedule";
import { listClinicians } from "@/db/queries/scheduling";
import { getDb } from "@/lib/db";
import { AccessMessage } from "../_components/access-message";
import styles from "../_components/book.module.css";

export const metadata: Metadata = { title: "Confirm your appointment", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string; slot?: string; already?: string }> };

/** Check the chosen time, then confirm. */
export default async function ConfirmPage({ searchParams }: Props) {
  const { token, slot, already } = await searchParams;
  const db = await getDb();
  const clinic = await getClinicInfo();
  const access = await bookingAccess(db, token, new Date());
  if (access.status !== "ok") return <AccessMessage status={access.status} phone={clinic.phone} />;
  const back = `/book?token=${encodeURIComponent(token!)}`;
  if (already) {
    return (
      <div className={styles.page}>
        <h1>You already have an appointment</h1>
        <p>
          Use the link in your confirmation email to change or cancel it
          {clinic.phone ? `, or call ${clinic.phone}` : ""}.
        </p>
      </div>
    );
  }
  const [clinicianId, startIso] = (slot ?? "").split("|");
  const start = new Date(startIso ?? "");
  const clinician = (await listClinicians(db)).find((c) => c.id === clinicianId);
  const type = await typeFor(db, typeLevelFor(access.intake));
  if (!clinician || !type || Number.isNaN(start.getTime())) {
    return (
      <div className={styles.page}>
        <h1>Choose a time first</h1>
        <p>
          <Link href={back}>Go back to the list of times</Link>
        </p>
      </div>
    );
  }
  return (
    <div className={styles.page}>
      <Link href={back}>Back to the times</Link>
      <h1>Check your appointment</h1>
      <div className={styles.summary}>
        <dl>
          <dt>When</dt>
          <dd>
            {formatDateTime(start, clinic.timeZone)} ({zoneName(clinic.timeZone)})
          </dd>
          <dt>What</dt>
          <dd>
            {type.name}, {type.minutes} minutes
          </dd>
          <dt>With</dt>
          <dd>
            {clinician.name}, {clinician.role}
          </dd>
          <dt>Where</dt>
          <dd>
            {clinic.name}
            {clinic.address ? `, ${clinic.address}` : ""}
          </dd>
        </dl>
      </div>
      <form action={confirmBookingAction}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="clinicianId" value={clinician.id} />
        <input type="hidden" name="start" value={start.toISOString()} />
        <button type="submit" className={styles.primary}>
          Confirm booking
        </button>
      </form>
    </div>
  );
}
