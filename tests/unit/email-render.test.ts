import { describe, expect, it } from "vitest";
import { renderEmail, type RenderContext } from "@/lib/notifications/render";
import { WARNING_SIGNS } from "@/lib/content";
import { sealSecret } from "@/lib/tokens";
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
    typeName: "Initial assessment",
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
