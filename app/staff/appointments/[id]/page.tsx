import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatDateTime } from "@/lib/booking/format";
import { cutoffHours } from "@/lib/booking/manage";
import { bookingSettings } from "@/lib/booking/schedule";
import { clinicZone } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { firstValues } from "@/lib/forms";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import {
  changeable,
  dayToShow,
  insideAllowance,
  insideCutoff,
  moveTimes,
  viewStaffAppointment,
} from "@/lib/staff/caller-booking";
import { requireStaff } from "@/lib/staff/session";
import { localDate } from "@/lib/scheduling";
import { StaffForm } from "../../_components/staff-form";
import styles from "../../_components/staff.module.css";
import own from "./appointment.module.css";
import { TimePicker, type PickerQuery } from "../../_components/time-picker";
import { cancelForCallerAction, moveForCallerAction } from "../../booking-actions";

export const metadata: Metadata = { title: "Appointment", robots: { index: false }, referrer: PRIVATE_PAGE_REFERRER };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const DONE: Record<string, string> = {
  booked: "Booked; confirmation emailed to the patient.",
  moved: "Moved; the patient was emailed the new time.",
  cancelled: "Cancelled; the patient was emailed.",
  cancelled_late: "Cancelled (marked as a late cancellation); the patient was emailed.",
};

const STATUS: Record<string, string> = {
  booked: "Booked",
  cancelled: "Cancelled",
  rescheduled: "Moved to another time",
  arrived: "Arrived",
  no_show: "Did not attend",
  completed: "Completed",
  held: "Held for a waitlist offer: it becomes an appointment if the patient takes it, else it is freed",
};

const moveSchema = z.object({
  move: z.literal("1").optional().catch(undefined),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  clinician: z.uuid().optional().catch(undefined),
  start: z.iso.datetime({ offset: true }).optional().catch(undefined),
  done: z.string().max(30).optional().catch(undefined),
});

