import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { formatDateTime } from "@/lib/booking/format";
import { bookingSettings } from "@/lib/booking/schedule";
import { clinicZone } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { fieldErrors, firstValues } from "@/lib/forms";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { isBackgroundView } from "@/lib/staff/audit-api";
import { viewCallerForBooking, dayToShow, insideAllowance, staffTimes } from "@/lib/staff/caller-booking";
import { LEVEL_NAMES } from "@/lib/staff/format";
import { findPatients, patientSearchSchema } from "@/lib/staff/patients";
import { requireStaff } from "@/lib/staff/session";
import { localDate } from "@/lib/scheduling";
import { PatientSearchForm } from "../_components/patient-search-form";
import { StaffForm } from "../_components/staff-form";
import { LastIntake } from "../_components/last-intake";
import styles from "../_components/staff.module.css";
import { TimePicker, type PickerQuery } from "../_components/time-picker";
import { bookForCallerAction } from "../booking-actions";

export const metadata: Metadata = {
  title: "Book an appointment",
  robots: { index: false },
  referrer: PRIVATE_PAGE_REFERRER,
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The page's address is a contract others link to: patient, type, clinician, date, start, all optional.
const paramsSchema = z.object({
  patient: z.uuid().optional().catch(undefined),
  type: z
    .string()
    .max(50)
    .regex(/^[\w-]+$/)
    .optional()
    .catch(undefined),
  clinician: z.uuid().optional().catch(undefined),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  start: z.iso.datetime({ offset: true }).optional().catch(undefined),
});
type Params = z.output<typeof paramsSchema>;

const hrefWith = (p: Params) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `/staff/book?${s}` : "/staff/book";
};

