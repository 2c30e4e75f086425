// What each email carries in the outbox, and the calls that queue them. Every queue call takes
// the transaction of the change that causes the email, so a booking and its confirmation are
// saved together or not at all. Payloads hold no clinical detail: no answers, no symptoms, and
// the level only in staff alerts.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { LEVELS } from "@/common/vocabulary";
import type { Db } from "@/db/client";
import {
  ALERT_KINDS,
  appendToPendingDigest,
  cancelAppointmentEmails,
  cancelCaseEmails,
  cancelPatientEmails,
  enqueueEmail,
  latestAlertEmail,
  lockAlertRecipient,
} from "@/db/queries/outbox";
import { insertPreVisitCheck } from "@/db/queries/pre-visit";
import { patientIdOf } from "@/db/queries/recovery";
import { getClinician } from "@/db/queries/scheduling";
import { appointmentOwner, gradedIntakeIds, listSubscribedWebhookEndpoints } from "@/db/queries/webhooks";
import { getClinicCached, getScheduleSettings } from "@/lib/clinic-settings";
import { env } from "@/lib/env";
import { sealSecret, signToken } from "@/lib/tokens";
import type { Level } from "@/lib/triage";
import { ESCALATING_LEVELS } from "@/lib/escalation";
import { isErasedAddress } from "@/lib/privacy/pseudonym";
import { mintMyBackLink } from "@/lib/recovery/links";
import {
  ALERT_REASONS,
  webhookEventFor,
  webhookPayloadSchema,
  type AlertReason,
  type WebhookData,
  type WebhookEvent,
} from "./webhooks";

const appointmentPayload = z.object({
  firstName: z.string(),
  /** The calendar UID shared by every version of this appointment. */
  seriesId: z.uuid(),
  sequence: z.number().int().min(0),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  clinicianName: z.string(),
  clinicianRole: z.string(),
  // Rows queued before 2026-12 also carry the appointment type's name; it is no longer sent.
});

/** The manage link's token, sealed (see sealSecret): the outbox never holds a usable link. */
const withManageLink = appointmentPayload.extend({ manageToken: z.string() });

/** One case in a staff alert email: the level, why, when it came in and its deadline. Nothing about the patient. */
const staffAlert = z.object({
  intakeId: z.uuid(),
  level: z.enum(LEVELS),
  reason: z.enum(ALERT_REASONS),
  submittedAt: z.iso.datetime(),
  /** When it must be acknowledged (or reviewed) by; null when it has no deadline (older rows have none). */
  deadline: z.iso.datetime().nullable().default(null),
});

export const EMAIL_PAYLOADS = {
  booking_confirmation: withManageLink,
  booking_rescheduled: withManageLink.extend({ previousStartsAt: z.iso.datetime() }),
  appointment_reminder: withManageLink,
  booking_cancelled: appointmentPayload,
  intake_self_care: z.object({ firstName: z.string(), isRunner: z.boolean() }),
  self_care_checkin: z.object({ firstName: z.string() }),
  /** "The clinic has looked at your answers": no level, no clinical word, a link to the result page. */
  level_reviewed: z.object({
    firstName: z.string(),
    /** When the answers were sent (the email names the day). */
    submittedAt: z.iso.datetime(),
    /** The result page's private key, sealed like a manage link. */
    resultUrlToken: z.string().optional(),
  }),
  /**
   * A freed time offered to a waiting patient: the time and how long it is held, the offer link's
   * token sealed like a manage link; `earlierThan` the start of the appointment they hold, if any.
   */
  waitlist_offer: appointmentPayload.omit({ seriesId: true, sequence: true }).extend({
    offerToken: z.string(),
    expiresAt: z.iso.datetime(),
    earlierThan: z.iso.datetime().nullable(),
  }),
  /**
   * "A short check before your visit": the appointment and the check link's token, sealed like a
   * manage link. No question and no answer is in the email, only the link to them.
   */
  pre_visit_check: appointmentPayload.omit({ seriesId: true, sequence: true }).extend({ checkToken: z.string() }),
  /** A new link to the patient's "My back" page, which they asked for (the link is the email's myBackToken). */
  my_back_link: z.object({ firstName: z.string() }),
  /** "How are you getting on?": a recovery check-in is open on My back (no question or answer in the email). */
  recovery_checkin: z.object({ firstName: z.string(), week: z.number().int().min(1).max(52) }),
  /** "This week's step": the return-to-run plan's weekly check-in is open on My back. */
  run_plan_week: z.object({ firstName: z.string() }),
  staff_escalation: staffAlert,
  /** Alerts to one recipient that came within a minute of the previous alert email: one email lists them all. */
  staff_digest: z.object({ alerts: z.array(staffAlert).min(1) }),
} as const;

