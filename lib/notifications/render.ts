import { render } from "@react-email/components";
import { createElement, type ComponentType } from "react";
import type { Clinic, OutboxRow } from "@/db/schema";
import * as templates from "@/emails";
import type { AppointmentDetails, ClinicBrand } from "@/emails/types";
import { formatDateTime, zoneName } from "@/lib/booking/format";
import { selfCareAdvice, WARNING_SIGNS, WHAT_TO_BRING } from "@/lib/content";
import { ackDeadlines } from "@/lib/escalation";
import { openSecret } from "@/lib/tokens";
import { appointmentIcs } from "./calendar";
import { CHECK_IN_DAYS, EMAIL_PAYLOADS, type EmailKind, type EmailPayload } from "./queue";

/** The fixed nerve-compression warning signs: general advice, the same for every patient. */
const WARNING_SIGNS_EMAIL = {
  heading: WARNING_SIGNS.heading,
  signs: WARNING_SIGNS.signs,
  action: WARNING_SIGNS.action,
};

export type Attachment = { filename: string; contentType: string; content: string /* base64 */ };

export type RenderedEmail = { subject: string; html: string; text: string; attachments: Attachment[] };

export type RenderContext = {
  clinic: Pick<Clinic, "name" | "address" | "phone" | "email" | "timeZone" | "cancellationCutoffHours"> &
    Partial<Pick<Clinic, "emergencyAckMinutes" | "urgentAckMinutes">>;
  /** The app's public address, for links. */
  appUrl: string;
  /** AUTH_SECRET, to open the sealed manage link. */
  secret: string;
};

/** An email that can never be sent as queued (retrying cannot help): it goes straight to dead. */
export class UnsendableEmail extends Error {
  override name = "UnsendableEmail";
}

/**
 * Renders a queued email with the clinic's current branding: subject, HTML, plain text and, for
 * appointments, the calendar file. Times are in the clinic's zone with the zone named.
 */
export async function renderEmail(
  row: Pick<OutboxRow, "kind" | "payload" | "recipient" | "createdAt">,
  ctx: RenderContext,
): Promise<RenderedEmail> {
  const kind = row.kind as EmailKind;
  const schema = EMAIL_PAYLOADS[kind];
  if (!schema) throw new UnsendableEmail(`unknown email kind ${row.kind}`);
  const parsed = schema.safeParse(row.payload);
  if (!parsed.success) throw new UnsendableEmail(`${row.kind}: payload does not match its template`);
  const clinic: ClinicBrand = {
    name: ctx.clinic.name,
    address: ctx.clinic.address,
    phone: ctx.clinic.phone,
    email: ctx.clinic.email,
  };
  const link = (path: string) => new URL(path, ctx.appUrl).toString();
  const formUrl = link("/intake");

  switch (kind) {
    case "booking_confirmation":
    case "appointment_reminder":
    case "booking_rescheduled": {
      const p = parsed.data as EmailPayload<"booking_rescheduled">;
      const token = openSecret(ctx.secret, p.manageToken);
      if (!token) throw new UnsendableEmail(`${kind}: the manage link cannot be opened (was AUTH_SECRET changed?)`);
      const manageUrl = link(`/appointments/manage/${token}`);
      const props = {
        clinic,
        firstName: p.firstName,
        appointment: details(p, ctx),
        manageUrl,
        whatToBring: WHAT_TO_BRING,
        cutoffHours: ctx.clinic.cancellationCutoffHours,
      };
      if (kind === "booking_confirmation") {
        return finish(templates.BookingConfirmationEmail, props, templates.bookingConfirmationSubject(props), [
          ics(p, row, ctx, manageUrl),
        ]);
      }
      if (kind === "appointment_reminder")
        return finish(templates.AppointmentReminderEmail, props, templates.appointmentReminderSubject(props), []);
      const moved = { ...props, previousWhen: formatDateTime(new Date(p.previousStartsAt), ctx.clinic.timeZone) };
      return finish(templates.BookingRescheduledEmail, moved, templates.bookingRescheduledSubject(moved), [
        ics(p, row, ctx, manageUrl),
      ]);
    }
    case "booking_cancelled": {
      const p = parsed.data as EmailPayload<"booking_cancelled">;
      const props = { clinic, firstName: p.firstName, appointment: details(p, ctx), formUrl };
      return finish(templates.BookingCancelledEmail, props, templates.bookingCancelledSubject(props), [
        ics(p, row, ctx, undefined, true),
      ]);
    }
    case "intake_self_care": {
      const p = parsed.data as EmailPayload<"intake_self_care">;
      const props = {
        clinic,
        firstName: p.firstName,
        formUrl,
        checkInDays: CHECK_IN_DAYS,
        sections: selfCareAdvice({ isRunner: p.isRunner }).map(({ title, points }) => ({ title, points })),
        warningSigns: WARNING_SIGNS_EMAIL,
      };
      return finish(templates.SelfCareReceivedEmail, props, templates.selfCareReceivedSubject(props), []);
    }
    case "self_care_checkin": {
      const p = parsed.data as EmailPayload<"self_care_checkin">;
      // Two weeks on, things may have changed: the check-in repeats the fixed warning signs.
      const props = { clinic, firstName: p.firstName, formUrl, warningSigns: WARNING_SIGNS_EMAIL };
      return finish(templates.SelfCareCheckinEmail, props, templates.selfCareCheckinSubject(props), []);
    }
    case "staff_escalation": {
      const p = parsed.data as EmailPayload<"staff_escalation">;
      const submitted = new Date(p.submittedAt);
      const props = {
        clinic,
        level: p.level,
        reason: p.reason,
        caseUrl: link(`/staff/cases/${p.intakeId}`),
        submittedAt: `${formatDateTime(submitted, ctx.clinic.timeZone)} (${zoneName(ctx.clinic.timeZone)})`,
        acknowledgeWithinMinutes: p.reason === "no_capacity" ? null : (ackDeadlines(ctx.clinic)[p.level] ?? null),
      };
      return finish(templates.StaffAlertEmail, props, templates.staffAlertSubject(props), []);
    }
  }
}

