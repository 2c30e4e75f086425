import type { Metadata } from "next";
import Link from "next/link";
import { LEVEL_NAMES } from "@/lib/staff/format";
import { getClinicCached } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { recordPageView } from "@/lib/staff/audit-api";
import { requireStaff } from "@/lib/staff/session";
import { readMeasures, readWaitlist } from "@/lib/staff/waitlist";
import { StaffForm } from "../_components/staff-form";
import styles from "../_components/staff.module.css";
import { removeFromWaitlistAction } from "./actions";

export const metadata: Metadata = { title: "Waitlist", robots: { index: false } };

type Props = { searchParams: Promise<{ done?: string }> };

/**
 * Patients waiting for a freed time, in the order times are offered: soon before routine before
 * self-care, then the nearest deadline, then the longest wait; each patient's offers and how they
 * stand; the waitlist's measures. Any staff member may offer a patient a time of their choosing or
 * take a patient off the list (with a reason).
 */
export default async function WaitlistPage({ searchParams }: Props) {
  const staff = await requireStaff(undefined, "/staff/waitlist");
  const { done } = await searchParams;
  const db = await getDb();
  const now = new Date();
  const clinic = await getClinicCached(db);
  const [rows, measures] = await Promise.all([readWaitlist(db, now, clinic?.timeZone ?? "UTC"), readMeasures(db, now)]);
  const holdMinutes = clinic?.waitlistHoldMinutes ?? 30;
  await recordPageView(db, staff, "waitlist_viewed", { shown: rows.length });

  return (
    <div className={styles.page}>
      <h1>Waitlist</h1>
      <p className={styles.muted}>
        Patients who want a time sooner than they could book, or for whom no time suited. When a time comes free (a
        cancellation, a move, new hours), it is offered by email to the first patient in this order whose days and times
        it suits: the most urgent level first, then the nearest deadline, then the longest wait. It is held for them for{" "}
        {holdMinutes} minutes (Settings), then goes to the next. Times are in the clinic&apos;s zone.
      </p>
      <section aria-labelledby="measures">
        <h2 id="measures">Last {measures.days} days</h2>
        <dl className={styles.facts} data-testid="waitlist-measures">
          <dt>Times freed</dt>
          <dd>{measures.freed}</dd>
          <dt>Filled from the waitlist</dt>
          <dd>{measures.accepted}</dd>
          <dt>Median from freed to booked</dt>
          <dd>
            {measures.medianMinutesFreedToBooked === null
              ? "None yet"
              : minutesInWords(measures.medianMinutesFreedToBooked)}
          </dd>
          <dt>Offers let go or not answered</dt>
          <dd>
            {measures.declined} let go, {measures.lapsed} not answered in time
          </dd>
        </dl>
      </section>
      {done === "removed" ? (
        <p className={styles.notice} role="status">
          Taken off the waitlist. The reason is in the audit trail.
        </p>
      ) : null}
      {done === "offered" ? (
        <p className={styles.notice} role="status">
          Offered: the patient has been emailed, and the time is held for them.
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>Nobody is waiting. Patients join from their booking page.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={`${styles.table} ${styles.stacked}`} data-testid="waitlist">
            <caption className="visually-hidden">Waiting patients, in the order times are offered</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Patient</th>
                <th scope="col">Why here</th>
                <th scope="col">Can come</th>
                <th scope="col">Joined</th>
                <th scope="col">Offers</th>
                <th scope="col">Take off the list</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.id} data-testid="waitlist-row">
                  <td data-label="Order">{i + 1}</td>
                  <th scope="row">
                    <Link href={`/staff/patients/${row.patientId}`}>{row.name}</Link>
                    <div>
                      <span className={`${styles.level} ${styles[row.level]}`}>{LEVEL_NAMES[row.level]}</span>{" "}
                      <Link href={`/staff/cases/${row.intakeId}`}>
                        Case<span className="visually-hidden"> of {row.name}</span>
                      </Link>
                    </div>
                  </th>
                  <td data-label="Why here">{row.why}</td>
                  <td data-label="Can come">
                    {row.when}
                    {row.notBefore ? <div>Not before {row.notBefore}</div> : null}
                    {row.earlierThan ? <div>Earlier than their appointment on {row.earlierThan}</div> : null}
                  </td>
                  <td data-label="Joined">{row.joined}</td>
                  <td data-label="Offers">
                    {row.offers.length ? (
                      <ul className={styles.plainList}>
                        {row.offers.map((o) => (
                          <li key={o.id}>
                            {o.when}, {o.clinician}: {o.status}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      "None yet"
                    )}
                    {row.offerOpen ? null : (
                      <div>
                        <Link href={`/staff/waitlist/offer?entry=${row.id}`}>
                          Offer a time<span className="visually-hidden"> to {row.name}</span>
                        </Link>
                      </div>
                    )}
                  </td>
                  <td>
                    <StaffForm
                      action={removeFromWaitlistAction}
                      hidden={{ id: row.id }}
                      submitLabel={
                        <>
                          Take off<span className="visually-hidden"> {row.name}</span>
                        </>
                      }
                      secondary
                      fields={[
                        {
                          name: "reason",
                          label: (
                            <>
                              Reason<span className="visually-hidden"> for taking {row.name} off</span>
                            </>
                          ),
                          required: true,
                          maxLength: 500,
                        },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** "12 minutes", "1 hour 5 minutes", "under a minute". */
function minutesInWords(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 1) return "under a minute";
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  return h ? (rest ? `${part(h, "hour")} ${part(rest, "minute")}` : part(h, "hour")) : part(rest, "minute");
}
