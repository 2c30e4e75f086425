// Appointments, as the case page and the patient page both list them: each links to its own page
// (move, cancel), with its status, who booked it and why when staff did, and why it was cancelled.
import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/booking/format";
import styles from "./staff.module.css";

export type RecordAppointment = {
  id: string;
  intakeId: string | null;
  startsAt: Date;
  status: string;
  type: string;
  clinician: string;
  cancelReason: string | null;
  lateCancellation: boolean;
  bookedByStaff: string | null;
  outsideLevelReason: string | null;
};

const STATUS: Record<string, string> = {
  booked: "Booked",
  cancelled: "Cancelled",
  rescheduled: "Moved to another time",
  arrived: "✓ Attended (arrived)",
  completed: "✓ Attended",
  no_show: "✗ Did not attend",
};

/** One appointment's status in words; a past appointment still "booked" was never marked. */
export function appointmentStatus(a: Pick<RecordAppointment, "status" | "startsAt">, now: Date): string {
  if (a.status === "booked" && a.startsAt < now) return "Not marked";
  return STATUS[a.status] ?? a.status;
}

/** A list of appointments; `after` adds words to a row (say, which intake it was booked from). */
export function RecordAppointments({
  appointments,
  zone,
  now,
  testId = "appointment",
  after,
}: {
  appointments: readonly RecordAppointment[];
  zone: string;
  now: Date;
  testId?: string;
  after?: (a: RecordAppointment) => ReactNode;
}) {
  if (!appointments.length) return <p>None.</p>;
  return (
    <ul className={styles.appointments}>
      {appointments.map((a) => (
        <li key={a.id} data-testid={testId}>
          <Link href={`/staff/appointments/${a.id}`} prefetch={false}>
            {formatDateTime(a.startsAt, zone)}, {a.type} with {a.clinician}
          </Link>
          : <strong>{appointmentStatus(a, now)}</strong>
          {a.status === "cancelled" && a.lateCancellation ? (
            <>
              {" "}
              <span className={styles.lateMark}>⚠ Late cancellation</span>
            </>
          ) : null}
          {after ? <> {after(a)}</> : null}
          {a.status === "cancelled" && a.cancelReason ? (
            <div className={styles.muted}>Cancelled because: “{a.cancelReason}”</div>
          ) : null}
          {a.bookedByStaff ? <div className={styles.muted}>Booked by staff ({a.bookedByStaff})</div> : null}
          {a.outsideLevelReason ? (
            <div className={styles.muted}>Outside the patient&apos;s level: “{a.outsideLevelReason}”</div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
