import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getClinicInfo } from "@/lib/clinic";
import { formatDateTime, zoneName } from "@/lib/booking/format";
import { getDb } from "@/lib/db";
import { ackState, callDue, CALL_REQUIRED_LEVELS } from "@/lib/escalation";
import { kindLabel } from "@/lib/notifications/labels";
import { buildBrief, checkSummary } from "@/lib/staff/brief";
import { CALL_OUTCOMES, urgentSlotsForCase, viewCase } from "@/lib/staff/cases";
import {
  duration,
  explainGrade,
  FORM_PAGE_NAMES,
  LEVEL_NAMES,
  REASON_NAMES,
  REVIEW_REASON_NAMES,
} from "@/lib/staff/format";
import { requireStaff } from "@/lib/staff/session";
import { LEVELS } from "@/lib/triage";
import {
  acknowledgeAction,
  bookUrgentAction,
  callAction,
  noteAction,
  overrideAction,
  resolveAction,
  reviewAction,
} from "../../actions";
import { StaffForm } from "../../_components/staff-form";
import { AlertDeliveries } from "../../_components/alert-deliveries";
import { RecordAppointments } from "../../_components/record-appointments";
import { RecordNotes } from "../../_components/record-notes";
import { CaseBrief } from "./case-brief";
import { CaseAnswers } from "./case-answers";
import { VerdictPanel } from "./verdict-panel";
import { HandTriage } from "./hand-triage";
import { HAND_TRIAGE_ROLES } from "@/lib/governance/silent";
import { verdictHistory } from "@/db/queries/governance";
import { VERDICT_ROLES } from "@/lib/governance/verdicts";
import styles from "../../_components/staff.module.css";
import { RecoveryPanel } from "../../_components/recovery-panel";
import { staffRecoveryView } from "@/lib/recovery/staff-view";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { getErasureRecord } from "@/db/queries/privacy";
import { listAnsweredChecksForIntake } from "@/db/queries/pre-visit";
import { ERASE_ROLES } from "@/lib/privacy/erase";
import { EXPORT_ROLES } from "@/lib/privacy/export";
import { parseNoticeId } from "@/lib/privacy/notice";
import type { StaffRole } from "@/common/vocabulary";

export const metadata: Metadata = { title: "Case", robots: { index: false }, referrer: PRIVATE_PAGE_REFERRER };

const DONE: Record<string, string> = {
  acknowledged: "Acknowledged.",
  already_acknowledged: "Someone had already acknowledged this case.",
  call_logged: "Call logged.",
  note_added: "Note added.",
  level_changed: "Level changed. The original grade stays on record.",
  resolved: "Case resolved. It has left the open queue.",
  reviewed: "Marked reviewed. It has left the review list.",
  already_reviewed: "Someone had already reviewed this case.",
  already_resolved: "This case was already resolved.",
  urgent_booked: "Urgent appointment booked. The patient's confirmation email is on its way.",
  erased: "The patient's personal data is erased. The case keeps its grade and history under a code.",
  already_erased: "This patient's personal data had already been erased.",
  discharged: "Discharged. No more check-ins will be sent for this episode.",
  discharge_undone: "Discharge undone. Check-ins still to come will open on the patient's page.",
  run_plan_cleared: "Cleared. The running plan is now open to the patient on their page.",
  run_plan_resumed: "Plan resumed. The patient's page shows the stage, and the weekly email goes again.",
  verdict: "Verdict recorded. The triage audit counts it now.",
  verdict_same: "That is the verdict already on record: nothing changed.",
  staff_level: "Level given by hand recorded. The engine's grade stays as it was.",
  staff_level_resolved: "Level given by hand recorded. The case has left the open queue.",
};

const may = (roles: readonly StaffRole[], role: StaffRole) => roles.includes(role);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

