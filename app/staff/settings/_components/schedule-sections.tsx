// Who works when and what can be booked: clinicians, weekly hours, time off, appointment types.
import Link from "next/link";
import type { ReactNode } from "react";
import type {
  listAllAppointmentTypes,
  listAllClinicians,
  listAllWorkingHours,
  listUpcomingTimeOff,
} from "@/db/queries/scheduling";
import { formatDateTime, zoneName } from "@/lib/booking/format";
import { LEVEL_NAMES } from "@/lib/staff/format";
import {
  addClinicianAction,
  addTimeOffAction,
  addWorkingHoursAction,
  createAppointmentTypeAction,
  markUrgentTypeAction,
  setClinicianActiveAction,
  updateAppointmentTypeAction,
  updateClinicianAction,
} from "../actions";
import { SELF_BOOK_LEVELS } from "@/lib/staff/settings";
import { StaffForm, type Field } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";
import styles from "../settings.module.css";
import timeOffStyles from "./time-off.module.css";
import { AddWeeklyHoursForm, WeeklyHoursTable } from "./weekly-hours-table";
import { AskFirst } from "./ask-first";

type Clinicians = Awaited<ReturnType<typeof listAllClinicians>>;
type Head = { title: string; notice: ReactNode };

const status = (active: boolean) => <span className={styles.status}>{active ? "✓ Active" : "✕ Inactive"}</span>;