/** Book for a patient who calls: find them, see what their level allows, choose a type and a time, confirm. */
export default async function BookPage({ searchParams }: Props) {
  const raw = firstValues(await searchParams);
  const params = paramsSchema.parse(raw);
  const staff = await requireStaff(undefined, hrefWith(params));
  const db = await getDb();
  const settings = await bookingSettings(db);
  const zone = clinicZone(settings.clinic);
  const now = new Date();

  if (!params.patient) {
    // The patient search, audited like the patients page; the other parameters ride along.
    const parsed = patientSearchSchema.safeParse({ q: raw.q ?? "", cursor: raw.cursor || undefined });
    const error = parsed.success ? null : (Object.values(fieldErrors(parsed.error)).flat()[0] ?? "Check the search.");
    const page = parsed.success
      ? await findPatients(db, staff, parsed.data, { source: "page", recordView: !(await isBackgroundView()) })
      : null;
    const q = parsed.success ? parsed.data.q : (raw.q ?? "").slice(0, 100);
    const start = params.start ? new Date(params.start) : null;
    const chosenClinician = settings.schedule.clinicians.find((c) => c.id === params.clinician);
    return (
      <div className={styles.page}>
        <h1>Book an appointment</h1>
        {start ? (
          <p className={styles.notice}>
            Time chosen: {formatDateTime(start, zone)}
            {chosenClinician ? ` with ${chosenClinician.name}` : ""}. Now find the patient.
          </p>
        ) : null}
        <p className={styles.muted}>
          Find the patient who is calling: by name (the start is enough), email, phone number or date of birth
          (1961-04-09 or 04/09/1961).
        </p>
        <PatientSearchForm
          label="Find the patient"
          q={q}
          error={error}
          hidden={{ type: params.type, clinician: params.clinician, date: params.date, start: params.start }}
        />
        {page?.status === "bad_cursor" ? <p className={styles.notice}>That page of results has expired.</p> : null}
        {page?.status === "ok" && q ? (
          page.key === null ? (
            <p role="status">Type a name, an email, a phone number (at least 6 digits) or a date of birth.</p>
          ) : page.results.length === 0 ? (
            <p role="status">
              No patient matches. A new patient fills in the intake form first (<Link href="/intake">the intake</Link>);
              then book them here.
            </p>
          ) : (
            <>
              <p role="status" className={styles.muted}>
                {page.results.length} {page.results.length === 1 ? "patient" : "patients"} found.
              </p>
              <div className={styles.tableWrap}>
                <table className={styles.table}>
                  <caption className="visually-hidden">Patients matching the search</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Date of birth</th>
                      <th scope="col">Phone</th>
                      <th scope="col">Last intake</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.results.map((p) => (
                      <tr key={p.id} data-testid="patient-row">
                        <td>
                          {p.erased ? (
                            <>
                              {p.name} <div className={styles.muted}>personal data erased: cannot be booked</div>
                            </>
                          ) : (
                            <Link href={hrefWith({ ...params, patient: p.id })} prefetch={false}>
                              Book for {p.name}
                            </Link>
                          )}
                        </td>
                        <td>{p.dateOfBirth ?? "—"}</td>
                        <td>{p.phone || "—"}</td>
                        <td>
                          <LastIntake at={p.lastIntakeAt} level={p.lastLevel} zone={zone} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {page.next ? (
                <p>
                  <Link href={`/staff/book?${new URLSearchParams({ ...stripped(params), q, cursor: page.next })}`}>
                    Next page
                  </Link>
                </p>
              ) : null}
            </>
          )
        ) : null}
      </div>
    );
  }

  const caller = await viewCallerForBooking(db, staff, params.patient, {
    types: settings.schedule.types,
    recordView: !(await isBackgroundView()),
    now,
  });
  if (caller.status !== "ok") {
    return (
      <div className={styles.page}>
        <h1>Book an appointment</h1>
        {caller.status === "no_intake" ? (
          <>
            <p>
              <Link href={`/staff/patients/${caller.patient.id}`}>{caller.patient.name}</Link> has not filled in the
              intake yet, so there is no level to book against.
            </p>
            <p>
              Ask them to fill in the short online form (<Link href="/intake">the intake</Link>), or take their details
              on the phone and fill it in for them; then book them here.
            </p>
          </>
        ) : caller.status === "erased" ? (
          <p>This patient&apos;s personal data was erased: they cannot be booked. A new intake starts a new record.</p>
        ) : (
          <p>No patient with that id. It may have been merged into another record.</p>
        )}
        <p>
          <Link href={hrefWith({ ...params, patient: undefined })}>Find another patient</Link>
        </p>
      </div>
    );
  }

  const { patient, allowance, booked } = caller;
  const types = settings.schedule.types;
  const type =
    types.find((t) => t.id === params.type) ??
    types.find((t) => allowance.typeIds.includes(t.id)) ??
    types.find((t) => !t.urgent) ??
    types[0];
  const start = params.start ? new Date(params.start) : null;
  const date = dayToShow(params.date, start, now, zone);
  const today = localDate(now, zone);
  const times = type ? await staffTimes(db, { type, date, now, allowance }, settings) : null;
  const chosen =
    start && params.clinician && times
      ? times.clinicians
          .find((c) => c.id === params.clinician)
          ?.slots.find((s) => s.start.getTime() === start.getTime())
      : undefined;
  const chosenClinician = settings.schedule.clinicians.find((c) => c.id === params.clinician);
  const base: Params = { patient: patient.id, type: type?.id };
  const pick = (q: PickerQuery): string => hrefWith({ ...base, ...q });

  return (
    <div className={styles.page}>
      <p>
        <Link href={`/staff/patients/${patient.id}`}>Back to {patient.name}&apos;s record</Link>
      </p>
      <h1>Book for {patient.name}</h1>
      <div className={styles.card}>
        <p>
          Level now:{" "}
          <span className={`${styles.level} ${styles[allowance.level]}`}>{LEVEL_NAMES[allowance.level]}</span>{" "}
          <Link href={`/staff/cases/${caller.intake.id}`}>(their latest case)</Link>
        </p>
        <p data-testid="allowance">{allowance.summary}</p>
        <p className={styles.muted}>
          You may book any kind of appointment at any free time; outside what their level allows, give a reason (it is
          kept with the appointment and in the audit trail).
        </p>
      </div>
      {booked ? (
        <div className={styles.notice} role="status">
          <p>
            {patient.name} already has an appointment booked on {formatDateTime(booked.startsAt, zone)}.{" "}
            <Link href={`/staff/appointments/${booked.id}`}>Open it to move or cancel it</Link>.
          </p>
        </div>
      ) : !type ? (
        <p>No kind of appointment is active. An admin can add one in the settings.</p>
      ) : (
        <>
          <nav aria-labelledby="types-heading">
            <h2 id="types-heading">Kind of appointment</h2>
            <ul>
              {types.map((t) => {
                const allowed = allowance.typeIds.includes(t.id);
                return (
                  <li key={t.id}>
                    {t.id === type.id ? (
                      <strong aria-current="true">{t.name}</strong>
                    ) : (
                      <Link
                        href={hrefWith({ ...base, type: t.id, date, clinician: params.clinician, start: params.start })}
                        prefetch={false}
                      >
                        {t.name}
                      </Link>
                    )}{" "}
                    <span className={styles.muted}>
                      ({t.minutes} min; {allowed ? "inside their level" : "outside their level: needs a reason"})
                    </span>
                  </li>
                );
              })}
            </ul>
          </nav>
          {start && params.clinician ? (
            chosen && chosenClinician ? (
              <section className={styles.card} aria-labelledby="confirm-heading">
                <h2 id="confirm-heading">Confirm</h2>
                <p>
                  <strong>{type.name}</strong> with <strong>{chosenClinician.name}</strong> on{" "}
                  <strong>{formatDateTime(start, zone)}</strong>.
                </p>
                {insideAllowance(allowance, type.id, start, now) ? (
                  <p className={styles.muted}>Inside what {patient.name}&apos;s level allows.</p>
                ) : (
                  <p>
                    <strong>Outside what {patient.name}&apos;s level allows:</strong> give the reason.
                  </p>
                )}
                <StaffForm
                  action={bookForCallerAction}
                  hidden={{
                    patientId: patient.id,
                    appointmentTypeId: type.id,
                    clinicianId: chosenClinician.id,
                    start: start.toISOString(),
                  }}
                  fields={[
                    {
                      name: "reason",
                      label: insideAllowance(allowance, type.id, start, now) ? "Reason (optional)" : "Reason",
                      kind: "textarea",
                      rows: 2,
                      maxLength: 500,
                      hint: "Kept in the audit trail; never sent to the patient. No symptoms or clinical details here: those go in a case note.",
                    },
                  ]}
                  submitLabel="Book this time"
                  errorSummary
                />
                <p className={styles.muted}>The patient is emailed a confirmation with a link to move or cancel.</p>
              </section>
            ) : (
              <p className={styles.notice} role="status">
                {formatDateTime(start, zone)}
                {chosenClinician ? ` with ${chosenClinician.name}` : ""} is not free for {type.name}. Choose another
                time.
              </p>
            )
          ) : null}
          {times ? (
            <TimePicker
              timeZone={zone}
              today={today}
              date={date}
              clinicians={times.clinicians}
              selected={
                chosen && params.clinician && start
                  ? { clinicianId: params.clinician, start: start.toISOString() }
                  : null
              }
              href={pick}
              marks
            />
          ) : null}
        </>
      )}
    </div>
  );
}

function stripped(p: Params): Record<string, string> {
  return Object.fromEntries(Object.entries(p).filter((e): e is [string, string] => !!e[1]));
}
