import { render } from "@react-email/components";
import { createElement, type ComponentType } from "react";
import type { Clinic, OutboxRow } from "@/db/schema";
import * as templates from "@/emails";
import { greetingName } from "@/emails/layout";
import { levelRank } from "@/common/vocabulary";
import type { AppointmentDetails, ClinicBrand, StaffDigestCase } from "@/emails/types";
import { formatDateTime, formatDay, formatTime, zoneName } from "@/lib/booking/format";
import { selfCareAdvice, WARNING_SIGNS, WHAT_TO_BRING } from "@/lib/content";
import { ackDeadlines } from "@/lib/escalation";
import { openSecret, verifyToken } from "@/lib/tokens";
import { appointmentIcs } from "./calendar";
import {
  CHECK_IN_DAYS,
  EMAIL_PAYLOADS,
  myBackPayload,
  RECOVERY_KINDS,
  RESULT_TOKEN_PURPOSE,
  type EmailKind,
  type EmailPayload,
} from "./queue";

const STAFF_KIND = new Set<string>(["staff_escalation", "staff_digest"]);

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
  // Only the kinds above are emails (a webhook delivery, or any other row, is never rendered as one).
  if (!Object.hasOwn(EMAIL_PAYLOADS, row.kind)) throw new UnsendableEmail(`unknown email kind ${row.kind}`);
  const kind = row.kind as EmailKind;
  const schema = EMAIL_PAYLOADS[kind];
  const parsed = schema.safeParse(row.payload);
  if (!parsed.success) throw new UnsendableEmail(`${row.kind}: payload does not match its template`);
  const link = (path: string) => new URL(path, ctx.appUrl).toString();
  // The patient's "My back" page, in the footer of every patient email queued since it existed.
  const sealedMyBack = myBackPayload.safeParse(row.payload).data?.myBackToken;
  const myBackToken = sealedMyBack ? openSecret(ctx.secret, sealedMyBack) : null;
  const myBackPath = myBackToken ? `/my/${myBackToken}` : null;
  // Recovery emails (and the self-care two-week check-in, which is one) carry the stop link.
  const recovery = (RECOVERY_KINDS as readonly string[]).includes(kind) || kind === "self_care_checkin";
  const clinic: ClinicBrand = {
    name: ctx.clinic.name,
    address: ctx.clinic.address,
    phone: ctx.clinic.phone,
    email: ctx.clinic.email,
    ...(myBackPath && !STAFF_KIND.has(kind) ? { myBackUrl: link(myBackPath) } : {}),
    ...(myBackPath && recovery ? { stopUrl: link(`${myBackPath}/emails`) } : {}),
  };
  const needMyBack = () => {
    if (!myBackPath) throw new UnsendableEmail(`${kind}: the My back link cannot be opened (was AUTH_SECRET changed?)`);
    return myBackPath;
  };
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
      const props = {
        clinic,
        firstName: p.firstName,
        formUrl,
        warningSigns: WARNING_SIGNS_EMAIL,
        ...(myBackPath ? { checkinUrl: link(`${myBackPath}/check-in`) } : {}),
      };
      return finish(templates.SelfCareCheckinEmail, props, templates.selfCareCheckinSubject(props), []);
    }
    case "level_reviewed": {
      const p = parsed.data as EmailPayload<"level_reviewed">;
      const props = {
        clinic,
        firstName: p.firstName,
        submittedOn: `${formatDay(new Date(p.submittedAt), ctx.clinic.timeZone)} ${yearOf(p.submittedAt, ctx)}`,
        resultUrl: p.resultUrlToken ? resultUrl(p.resultUrlToken, ctx, link) : link("/"),
      };
      return finish(templates.LevelReviewedEmail, props, templates.levelReviewedSubject(props), []);
    }
    case "waitlist_offer": {
      const p = parsed.data as EmailPayload<"waitlist_offer">;
      const token = openSecret(ctx.secret, p.offerToken);
      if (!token)
        throw new UnsendableEmail("waitlist_offer: the offer link cannot be opened (was AUTH_SECRET changed?)");
      const zone = ctx.clinic.timeZone;
      const expires = new Date(p.expiresAt);
      const sameDay = formatDay(expires, zone) === formatDay(row.createdAt, zone);
      const props = {
        clinic,
        firstName: p.firstName,
        appointment: details(p, ctx),
        heldUntil: `${sameDay ? formatTime(expires, zone) : `${formatDay(expires, zone)} at ${formatTime(expires, zone)}`} (${zoneName(zone)})`,
        offerUrl: link(`/waitlist/offer/${token}`),
        earlier: p.earlierThan
          ? `${formatDay(new Date(p.earlierThan), zone)} at ${formatTime(new Date(p.earlierThan), zone)}`
          : null,
      };
      return finish(templates.WaitlistOfferEmail, props, templates.waitlistOfferSubject(props), []);
    }
    case "pre_visit_check": {
      const p = parsed.data as EmailPayload<"pre_visit_check">;
      const token = openSecret(ctx.secret, p.checkToken);
      if (!token)
        throw new UnsendableEmail("pre_visit_check: the check link cannot be opened (was AUTH_SECRET changed?)");
      const props = {
        clinic,
        firstName: p.firstName,
        appointment: details(p, ctx),
        checkUrl: link(`/appointments/check/${token}`),
        cutoffHours: ctx.clinic.cancellationCutoffHours,
      };
      return finish(templates.PreVisitCheckEmail, props, templates.preVisitCheckSubject(props), []);
    }
    case "my_back_link": {
      const p = parsed.data as EmailPayload<"my_back_link">;
      const props = {
        clinic: { ...clinic, myBackUrl: undefined },
        firstName: p.firstName,
        myBackUrl: link(needMyBack()),
      };
      return finish(templates.MyBackLinkEmail, props, templates.myBackLinkSubject(props), []);
    }
    case "recovery_checkin": {
      const p = parsed.data as EmailPayload<"recovery_checkin">;
      const props = { clinic, firstName: p.firstName, week: p.week, checkinUrl: link(`${needMyBack()}/check-in`) };
      return finish(templates.RecoveryCheckinEmail, props, templates.recoveryCheckinSubject(props), []);
    }
    case "run_plan_week": {
      const p = parsed.data as EmailPayload<"run_plan_week">;
      const props = { clinic, firstName: p.firstName, planUrl: link(`${needMyBack()}/plan`) };
      return finish(templates.RunPlanWeekEmail, props, templates.runPlanWeekSubject(props), []);
    }
    case "staff_escalation": {
      const p = parsed.data as EmailPayload<"staff_escalation">;
      const submitted = new Date(p.submittedAt);
      const deadline = p.deadline ? new Date(p.deadline) : null;
      const props = {
        clinic,
        level: p.level,
        reason: p.reason,
        caseUrl: link(`/staff/cases/${p.intakeId}`),
        submittedAt: withZone(submitted, ctx),
        acknowledgeWithinMinutes:
          p.reason === "no_capacity" || p.reason === "review_overdue"
            ? null
            : (ackDeadlines(ctx.clinic)[p.level] ?? null),
        deadline: deadline ? withZone(deadline, ctx) : null,
        deadlineShort: deadline ? shortTime(deadline, submitted, ctx) : null,
      };
      return finish(templates.StaffAlertEmail, props, templates.staffAlertSubject(props), []);
    }
    case "staff_digest": {
      const p = parsed.data as EmailPayload<"staff_digest">;
      const props = { clinic, cases: digestCases(p.alerts, ctx, link) };
      return finish(templates.StaffDigestEmail, props, templates.staffDigestSubject(props), []);
    }
  }
}

