import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { formatDateTime, formatLongDate, zoneName } from "@/lib/booking/format";
import { getClinicInfo } from "@/lib/clinic";
import { getDb } from "@/lib/db";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { kindLabel } from "@/lib/notifications/labels";
import { EXPORT_ROLES } from "@/lib/privacy/export";
import { FORM_PAGE_NAMES, LEVEL_NAMES } from "@/lib/staff/format";
import { MERGE_ROLES, viewPatient } from "@/lib/staff/patients";
import { requireStaff } from "@/lib/staff/session";
import { AlertDeliveries } from "../../_components/alert-deliveries";
import { RecordAppointments } from "../../_components/record-appointments";
import { RecordNotes } from "../../_components/record-notes";
import { StaffForm } from "../../_components/staff-form";
import styles from "../../_components/staff.module.css";
import { RecoveryPanel } from "../../_components/recovery-panel";
import { staffRecoveryView } from "@/lib/recovery/staff-view";
import { mergePatientAction, undoMergeAction } from "../actions";

export const metadata: Metadata = { title: "Patient", robots: { index: false }, referrer: PRIVATE_PAGE_REFERRER };

const DONE: Record<string, string> = {
  merged:
    "Records merged. The other record's visits and appointments are now on this one; the merge can be undone below.",
  unmerged: "Merge undone. The visits and appointments it moved are back on the other record.",
  discharged: "Discharged. No more check-ins will be sent for this episode.",
  discharge_undone: "Discharge undone. Check-ins still to come will open on the patient's page.",
  run_plan_cleared: "Cleared. The running plan is now open to the patient on their page.",
  run_plan_resumed: "Plan resumed. The patient's page shows the stage, and the weekly email goes again.",
};

const CASE_STATUS = {
  open: "open",
  acknowledged: "acknowledged",
  reviewed: "reviewed",
  resolved: "resolved",
} as const;

const EMAIL_STATUS: Record<string, string> = {
  pending: "waiting to send",
  sent: "sent",
  dead: "could not be sent",
  cancelled: "cancelled",
};

/** How a waitlist offer stands, in words. */
const OFFER_STATUS = {
  open: "held for them now",
  accepted: "taken",
  declined: "let go",
  lapsed: "not answered in time",
  withdrawn: "withdrawn",
} as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; from?: string }> };