export type EmailKind = keyof typeof EMAIL_PAYLOADS;
export type EmailPayload<K extends EmailKind> = z.output<(typeof EMAIL_PAYLOADS)[K]>;

/** The emails an appointment's change makes out of date when it is cancelled or moved. */
const APPOINTMENT_KINDS: EmailKind[] = [
  "booking_confirmation",
  "booking_rescheduled",
  "appointment_reminder",
  "pre_visit_check",
];

/**
 * The reminder goes the day before, and at least an hour before online changes close, so its
 * "move or cancel" link still works; none when the appointment is too close for one to help.
 */
export async function reminderDueAt(db: Db, startsAt: Date): Promise<Date> {
  const cutoffHours = (await getClinicCached(db))?.cancellationCutoffHours ?? 24;
  return new Date(startsAt.getTime() - Math.max(24, cutoffHours + 1) * 3600_000);
}
const REMINDER_MIN_LEAD_MS = 3600_000;

/**
 * When the pre-visit check goes: the clinic's days before the appointment, and never later than an
 * hour before online changes close, so "give the time back" still works when it arrives. Null when
 * the clinic has turned the check off (0 days).
 */
export async function preVisitCheckDueAt(db: Db, startsAt: Date): Promise<Date | null> {
  const clinic = await getClinicCached(db);
  const days = clinic?.preVisitCheckDays ?? 2;
  if (days <= 0) return null;
  const cutoffHours = clinic?.cancellationCutoffHours ?? 24;
  return new Date(startsAt.getTime() - Math.max(days * 24, cutoffHours + 1) * 3600_000);
}

/** The check link's stored form: SHA-256, as manage links (lib/booking/book.ts hashManageToken, which imports this module). */
export const hashCheckToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/**
 * Makes the appointment's pre-visit check (a row under a new link's hash) and queues its email for
 * preVisitCheckDueAt. Booked after that time, the check goes at once: the answers the booking came
 * from may be weeks old (a booking link lasts 30 days). None when online changes close within the
 * hour (REMINDER_MIN_LEAD_MS, as the reminder): "give the time back" could not be used.
 */
async function queuePreVisitCheck(
  db: Db,
  {
    appointment,
    details,
    email,
    now,
  }: { appointment: QueuedAppointment; details: Awaited<ReturnType<typeof describe>>; email: string; now: Date },
): Promise<void> {
  const checkAt = await preVisitCheckDueAt(db, appointment.startsAt);
  if (!checkAt || isErasedAddress(email)) return;
  const dueAt = checkAt.getTime() < now.getTime() ? now : checkAt;
  const cutoffHours = (await getClinicCached(db))?.cancellationCutoffHours ?? 24;
  const changesCloseAt = appointment.startsAt.getTime() - cutoffHours * 3600_000;
  if (changesCloseAt - dueAt.getTime() < REMINDER_MIN_LEAD_MS) return;
  const token = randomBytes(32).toString("base64url"); // 256 bits
  if (!(await insertPreVisitCheck(db, { appointmentId: appointment.id, tokenHash: hashCheckToken(token) }))) return;
  const { firstName, startsAt, endsAt, clinicianName, clinicianRole } = details;
  await queue(
    db,
    "pre_visit_check",
    email,
    { firstName, startsAt, endsAt, clinicianName, clinicianRole, checkToken: sealSecret(env().AUTH_SECRET, token) },
    { appointmentId: appointment.id, dueAt },
  );
}

