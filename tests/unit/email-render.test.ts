import { describe, expect, it } from "vitest";
import { renderEmail, UnsendableEmail, type RenderContext } from "@/lib/notifications/render";
import { WARNING_SIGNS } from "@/lib/content";
import { sealSecret, signToken } from "@/lib/tokens";
import { decode, htmlText, parseIcs } from "../support/email";

const SECRET = "unit-secret-unit-secret-unit-secret-0001";
const TOKEN = "A".repeat(43);
const ctx = (timeZone: string): RenderContext => ({
  clinic: {
    name: "Riverside Spine",
    address: "14 Riverside Drive",
    phone: "(555) 010-0100",
    email: "hello@riverside.example",
    timeZone,
    cancellationCutoffHours: 24,
  },
  appUrl: "https://clinic.example",
  secret: SECRET,
});

const confirmation = (startsAt: string, minutes = 45) => ({
  kind: "booking_confirmation",
  recipient: "pat@example.test",
  createdAt: new Date("2026-10-20T12:00:00Z"),
  payload: {
    firstName: "Pat",
    seriesId: "3f1d2c4b-5a69-4788-9abc-def012345678",
    sequence: 0,
    startsAt,
    endsAt: new Date(new Date(startsAt).getTime() + minutes * 60_000).toISOString(),
    clinicianName: "Dr Priya Raman",
    clinicianRole: "Physiotherapist",
    manageToken: sealSecret(SECRET, TOKEN),
  },
});

describe("email times on daylight-saving days", () => {
  // 1 November 2026: New York falls back from UTC−4 to UTC−5 at 2 am.
  it("writes a New York appointment on the day clocks go back in New York time, and the calendar file holds the instant", async () => {
    const email = await renderEmail(confirmation("2026-11-01T14:00:00.000Z"), ctx("America/New_York"));
    expect(email.text).toContain("Sunday 1 November 2026 at 9:00");
    expect(email.text).toContain("New York time");
    expect(htmlText(email.html)).toContain("Sunday 1 November 2026 at 9:00");
    const ics = parseIcs(decode(email.attachments[0]!.content));
    expect(ics.start.toISOString()).toBe("2026-11-01T14:00:00.000Z");
  });

  // 8 March 2026: New York springs forward from UTC−5 to UTC−4.
  it("and on the day clocks go forward", async () => {
    const email = await renderEmail(confirmation("2026-03-08T13:00:00.000Z"), ctx("America/New_York"));
    expect(email.text).toContain("Sunday 8 March 2026 at 9:00");
    expect(parseIcs(decode(email.attachments[0]!.content)).start.toISOString()).toBe("2026-03-08T13:00:00.000Z");
  });

  // 25 October 2026: London goes from BST (UTC+1) to GMT; 1 November New York has not changed yet that day.
  it("uses the clinic's zone, not the server's: London on its own change day", async () => {
    const email = await renderEmail(confirmation("2026-10-25T09:00:00.000Z"), ctx("Europe/London"));
    expect(email.text).toContain("Sunday 25 October 2026 at 9:00");
    expect(email.text).toContain("London time");
  });
});

describe("rendering queued emails", () => {
  it("puts the opened manage link in the email and its calendar file", async () => {
    const email = await renderEmail(confirmation("2026-12-02T14:00:00.000Z"), ctx("America/New_York"));
    expect(email.text).toContain(`https://clinic.example/appointments/manage/${TOKEN}`);
    expect(parseIcs(decode(email.attachments[0]!.content)).description).toContain(TOKEN);
  });

  it("refuses, as unsendable, a link sealed under another secret and a payload that does not fit its template", async () => {
    const foreign = confirmation("2026-12-02T14:00:00.000Z");
    foreign.payload.manageToken = sealSecret("another-secret-another-secret-another-1", TOKEN);
    await expect(renderEmail(foreign, ctx("America/New_York"))).rejects.toThrow(/manage link/);
    await expect(renderEmail({ ...foreign, payload: { firstName: 3 } }, ctx("America/New_York"))).rejects.toThrow(
      /payload/,
    );
    await expect(renderEmail({ ...foreign, kind: "nonsense" }, ctx("America/New_York"))).rejects.toThrow(/unknown/);
  });

  it("keeps headings in normal case in the plain-text part", async () => {
    const email = await renderEmail(confirmation("2026-12-02T14:00:00.000Z"), ctx("America/New_York"));
    expect(email.text).toContain("What to bring");
    expect(email.text).not.toMatch(/WHAT TO BRING/);
  });

  it("renders identically twice (a retried send is the same request to Resend's idempotency check)", async () => {
    const row = confirmation("2026-12-02T14:00:00.000Z");
    const [a, b] = [await renderEmail(row, ctx("America/New_York")), await renderEmail(row, ctx("America/New_York"))];
    expect(b).toEqual(a);
  });
});

