import { render } from "@react-email/components";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import {
  AppointmentReminderEmail,
  appointmentReminderSubject,
  BookingCancelledEmail,
  bookingCancelledSubject,
  BookingConfirmationEmail,
  bookingConfirmationSubject,
  BookingRescheduledEmail,
  bookingRescheduledSubject,
  LevelReviewedEmail,
  levelReviewedSubject,
  SelfCareCheckinEmail,
  selfCareCheckinSubject,
  SelfCareReceivedEmail,
  selfCareReceivedSubject,
  StaffAlertEmail,
  staffAlertSubject,
  StaffDigestEmail,
  staffDigestSubject,
} from "@/emails";
import type { StaffAlertProps, StaffDigestProps } from "@/emails/types";
import { selfCareAdvice, WARNING_SIGNS, WHAT_TO_BRING } from "@/lib/content";

/** HTML (with React's `<!-- -->` text-node separators removed) and the plain-text part. */
async function renderBoth(element: ReactElement) {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html: html.replace(/<!-- -->/g, ""), text };
}

const confirmation = BookingConfirmationEmail.PreviewProps;
const rescheduled = BookingRescheduledEmail.PreviewProps;
const reminder = AppointmentReminderEmail.PreviewProps;
const cancelled = BookingCancelledEmail.PreviewProps;
const received = SelfCareReceivedEmail.PreviewProps;
const checkin = SelfCareCheckinEmail.PreviewProps;
const reviewed = LevelReviewedEmail.PreviewProps;

/** Every patient email, as subject plus element, from its preview props. */
const patientEmails = () => [
  {
    name: "booking confirmation",
    subject: bookingConfirmationSubject(confirmation),
    element: <BookingConfirmationEmail {...confirmation} />,
  },
  {
    name: "booking rescheduled",
    subject: bookingRescheduledSubject(rescheduled),
    element: <BookingRescheduledEmail {...rescheduled} />,
  },
  {
    name: "appointment reminder",
    subject: appointmentReminderSubject(reminder),
    element: <AppointmentReminderEmail {...reminder} />,
  },
  {
    name: "booking cancelled",
    subject: bookingCancelledSubject(cancelled),
    element: <BookingCancelledEmail {...cancelled} />,
  },
  {
    name: "advice received",
    subject: selfCareReceivedSubject(received),
    element: <SelfCareReceivedEmail {...received} />,
  },
  { name: "check-in", subject: selfCareCheckinSubject(checkin), element: <SelfCareCheckinEmail {...checkin} /> },
  { name: "answers reviewed", subject: levelReviewedSubject(reviewed), element: <LevelReviewedEmail {...reviewed} /> },
];

// Level names and clinical words patients must never see. "emergency" is allowed only where we send
// people to the emergency department: the footer line and the warning signs.
const LEVEL_WORDS = /\b(emergency|urgent|soon|routine|self[ _-]?care)\b/i;
const ALLOWED = [/if you think this is an emergency/gi, /emergency department/gi];

/** The first level word in the text (after the allowed phrases), or null. Short failure output. */
function levelWord(text: string): string | null {
  const rest = ALLOWED.reduce((acc, phrase) => acc.replace(phrase, ""), text);
  return LEVEL_WORDS.exec(rest)?.[0] ?? null;
}