/** The SELF_CARE check-in ("how is your back?") goes this many days after the intake. */
export const CHECK_IN_DAYS = 14;

/** Emails to staff: every other kind goes to a patient and links to their "My back" page. */
const STAFF_KINDS = new Set<EmailKind>(["staff_escalation", "staff_digest"]);

/** Recovery emails (check-ins, plan steps): the ones a patient can stop with the link in them. */
export const RECOVERY_KINDS = ["recovery_checkin", "run_plan_week"] as const satisfies readonly EmailKind[];

/** A patient email's "My back" link, sealed like a manage link (see mintMyBackLink). */
export const myBackPayload = z.object({ myBackToken: z.string().optional() });

/**
 * Queues one email. `dueAt` is when it may go: a later time (a reminder), or the instant of the
 * change that causes it, on the clock that change used (by default the database's clock). A patient
 * email gets a new "My back" link for the patient it is about (by its appointment, its case, or
 * `patientId`), valid 90 days from when it goes.
 */
async function queue<K extends EmailKind>(
  db: Db,
  kind: K,
  recipient: string,
  payload: z.input<(typeof EMAIL_PAYLOADS)[K]>,
  { patientId, ...extra }: { dueAt?: Date; appointmentId?: string; intakeId?: string | null; patientId?: string } = {},
): Promise<string | null> {
  // An erased patient's record keeps only a pseudonymous address: nothing is ever queued to it,
  // whatever a stale page or a late change (a new level, a move) would send.
  if (isErasedAddress(recipient)) return null;
  const parsed = EMAIL_PAYLOADS[kind].parse(payload) as Record<string, unknown>;
  if (!STAFF_KINDS.has(kind)) {
    const patient = patientId ?? (await patientIdOf(db, extra));
    if (patient) {
      const token = await mintMyBackLink(db, { patientId: patient, from: extra.dueAt ?? new Date() });
      parsed.myBackToken = sealSecret(env().AUTH_SECRET, token);
    }
  }
  return enqueueEmail(db, { kind, recipient, payload: parsed, ...extra });
}

export type QueuedAppointment = {
  id: string;
  seriesId: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  clinicianId: string;
  appointmentTypeId: string;
};

async function describe(db: Db, appointment: QueuedAppointment, firstName: string) {
  const { clinicians: active } = await getScheduleSettings(db);
  // The cache holds active ones only: a clinician deactivated since keeps their name here.
  const clinician =
    active.find((c) => c.id === appointment.clinicianId) ?? (await getClinician(db, appointment.clinicianId));
  return {
    firstName,
    seriesId: appointment.seriesId,
    sequence: appointment.sequence,
    startsAt: appointment.startsAt.toISOString(),
    endsAt: appointment.endsAt.toISOString(),
    clinicianName: clinician?.name ?? "",
    clinicianRole: clinician?.role ?? "",
  };
}

/** A freed time offered to a waiting patient (lib/waitlist/offers.ts), in the offer's transaction. */
export async function queueWaitlistOffer(
  db: Db,
  {
    offer,
    patient,
    intakeId,
    token,
    earlierThan,
    now,
  }: {
    offer: { startsAt: Date; endsAt: Date; clinicianId: string; expiresAt: Date };
    patient: { email: string; firstName: string };
    /** The waiting entry's intake (whose patient the email's "My back" link opens). */
    intakeId: string;
    token: string;
    earlierThan: Date | null;
    now: Date;
  },
): Promise<void> {
  const { clinicians: active } = await getScheduleSettings(db);
  const clinician = active.find((c) => c.id === offer.clinicianId) ?? (await getClinician(db, offer.clinicianId));
  await queue(
    db,
    "waitlist_offer",
    patient.email,
    {
      firstName: patient.firstName,
      startsAt: offer.startsAt.toISOString(),
      endsAt: offer.endsAt.toISOString(),
      clinicianName: clinician?.name ?? "",
      clinicianRole: clinician?.role ?? "",
      offerToken: sealSecret(env().AUTH_SECRET, token),
      expiresAt: offer.expiresAt.toISOString(),
      earlierThan: earlierThan?.toISOString() ?? null,
    },
    { dueAt: now, intakeId },
  );
  await queueWebhookEvent(
    db,
    "waitlist.offered",
    {
      caseId: intakeId,
      clinicianId: offer.clinicianId,
      start: offer.startsAt.toISOString(),
      end: offer.endsAt.toISOString(),
      offerExpiresAt: offer.expiresAt.toISOString(),
    },
    { intakeId, now },
  );
}