describe("advice emails", () => {
  it("the two-week check-in carries the fixed warning signs and no clinical detail about the patient", async () => {
    const email = await renderEmail(
      {
        kind: "self_care_checkin",
        recipient: "pat@example.test",
        createdAt: new Date("2026-10-20T12:00:00Z"),
        payload: { firstName: "Pat" },
      },
      ctx("Europe/London"),
    );
    expect(email.text).toContain(WARNING_SIGNS.heading);
    for (const sign of WARNING_SIGNS.signs) expect(email.text).toContain(sign);
    expect(email.text).toContain("https://clinic.example/intake");
  });

  it("the advice email carries the same warning signs", async () => {
    const email = await renderEmail(
      {
        kind: "intake_self_care",
        recipient: "pat@example.test",
        createdAt: new Date("2026-10-20T12:00:00Z"),
        payload: { firstName: "Pat", isRunner: false },
      },
      ctx("Europe/London"),
    );
    for (const sign of WARNING_SIGNS.signs) expect(email.text).toContain(sign);
  });
});

describe("staff alerts and the reviewed email, rendered from their payloads", () => {
  const row = (kind: string, payload: unknown) => ({
    kind,
    recipient: "lead@clinic.example",
    createdAt: new Date("2026-12-01T13:00:00Z"),
    payload,
  });
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  const alert = (n: number, level: string, reason = "level", minute = 0, deadline: string | null = null) => ({
    intakeId: id(n),
    level,
    reason,
    submittedAt: new Date(Date.UTC(2026, 11, 1, 13, minute)).toISOString(),
    deadline,
  });

  it("an alert queued before deadlines were carried still renders (minutes from the clinic's settings)", async () => {
    const old: Record<string, unknown> = alert(1, "URGENT");
    delete old.deadline;
    const email = await renderEmail(row("staff_escalation", old), ctx("America/New_York"));
    expect(email.subject).toBe("[URGENT] case waiting for a call – acknowledge within 120 min");
  });

  it("an alert with its deadline names it in the clinic's zone, in the subject as a time of day", async () => {
    const email = await renderEmail(
      row("staff_escalation", alert(1, "EMERGENCY", "level", 0, "2026-12-01T13:15:00.000Z")),
      ctx("America/New_York"),
    );
    expect(email.subject).toBe("[EMERGENCY] case waiting for a call – acknowledge by 8:15 am");
    expect(email.text).toContain("Acknowledge by Tuesday 1 December 2026 at 8:15\u00a0am (New York time).");
    // Due the next day (arrived after hours): the subject names the day.
    const late = await renderEmail(
      row("staff_escalation", alert(2, "URGENT", "level", 0, "2026-12-02T14:00:00.000Z")),
      ctx("America/New_York"),
    );
    expect(late.subject).toBe("[URGENT] case waiting for a call – acknowledge by Wednesday 2 December at 9:00 am");
  });

  it("a digest lists each case once, EMERGENCY first, then URGENT, then the rest, oldest first within a level", async () => {
    const alerts = [
      alert(1, "SOON", "no_capacity", 1),
      alert(2, "URGENT", "level", 2),
      alert(3, "EMERGENCY", "level", 5),
      alert(4, "URGENT", "level", 1),
      alert(5, "EMERGENCY", "level", 3),
      alert(2, "URGENT", "overdue", 9), // the same case again: one entry, both reasons
    ];
    const email = await renderEmail(row("staff_digest", { alerts }), ctx("America/New_York"));
    expect(email.subject).toBe("[EMERGENCY] 5 cases need attention: 2 EMERGENCY, 2 URGENT, 1 SOON");
    const order = [5, 3, 4, 2, 1].map((n) => email.text.indexOf(`/staff/cases/${id(n)}`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(email.text.split(`/staff/cases/${id(2)}`)).toHaveLength(2);
    expect(email.text).toContain("The case was not acknowledged in time.");
    expect(email.text).toContain("8:02\u00a0am (New York time)");
  });

  it("the reviewed email opens the sealed result key into the result page's private link", async () => {
    const token = signToken(SECRET, "result", id(7));
    const email = await renderEmail(
      row("level_reviewed", {
        firstName: "Pat",
        submittedAt: "2026-12-01T04:30:00.000Z",
        resultUrlToken: sealSecret(SECRET, token),
      }),
      ctx("America/New_York"),
    );
    // 04:30 UTC is still 30 November in New York.
    expect(email.text).toContain("The clinic has looked at the answers you sent on Monday 30 November 2026.");
    expect(email.text).toContain(`https://clinic.example/intake/${id(7)}/result?key=${token}`);
    expect(email.subject).toBe("Riverside Spine has looked at your answers");
    // A key sealed under another secret, or for another purpose, is never sent.
    await expect(
      renderEmail(
        row("level_reviewed", { firstName: "Pat", submittedAt: "2026-12-01T04:30:00.000Z", resultUrlToken: "x.y.z" }),
        ctx("UTC"),
      ),
    ).rejects.toThrow(/result link/);
    const manage = sealSecret(SECRET, signToken(SECRET, "booking", id(7)));
    await expect(
      renderEmail(
        row("level_reviewed", { firstName: "Pat", submittedAt: "2026-12-01T04:30:00.000Z", resultUrlToken: manage }),
        ctx("UTC"),
      ),
    ).rejects.toThrow(/result link/);
  });

  it("never renders a webhook delivery, or a kind named like an object's own property, as an email", async () => {
    for (const kind of ["webhook", "constructor", "toString", "__proto__"])
      await expect(renderEmail(row(kind, { type: "case.escalated" }), ctx("UTC"))).rejects.toBeInstanceOf(
        UnsendableEmail,
      );
  });
});