describe("appointment emails", () => {
  const withManageLink = [
    { name: "booking confirmation", props: confirmation, element: <BookingConfirmationEmail {...confirmation} /> },
    { name: "booking rescheduled", props: rescheduled, element: <BookingRescheduledEmail {...rescheduled} /> },
    { name: "appointment reminder", props: reminder, element: <AppointmentReminderEmail {...reminder} /> },
  ];

  for (const { name, props, element } of withManageLink) {
    it(`${name}: shows the time with its zone, the details and the manage link`, async () => {
      const { html, text } = await renderBoth(element);
      const when = `${props.appointment.when} (${props.appointment.zone})`;
      expect(html).toContain(when);
      expect(text).toContain(when);
      for (const part of [
        props.appointment.clinician,
        props.appointment.clinicianRole,
        `${props.appointment.durationMinutes} minutes`,
      ]) {
        expect(html).toContain(part);
        expect(text).toContain(part);
      }
      expect(text).toContain(props.clinic.address);
      expect(html).toContain(`href="${props.manageUrl}"`);
      expect(text).toContain(props.manageUrl);
      expect(text).toContain("View, move or cancel");
      for (const item of props.whatToBring) {
        expect(html).toContain(item);
        expect(text).toContain(item);
      }
      expect(text).toContain(`until ${props.cutoffHours} hours before your appointment`);
      expect(text).toContain(`call us on ${props.clinic.phone}`);
    });
  }

  it("confirmation says a calendar file is attached; reschedule says it updates the calendar", async () => {
    expect((await renderBoth(<BookingConfirmationEmail {...confirmation} />)).text).toMatch(/attached a calendar file/);
    expect((await renderBoth(<BookingRescheduledEmail {...rescheduled} />)).text).toMatch(
      /attached an updated calendar file/,
    );
  });

  it("rescheduled shows the old time as well as the new", async () => {
    const { html, text } = await renderBoth(<BookingRescheduledEmail {...rescheduled} />);
    for (const out of [html, text]) {
      expect(out).toContain(`It was: ${rescheduled.previousWhen} (${rescheduled.appointment.zone})`);
      // The new time comes first.
      expect(out.indexOf(rescheduled.appointment.when)).toBeLessThan(out.indexOf(rescheduled.previousWhen));
    }
  });

  it("cancelled shows the cancelled time with its zone and how to book again", async () => {
    const { html, text } = await renderBoth(<BookingCancelledEmail {...cancelled} />);
    const when = `${cancelled.appointment.when} (${cancelled.appointment.zone})`;
    expect(html).toContain(when);
    expect(text).toContain(when);
    expect(html).toContain(`href="${cancelled.formUrl}"`);
    expect(text).toContain(cancelled.formUrl);
    expect(text).toContain(cancelled.clinic.phone);
    expect(text).toMatch(/remove the appointment from your calendar/);
  });

  it("leave out the address line when the clinic has none", async () => {
    const props = { ...confirmation, clinic: { ...confirmation.clinic, address: "", email: null } };
    const { text } = await renderBoth(<BookingConfirmationEmail {...props} />);
    expect(text).toContain(`Where: ${props.clinic.name}\n`);
    expect(text).not.toContain("Email:");
  });

  it("subjects name the clinic and the time on one line", () => {
    expect(bookingConfirmationSubject(confirmation)).toBe(
      `Your appointment at ${confirmation.clinic.name} on ${confirmation.appointment.when}`,
    );
    expect(bookingRescheduledSubject(rescheduled)).toContain(rescheduled.appointment.when);
    expect(appointmentReminderSubject(reminder)).toContain(reminder.appointment.when);
    expect(bookingCancelledSubject(cancelled)).toContain("cancelled");
    const clinic = { ...confirmation.clinic, name: "Riverside\r\nBcc: someone@example.com" };
    expect(bookingConfirmationSubject({ ...confirmation, clinic })).not.toMatch(/[\r\n]/);
  });
});