/**
 * A new or moved appointment: its confirmation (or "moved" email) now, its reminder a day before
 * and its pre-visit check (queuePreVisitCheck). On a move, the old appointment's unsent emails
 * (its check's among them) are cancelled in the same transaction.
 */
export async function queueAppointmentBooked(
  db: Db,
  {
    appointment,
    patient,
    manageToken,
    now,
    previous,
    byStaff = false,
  }: {
    appointment: QueuedAppointment;
    patient: { email: string; firstName: string };
    manageToken: string;
    now: Date;
    /** Set on a reschedule: the appointment this one replaces. */
    previous?: { id: string; startsAt: Date };
    /** Staff made the booking or the move (for the webhook event; the emails are the same). */
    byStaff?: boolean;
  },
): Promise<void> {
  const details = await describe(db, appointment, patient.firstName);
  const base = { ...details, manageToken: sealSecret(env().AUTH_SECRET, manageToken) };
  if (previous) {
    await cancelAppointmentEmails(db, { appointmentId: previous.id, kinds: APPOINTMENT_KINDS });
    await queue(
      db,
      "booking_rescheduled",
      patient.email,
      { ...base, previousStartsAt: previous.startsAt.toISOString() },
      { appointmentId: appointment.id, dueAt: now },
    );
  } else {
    await queue(db, "booking_confirmation", patient.email, base, { appointmentId: appointment.id, dueAt: now });
  }
  const remindAt = await reminderDueAt(db, appointment.startsAt);
  if (remindAt.getTime() - now.getTime() >= REMINDER_MIN_LEAD_MS) {
    await queue(db, "appointment_reminder", patient.email, base, { appointmentId: appointment.id, dueAt: remindAt });
  }
  await queuePreVisitCheck(db, { appointment, details, email: patient.email, now });
  if (previous)
    await queueWebhookEvent(
      db,
      "appointment.moved",
      async () => ({
        ...(await appointmentEventData(db, appointment, byStaff)),
        previousAppointmentId: previous.id,
        previousStart: previous.startsAt.toISOString(),
      }),
      { now },
    );
  else await queueWebhookEvent(db, "appointment.booked", () => appointmentEventData(db, appointment, byStaff), { now });
}

/** A cancelled appointment: its reminder and any unsent confirmation are cancelled, and the patient told. */
export async function queueAppointmentCancelled(
  db: Db,
  {
    appointment,
    patient,
    now,
    byStaff = false,
    late = false,
  }: {
    appointment: QueuedAppointment;
    patient: { email: string; firstName: string };
    now?: Date;
    /** For the webhook event: staff cancelled it, inside the cancellation cut-off or not. */
    byStaff?: boolean;
    late?: boolean;
  },
): Promise<void> {
  await cancelAppointmentEmails(db, { appointmentId: appointment.id, kinds: APPOINTMENT_KINDS });
  // A cancellation is one more version of the calendar event.
  const payload = await describe(db, { ...appointment, sequence: appointment.sequence + 1 }, patient.firstName);
  await queue(db, "booking_cancelled", patient.email, payload, { appointmentId: appointment.id, dueAt: now });
  await queueAppointmentCancelledEvent(db, appointment, { now: now ?? new Date(), byStaff, late });
}