/** One patient across visits: contact, every intake with its grade, appointments, calls, notes, emails, alerts; merging records. */
export default async function PatientPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff(undefined, `/staff/patients/${id}`);
  const db = await getDb();
  const view = await viewPatient(db, staff, id); // audited as "patient_viewed"
  if (view.status === "not_found") notFound();
  if (view.status === "merged") redirect(`/staff/patients/${view.survivorId}?from=merged`);
  const { done, from } = await searchParams;
  const zone = (await getClinicInfo()).timeZone;
  const now = new Date();
  const { patient, intakes, appointments, notes, emails, alerts, merges, duplicates, waitlistOffers, preVisitChecks } =
    view;
  const canMerge = MERGE_ROLES.includes(staff.role);
  const recovery = patient.erased ? null : await staffRecoveryView(db, { patientId: patient.id }, now);
  const upcoming = appointments.filter((a) => a.startsAt >= now).reverse();
  const past = appointments.filter((a) => a.startsAt < now);
  const intakeDate = new Map(intakes.map((i) => [i.id, i.createdAt]));
  const visitOf = (intakeId: string | null) =>
    intakeId && intakeDate.has(intakeId) ? (
      <Link href={`/staff/cases/${intakeId}`}>intake of {formatLongDate(intakeDate.get(intakeId)!, zone)}</Link>
    ) : null;

  const fromVisit = (a: { intakeId: string | null }) => {
    const visit = visitOf(a.intakeId);
    return visit ? <>({visit})</> : null;
  };

  return (
    <div className={styles.page}>
      <p>
        <Link href="/staff/patients">Back to patient search</Link>
      </p>
      {from === "merged" ? (
        <p className={styles.notice} role="status">
          The record you opened was merged into this one.
        </p>
      ) : null}
      {done && Object.hasOwn(DONE, done) ? (
        <p className={styles.notice} role="status">
          {DONE[done]}
        </p>
      ) : null}
      <h1>
        {patient.name}{" "}
        {view.currentLevel ? (
          <span className={`${styles.level} ${styles[view.currentLevel]}`}>{LEVEL_NAMES[view.currentLevel]}</span>
        ) : null}
      </h1>
      <p>
        {view.currentLevel && view.currentIntakeId ? (
          <>
            Level that acts now: <strong>{LEVEL_NAMES[view.currentLevel]}</strong>, from the{" "}
            {visitOf(view.currentIntakeId)}.
          </>
        ) : (
          <>No open intake: every case of this patient is resolved.</>
        )}{" "}
        Times are {zoneName(zone)}.
      </p>
      {patient.erased ? null : (
        <p>
          <Link className={`${styles.button} ${styles.actionLink}`} href={`/staff/book?patient=${patient.id}`}>
            Book an appointment
          </Link>
          {(EXPORT_ROLES as readonly string[]).includes(staff.role) ? (
            <>
              {" "}
              {/* A download, not a page: a plain link, never prefetched; the export is audited. */}
              <a href={`/api/v1/fhir/Patient/${patient.id}/$everything?download=1`} download>
                Download FHIR
              </a>{" "}
              <span className={styles.muted}>(the whole record as a FHIR R4 bundle)</span>
            </>
          ) : null}
        </p>
      )}

      <div className={styles.grid}>
        <div>
          <section className={styles.card} aria-labelledby="contact">
            <h2 id="contact">Contact</h2>
            {patient.erased ? (
              <p>Erased: the patient&apos;s contact details are no longer held. They are known by this code only.</p>
            ) : (
              <dl className={styles.facts}>
                <dt>Phone</dt>
                <dd>
                  <a href={`tel:${(patient.phone ?? "").replace(/[^\d+]/g, "")}`}>{patient.phone}</a>
                </dd>
                <dt>Email</dt>
                <dd>{patient.email}</dd>
                <dt>Date of birth</dt>
                <dd>{patient.dateOfBirth}</dd>
                <dt>Sex</dt>
                <dd>{patient.sex}</dd>
                <dt>First seen</dt>
                <dd>{formatLongDate(patient.createdAt, zone)}</dd>
              </dl>
            )}
          </section>

          <section className={styles.card} aria-labelledby="intakes">
            <h2 id="intakes">Intakes and grades</h2>
            {intakes.length === 0 ? <p>None.</p> : null}
            <ul className={styles.timeline}>
              {intakes.map((i) => (
                <li key={i.id} data-testid="patient-intake">
                  <strong>{formatDateTime(i.createdAt, zone)}</strong>{" "}
                  <span className={`${styles.level} ${styles[i.effectiveLevel]}`}>{LEVEL_NAMES[i.effectiveLevel]}</span>{" "}
                  <span className={styles.muted}>case {CASE_STATUS[i.status]}</span>
                  {i.overrideLevel ? (
                    <div>
                      Graded {LEVEL_NAMES[i.level]} by the rules; changed to {LEVEL_NAMES[i.overrideLevel]}: “
                      {i.overrideReason}”
                    </div>
                  ) : null}
                  {i.previousIntakeId ? (
                    <div>
                      Re-grade (“has anything got worse?”) of the {visitOf(i.previousIntakeId) ?? "an earlier intake"}
                      {i.firstIntakeId && i.firstIntakeId !== i.previousIntakeId ? (
                        <>; first intake: {visitOf(i.firstIntakeId)}</>
                      ) : null}
                      .
                    </div>
                  ) : null}
                  {i.grade.stoppedAt ? (
                    <div>
                      Sent from the emergency page after {FORM_PAGE_NAMES[i.grade.stoppedAt] ?? i.grade.stoppedAt}.
                    </div>
                  ) : null}
                  {i.grade.firedRules.length ? (
                    <ul>
                      {i.grade.firedRules.map((r) => (
                        <li key={r.id}>
                          {r.summary} <span className={styles.muted}>({r.id})</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <div className={styles.muted}>No rule fired.</div>
                  )}
                  {i.grade.flags.length ? <div>Flags: {i.grade.flags.map((f) => f.summary).join("; ")}</div> : null}
                  <div>
                    <Link href={`/staff/cases/${i.id}`}>
                      Open the case<span className="visually-hidden"> of {formatDateTime(i.createdAt, zone)}</span>
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          </section>

          <section className={styles.card} aria-labelledby="appointments">
            <h2 id="appointments">Appointments</h2>
            <h3>Coming up</h3>
            <RecordAppointments
              appointments={upcoming}
              zone={zone}
              now={now}
              testId="patient-appointment"
              after={fromVisit}
            />
            <h3>Past</h3>
            <RecordAppointments
              appointments={past}
              zone={zone}
              now={now}
              testId="patient-appointment"
              after={fromVisit}
            />
          </section>

          {recovery ? (
            <RecoveryPanel
              view={recovery}
              zone={zone}
              now={now}
              back={`/staff/patients/${patient.id}`}
              canAct={staff.role !== "reception"}
            />
          ) : null}

          {preVisitChecks.length ? (
            <section className={styles.card} aria-labelledby="pre-visit-checks">
              <h2 id="pre-visit-checks">Pre-visit checks</h2>
              <ul data-testid="patient-checks">
                {preVisitChecks.map((c) => (
                  <li key={c.id}>
                    Answered {formatDateTime(c.answeredAt, zone)} (appointment{" "}
                    {formatDateTime(c.appointmentStartsAt, zone)}): pain {c.pain ?? "?"}/10 (worst, last 24 h),{" "}
                    {c.trend?.toLowerCase() ?? "trend not readable"};{" "}
                    {c.redFlags.length ? <strong>red flags: {c.redFlags.join(", ")}</strong> : "no red flag"}.
                    {c.regrade ? (
                      <>
                        {" "}
                        <Link href={`/staff/cases/${c.regrade.intakeId}`}>
                          Re-graded: {c.regrade.level ? LEVEL_NAMES[c.regrade.level] : "?"}
                        </Link>
                      </>
                    ) : null}
                    {c.gaveBack ? <> Gave the time back.</> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {waitlistOffers.length ? (
            <section className={styles.card} aria-labelledby="offers">
              <h2 id="offers">Waitlist offers</h2>
              <ul data-testid="patient-offers">
                {waitlistOffers.map((o) => (
                  <li key={o.id}>
                    {formatDateTime(o.startsAt, zone)} with {o.clinicianName}, offered{" "}
                    {formatDateTime(o.offeredAt, zone)}: {OFFER_STATUS[o.status]}
                    {o.answeredAt && o.status !== "open" ? `, ${formatDateTime(o.answeredAt, zone)}` : ""}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className={styles.card} aria-labelledby="notes">
            <h2 id="notes">Calls and notes</h2>
            <RecordNotes notes={notes} zone={zone} visit={(id) => visitOf(id)} />
          </section>

          <section className={styles.card} aria-labelledby="emails">
            <h2 id="emails">Emails to the patient</h2>
            {emails.length === 0 ? <p>None.</p> : null}
            <ul>
              {emails.map((e) => (
                <li key={e.id}>
                  {kindLabel(e.kind)}: {EMAIL_STATUS[e.status] ?? e.status}
                  {e.sentAt ? `, ${formatDateTime(e.sentAt, zone)}` : `, due ${formatDateTime(e.dueAt, zone)}`}
                </li>
              ))}
            </ul>
          </section>

          <section className={styles.card} aria-labelledby="alerts">
            <h2 id="alerts">Staff alerts</h2>
            {alerts.length === 0 ? (
              <p>No staff alerts were sent about this patient.</p>
            ) : (
              <AlertDeliveries alerts={alerts} zone={zone} />
            )}
          </section>
        </div>

        <div>
          {merges.length ? (
            <section className={styles.card} aria-labelledby="merged">
              <h2 id="merged">Records merged into this one</h2>
              <ul className={styles.timeline}>
                {merges.map((m) => (
                  <li key={m.id}>
                    <strong>
                      {m.firstName} {m.lastName}
                    </strong>{" "}
                    <span className={styles.muted}>
                      merged by {m.mergedBy ?? "a former colleague"}, {formatDateTime(m.mergedAt, zone)}: “{m.reason}”
                    </span>
                    <div>
                      Moved {m.intakeCount} {m.intakeCount === 1 ? "intake" : "intakes"} and {m.appointmentCount}{" "}
                      {m.appointmentCount === 1 ? "appointment" : "appointments"}.
                    </div>
                    {canMerge ? (
                      <StaffForm
                        action={undoMergeAction}
                        hidden={{ patientId: patient.id, mergeId: m.id }}
                        submitLabel={
                          <>
                            Undo merge
                            <span className="visually-hidden">
                              {" "}
                              of {m.firstName} {m.lastName}
                            </span>
                          </>
                        }
                        secondary
                        fields={[
                          {
                            kind: "textarea",
                            name: "reason",
                            label: "Why undo it?",
                            hint: `Exactly the ${m.intakeCount === 1 ? "intake" : "intakes"} and appointments it moved go back to ${m.firstName} ${m.lastName}'s own record.`,
                            required: true,
                            rows: 2,
                            maxLength: 1000,
                          },
                        ]}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {canMerge && !patient.erased ? (
            <section className={styles.card} aria-labelledby="merge">
              <h2 id="merge">Merge another record into this one</h2>
              <p>
                For one person with two records (a new email, a typing mistake). The other record&apos;s intakes and
                appointments move here; this record&apos;s contact stays. It can be undone.
              </p>
              <StaffForm
                action={mergePatientAction}
                hidden={{ patientId: patient.id }}
                submitLabel="Merge into this record"
                secondary
                errorSummary
                fields={[
                  ...(duplicates.length
                    ? [
                        {
                          kind: "select" as const,
                          name: "chosenId",
                          label: "Likely the same person",
                          hint: "Same last name and date of birth, same email, or same phone.",
                          placeholder: "Choose a record…",
                          options: duplicates.map((d) => ({
                            value: d.id,
                            label: `${d.name}, born ${d.dateOfBirth}, ${d.email}`,
                          })),
                        },
                      ]
                    : []),
                  {
                    name: "pastedId",
                    label: duplicates.length ? "Or paste another patient's id" : "The other patient's id",
                    hint: "From the address of their patient page (/staff/patients/…).",
                    autoComplete: "off",
                  },
                  {
                    kind: "textarea",
                    name: "reason",
                    label: "Why merge them?",
                    required: true,
                    rows: 2,
                    maxLength: 1000,
                  },
                ]}
              />
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