describe("advice emails", () => {
  it("the received email repeats every advice point and the warning signs, and says when we check in", async () => {
    const { html, text } = await renderBoth(<SelfCareReceivedEmail {...received} />);
    for (const section of received.sections) {
      expect(html).toContain(section.title);
      for (const point of section.points) {
        expect(html).toContain(point);
        expect(text).toContain(point);
      }
    }
    expect(html).toContain(received.warningSigns.heading);
    for (const sign of received.warningSigns.signs) expect(text).toContain(sign);
    expect(text).toContain(received.warningSigns.action);
    // The warning signs come before the advice.
    expect(html.indexOf(received.warningSigns.heading)).toBeLessThan(html.indexOf(received.sections[0]!.title));
    expect(text).toContain("in about 2 weeks");
    expect(html).toContain(`href="${received.formUrl}"`);
    expect(text).toContain(received.formUrl);
  });

  it("the check-in email asks how the back is and links to the form", async () => {
    const { html, text } = await renderBoth(<SelfCareCheckinEmail {...checkin} />);
    expect(selfCareCheckinSubject(checkin)).toBe("How is your back?"); // never the patient's name
    expect(html).toContain(`href="${checkin.formUrl}"`);
    expect(text).toContain(checkin.formUrl);
    expect(text).toContain(checkin.clinic.phone);
  });

  it("the check-in email carries the warning signs and says to go to an emergency department now", async () => {
    const { html, text } = await renderBoth(<SelfCareCheckinEmail {...checkin} />);
    expect(checkin.warningSigns.heading).toMatch(/Go to an emergency department now/);
    expect(html).toContain(checkin.warningSigns.heading);
    for (const sign of checkin.warningSigns.signs) expect(text).toContain(sign);
    expect(text).toContain(checkin.warningSigns.action);
    // Before "if it is better": a patient who skims still sees them.
    expect(html.indexOf(checkin.warningSigns.heading)).toBeLessThan(html.indexOf("If it is better"));
  });

  it("the preview warning signs are the ones the app sends", () => {
    const sent = { heading: WARNING_SIGNS.heading, signs: WARNING_SIGNS.signs, action: WARNING_SIGNS.action };
    expect(checkin.warningSigns).toEqual(sent);
    expect(received.warningSigns).toEqual(sent);
  });

  it("check-in timing reads in days when not whole weeks", async () => {
    const { text } = await renderBoth(<SelfCareReceivedEmail {...received} checkInDays={10} />);
    expect(text).toContain("in about 10 days");
  });
});

describe("patient emails never name a level or a clinical grade", () => {
  for (const { name, subject, element } of patientEmails()) {
    it(name, async () => {
      const { html, text } = await renderBoth(element);
      expect(subject).not.toMatch(LEVEL_WORDS);
      expect(levelWord(html)).toBeNull();
      expect(levelWord(text)).toBeNull();
    });
  }

  it("(the check itself catches a level word, and allows the emergency department)", () => {
    expect(levelWord("Your result: SOON")).toBe("SOON");
    expect(levelWord("Read your self-care advice")).toBe("self-care");
    expect(levelWord("If you think this is an emergency, go to the nearest emergency department.")).toBeNull();
  });

  it("nor with the real advice, warning signs and what-to-bring list", async () => {
    const advice = {
      ...received,
      sections: selfCareAdvice({ isRunner: true }).map(({ title, points }) => ({ title, points })),
      warningSigns: { heading: WARNING_SIGNS.heading, signs: WARNING_SIGNS.signs, action: WARNING_SIGNS.action },
    };
    const checkIn = { ...checkin, warningSigns: advice.warningSigns };
    for (const element of [
      <SelfCareReceivedEmail key="a" {...advice} />,
      <SelfCareCheckinEmail key="c" {...checkIn} />,
      <BookingConfirmationEmail key="b" {...confirmation} whatToBring={WHAT_TO_BRING} />,
    ]) {
      const { html, text } = await renderBoth(element);
      expect(levelWord(html)).toBeNull();
      expect(levelWord(text)).toBeNull();
    }
  });
});