/** One case: who, what they told us, why it was graded so, what has been done; and the actions. */
export default async function CasePage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff(undefined, `/staff/cases/${id}`);
  const db = await getDb();
  const found = await viewCase(db, staff, id); // audited as "case_viewed"
  if (!found) notFound();
  const { intake, notes, bookings, emails, alerts, previous, earlierBookings } = found;
  const clinic = await getClinicInfo();
  const zone = clinic.timeZone;
  const now = new Date();
  const { done } = await searchParams;
  const { due, overdueMs } = ackState(intake, now);
  const level = intake.effectiveLevel;
  // An erased patient's case keeps its grade and history; nothing new is written about them or sent to them.
  const erased = intake.erasedAt !== null;
  const erasure = erased ? await getErasureRecord(db, intake.id) : null;
  const needsCall = callDue(intake) && !erased;
  const recovery = erased ? null : await staffRecoveryView(db, { intakeId: intake.id }, now);
  const reviewPending = !!intake.reviewDueAt && !intake.reviewedAt;
  const closingNeedsOutcome = CALL_REQUIRED_LEVELS.has(level) && !intake.firstCallAt;
  const brief = buildBrief(intake, { erased });
  // The patient's answers to pre-visit checks (none shown once their data is erased).
  const checks = erased ? [] : (await listAnsweredChecksForIntake(db, intake.id)).map(checkSummary);
  const why = explainGrade(intake);
  // Acknowledge and Resolve belong to the case queue: only a case in it offers them.
  const inQueue = intake.escalated;
  const canOverride = staff.role !== "reception";
  const activeBooking = bookings.find((b) => b.status === "booked");
  const verdicts = await verdictHistory(db, intake.id);
  const canJudge = may(VERDICT_ROLES, staff.role);

  // Reserved urgent capacity over the next few days (URGENT cases, booked by staff).
  const urgentSlots = erased
    ? []
    : await urgentSlotsForCase(db, { level, hasActiveBooking: !!activeBooking }, { now, timeZone: zone });

  return (
    <div className={styles.page}>
      <p>
        <Link href="/staff">Back to the case queue</Link>
      </p>
      {done && Object.hasOwn(DONE, done) ? (
        <p className={styles.notice} role="status">
          {DONE[done]}
        </p>
      ) : null}
      {erased ? (
        <p className={styles.notice} data-testid="erased">
          Personal data erased on {formatDateTime(intake.erasedAt!, zone)} by{" "}
          {erasure?.actorId ? (erasure.actorName ?? "a former colleague") : "the retention purge"}
          {erasure?.reason ? `: ${erasure.reason}` : "."}
        </p>
      ) : null}
      <h1>
        {intake.firstName} {intake.lastName}{" "}
        <span className={`${styles.level} ${styles[level]}`}>{LEVEL_NAMES[level]}</span>
      </h1>
      <p className={styles.patientLink}>
        <Link href={`/staff/patients/${intake.patientId}`}>
          Patient record{erased ? "" : ` of ${intake.firstName} ${intake.lastName}`}
        </Link>{" "}
        <span className={styles.muted}>(every visit, appointment, call and note)</span>
      </p>
      {intake.overrideLevel ? (
        <p>
          Graded <strong>{LEVEL_NAMES[intake.level]}</strong> by the rules; changed to{" "}
          <strong>{LEVEL_NAMES[intake.overrideLevel]}</strong> by {found.overriddenByName}: “{intake.overrideReason}”
        </p>
      ) : null}
      {previous ? (
        <p data-testid="regrade-of">
          <Link href={`/staff/cases/${previous.id}`}>
            Re-grade of the intake of {formatDateTime(previous.createdAt, zone)}
          </Link>{" "}
          (
          {checks.some((c) => c.regrade?.intakeId === intake.id)
            ? "the patient's pre-visit check said something got worse"
            : "the patient said something got worse before moving an appointment"}
          ).
        </p>
      ) : null}
      <p>
        Submitted {formatDateTime(intake.createdAt, zone)} ({zoneName(zone)}),{" "}
        {duration(now.getTime() - intake.createdAt.getTime())} ago.{" "}
        {intake.escalationReason
          ? `In the queue because: ${REASON_NAMES[intake.escalationReason] ?? intake.escalationReason}.`
          : ""}
      </p>
      <p>
        {intake.resolvedAt ? (
          <>
            Resolved by {found.resolvedByName} on {formatDateTime(intake.resolvedAt, zone)}.
          </>
        ) : intake.acknowledgedAt ? (
          <>
            Acknowledged by {found.acknowledgedByName} on {formatDateTime(intake.acknowledgedAt, zone)}.
          </>
        ) : overdueMs !== null ? (
          <span className={styles.overdue}>⚠ OVERDUE: not acknowledged, due {duration(overdueMs)} ago</span>
        ) : due ? (
          <>
            Not acknowledged yet: due {formatDateTime(due, zone)}, in {duration(due.getTime() - now.getTime())}.
          </>
        ) : intake.escalated ? (
          <>Not acknowledged yet.</>
        ) : null}
        {intake.arrivedOutOfHours ? <> Arrived out of hours: due at opening.</> : null}
      </p>
      {intake.resolvedAt && intake.resolutionReason ? (
        <p>Closed without a logged call: “{intake.resolutionReason}”</p>
      ) : null}
      {needsCall ? (
        <p className={styles.overdue} data-testid="call-due">
          ☎ Call due {level === "URGENT" ? "today" : "now"}: no call logged yet.
        </p>
      ) : null}
      {intake.reviewDueAt ? (
        <p data-testid="review-state">
          {intake.reviewedAt ? (
            <>
              Reviewed by {found.reviewedByName} on {formatDateTime(intake.reviewedAt, zone)}.
            </>
          ) : intake.reviewDueAt < now ? (
            <span className={styles.overdue}>
              ⚠ Review OVERDUE: due {formatDateTime(intake.reviewDueAt, zone)} (
              {duration(now.getTime() - intake.reviewDueAt.getTime())} ago).
            </span>
          ) : (
            <>
              On the review list
              {intake.reviewReason ? ` (${REVIEW_REASON_NAMES[intake.reviewReason] ?? intake.reviewReason})` : ""}:
              review by {formatDateTime(intake.reviewDueAt, zone)}.
            </>
          )}
        </p>
      ) : null}

      {checks.length ? (
        <section className={styles.card} aria-labelledby="pre-visit-checks" data-testid="pre-visit-checks">
          <h2 id="pre-visit-checks">Pre-visit checks</h2>
          <ul>
            {checks.map((c) => (
              <li key={c.id}>
                Answered {formatDateTime(c.answeredAt, zone)} (appointment {formatDateTime(c.appointmentStartsAt, zone)}
                ): pain {c.pain ?? "?"}/10 (worst, last 24 h), {c.trend?.toLowerCase() ?? "trend not readable"};{" "}
                {c.redFlags.length ? <strong>red flags: {c.redFlags.join(", ")}</strong> : "no red flag"}.
                {c.regrade ? (
                  c.regrade.intakeId === intake.id ? (
                    <> Re-graded: {c.regrade.level ? LEVEL_NAMES[c.regrade.level] : "?"} (this case).</>
                  ) : (
                    <>
                      {" "}
                      <Link href={`/staff/cases/${c.regrade.intakeId}`}>
                        Re-graded: {c.regrade.level ? LEVEL_NAMES[c.regrade.level] : "?"}
                      </Link>
                    </>
                  )
                ) : null}
                {c.gaveBack ? <> Gave the time back.</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {brief ? <CaseBrief brief={brief} level={intake.level} effectiveLevel={level} /> : null}
      {recovery ? (
        <RecoveryPanel view={recovery} zone={zone} now={now} back={`/staff/cases/${intake.id}`} canAct={canOverride} />
      ) : null}

      <div className={styles.grid}>
        <div>
          <section className={styles.card} aria-labelledby="contact">
            <h2 id="contact">Contact</h2>
            {erased ? (
              <p>Erased: the patient&apos;s contact details are no longer held.</p>
            ) : (
              <dl className={styles.facts}>
                <dt>Phone</dt>
                <dd>
                  <a href={`tel:${intake.phone.replace(/[^\d+]/g, "")}`}>{intake.phone}</a>
                </dd>
                <dt>Email</dt>
                <dd>{intake.email}</dd>
                <dt>Date of birth</dt>
                <dd>
                  {intake.dateOfBirth} (age {intake.ageAtGrading} when graded)
                </dd>
                <dt>Sex</dt>
                <dd>{intake.sex}</dd>
                <dt>Privacy notice</dt>
                <dd>
                  {parseNoticeId(intake.privacyNoticeVersion) ? (
                    <Link href={`/privacy/${intake.privacyNoticeVersion}`}>version {intake.privacyNoticeVersion}</Link>
                  ) : (
                    `version ${intake.privacyNoticeVersion}`
                  )}{" "}
                  agreed
                </dd>
              </dl>
            )}
          </section>

          <section className={styles.card} aria-labelledby="why">
            <h2 id="why">Why this grade</h2>
            {why.stoppedAt ? (
              <p className={styles.overdue}>
                ⚠ Sent from the emergency page after {FORM_PAGE_NAMES[why.stoppedAt] ?? why.stoppedAt}; later pages not
                asked.
              </p>
            ) : null}
            <p>
              Graded by ruleset <strong>{why.rulesetVersion}</strong>. Rules that fired, in the ruleset&apos;s order
              (the grade is the most urgent):
            </p>
            <ul>
              {why.firedRules.map((r) => (
                <li key={r.id}>
                  <strong>{r.id}</strong>: {r.summary}
                  {r.sources.length ? <div className={styles.muted}>Sources: {r.sources.join("; ")}</div> : null}
                </li>
              ))}
            </ul>
            {why.flags.length ? (
              <>
                <h3>Flags</h3>
                <ul>
                  {why.flags.map((f) => (
                    <li key={f.id}>
                      <strong>{f.id}</strong>: {f.summary}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section className={styles.card} aria-labelledby="answers">
            <h2 id="answers">All the answers</h2>
            {brief ? (
              <CaseAnswers sections={brief.sections} notAsked={brief.notAsked} />
            ) : (
              <p>Erased with the patient&apos;s personal data.</p>
            )}
          </section>

          {intake.silent ? (
            <HandTriage
              intakeId={intake.id}
              staffLevel={intake.staffLevel}
              by={found.staffLevelByName}
              at={intake.staffLevelAt}
              canRecord={may(HAND_TRIAGE_ROLES, staff.role) && !erased}
              zone={zone}
            />
          ) : null}
          <VerdictPanel intakeId={intake.id} history={verdicts} canRecord={canJudge} zone={zone} />

          <section className={styles.card} aria-labelledby="history">
            <h2 id="history">Notes and calls</h2>
            <RecordNotes notes={notes} zone={zone} />
          </section>

          <section className={styles.card} aria-labelledby="alerts">
            <h2 id="alerts">Staff alerts</h2>
            <AlertDeliveries alerts={alerts} zone={zone} />
          </section>

          <section className={styles.card} aria-labelledby="bookings">
            <h2 id="bookings">Appointments</h2>
            <RecordAppointments appointments={bookings} zone={zone} now={now} />
            {earlierBookings.length ? (
              <>
                <h3>Booked from the earlier intake</h3>
                <RecordAppointments
                  appointments={earlierBookings}
                  zone={zone}
                  now={now}
                  testId="earlier-booking"
                  after={(b) => (b.status === "booked" ? <strong>(still booked)</strong> : null)}
                />
              </>
            ) : null}
            <h3>Emails</h3>
            {emails.length === 0 ? <p>None.</p> : null}
            <ul>
              {emails.map((e) => (
                <li key={e.id}>
                  {kindLabel(e.kind)}: {e.status}
                  {e.sentAt ? `, sent ${formatDateTime(e.sentAt, zone)}` : `, due ${formatDateTime(e.dueAt, zone)}`}
                </li>
              ))}
            </ul>
          </section>
        </div>

        <div>
          {reviewPending && canOverride && !erased ? (
            <section className={styles.card} aria-labelledby="review">
              <h2 id="review">Mark reviewed</h2>
              <p>
                You have read the answers and the grade. Add a note if useful; change the level only if the grade is
                wrong (the note is then the reason, and the patient is told the clinic has reviewed their answers).
              </p>
              <StaffForm
                action={reviewAction}
                hidden={{ intakeId: intake.id }}
                submitLabel="Mark reviewed"
                fields={[
                  { kind: "textarea", name: "note", label: "Note (optional)" },
                  {
                    kind: "select",
                    name: "level",
                    label: "New level (optional)",
                    placeholder: `Keep ${LEVEL_NAMES[level]}`,
                    options: LEVELS.filter((l) => l !== level).map((l) => ({ value: l, label: LEVEL_NAMES[l] })),
                  },
                ]}
              />
            </section>
          ) : null}
          {inQueue && !intake.acknowledgedAt && !intake.resolvedAt ? (
            <section className={styles.card} aria-labelledby="ack">
              <h2 id="ack">Acknowledge</h2>
              <p>Say you have seen this case and are acting on it.</p>
              <StaffForm action={acknowledgeAction} hidden={{ intakeId: intake.id }} submitLabel="Acknowledge" />
            </section>
          ) : null}
          {erased ? null : (
            <section className={styles.card} aria-labelledby="call">
              <h2 id="call">Log a call</h2>
              <StaffForm
                action={callAction}
                hidden={{ intakeId: intake.id }}
                submitLabel="Log call"
                secondary
                fields={[
                  {
                    kind: "radio",
                    name: "outcome",
                    label: "How did the call go?",
                    options: Object.entries(CALL_OUTCOMES).map(([value, label]) => ({ value, label })),
                  },
                  { kind: "textarea", name: "body", label: "What was said (optional)" },
                ]}
              />
            </section>
          )}
          {urgentSlots.length ? (
            <section className={styles.card} aria-labelledby="urgent">
              <h2 id="urgent">Book an urgent slot</h2>
              <p>Reserved urgent capacity, times in {zoneName(zone)}. The patient gets the confirmation email.</p>
              <StaffForm
                action={bookUrgentAction}
                hidden={{ intakeId: intake.id }}
                submitLabel="Book urgent slot"
                fields={[{ kind: "select", name: "slot", label: "Time", placeholder: "Choose…", options: urgentSlots }]}
              />
            </section>
          ) : null}
          {canOverride && !erased ? (
            <section className={styles.card} aria-labelledby="override">
              <h2 id="override">Change the level</h2>
              <p>The original grade stays on record. A reason is required.</p>
              <StaffForm
                action={overrideAction}
                hidden={{ intakeId: intake.id }}
                submitLabel="Change level"
                secondary
                fields={[
                  {
                    kind: "select",
                    name: "level",
                    label: "New level",
                    placeholder: "Choose…",
                    options: LEVELS.map((l) => ({ value: l, label: LEVEL_NAMES[l] })),
                  },
                  { kind: "textarea", name: "reason", label: "Reason", hint: "At least 10 characters." },
                ]}
              />
            </section>
          ) : null}
          {erased ? null : (
            <section className={styles.card} aria-labelledby="note">
              <h2 id="note">Add a note</h2>
              <StaffForm
                action={noteAction}
                hidden={{ intakeId: intake.id }}
                submitLabel="Add note"
                secondary
                fields={[{ kind: "textarea", name: "body", label: "Note" }]}
              />
            </section>
          )}
          {inQueue && !intake.resolvedAt ? (
            <section className={styles.card} aria-labelledby="resolve">
              <h2 id="resolve">Resolve</h2>
              <p>Close the case when nothing more is needed. It leaves the open queue.</p>
              {closingNeedsOutcome ? (
                <p>
                  {canOverride
                    ? "No call is logged yet. Log the call first, or give your reason for closing without one."
                    : "No call is logged yet: log the call and its outcome first."}
                </p>
              ) : null}
              <StaffForm
                action={resolveAction}
                hidden={{ intakeId: intake.id }}
                submitLabel="Resolve case"
                secondary
                fields={
                  closingNeedsOutcome && canOverride
                    ? [
                        {
                          kind: "textarea",
                          name: "reason",
                          label: "Reason for closing without a call",
                          hint: "At least 10 characters. Leave empty if a call is logged.",
                        },
                      ]
                    : []
                }
              />
            </section>
          ) : null}
          {may(EXPORT_ROLES, staff.role) || (may(ERASE_ROLES, staff.role) && !erased) ? (
            <section className={styles.card} aria-labelledby="patient-data">
              <h2 id="patient-data">The patient&apos;s data</h2>
              <p>For a patient who asks for a copy of their data, or for it to be erased.</p>
              <ul>
                {may(EXPORT_ROLES, staff.role) ? (
                  <li>
                    {/* A download, not a page: a plain link, never prefetched. */}
                    <a href={`/staff/cases/${intake.id}/export`} download>
                      Export this patient&apos;s data
                    </a>{" "}
                    (a JSON file of every form, appointment, note, email and audit event; the export is audited)
                  </li>
                ) : null}
                {may(ERASE_ROLES, staff.role) && !erased ? (
                  <li>
                    <Link href={`/staff/cases/${intake.id}/erase`} prefetch={false}>
                      Erase this patient&apos;s personal data
                    </Link>{" "}
                    (shows what is erased and kept, and asks you to confirm)
                  </li>
                ) : null}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