/**
 * `appointment.cancelled` alone, for an appointment cancelled without telling the patient (their
 * data was erased: no email goes, but an integration mirroring the calendar must hear of it).
 */
export async function queueAppointmentCancelledEvent(
  db: Db,
  appointment: QueuedAppointment,
  { now, byStaff, late = false }: { now: Date; byStaff: boolean; late?: boolean },
): Promise<void> {
  await queueWebhookEvent(
    db,
    "appointment.cancelled",
    async () => ({ ...(await appointmentEventData(db, appointment, byStaff)), lateCancellation: late }),
    { now },
  );
}

/**
 * A graded intake: SELF_CARE patients get their advice now and a check-in in 14 days (both rows
 * name the case, so a later review can cancel the check-in); EMERGENCY and URGENT cases alert the staff.
 */
export async function queueIntakeEmails(
  db: Db,
  {
    intakeId,
    level,
    patient,
    isRunner,
    now,
    deadline = null,
    silent = false,
  }: {
    intakeId: string;
    level: Level;
    patient: { email: string; firstName: string };
    isRunner: boolean;
    now: Date;
    /** When an escalated case must be acknowledged by (clinic hours applied), for the alert. */
    deadline?: Date | null;
    /** Graded during the silent pilot: no email may tell the patient the grade (staff alerts still go). */
    silent?: boolean;
  },
): Promise<void> {
  await queueIntakeGraded(db, { intakeId, level, now });
  if (level === "SELF_CARE" && !silent) {
    await queue(
      db,
      "intake_self_care",
      patient.email,
      { firstName: patient.firstName, isRunner },
      { dueAt: now, intakeId },
    );
    await queue(
      db,
      "self_care_checkin",
      patient.email,
      { firstName: patient.firstName },
      { dueAt: new Date(now.getTime() + CHECK_IN_DAYS * 24 * 3600_000), intakeId },
    );
  }
  if (ESCALATING_LEVELS.has(level))
    await queueStaffAlert(db, { intakeId, level, reason: "level", submittedAt: now, deadline, now });
}

/** `case.resolved`: the case left the open queue (its id and level; never the reason). */
export async function queueCaseResolved(
  db: Db,
  { intakeId, level, now }: { intakeId: string; level: Level; now: Date },
) {
  await queueWebhookEvent(db, "case.resolved", { caseId: intakeId, level, url: caseUrl(intakeId) }, { intakeId, now });
}

/** `intake.graded` for a new intake or a re-grade: its ids, level and ruleset only. */
export async function queueIntakeGraded(
  db: Db,
  { intakeId, level, now }: { intakeId: string; level: Level; now: Date },
) {
  await queueWebhookEvent(
    db,
    "intake.graded",
    async () => {
      const graded = await gradedIntakeIds(db, intakeId);
      return {
        caseId: intakeId,
        patientId: graded?.patientId ?? null,
        level,
        rulesetVersion: graded?.rulesetVersion ?? "",
        regradeOf: graded?.regradeOf ?? null,
        url: caseUrl(intakeId),
      };
    },
    { intakeId, now },
  );
}

/**
 * At most one alert email per recipient per this long: alerts that come sooner after the last one
 * wait, together, in one digest due this long after it (a flood of cases is one email a minute).
 */
export const ALERT_EMAIL_GAP_MS = 60_000;

/**
 * Tells the staff a case is waiting: the level, why, the deadline and a link, nothing else. Each
 * recipient's first alert goes at once; alerts within a minute of the last alert email to them
 * are folded into one digest (see ALERT_EMAIL_GAP_MS). Every active webhook endpoint subscribed
 * to the event (`case.overdue` for missed deadlines, else `case.escalated`) gets one delivery.
 * Call with the transaction of the change that raises the alert. Returns how many people are emailed.
 */