describe("staff alert", () => {
  const base = StaffAlertEmail.PreviewProps;
  const cases: { props: StaffAlertProps; subject: string; says: string }[] = [
    {
      props: base,
      subject: "[EMERGENCY] case waiting for a call – acknowledge within 15 min",
      says: "graded EMERGENCY",
    },
    {
      props: { ...base, level: "URGENT", acknowledgeWithinMinutes: 120 },
      subject: "[URGENT] case waiting for a call – acknowledge within 120 min",
      says: "graded URGENT",
    },
    {
      props: { ...base, level: "SOON", reason: "no_capacity", acknowledgeWithinMinutes: null },
      subject: "[SOON] no capacity – call the patient",
      says: "No appointment was free within 7 days for a SOON case. The clinic must call the patient.",
    },
    {
      props: { ...base, level: "URGENT", reason: "overdue", acknowledgeWithinMinutes: 120 },
      subject: "[URGENT] overdue: not acknowledged",
      says: "not acknowledged in time",
    },
  ];

  for (const { props, subject, says } of cases) {
    it(`${props.level} / ${props.reason}: level, reason, submitted time, deadline and link only`, async () => {
      expect(staffAlertSubject(props)).toBe(subject);
      const { html, text } = await renderBoth(<StaffAlertEmail {...props} />);
      for (const out of [html, text]) {
        expect(out).toContain(props.level);
        expect(out).toContain(says);
        expect(out).toContain(props.submittedAt);
      }
      if (props.acknowledgeWithinMinutes === null) expect(text).not.toMatch(/within \d+ minutes/);
      else expect(text).toContain(`within ${props.acknowledgeWithinMinutes} minutes`);
      expect(html).toContain(`href="${props.caseUrl}"`);
      expect(text).toContain(props.caseUrl);
      // No patient details: the preview patient's first name is nowhere in it.
      expect(html).not.toContain(confirmation.firstName);
      expect(text).not.toContain(confirmation.firstName);
      expect(text).not.toMatch(/Hello/);
    });
  }
});

describe("staff alert: raised levels, missed reviews and deadlines", () => {
  const base = StaffAlertEmail.PreviewProps;
  const deadline = "Tuesday 24 November 2026 at 2:20 pm (New York time)";

  it("a level raised by a clinician says so, with the deadline to acknowledge by", async () => {
    const props: StaffAlertProps = { ...base, reason: "override", deadline, deadlineShort: "2:20 pm" };
    expect(staffAlertSubject(props)).toBe("[EMERGENCY] level raised by a clinician – acknowledge by 2:20 pm");
    const { html, text } = await renderBoth(<StaffAlertEmail {...props} />);
    for (const out of [html, text]) {
      expect(out).toContain("A clinician raised the level to EMERGENCY.");
      expect(out).toContain(`Acknowledge by ${deadline}.`);
    }
    // The deadline replaces the "within N minutes" line.
    expect(text).not.toMatch(/within \d+ minutes/);
  });

  it("a review not done in time says when it was due", async () => {
    const props: StaffAlertProps = {
      ...base,
      level: "SOON",
      reason: "review_overdue",
      acknowledgeWithinMinutes: null,
      deadline,
    };
    expect(staffAlertSubject(props)).toBe("[SOON] review overdue");
    const { text } = await renderBoth(<StaffAlertEmail {...props} />);
    expect(text).toContain("The case was not reviewed in time.");
    expect(text).toContain(`It was due to be reviewed by ${deadline}.`);
  });

  it("an overdue case with its deadline says when it was due to be acknowledged", async () => {
    const props: StaffAlertProps = { ...base, reason: "overdue", deadline };
    expect(staffAlertSubject(props)).toBe("[EMERGENCY] overdue: not acknowledged");
    expect((await renderBoth(<StaffAlertEmail {...props} />)).text).toContain(
      `It was due to be acknowledged by ${deadline}.`,
    );
  });
});

