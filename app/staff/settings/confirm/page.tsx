import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getClinician } from "@/db/queries/scheduling";
import {
  getTimeOffRow,
  getWorkingHoursRow,
  listAppointmentsLeftOutsideHours,
  listClinicianAppointmentsFrom,
  type Affected,
} from "@/db/queries/settings-impact";
import { formatClockRange, formatDateTime, zoneName } from "@/lib/booking/format";
import { getClinicZone } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { firstValues } from "@/lib/forms";
import { recordPageView } from "@/lib/staff/audit-api";
import { requireStaff } from "@/lib/staff/session";
import { WEEKDAYS } from "@/lib/staff/settings";
import {
  bookedAppointments,
  CONFIRM_SECTIONS,
  confirmQuerySchema,
  type ConfirmAction,
} from "@/lib/staff/settings-confirm";
import { removeTimeOffAction, removeWorkingHoursAction, setClinicianActiveAction } from "../actions";
import { StaffForm, type StaffFormProps } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";
import styles from "../settings.module.css";

export const metadata: Metadata = { title: "Check before you change a setting", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What the page shows for one change: the question, what it affects, and the change itself. */
type Ask = {
  question: string;
  affects: ReactNode;
  yes: { action: StaffFormProps["action"]; hidden: Record<string, string>; label: string };
  keep: string;
  shown: number;
};

/** The appointments a change leaves as they are, each linked to its page to move or cancel it. */
function AffectedList({ affected, zone }: { affected: Affected; zone: string }) {
  const more = affected.total - affected.appointments.length;
  return (
    <>
      <ul data-testid="affected-appointments">
        {affected.appointments.map((a) => (
          <li key={a.id}>
            <Link href={`/staff/appointments/${a.id}`}>
              {formatDateTime(a.startsAt, zone)}: {a.firstName} {a.lastName}, {a.type}
              <span className="visually-hidden">: move or cancel</span>
            </Link>
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <p>
          And {more} more: see them in the <Link href="/staff/calendar">calendar</Link>.
        </p>
      ) : null}
    </>
  );
}

/** Nothing to ask: the row went (another admin, another tab). The way back, not a dead end. */
function Gone({ text, section }: { text: string; section: string }) {
  return (
    <div className={`${staff.page} ${styles.confirm}`}>
      <h1>Nothing to change</h1>
      <p>{text}</p>
      <p>
        <Link href={`/staff/settings#${section}`}>Back to the settings</Link>
      </p>
    </div>
  );
}

/**
 * Asks before a settings change that takes something away (weekly hours, time off, a clinician),
 * and says what it affects: the booked appointments it leaves, each linked so staff can move them.
 * Reached by a GET form, so it works without JavaScript; "Yes" is the change's own action.
 */
export default async function ConfirmSettingPage({ searchParams }: Props) {
  const admin = await requireStaff(["admin"], "/staff/settings");
  const parsed = confirmQuerySchema.safeParse(firstValues(await searchParams));
  if (!parsed.success) notFound();
  const { action, id } = parsed.data;
  const db = await getDb();
  const zone = await getClinicZone(db);
  const now = new Date();
  const section = CONFIRM_SECTIONS[action];

  const ask = await askFor(action, id, { db, zone, now });
  if (!ask) return <Gone text={GONE[action]} section={section} />;
  // Patients' names on screen: the view is in the audit trail, as the settings page's is.
  await recordPageView(db, admin, "settings_viewed", { confirm: action, shown: ask.shown });

  return (
    <div className={`${staff.page} ${styles.confirm}`}>
      <p>
        <Link href={`/staff/settings#${section}`}>Back to the settings</Link>
      </p>
      <h1>{ask.question}</h1>
      {ask.affects}
      <div className={styles.choice}>
        <StaffForm
          errorSummary
          action={ask.yes.action}
          hidden={ask.yes.hidden}
          submitLabel={ask.yes.label}
          layout="inline"
        />
        <Link className={styles.keep} href={`/staff/settings#${section}`}>
          {ask.keep}
        </Link>
      </div>
    </div>
  );
}

const GONE: Record<ConfirmAction, string> = {
  "remove-hours": "These weekly hours were already removed.",
  "remove-time-off": "This time off was already removed.",
  "deactivate-clinician": "This clinician is no longer on the list, or is already inactive.",
};

type Ctx = { db: Awaited<ReturnType<typeof getDb>>; zone: string; now: Date };

async function askFor(action: ConfirmAction, id: string, { db, zone, now }: Ctx): Promise<Ask | null> {
  if (action === "remove-hours") {
    const hours = await getWorkingHoursRow(db, id);
    if (!hours) return null;
    const affected = await listAppointmentsLeftOutsideHours(db, { hoursId: id, zone, now });
    const when = `${WEEKDAYS[hours.weekday - 1]}s, ${formatClockRange(hours.start, hours.end)}`;
    return {
      question: `Remove ${hours.clinicianName}’s hours on ${when}?`,
      affects: (
        <div className={styles.affected} data-testid="affected">
          <p>Patients can no longer book {hours.clinicianName} at these times.</p>
          {affected.total ? (
            <>
              <p>
                <strong>
                  Removing these hours leaves {bookedAppointments(affected.total)} outside {hours.clinicianName}’s
                  hours.
                </strong>{" "}
                They are not cancelled: open each to move or cancel it yourself (the patient is told).
              </p>
              <AffectedList affected={affected} zone={zone} />
            </>
          ) : (
            <p>No booked appointment falls outside {hours.clinicianName}’s hours because of this.</p>
          )}
        </div>
      ),
      yes: { action: removeWorkingHoursAction, hidden: { id }, label: "Yes, remove these hours" },
      keep: "No, keep them",
      shown: affected.appointments.length,
    };
  }
  if (action === "remove-time-off") {
    const row = await getTimeOffRow(db, id);
    if (!row) return null;
    const who = row.clinicianId ? (row.clinicianName ?? "a former clinician") : null;
    const span = `${formatDateTime(row.start, zone)} to ${formatDateTime(row.end, zone)}`;
    return {
      question: who ? `Remove ${who}’s time off?` : "Remove this closure of the whole clinic?",
      affects: (
        <div className={styles.affected} data-testid="affected">
          <p>
            <strong>
              Removing this time off makes the time bookable again: {span} ({zoneName(zone)})
              {row.reason ? `, “${row.reason}”` : ""}.
            </strong>{" "}
            {who
              ? `Patients can book ${who} in that time again.`
              : "Patients can book every clinician in that time again, and it no longer counts as out of hours."}
          </p>
        </div>
      ),
      yes: { action: removeTimeOffAction, hidden: { id }, label: "Yes, remove this time off" },
      keep: "No, keep it",
      shown: 0,
    };
  }
  const clinician = await getClinician(db, id);
  if (!clinician?.active) return null;
  const affected = await listClinicianAppointmentsFrom(db, { clinicianId: id, now });
  const { name } = clinician;
  return {
    question: `Deactivate ${name}?`,
    affects: (
      <div className={styles.affected} data-testid="affected">
        <p>Patients can no longer book {name}. You can reactivate them later.</p>
        {affected.total ? (
          <>
            <p>
              <strong>
                {name} has {bookedAppointments(affected.total)} from now on: they stay booked.
              </strong>{" "}
              Open each to move it to another clinician or time, or cancel it (the patient is told).
            </p>
            <AffectedList affected={affected} zone={zone} />
          </>
        ) : (
          <p>{name} has no booked appointments from now on.</p>
        )}
      </div>
    ),
    yes: {
      action: setClinicianActiveAction,
      hidden: { id, active: "false" },
      label: `Yes, deactivate ${name}`,
    },
    keep: `No, keep ${name} active`,
    shown: affected.appointments.length,
  };
}