export function ClinicianSection({ title, notice, clinicians }: Head & { clinicians: Clinicians }) {
  return (
    <section id="clinicians" className={styles.section} aria-labelledby="clinicians-title">
      <h2 id="clinicians-title">{title}</h2>
      {notice}
      <p className={staff.muted}>Inactive clinicians are not offered for booking; their booked appointments stay.</p>
      <div className={staff.tableWrap}>
        <table className={staff.table}>
          <caption className="visually-hidden">Clinicians, by name</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {clinicians.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td>{c.role}</td>
                <td>{status(c.active)}</td>
                <td>
                  <div className={styles.actions}>
                    {c.active ? (
                      // Deactivating asks first, with the appointments it leaves; reactivating takes nothing away.
                      <AskFirst action="deactivate-clinician" id={c.id} label={`Deactivate ${c.name}`} />
                    ) : (
                      <StaffForm
                        errorSummary
                        action={setClinicianActiveAction}
                        hidden={{ id: c.id, active: "true" }}
                        submitLabel={`Reactivate ${c.name}`}
                        secondary
                        layout="inline"
                      />
                    )}
                    <details className={styles.details}>
                      <summary>Change name or role of {c.name}</summary>
                      <StaffForm
                        errorSummary
                        layout="grid"
                        action={updateClinicianAction}
                        hidden={{ id: c.id }}
                        fields={[
                          { name: "name", label: "Name", defaultValue: c.name },
                          {
                            name: "role",
                            label: "Role",
                            hint: "Shown to patients, e.g. Physiotherapist",
                            defaultValue: c.role,
                          },
                        ]}
                        submitLabel={`Save ${c.name}`}
                      />
                    </details>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Add a clinician</h3>
      <StaffForm
        errorSummary
        layout="grid"
        action={addClinicianAction}
        fields={[
          { name: "name", label: "Name", hint: "As patients will see it, e.g. Dr Mei Lee" },
          { name: "role", label: "Role", hint: "e.g. Physiotherapist" },
        ]}
        submitLabel="Add clinician"
      />
    </section>
  );
}

export function HoursSection({
  title,
  notice,
  clinicians,
  hours,
}: Head & { clinicians: Clinicians; hours: Awaited<ReturnType<typeof listAllWorkingHours>> }) {
  return (
    <section id="hours" className={styles.section} aria-labelledby="hours-title">
      <h2 id="hours-title">{title}</h2>
      {notice}
      <p className={staff.muted}>
        Several rows on one day make split hours. Removing hours asks first and lists the booked appointments it leaves
        outside them; they stay booked.
      </p>
      <div className={styles.cards}>
        {clinicians.map((c) => (
          <WeeklyHoursTable
            key={c.id}
            caption={
              <>
                {c.name}
                {c.active ? "" : " (inactive)"}
              </>
            }
            hoursHeading="Hours"
            hours={hours.filter((h) => h.clinicianId === c.id)}
            noHours="No weekly hours: not offered for booking."
            removeAction="remove-hours"
            removeWhat={<>{c.name}, </>}
          />
        ))}
      </div>
      <h3>Add weekly hours</h3>
      <AddWeeklyHoursForm
        action={addWorkingHoursAction}
        fields={[
          {
            name: "clinicianId",
            label: "Clinician",
            kind: "select",
            options: [{ value: "", label: "Choose…" }, ...clinicians.map((c) => ({ value: c.id, label: c.name }))],
          },
        ]}
        startLabel="From"
        endLabel="Until"
        submitLabel="Add these hours"
      />
    </section>
  );
}

type UpcomingTimeOff = Awaited<ReturnType<typeof listUpcomingTimeOff>>;

/** The appointments still booked inside a time off, each linked to its page (move or cancel there). */
function BookedInside({ booked, zone }: { booked: UpcomingTimeOff[number]["booked"]; zone: string }) {
  return (
    <ul className={timeOffStyles.bookedInside}>
      {booked.map((b) => (
        <li key={b.id}>
          <Link href={`/staff/appointments/${b.id}`}>
            {formatDateTime(b.startsAt, zone)}: {b.firstName} {b.lastName}, {b.type}
            <span className="visually-hidden"> with {b.clinicianName}: move or cancel</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

const bookedCount = (n: number) => (n === 1 ? "1 appointment is" : `${n} appointments are`);

export function TimeOffSection({
  title,
  notice,
  clinicians,
  timeOff,
  zone,
  added,
}: Head & { clinicians: Clinicians; timeOff: UpcomingTimeOff; zone: string; added?: string }) {
  const just = added ? timeOff.find((t) => t.id === added) : undefined;
  const active = clinicians.filter((c) => c.active);
  const inactive = clinicians.filter((c) => !c.active);
  return (
    <section id="time-off" className={styles.section} aria-labelledby="time-off-title">
      <h2 id="time-off-title">{title}</h2>
      {notice}
      {just ? (
        <div className={timeOffStyles.bookedNotice} data-testid="time-off-added">
          {just.booked.length ? (
            <>
              <p>
                <strong>
                  {bookedCount(just.booked.length)} still booked inside this time off (
                  {just.clinicianName ?? "the whole clinic"}, {formatDateTime(just.start, zone)} to{" "}
                  {formatDateTime(just.end, zone)}).
                </strong>{" "}
                They stay booked: open each to move it to another time or cancel it (the patient is told).
              </p>
              <BookedInside booked={just.booked} zone={zone} />
            </>
          ) : (
            <p>No appointments are booked inside this time off.</p>
          )}
        </div>
      ) : null}
      {timeOff.length ? (
        <div className={staff.tableWrap}>
          <table className={staff.table}>
            <caption className="visually-hidden">Time off and closures not over yet, soonest first</caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">From</th>
                <th scope="col">Until</th>
                <th scope="col">Reason</th>
                <th scope="col">Booked inside</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {timeOff.map((t) => {
                const who = t.clinicianId ? (t.clinicianName ?? "A former clinician") : "Whole clinic (closed)";
                return (
                  <tr key={t.id} data-testid="time-off-row">
                    <th scope="row">{who}</th>
                    <td>{formatDateTime(t.start, zone)}</td>
                    <td>{formatDateTime(t.end, zone)}</td>
                    <td>{t.reason ?? <span className={staff.muted}>None given</span>}</td>
                    <td>
                      {t.booked.length ? (
                        <details className={styles.details}>
                          <summary>
                            ⚠ {t.booked.length} {t.booked.length === 1 ? "appointment" : "appointments"}
                            <span className="visually-hidden">
                              {" "}
                              booked inside time off: {who}, {formatDateTime(t.start, zone)}
                            </span>
                          </summary>
                          <BookedInside booked={t.booked} zone={zone} />
                        </details>
                      ) : (
                        <span className={staff.muted}>None</span>
                      )}
                    </td>
                    <td>
                      <AskFirst
                        action="remove-time-off"
                        id={t.id}
                        label={
                          <>
                            Remove
                            <span className="visually-hidden">
                              {" "}
                              time off: {who}, {formatDateTime(t.start, zone)}
                            </span>
                          </>
                        }
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No time off or closures coming up.</p>
      )}
      <h3>Add time off or a closure</h3>
      <p className={staff.muted}>
        Dates and times are {zoneName(zone)}. Appointments already booked in that time stay booked: after adding, this
        page lists them, each with a link to move or cancel it.
      </p>
      <p className={staff.muted}>
        A whole-clinic closure closes the clinic for every clinician and also counts as out of hours (see{" "}
        <a href="#opening-hours">Opening hours</a>): urgent cases that arrive during it are due when the clinic opens
        again.
      </p>
      <StaffForm
        errorSummary
        layout="grid"
        action={addTimeOffAction}
        fields={[
          {
            name: "clinicianId",
            label: "Who",
            kind: "select",
            // One clinician by default: closing the whole clinic is a deliberate choice, at the end.
            defaultValue: active[0]?.id ?? "",
            options: [
              ...active.map((c) => ({ value: c.id, label: c.name })),
              ...inactive.map((c) => ({ value: c.id, label: `${c.name} (inactive)` })),
              { value: "", label: "The whole clinic (closed for everyone)" },
            ],
          },
          { name: "startDate", label: "From (date)", kind: "date", short: true },
          { name: "startTime", label: "From (time)", kind: "time", short: true },
          { name: "endDate", label: "Until (date)", kind: "date", short: true },
          { name: "endTime", label: "Until (time)", kind: "time", short: true },
          { name: "reason", label: "Reason (optional)", hint: "Staff only" },
        ]}
        submitLabel="Add time off"
      />
    </section>
  );
}

/** "Soon, Routine patients" or "Staff only": who may book a type themselves. */
function whoBooks(levels: readonly (keyof typeof LEVEL_NAMES)[]): string {
  return levels.length ? `${levels.map((l) => LEVEL_NAMES[l]).join(", ")} patients` : "Staff only";
}

type Types = Awaited<ReturnType<typeof listAllAppointmentTypes>>;

/** The fields a type's create and edit forms share, filled with its values (a new type's defaults otherwise). */
function typeFields(t: Types[number] | null): Field[] {
  const levels: readonly string[] = t?.levels ?? ["ROUTINE", "SELF_CARE"];
  const number = (name: string, label: string, min: number, max: number, value: number): Field => ({
    name,
    label,
    hint: `${min} to ${max}`,
    kind: "number",
    min,
    max,
    defaultValue: String(value),
    short: true,
  });
  return [
    {
      name: "name",
      label: "Name",
      hint: t ? undefined : "As patients will see it, e.g. Sports massage",
      defaultValue: t?.name,
    },
    number("minutes", "Length (minutes)", 5, 480, t?.minutes ?? 30),
    number("bufferBeforeMinutes", "Buffer before (minutes)", 0, 120, t?.bufferBeforeMinutes ?? 0),
    number("bufferAfterMinutes", "Buffer after (minutes)", 0, 120, t?.bufferAfterMinutes ?? 0),
    number("sortOrder", "Sort order", 0, 1000, t?.sortOrder ?? 50),
    // The urgent type is booked by staff only: no grades to tick.
    ...(t?.urgent
      ? []
      : SELF_BOOK_LEVELS.map(({ level, field }): Field => ({
          name: field,
          label: `${LEVEL_NAMES[level]} patients may book it themselves`,
          kind: "checkbox",
          defaultValue: levels.includes(level) ? "on" : "",
        }))),
    {
      name: "active",
      label: "Offered for booking",
      kind: "checkbox",
      defaultValue: t && !t.active ? "" : "on",
      hint: t?.urgent
        ? "The urgent type: staff book URGENT cases into it, and it stays offered while it is the urgent type."
        : undefined,
    },
  ];
}

export function TypesSection({ title, notice, types }: Head & { types: Types }) {
  return (
    <section id="types" className={styles.section} aria-labelledby="types-title">
      <h2 id="types-title">{title}</h2>
      {notice}
      <p className={staff.muted}>
        A patient books the first type (lowest sort order) their grade may book, or chooses among them. EMERGENCY never
        books; URGENT patients are booked by staff into the urgent type, from the reserved urgent times.
      </p>
      <div className={staff.tableWrap}>
        <table className={staff.table}>
          <caption className="visually-hidden">Appointment types, default first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Length</th>
              <th scope="col">Buffers (before / after)</th>
              <th scope="col">Who can book</th>
              <th scope="col">Status</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {types.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  {t.name}
                  {t.urgent ? <span className={styles.status}> (urgent type)</span> : null}
                </th>
                <td>{t.minutes} min</td>
                <td>
                  {t.bufferBeforeMinutes} min / {t.bufferAfterMinutes} min
                </td>
                <td>{t.urgent ? "Staff, for URGENT cases" : whoBooks(t.levels)}</td>
                <td>{status(t.active)}</td>
                <td>
                  <div className={styles.actions}>
                    {t.urgent ? null : (
                      <StaffForm
                        errorSummary
                        action={markUrgentTypeAction}
                        hidden={{ id: t.id }}
                        submitLabel={`Make ${t.name} the urgent type`}
                        secondary
                        layout="inline"
                      />
                    )}
                    <details className={styles.details}>
                      <summary>Change {t.name}</summary>
                      <StaffForm
                        errorSummary
                        layout="grid"
                        action={updateAppointmentTypeAction}
                        hidden={{ id: t.id, selfBookShown: "on" }}
                        fields={typeFields(t)}
                        submitLabel={`Save ${t.name}`}
                      />
                    </details>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Add an appointment type</h3>
      <StaffForm
        errorSummary
        layout="grid"
        action={createAppointmentTypeAction}
        fields={typeFields(null)}
        submitLabel="Add appointment type"
      />
    </section>
  );
}