describe("staff alert digest", () => {
  const digest = StaffDigestEmail.PreviewProps;

  it("says how many cases in the subject and first, then lists each with level, reason, times and link", async () => {
    expect(staffDigestSubject(digest)).toBe("[EMERGENCY] 3 cases need attention: 1 EMERGENCY, 1 URGENT, 1 SOON");
    const { html, text } = await renderBoth(<StaffDigestEmail {...digest} />);
    const lines = text.split("\n").filter((line) => line.trim());
    expect(lines[0]).toBe(digest.clinic.name);
    // (This render shouts headings; the app's plain-text part keeps their case.)
    expect(lines[1]!.toLowerCase()).toBe("3 cases need attention");
    for (const c of digest.cases) {
      expect(html).toContain(`href="${c.caseUrl}"`);
      expect(text).toContain(c.caseUrl);
      expect(text).toContain(c.submittedAt);
      if (c.deadline) expect(text).toContain(c.deadline);
    }
    // In the order given (the renderer sorts: most urgent first).
    expect(text.indexOf("1. EMERGENCY")).toBeLessThan(text.indexOf("2. URGENT"));
    expect(text.indexOf("2. URGENT")).toBeLessThan(text.indexOf("3. SOON"));
    expect(text).toContain("No appointment was free within 7 days for a SOON case.");
    expect(text).not.toMatch(/Hello/);
    expect(text + html).not.toContain(confirmation.firstName);
  });

  it("one case reads in the singular; a case that alerted twice shows both reasons", async () => {
    const one: StaffDigestProps = {
      ...digest,
      cases: [{ ...digest.cases[1]!, reasons: ["level", "override"] }],
    };
    expect(staffDigestSubject(one)).toBe("[URGENT] 1 case needs attention: 1 URGENT");
    const { text } = await renderBoth(<StaffDigestEmail {...one} />);
    expect(text).toContain("The case was graded URGENT.");
    expect(text).toContain("A clinician raised the level to URGENT.");
  });
});

describe("answers reviewed (patient)", () => {
  it("says the clinic has looked at the answers, on which day, and links to their page; no clinical words", async () => {
    const { html, text } = await renderBoth(<LevelReviewedEmail {...reviewed} />);
    for (const out of [html, text]) {
      expect(out).toContain(`The clinic has looked at the answers you sent on ${reviewed.submittedOn}.`);
      expect(out).toContain("Please open your BackTrack page to see what to do next.");
    }
    expect(html).toContain(`href="${reviewed.resultUrl}"`);
    expect(text).toContain(reviewed.resultUrl);
    expect(text).toContain(`Hello ${reviewed.firstName},`);
    const clinical = /\b(level|grade|graded|triage|symptom|diagnos\w*|red flag|cauda|pain score|escalat\w*)\b/i;
    expect(levelReviewedSubject(reviewed) + text).not.toMatch(clinical);
    expect(levelWord(levelReviewedSubject(reviewed))).toBeNull();
    expect(levelWord(text)).toBeNull();
    expect(levelWord(html)).toBeNull();
  });
});

describe("untrusted text is escaped", () => {
  const script = "<script>alert(1)</script>";
  const img = "<img src=x onerror=alert(1)>";
  const appointment = { ...confirmation.appointment, clinician: img, typeName: img };
  const elements = [
    <BookingConfirmationEmail
      key="1"
      {...confirmation}
      firstName={script}
      appointment={appointment}
      whatToBring={[img]}
    />,
    <BookingRescheduledEmail
      key="2"
      {...rescheduled}
      firstName={script}
      appointment={appointment}
      previousWhen={img}
    />,
    <AppointmentReminderEmail key="3" {...reminder} firstName={script} appointment={appointment} />,
    <BookingCancelledEmail key="4" {...cancelled} firstName={script} appointment={appointment} />,
    <SelfCareReceivedEmail key="5" {...received} firstName={script} sections={[{ title: img, points: [script] }]} />,
    <SelfCareCheckinEmail key="6" {...checkin} firstName={script} clinic={{ ...checkin.clinic, name: img }} />,
    <StaffAlertEmail
      key="7"
      {...StaffAlertEmail.PreviewProps}
      submittedAt={img}
      clinic={{ ...confirmation.clinic, name: script }}
    />,
  ];

  for (const [i, element] of elements.entries()) {
    it(`template ${i + 1}`, async () => {
      const { html } = await renderBoth(element);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).toMatch(/&lt;(script|img)/);
    });
  }

  it("subjects never carry the patient's name, whatever it holds", () => {
    expect(selfCareReceivedSubject({ ...received, firstName: "Alex\r\nBcc: x@example.com" })).toBe(
      "Thanks for filling in your form",
    );
    expect(selfCareCheckinSubject({ ...checkin, firstName: "  " })).toBe("How is your back?");
  });
});