/** One appointment for staff: who, what, when, its history; move or cancel it while it is booked. */
export default async function AppointmentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff(undefined, `/staff/appointments/${id}`);
  const db = await getDb();
  const found = await viewStaffAppointment(db, staff, id); // audited as "appointment_viewed"
  if (!found) notFound();
  const { appointment: a, history } = found;
  const q = moveSchema.parse(firstValues(await searchParams));
  const settings = await bookingSettings(db);
  const zone = clinicZone(settings.clinic);
  const now = new Date();
  const open = changeable(a, now);
  const late = open && (await insideCutoff(db, a.startsAt, now));
  const hours = await cutoffHours(db);
  const first = history[0];
  const page = `/staff/appointments/${a.id}`;

  const moving = open && q.move === "1";
  const start = q.start ? new Date(q.start) : null;
  const date = dayToShow(q.date, start, now, zone);
  const times = moving ? await moveTimes(db, a, { date, now }, settings) : null;
  const chosen =
    start && q.clinician && times
      ? times.clinicians.find((c) => c.id === q.clinician)?.slots.find((s) => s.start.getTime() === start.getTime())
      : undefined;
  const chosenName = times?.clinicians.find((c) => c.id === q.clinician)?.name;
  const pick = (p: PickerQuery): string => {
    const s = new URLSearchParams({ move: "1", date: p.date });
    if (p.clinician) s.set("clinician", p.clinician);
    if (p.start) s.set("start", p.start);
    return `${page}?${s}`;
  };
  const chosenInside = chosen && times?.allowance ? insideAllowance(times.allowance, a.typeId, start!, now) : true;

  return (
    <div className={styles.page}>
      {q.done && Object.hasOwn(DONE, q.done) ? (
        <p className={styles.notice} role="status">
          {DONE[q.done]}
        </p>
      ) : null}
      <h1>
        {a.typeName} for {a.patientName}
      </h1>
      <dl className={`${styles.facts} ${own.facts}`}>
        <dt>Patient</dt>
        <dd>
          <Link href={`/staff/patients/${a.patientId}`}>{a.patientName}</Link>
        </dd>
        <dt>Case</dt>
        <dd>
          <Link href={`/staff/cases/${a.intakeId}`}>Open the case</Link>
        </dd>
        <dt>When</dt>
        <dd>{formatDateTime(a.startsAt, zone)}</dd>
        <dt>With</dt>
        <dd>{a.clinicianName}</dd>
        <dt>Status</dt>
        <dd data-testid="appointment-status">
          {STATUS[a.status] ?? a.status}
          {a.lateCancellation ? " (late cancellation)" : ""}
        </dd>
        <dt>Booked by</dt>
        <dd>
          {first?.bookedByName ?? (a.typeUrgent ? "Clinic staff (not recorded)" : "The patient, online")}
          {first ? ` on ${formatDateTime(first.createdAt, zone)}` : ""}
        </dd>
        {a.outsideLevelReason ? (
          <>
            <dt>Outside the level because</dt>
            <dd>{a.outsideLevelReason}</dd>
          </>
        ) : null}
        {a.status === "cancelled" ? (
          <>
            <dt>Cancelled</dt>
            <dd>
              {a.cancelledAt ? formatDateTime(a.cancelledAt, zone) : ""} by {a.cancelledByName ?? "the patient"}
              {a.cancelReason ? `: “${a.cancelReason}”` : ""}
            </dd>
          </>
        ) : null}
      </dl>
      {a.status === "rescheduled" ? (
        <p>
          This time was moved;{" "}
          {history.at(-1) ? <Link href={`/staff/appointments/${history.at(-1)!.id}`}>open the latest time</Link> : null}
          .
        </p>
      ) : null}

      {history.length > 1 ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">Times this appointment has had</h2>
          <ol>
            {history.map((h, i) => (
              <li key={h.id}>
                {h.id === a.id ? (
                  <strong>{formatDateTime(h.startsAt, zone)}</strong>
                ) : (
                  <Link href={`/staff/appointments/${h.id}`}>{formatDateTime(h.startsAt, zone)}</Link>
                )}{" "}
                with {h.clinicianName}: {STATUS[h.status] ?? h.status}
                <span className={styles.muted}>
                  {" "}
                  ({i === 0 ? "booked" : "moved"} by {h.bookedByName ?? "the patient"} on{" "}
                  {formatDateTime(h.createdAt, zone)})
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {a.status === "booked" && !open ? (
        <p className={styles.card} role="note">
          This appointment is over but still marked as expected: mark whether the patient came on{" "}
          <Link href="/staff/schedule">the schedule</Link>. A new appointment for the same episode can be booked once it
          is marked.
        </p>
      ) : null}
      {open ? (
        <>
          <section className={styles.card} aria-labelledby="move-heading">
            <h2 id="move-heading">Move</h2>
            {!moving ? (
              <p>
                <Link className={styles.actionLink} href={`${page}?move=1`}>
                  Choose another time
                </Link>
              </p>
            ) : !times ? (
              <p>This kind of appointment is no longer offered: cancel it and book another kind.</p>
            ) : (
              <>
                {times.allowance ? <p data-testid="allowance">{times.allowance.summary}</p> : null}
                {start && q.clinician ? (
                  chosen ? (
                    <div>
                      <p>
                        Move to <strong>{formatDateTime(start, zone)}</strong> with <strong>{chosenName}</strong>
                        {chosenInside ? "." : ", outside what the patient's level allows."}
                      </p>
                      <StaffForm
                        action={moveForCallerAction}
                        hidden={{ appointmentId: a.id, start: start.toISOString(), clinicianId: q.clinician }}
                        fields={[
                          {
                            name: "reason",
                            label: "Reason for the move",
                            kind: "textarea",
                            rows: 2,
                            maxLength: 500,
                            required: true,
                            hint: "Kept in the audit trail; never sent to the patient. No symptoms or clinical details here: those go in a case note.",
                          },
                        ]}
                        submitLabel="Move to this time"
                        errorSummary
                      />
                      <p className={styles.muted}>The patient is emailed the new time; their link keeps working.</p>
                    </div>
                  ) : (
                    <p className={styles.notice} role="status">
                      That time is not free any more. Choose another.
                    </p>
                  )
                ) : null}
                <TimePicker
                  timeZone={times.timeZone}
                  today={localDate(now, zone)}
                  date={date}
                  clinicians={times.clinicians}
                  selected={chosen && q.clinician ? { clinicianId: q.clinician, start: start!.toISOString() } : null}
                  href={pick}
                  marks={!!times.allowance}
                />
                <p>
                  <Link href={page}>Keep the current time</Link>
                </p>
              </>
            )}
          </section>
          <section className={styles.card} aria-labelledby="cancel-heading">
            <h2 id="cancel-heading">Cancel</h2>
            {late ? (
              <p>
                <strong>
                  This is within the clinic&apos;s {hours}-hour cancellation cut-off: it will be marked as a late
                  cancellation.
                </strong>
              </p>
            ) : null}
            <p>The patient is emailed that it is cancelled, and their calendar entry is removed.</p>
            <StaffForm
              action={cancelForCallerAction}
              hidden={{ appointmentId: a.id }}
              fields={[
                {
                  name: "reason",
                  label: "Reason for cancelling",
                  kind: "textarea",
                  rows: 2,
                  maxLength: 500,
                  required: true,
                  hint: "Kept in the audit trail; never sent to the patient. No symptoms or clinical details here: those go in a case note.",
                },
              ]}
              submitLabel="Cancel this appointment"
              errorSummary
              secondary
            />
          </section>
        </>
      ) : null}
    </div>
  );
}