type Alert = EmailPayload<"staff_digest">["alerts"][number];

/**
 * A digest's cases: one entry per case (a case alerted twice in the minute lists both reasons,
 * at its most urgent level), EMERGENCY first, then URGENT, then the rest, each oldest first.
 */
function digestCases(alerts: readonly Alert[], ctx: RenderContext, link: (path: string) => string): StaffDigestCase[] {
  const byCase = new Map<
    string,
    { first: Alert; level: Alert["level"]; reasons: Alert["reason"][]; deadline: string | null }
  >();
  for (const a of alerts) {
    const seen = byCase.get(a.intakeId);
    if (!seen) {
      byCase.set(a.intakeId, { first: a, level: a.level, reasons: [a.reason], deadline: a.deadline });
      continue;
    }
    if (levelRank[a.level] > levelRank[seen.level]) seen.level = a.level;
    if (!seen.reasons.includes(a.reason)) seen.reasons.push(a.reason);
    seen.deadline = a.deadline ?? seen.deadline;
  }
  return [...byCase.values()]
    .sort(
      (a, b) =>
        levelRank[b.level] - levelRank[a.level] ||
        a.first.submittedAt.localeCompare(b.first.submittedAt) ||
        a.first.intakeId.localeCompare(b.first.intakeId),
    )
    .map((c) => ({
      level: c.level,
      reasons: c.reasons,
      caseUrl: link(`/staff/cases/${c.first.intakeId}`),
      submittedAt: withZone(new Date(c.first.submittedAt), ctx),
      deadline: c.deadline ? withZone(new Date(c.deadline), ctx) : null,
    }));
}