function details(p: EmailPayload<"booking_cancelled">, ctx: RenderContext): AppointmentDetails {
  const start = new Date(p.startsAt);
  return {
    when: formatDateTime(start, ctx.clinic.timeZone),
    zone: zoneName(ctx.clinic.timeZone),
    clinician: p.clinicianName,
    clinicianRole: p.clinicianRole,
    typeName: p.typeName,
    durationMinutes: Math.round((new Date(p.endsAt).getTime() - start.getTime()) / 60_000),
  };
}

function ics(
  p: EmailPayload<"booking_cancelled">,
  row: Pick<OutboxRow, "recipient" | "createdAt">,
  ctx: RenderContext,
  manageUrl: string | undefined,
  cancelled = false,
): Attachment {
  const file = appointmentIcs({
    uid: p.seriesId,
    sequence: p.sequence,
    start: new Date(p.startsAt),
    end: new Date(p.endsAt),
    title: `${p.typeName} at ${ctx.clinic.name}`,
    location: ctx.clinic.address ? `${ctx.clinic.name}, ${ctx.clinic.address}` : ctx.clinic.name,
    description: manageUrl
      ? `With ${p.clinicianName}. To view, move or cancel: ${manageUrl}`
      : `Cancelled. To book again, call ${ctx.clinic.phone}.`,
    url: manageUrl,
    organizer: { name: ctx.clinic.name, email: ctx.clinic.email ?? "no-reply@backtrack.localhost" },
    attendee: { name: p.firstName, email: row.recipient },
    cancelled,
    stamp: row.createdAt,
  });
  return {
    filename: cancelled ? "cancelled-appointment.ics" : "appointment.ics",
    contentType: `text/calendar; charset=utf-8; method=${cancelled ? "CANCEL" : "REQUEST"}`,
    content: Buffer.from(file, "utf8").toString("base64"),
  };
}

// Headings in normal case in the text part (the converter shouts them by default).
const PLAIN_TEXT = { selectors: ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } })) };

async function finish<P extends object>(
  component: ComponentType<P>,
  props: P,
  subject: string,
  attachments: Attachment[],
): Promise<RenderedEmail> {
  const element = createElement(component, props);
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: PLAIN_TEXT }),
  ]);
  return { subject, html, text, attachments };
}
