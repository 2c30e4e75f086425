import { and, eq, isNotNull } from "drizzle-orm";
import { expect, it } from "vitest";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { clinicians, devMailbox, outbox } from "@/db/schema";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { handleCreateBooking, type BookingApiOptions } from "@/lib/booking/api";
import { escalateNoCapacity } from "@/lib/booking/capacity";
import { cancelAppointment, findByManageToken, rescheduleAppointment } from "@/lib/booking/manage";
import { env } from "@/lib/env";
import { submitIntake } from "@/lib/intakes/submit";
import { devMailboxSender, renderingTransport } from "@/lib/notifications/transports";
import { sendDueEmails } from "@/lib/notifications/worker";
import { signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { decode, htmlText, manageTokenIn, parseIcs } from "../support/email";
import { describeEachDb, type TestDb } from "./support";

// Tuesday 1 December 2026, 08:00 in New York.
const NOW = new Date("2026-12-01T13:00:00Z");
const at = (iso: string) => new Date(iso);
const RAMAN = DEMO_CLINICIANS[0].id;
const CLINIC_EMAIL = "hello@riverside-spine.example";
let client = 0;

const options = (): BookingApiOptions => ({
  secret: env().AUTH_SECRET,
  trustedProxies: 1,
  rateLimitPerMinute: 10_000,
  appUrl: "http://clinic.test",
  now: () => NOW,
});

async function intakeFor(
  db: TestDb["db"],
  vignette: string,
  overrides: { email?: string; firstName?: string } = {},
  when = NOW,
) {
  const raw = vignetteIntake(vignette, when) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, ...overrides };
  const answers = makeIntakeAnswersSchema({ now: when }).parse(raw);
  const result = await submitIntake(db, { answers, now: when, timeZone: "America/New_York" });
  if (result.status === "key_conflict") throw new Error("unexpected");
  return {
    id: result.response.id,
    level: result.response.level,
    token: signToken(env().AUTH_SECRET, "booking", result.response.id),
    email: answers.contact.email,
  };
}

async function book(db: TestDb["db"], bookingToken: string, start: string) {
  const req = new Request("http://clinic.test/api/v1/bookings", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `10.9.0.${++client % 250}` },
    body: JSON.stringify({ bookingToken, appointmentTypeId: "initial", clinicianId: RAMAN, start }),
  });
  return handleCreateBooking(db, req, options());
}

/** One worker pass through the development mailbox; returns the emails it delivered. */
async function deliver(db: TestDb["db"], now: Date) {
  const before = new Set((await db.select({ id: devMailbox.outboxId }).from(devMailbox)).map((r) => r.id));
  await sendDueEmails(db, renderingTransport(db, devMailboxSender(db)), { now, limit: 100 });
  return (await db.select().from(devMailbox)).filter((m) => !before.has(m.outboxId));
}

const mailTo = (emails: Awaited<ReturnType<typeof deliver>>, to: string, kind: string) =>
  emails.filter((m) => m.to === to && m.kind === kind);