export async function queueStaffAlert(
  db: Db,
  alert: {
    intakeId: string;
    level: Level;
    reason: AlertReason;
    submittedAt: Date;
    /** When it must be acknowledged (or reviewed) by; null when it has no deadline. */
    deadline: Date | null;
    /** The instant of the change that raises the alert (by default the database's clock). */
    now?: Date;
  },
  /** Who to tell; STAFF_ALERT_EMAILS (or the clinic's address) when not given. */
  to?: readonly string[],
): Promise<number> {
  const recipients = [...new Set(to ?? (await staffAlertRecipients(db)))].sort();
  const entry = {
    intakeId: alert.intakeId,
    level: alert.level,
    reason: alert.reason,
    submittedAt: alert.submittedAt.toISOString(),
    deadline: alert.deadline?.toISOString() ?? null,
  };
  // Its own transaction (a savepoint inside the caller's): the per-recipient locks need one, and
  // are taken in one order (sorted) so two alerts to the same people cannot deadlock.
  await db.transaction(async (tx) => {
    for (const recipient of recipients) await queueAlertEmail(tx, recipient, entry, alert.now);
    await queueAlertWebhooks(tx, entry, alert.now);
  });
  return recipients.length;
}

type AlertEntry = z.input<typeof staffAlert>;

/** One alert to one person: at once, or into the digest that waits for the minute to pass. */
async function queueAlertEmail(db: Db, recipient: string, entry: AlertEntry, now: Date | undefined) {
  await lockAlertRecipient(db, recipient);
  const last = await latestAlertEmail(db, { recipient, now, windowMs: ALERT_EMAIL_GAP_MS });
  if (!last?.recent) {
    await queue(db, "staff_escalation", recipient, entry, { dueAt: now, intakeId: entry.intakeId });
    return;
  }
  if (await appendToPendingDigest(db, { recipient, alert: entry, now })) return;
  await queue(
    db,
    ALERT_KINDS.digest,
    recipient,
    { alerts: [entry] },
    { dueAt: new Date(Math.max(last.dueAt.getTime() + ALERT_EMAIL_GAP_MS, (now ?? new Date()).getTime())) },
  );
}

/** One delivery per active endpoint subscribed to the alert's event: ids, level, reason, deadline, link. */
async function queueAlertWebhooks(db: Db, entry: AlertEntry, now: Date | undefined) {
  await queueWebhookEvent(
    db,
    webhookEventFor(entry.reason),
    {
      caseId: entry.intakeId,
      level: entry.level,
      reason: entry.reason,
      deadline: entry.deadline ?? null,
      url: caseUrl(entry.intakeId),
    },
    { intakeId: entry.intakeId, now },
  );
}

/** The staff page of a case (what every case event links to). */
const caseUrl = (intakeId: string) => `${env().APP_URL}/staff/cases/${intakeId}`;

/**
 * One delivery of `type` to every active endpoint subscribed to it, in the caller's transaction (a
 * change that rolls back sends nothing). The data is checked against the event's strict schema
 * here, so a payload with a name or an answer in it fails the change in tests instead of leaving.
 */
export async function queueWebhookEvent<E extends WebhookEvent>(
  db: Db,
  type: E,
  data: WebhookData<E> | (() => Promise<WebhookData<E>>),
  { intakeId, now }: { intakeId?: string | null; now?: Date },
): Promise<number> {
  const endpoints = await listSubscribedWebhookEndpoints(db, type);
  if (!endpoints.length) return 0;
  const resolved = typeof data === "function" ? await data() : data;
  const payload = webhookPayloadSchema.parse({ type, timestamp: (now ?? new Date()).toISOString(), data: resolved });
  // The delivery names its case (the case page and the delivery log link to it).
  const caseId = intakeId ?? ("caseId" in resolved && typeof resolved.caseId === "string" ? resolved.caseId : null);
  for (const { id } of endpoints)
    await enqueueEmail(db, {
      kind: ALERT_KINDS.webhook,
      recipient: id,
      payload,
      dueAt: now,
      intakeId: caseId,
    });
  return endpoints.length;
}