/** "Tuesday 24 November 2026 at 2:05 pm (New York time)" */
function withZone(instant: Date, ctx: RenderContext): string {
  return `${formatDateTime(instant, ctx.clinic.timeZone)} (${zoneName(ctx.clinic.timeZone)})`;
}

/** A deadline for a subject line: "2:20 pm" on the day the case came in, else "Wednesday 2 December at 9:00 am". */
function shortTime(deadline: Date, submitted: Date, ctx: RenderContext): string {
  const zone = ctx.clinic.timeZone;
  const time = formatTime(deadline, zone);
  return formatDay(deadline, zone) === formatDay(submitted, zone) ? time : `${formatDay(deadline, zone)} at ${time}`;
}

function yearOf(iso: string, ctx: RenderContext): string {
  return new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: ctx.clinic.timeZone }).format(new Date(iso));
}

/** The result page's private link, from its sealed key. */
function resultUrl(sealed: string, ctx: RenderContext, link: (path: string) => string): string {
  const token = openSecret(ctx.secret, sealed);
  const intakeId = token ? verifyToken(ctx.secret, RESULT_TOKEN_PURPOSE, token) : null;
  if (!token || !intakeId)
    throw new UnsendableEmail("level_reviewed: the result link cannot be opened (was AUTH_SECRET changed?)");
  return link(`/intake/${intakeId}/result?key=${encodeURIComponent(token)}`);
}

function details(
  p: Pick<EmailPayload<"booking_cancelled">, "startsAt" | "endsAt" | "clinicianName" | "clinicianRole">,
  ctx: RenderContext,
): AppointmentDetails {
  const start = new Date(p.startsAt);
  return {
    when: formatDateTime(start, ctx.clinic.timeZone),
    zone: zoneName(ctx.clinic.timeZone),
    clinician: p.clinicianName,
    clinicianRole: p.clinicianRole,
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
    title: `Appointment at ${ctx.clinic.name}`,
    location: ctx.clinic.address ? `${ctx.clinic.name}, ${ctx.clinic.address}` : ctx.clinic.name,
    description: manageUrl
      ? `With ${p.clinicianName}. To view, move or cancel: ${manageUrl}`
      : `Cancelled. To book again, call ${ctx.clinic.phone}.`,
    url: manageUrl,
    organizer: { name: ctx.clinic.name, email: ctx.clinic.email ?? "no-reply@backtrack.localhost" },
    // The calendar file shows the name as the email does, or the address (see greetingName).
    attendee: { name: greetingName(p.firstName) || row.recipient, email: row.recipient },
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
