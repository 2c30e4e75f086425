// What each email carries in the outbox, and the calls that queue them. Every queue call takes
// the transaction of the change that causes the email, so a booking and its confirmation are
// saved together or not at all. Payloads hold no clinical detail: no answers, no symptoms, and
// the level only in staff alerts.
import { z } from "zod";
import { LEVELS } from "@/common/vocabulary";
import type { Db } from "@/db/client";
import { cancelAppointmentEmails, enqueueEmail } from "@/db/queries/outbox";
import { getAppointmentType, getClinician } from "@/db/queries/scheduling";
import { getClinicCached, getScheduleSettings } from "@/lib/clinic-settings";
import { env } from "@/lib/env";
import { sealSecret } from "@/lib/tokens";
import type { Level } from "@/lib/triage";
import { ESCALATING_LEVELS } from "@/lib/escalation";

const appointmentPayload = z.object({
  firstName: z.string(),
  /** The calendar UID shared by every version of this appointment. */
  seriesId: z.uuid(),
  sequence: z.number().int().min(0),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  clinicianName: z.string(),
  clinicianRole: z.string(),
  typeName: z.string(),
});

/** The manage link's token, sealed (see sealSecret): the outbox never holds a usable link. */
const withManageLink = appointmentPayload.extend({ manageToken: z.string() });

export const EMAIL_PAYLOADS = {
  booking_confirmation: withManageLink,
  booking_rescheduled: withManageLink.extend({ previousStartsAt: z.iso.datetime() }),
  appointment_reminder: withManageLink,
  booking_cancelled: appointmentPayload,
  intake_self_care: z.object({ firstName: z.string(), isRunner: z.boolean() }),
  self_care_checkin: z.object({ firstName: z.string() }),
  staff_escalation: z.object({
    intakeId: z.uuid(),
    level: z.enum(LEVELS),
    reason: z.enum(["level", "no_capacity", "overdue"]),
    submittedAt: z.iso.datetime(),
  }),
} as const;

export type EmailKind = keyof typeof EMAIL_PAYLOADS;
export type EmailPayload<K extends EmailKind> = z.output<(typeof EMAIL_PAYLOADS)[K]>;

/** The emails an appointment's change makes out of date when it is cancelled or moved. */
const APPOINTMENT_KINDS: EmailKind[] = ["booking_confirmation", "booking_rescheduled", "appointment_reminder"];

/**
 * The reminder goes the day before, and at least an hour before online changes close, so its
 * "move or cancel" link still works; none when the appointment is too close for one to help.
 */
export async function reminderDueAt(db: Db, startsAt: Date): Promise<Date> {
  const cutoffHours = (await getClinicCached(db))?.cancellationCutoffHours ?? 24;
  return new Date(startsAt.getTime() - Math.max(24, cutoffHours + 1) * 3600_000);
}
const REMINDER_MIN_LEAD_MS = 3600_000;

/** The SELF_CARE check-in ("how is your back?") goes this many days after the intake. */
export const CHECK_IN_DAYS = 14;

/**
 * Queues one email. `dueAt` is when it may go: a later time (a reminder), or the instant of the
 * change that causes it, on the clock that change used (by default the database's clock).
 */
function queue<K extends EmailKind>(
  db: Db,
  kind: K,
  recipient: string,
  payload: EmailPayload<K>,
  extra: { dueAt?: Date; appointmentId?: string } = {},
) {
  return enqueueEmail(db, {
    kind,
    recipient,
    payload: EMAIL_PAYLOADS[kind].parse(payload) as Record<string, unknown>,
    ...extra,
  });
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
  const { clinicians: active, types: activeTypes } = await getScheduleSettings(db);
  // The cache holds active ones only: a clinician or type deactivated since keeps its name here.
  const clinician =
    active.find((c) => c.id === appointment.clinicianId) ?? (await getClinician(db, appointment.clinicianId));
  const type =
    activeTypes.find((t) => t.id === appointment.appointmentTypeId) ??
    (await getAppointmentType(db, appointment.appointmentTypeId));
  return {
    firstName,
    seriesId: appointment.seriesId,
    sequence: appointment.sequence,
    startsAt: appointment.startsAt.toISOString(),
    endsAt: appointment.endsAt.toISOString(),
    clinicianName: clinician?.name ?? "",
    clinicianRole: clinician?.role ?? "",
    typeName: type?.name ?? "Appointment",
  };
}

