import { describe, expect, it } from "vitest";
import { greetingName } from "@/emails/layout";
import { renderEmail, type RenderContext } from "@/lib/notifications/render";
import { sealSecret } from "@/lib/tokens";
import { decode } from "../support/email";

const SECRET = "unit-secret-unit-secret-unit-secret-0001";
const ctx: RenderContext = {
  clinic: {
    name: "Riverside Spine",
    address: "14 Riverside Drive",
    phone: "(555) 010-0100",
    email: "hello@riverside.example",
    timeZone: "America/New_York",
    cancellationCutoffHours: 24,
  },
  appUrl: "https://clinic.example",
  secret: SECRET,
};

const row = (kind: string, payload: Record<string, unknown>) => ({
  kind,
  recipient: "anyone@example.test",
  createdAt: new Date("2026-10-20T12:00:00Z"),
  payload,
});

/** Every patient email a first name reaches, rendered with that name: subject, HTML, text, calendar file. */
async function everyPatientEmail(firstName: string): Promise<string[]> {
  const appointment = {
    firstName,
    seriesId: "3f1d2c4b-5a69-4788-9abc-def012345678",
    sequence: 0,
    startsAt: "2026-12-02T14:00:00.000Z",
    endsAt: "2026-12-02T14:45:00.000Z",
    clinicianName: "Dr Priya Raman",
    clinicianRole: "Physiotherapist",
    manageToken: sealSecret(SECRET, "A".repeat(43)),
  };
  const rows = [
    row("booking_confirmation", appointment),
    row("appointment_reminder", appointment),
    row("booking_rescheduled", { ...appointment, previousStartsAt: "2026-12-01T14:00:00.000Z" }),
    row("booking_cancelled", appointment),
    row("intake_self_care", { firstName, isRunner: false }),
    row("self_care_checkin", { firstName }),
  ];
  const emails = await Promise.all(rows.map((r) => renderEmail(r, ctx)));
  return emails.map((e) => [e.subject, e.html, e.text, ...e.attachments.map((a) => decode(a.content))].join("\n"));
}

describe("patient emails echo only a short, plain first name", () => {
  it("a plain name greets the patient, and never appears in a subject", async () => {
    expect(greetingName("  Ana  María ")).toBe("Ana María");
    expect(greetingName("Siobhán O'Neill-Ó Briain")).toBe("Siobhán O'Neill-Ó Briain");
    expect(greetingName("J. R.")).toBe("J. R.");
    for (const kind of ["intake_self_care", "self_care_checkin"]) {
      const email = await renderEmail(row(kind, { firstName: "Ana", isRunner: false }), ctx);
      expect(email.text).toContain("Hello Ana,");
      expect(email.subject).not.toContain("Ana");
    }
  });

  it("a first name of 500 characters is cut to 40 at most", async () => {
    const long = `${"Bartholomew ".repeat(41)}Smith`.slice(0, 500);
    const shown = greetingName(long);
    expect(Array.from(shown).length).toBeLessThanOrEqual(40);
    expect(shown).toBe("Bartholomew Bartholomew Bartholomew");
    expect(Array.from(greetingName("A".repeat(500)))).toHaveLength(40);
    for (const email of await everyPatientEmail(long)) expect(email).not.toContain(long.slice(0, 60));
  });

  it("a name holding a link, an address or markup is not echoed at all: the email just says Hello", async () => {
    for (const name of [
      "Alex, reset your password at https://evil.example/login",
      "Visit evil.example",
      "www.evil.example",
      "Alex <a href='https://evil.example'>verify</a>",
      "<img src=x onerror=alert(1)>",
      "Call 555 0100 now",
      "alex@evil.example",
    ]) {
      expect(greetingName(name), name).toBe("");
      for (const email of await everyPatientEmail(name)) {
        expect(email, name).not.toMatch(/evil\.example|onerror|<a href='|555 0100/);
        expect(email, name).toContain("Hello,");
      }
    }
  });

  it("control characters and invisible direction marks are removed, new lines never split a subject", () => {
    expect(greetingName("Ana\u0000\u0007")).toBe("Ana");
    expect(greetingName("Ana\r\nBcc: x@example.com")).toBe(""); // an address: left out
    expect(greetingName("Ana\r\nMaría")).toBe("Ana María");
    expect(greetingName("\u202eanA")).toBe("anA"); // a right-to-left override
    expect(greetingName("   ")).toBe("");
  });
});