describeEachDb("emails for appointments", (ctx) => {
  it("confirms a booking with its manage link and a calendar file whose start is the booked instant; the reminder waits for the day before", async () => {
    const { db } = ctx();
    await seed(db);
    const p = await intakeFor(db, "P15", { email: "ana@example.test", firstName: "Ana" });
    const res = await book(db, p.token, "2026-12-03T15:00:00.000Z"); // Thursday 10:00 New York
    expect(res.status).toBe(201);
    const { id } = await res.json();

    const now = await deliver(db, NOW);
    const [confirmation] = mailTo(now, "ana@example.test", "booking_confirmation");
    expect(confirmation).toBeDefined();
    expect(mailTo(now, "ana@example.test", "appointment_reminder")).toHaveLength(0);
    expect(confirmation!.text).toContain("Thursday 3 December 2026 at 10:00");
    expect(confirmation!.text).toContain("New York time");
    expect(htmlText(confirmation!.html)).toContain("Ana");
    // The emailed link opens this appointment.
    const token = manageTokenIn(confirmation!.text);
    expect(await findByManageToken(db, token!, NOW)).toMatchObject({ id });
    // The outbox holds the link sealed, never in plain text.
    const rows = await db.select().from(outbox).where(eq(outbox.appointmentId, id));
    expect(JSON.stringify(rows.map((r) => r.payload))).not.toContain(token!);

    const attachments = confirmation!.attachments as { filename: string; contentType: string; content: string }[];
    expect(attachments.map((a) => a.filename)).toEqual(["appointment.ics"]);
    const ics = parseIcs(decode(attachments[0]!.content));
    expect(ics).toMatchObject({ method: "REQUEST", sequence: 0, status: "CONFIRMED" });
    expect(ics.start.toISOString()).toBe("2026-12-03T15:00:00.000Z");
    expect(ics.end.toISOString()).toBe("2026-12-03T15:45:00.000Z");
    expect(ics.uid).toBe(`${id}@backtrack`);
    expect(ics.location).toContain("Riverside");
    // No appointment type anywhere (a clinic's type may be "Urgent review"): not in the email, not
    // in the calendar file, which may sit on a calendar others can see.
    for (const part of [
      confirmation!.subject,
      confirmation!.text,
      htmlText(confirmation!.html),
      decode(attachments[0]!.content),
    ])
      expect(part).not.toMatch(/Initial assessment/i);
    expect(decode(attachments[0]!.content)).toContain("SUMMARY:Appointment at Riverside Spine");

    // The day before, while online changes are still open (cut-off 24 h, so 25 h before), the reminder goes.
    // (Only the pre-visit check goes before it, two days before: Tuesday 10:00 New York.)
    expect((await deliver(db, at("2026-12-02T13:59:00Z"))).map((e) => e.kind)).toEqual(["pre_visit_check"]);
    const [reminder] = mailTo(
      await deliver(db, at("2026-12-02T14:00:01Z")),
      "ana@example.test",
      "appointment_reminder",
    );
    expect(reminder!.text).toContain("Thursday 3 December 2026 at 10:00");
    expect(manageTokenIn(reminder!.text)).toBe(token);
  });

  it("cancelling cancels the reminder in the same step and sends a cancellation that removes the calendar event", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P15", { email: "ben@example.test" });
    const res = await book(db, p.token, "2026-12-04T15:00:00.000Z"); // Friday 10:00
    const { id, manageUrl } = await res.json();
    await deliver(db, NOW);
    expect(await cancelAppointment(db, { token: manageUrl.split("/").pop(), reason: "", now: NOW })).toEqual({
      status: "done",
    });

    const [cancellation] = mailTo(await deliver(db, NOW), "ben@example.test", "booking_cancelled");
    expect(cancellation!.text).toContain("Friday 4 December 2026 at 10:00");
    const ics = parseIcs(decode((cancellation!.attachments as { content: string }[])[0]!.content));
    expect(ics).toMatchObject({ method: "CANCEL", status: "CANCELLED", uid: `${id}@backtrack`, sequence: 1 });
    expect(ics.start.toISOString()).toBe("2026-12-04T15:00:00.000Z");

    // Through the reminder's time and long after: no reminder for a cancelled appointment.
    expect(
      mailTo(await deliver(db, at("2026-12-03T14:00:01Z")), "ben@example.test", "appointment_reminder"),
    ).toHaveLength(0);
    expect(
      mailTo(await deliver(db, at("2026-12-05T00:00:00Z")), "ben@example.test", "appointment_reminder"),
    ).toHaveLength(0);
    const [reminderRow] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.appointmentId, id), eq(outbox.kind, "appointment_reminder")));
    expect(reminderRow!.status).toBe("cancelled");
  });

  it("still names the clinician in the cancellation after an admin has deactivated them", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P15", { email: "cal@example.test" });
    const { manageUrl } = await (await book(db, p.token, "2026-12-04T16:00:00.000Z")).json();
    await db.update(clinicians).set({ active: false }).where(eq(clinicians.id, RAMAN));
    clearSettingsCaches();
    try {
      expect(await cancelAppointment(db, { token: manageUrl.split("/").pop(), reason: "", now: NOW })).toEqual({
        status: "done",
      });
      const [cancellation] = mailTo(await deliver(db, NOW), "cal@example.test", "booking_cancelled");
      expect(cancellation!.text).toContain(DEMO_CLINICIANS[0].name);
    } finally {
      await db.update(clinicians).set({ active: true }).where(eq(clinicians.id, RAMAN));
      clearSettingsCaches();
    }
  });

  it("rescheduling sends the new time as the same calendar event with a higher SEQUENCE and moves the reminder", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P15", { email: "cy@example.test" });
    const res = await book(db, p.token, "2026-12-07T15:00:00.000Z"); // Monday 7th 10:00
    const first = await res.json();
    await deliver(db, NOW);
    const token = first.manageUrl.split("/").pop();
    const moved = await rescheduleAppointment(db, {
      token,
      clinicianId: RAMAN,
      start: at("2026-12-09T19:00:00Z"),
      now: NOW,
    }); // Wednesday 9th 14:00
    expect(moved.status).toBe("booked");

    const [notice] = mailTo(await deliver(db, NOW), "cy@example.test", "booking_rescheduled");
    expect(notice!.text).toContain("Wednesday 9 December 2026 at 2:00");
    expect(notice!.text).toContain("Monday 7 December 2026 at 10:00"); // what it was
    const ics = parseIcs(decode((notice!.attachments as { content: string }[])[0]!.content));
    expect(ics).toMatchObject({ method: "REQUEST", uid: `${first.id}@backtrack`, sequence: 1 });
    expect(ics.start.toISOString()).toBe("2026-12-09T19:00:00.000Z");

    // The old reminder's time passes with nothing sent; the new one goes a day before the new time.
    expect(
      mailTo(await deliver(db, at("2026-12-06T14:00:01Z")), "cy@example.test", "appointment_reminder"),
    ).toHaveLength(0);
    const [reminder] = mailTo(await deliver(db, at("2026-12-08T18:00:01Z")), "cy@example.test", "appointment_reminder");
    expect(reminder!.text).toContain("Wednesday 9 December 2026 at 2:00");
    expect(manageTokenIn(reminder!.text)).toBe(token);

    // Moved twice: SEQUENCE 2, still the same event.
    await rescheduleAppointment(db, { token, clinicianId: RAMAN, start: at("2026-12-10T19:00:00Z"), now: NOW });
    const [again] = mailTo(await deliver(db, NOW), "cy@example.test", "booking_rescheduled");
    expect(parseIcs(decode((again!.attachments as { content: string }[])[0]!.content))).toMatchObject({
      uid: `${first.id}@backtrack`,
      sequence: 2,
    });
  });

  it("queues nothing when the booking is refused", async () => {
    const { db } = ctx();
    const a = await intakeFor(db, "P15", { email: "first@example.test" });
    const b = await intakeFor(db, "P15", { email: "second@example.test" });
    expect((await book(db, a.token, "2026-12-11T15:00:00.000Z")).status).toBe(201);
    expect((await book(db, b.token, "2026-12-11T15:00:00.000Z")).status).toBe(409);
    const queued = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, "second@example.test"), isNotNull(outbox.appointmentId)));
    expect(queued).toHaveLength(0);
  });
});