/**
 * A new or moved appointment: its confirmation (or "moved" email) now and its reminder a day
 * before. On a move, the old appointment's unsent emails are cancelled in the same transaction.
 */
export async function queueAppointmentBooked(
  db: Db,
  {
    appointment,
    patient,
    manageToken,
    now,
    previous,
  }: {
    appointment: QueuedAppointment;
    patient: { email: string; firstName: string };
    manageToken: string;
    now: Date;
    /** Set on a reschedule: the appointment this one replaces. */
    previous?: { id: string; startsAt: Date };
  },
): Promise<void> {
  const base = {
    ...(await describe(db, appointment, patient.firstName)),
    manageToken: sealSecret(env().AUTH_SECRET, manageToken),
  };
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
}

/** A cancelled appointment: its reminder and any unsent confirmation are cancelled, and the patient told. */
export async function queueAppointmentCancelled(
  db: Db,
  {
    appointment,
    patient,
    now,
  }: { appointment: QueuedAppointment; patient: { email: string; firstName: string }; now?: Date },
): Promise<void> {
  await cancelAppointmentEmails(db, { appointmentId: appointment.id, kinds: APPOINTMENT_KINDS });
  // A cancellation is one more version of the calendar event.
  const payload = await describe(db, { ...appointment, sequence: appointment.sequence + 1 }, patient.firstName);
  await queue(db, "booking_cancelled", patient.email, payload, { appointmentId: appointment.id, dueAt: now });
}

/**
 * A graded intake: SELF_CARE patients get their advice now and a check-in in 14 days;
 * EMERGENCY and URGENT cases alert the staff.
 */
export async function queueIntakeEmails(
  db: Db,
  {
    intakeId,
    level,
    patient,
    isRunner,
    now,
  }: {
    intakeId: string;
    level: Level;
    patient: { email: string; firstName: string };
    isRunner: boolean;
    now: Date;
  },
): Promise<void> {
  if (level === "SELF_CARE") {
    await queue(db, "intake_self_care", patient.email, { firstName: patient.firstName, isRunner }, { dueAt: now });
    await queue(
      db,
      "self_care_checkin",
      patient.email,
      { firstName: patient.firstName },
      { dueAt: new Date(now.getTime() + CHECK_IN_DAYS * 24 * 3600_000) },
    );
  }
  if (ESCALATING_LEVELS.has(level))
    await queueStaffAlert(db, { intakeId, level, reason: "level", submittedAt: now, now });
}

/** Tells the staff a case is waiting: the level and a link, nothing else. */
export async function queueStaffAlert(
  db: Db,
  {
    intakeId,
    level,
    reason,
    submittedAt,
    now,
  }: {
    intakeId: string;
    level: Level;
    reason: EmailPayload<"staff_escalation">["reason"];
    submittedAt: Date;
    /** The instant of the change that raises the alert (by default the database's clock). */
    now?: Date;
  },
  /** Who to tell; STAFF_ALERT_EMAILS (or the clinic's address) when not given. */
  to?: readonly string[],
): Promise<number> {
  const recipients = to ?? (await staffAlertRecipients(db));
  for (const to of recipients)
    await queue(
      db,
      "staff_escalation",
      to,
      { intakeId, level, reason, submittedAt: submittedAt.toISOString() },
      { dueAt: now },
    );
  return recipients.length;
}

/** STAFF_ALERT_EMAILS, or the clinic's own address when that is unset. */
export async function staffAlertRecipients(db: Db): Promise<string[]> {
  const configured = env().STAFF_ALERT_EMAILS;
  if (configured.length) return configured;
  const clinic = await getClinicCached(db);
  return clinic?.email ? [clinic.email] : [];
}