/** The appointment events' data: the ids and times, who made the change, nothing about the patient but ids. */
async function appointmentEventData(db: Db, appointment: QueuedAppointment, byStaff: boolean) {
  const owner = await appointmentOwner(db, appointment.id);
  return {
    appointmentId: appointment.id,
    caseId: owner?.intakeId ?? null,
    patientId: owner?.patientId ?? null,
    appointmentTypeId: appointment.appointmentTypeId,
    clinicianId: appointment.clinicianId,
    start: appointment.startsAt.toISOString(),
    end: appointment.endsAt.toISOString(),
    byStaff,
  };
}

/** STAFF_ALERT_EMAILS, or the clinic's own address when that is unset. */
export async function staffAlertRecipients(db: Db): Promise<string[]> {
  const configured = env().STAFF_ALERT_EMAILS;
  if (configured.length) return configured;
  const clinic = await getClinicCached(db);
  return clinic?.email ? [clinic.email] : [];
}

/** The purpose of the result page's private key (lib/intake-form/result-access.ts checks the same). */
export const RESULT_TOKEN_PURPOSE = "result";

/**
 * Tells the patient the clinic has looked at their answers and to open their result page (a
 * private link, sealed in the outbox). No level and no clinical word. A "reviewed" email for the
 * same case that has not gone yet is replaced, so a second review sends one email, not two.
 */
export async function queueLevelReviewed(
  db: Db,
  {
    intakeId,
    patient,
    submittedAt,
    now,
  }: { intakeId: string; patient: { email: string; firstName: string }; submittedAt: Date; now?: Date },
): Promise<void> {
  const secret = env().AUTH_SECRET;
  await cancelCaseEmails(db, { kind: "level_reviewed", intakeId });
  await queue(
    db,
    "level_reviewed",
    patient.email,
    {
      firstName: patient.firstName,
      submittedAt: submittedAt.toISOString(),
      resultUrlToken: sealSecret(secret, signToken(secret, RESULT_TOKEN_PURPOSE, intakeId)),
    },
    { dueAt: now, intakeId },
  );
}

/**
 * Cancels the patient's pending two-week check-in (e.g. the clinic has reviewed the case, so
 * "how is your back?" no longer fits): the one about `intakeId`, and any older one queued to the
 * address before check-ins named their case. Without `intakeId`, every pending check-in to the
 * address. `now` is the caller's clock; a pending check-in is cancelled whenever it is due.
 * Returns how many were cancelled.
 */
export async function cancelSelfCareCheckIn(
  db: Db,
  { intakeId, email }: { intakeId?: string; email: string; now?: Date },
): Promise<number> {
  return cancelPatientEmails(db, { kind: "self_care_checkin", intakeId, email });
}

/** A new "My back" link the patient asked for (lib/recovery/request.ts). */
export async function queueMyBackLink(
  db: Db,
  { patient, now }: { patient: { id: string; email: string; firstName: string }; now: Date },
): Promise<void> {
  await queue(
    db,
    "my_back_link",
    patient.email,
    { firstName: patient.firstName },
    { dueAt: now, patientId: patient.id },
  );
}

/** A recovery check-in's email, due when it opens; it names the episode's first intake (so discharge can cancel it). */
export async function queueRecoveryCheckin(
  db: Db,
  {
    intakeId,
    week,
    dueAt,
    patient,
  }: { intakeId: string; week: number; dueAt: Date; patient: { id: string; email: string; firstName: string } },
): Promise<void> {
  await queue(
    db,
    "recovery_checkin",
    patient.email,
    { firstName: patient.firstName, week },
    { dueAt, intakeId, patientId: patient.id },
  );
}

/** The running plan's weekly step, due when the next check-in opens (a pending one is replaced). */
export async function queueRunPlanWeek(
  db: Db,
  {
    intakeId,
    dueAt,
    patient,
  }: { intakeId: string; dueAt: Date; patient: { id: string; email: string; firstName: string } },
): Promise<void> {
  await cancelCaseEmails(db, { kind: "run_plan_week", intakeId });
  await queue(
    db,
    "run_plan_week",
    patient.email,
    { firstName: patient.firstName },
    { dueAt, intakeId, patientId: patient.id },
  );
}