describeEachDb("emails for intakes", (ctx) => {
  it("sends SELF_CARE advice at once and the 'how is your back?' check-in 14 days later, without naming the grade", async () => {
    const { db } = ctx();
    await seed(db);
    const p = await intakeFor(db, "P17", { email: "dee@example.test", firstName: "Dee" });
    expect(p.level).toBe("SELF_CARE");
    const [advice] = mailTo(await deliver(db, NOW), "dee@example.test", "intake_self_care");
    expect(advice!.text).toContain("Keep moving");
    expect(advice!.subject + advice!.text).not.toMatch(/self[ _-]?care|urgent|routine/i);
    expect(mailTo(await deliver(db, at("2026-12-14T13:00:00Z")), "dee@example.test", "self_care_checkin")).toHaveLength(
      0,
    );
    const [checkIn] = mailTo(await deliver(db, at("2026-12-15T13:00:01Z")), "dee@example.test", "self_care_checkin");
    expect(checkIn!.text).toContain("/intake");
  });

  it("alerts the staff about an EMERGENCY within one worker pass, with the level and a link only", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P01", { email: "eve@example.test", firstName: "Evangeline" });
    expect(p.level).toBe("EMERGENCY");
    const sent = await deliver(db, NOW);
    const [alert] = mailTo(sent, CLINIC_EMAIL, "staff_escalation");
    expect(alert!.subject).toContain("EMERGENCY");
    expect(alert!.text).toContain(`/staff/cases/${p.id}`);
    expect(alert!.subject + alert!.text + alert!.html).not.toContain("Evangeline");
    expect(alert!.subject + alert!.text + alert!.html).not.toContain("eve@example.test");
    // The patient gets no email about the grade.
    expect(sent.filter((m) => m.to === "eve@example.test")).toHaveLength(0);
  });

  it("alerts the staff once when a SOON patient finds no time ('no capacity')", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P10");
    expect(p.level).toBe("SOON");
    expect(await escalateNoCapacity(db, p.id, NOW)).toBe(true);
    expect(await escalateNoCapacity(db, p.id, NOW)).toBe(false);
    // The EMERGENCY alert above went to the same address this minute: this one waits a minute, in a digest.
    const sent = [...(await deliver(db, NOW)), ...(await deliver(db, new Date(NOW.getTime() + 60_000)))];
    const alerts = sent.filter(
      (m) => m.to === CLINIC_EMAIL && m.kind.startsWith("staff_") && m.text.includes(`/staff/cases/${p.id}`),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.text).toContain("No appointment was free within 7 days");
  });
});
