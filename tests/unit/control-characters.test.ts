import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cancelSchema, confirmBookingSchema } from "@/lib/booking/booking-form";
import {
  CONTROL_CHARACTER_MESSAGE,
  controlCharacterErrors,
  hasControlCharacter,
  invalid,
  parseFormInput,
  withoutControlCharacters,
} from "@/lib/forms";
import { checkIntake } from "@/lib/intakes/check";
import { callSchema, noteSchema, overrideSchema, resolveSchema, reviewSchema } from "@/lib/staff/cases";
import { vignetteIntake } from "../support/answers";

const NOW = new Date("2026-11-24T15:00:00Z");

describe("control characters", () => {
  it("one-line text may hold none; free text only tab and new lines; whitespace the schemas trim does not count", () => {
    expect(hasControlCharacter("Ana\u0000")).toBe(true);
    expect(hasControlCharacter("Ana\u001b[2J")).toBe(true);
    expect(hasControlCharacter("Ana\tMaría")).toBe(true);
    expect(hasControlCharacter("  Ana María\n")).toBe(false);
    expect(hasControlCharacter("line one\r\nline two\tand a tab", { freeText: true })).toBe(false);
    expect(hasControlCharacter("bell\u0007", { freeText: true })).toBe(true);
    expect(hasControlCharacter("nul\u0000", { freeText: true })).toBe(true);
    expect(withoutControlCharacters("a\u0000b\u0007c\r\nd\te")).toBe("abc\r\nd\te");
  });

  it("are found anywhere in a body, by the dotted path fieldErrors uses", () => {
    expect(
      controlCharacterErrors({ contact: { firstName: "Ana" }, notes: "a\nb" }, { freeText: ["notes"] }),
    ).toBeNull();
    expect(
      controlCharacterErrors({ contact: { firstName: "A\u0000" }, list: ["ok", "b\u0001"], notes: "a\nb" }),
    ).toEqual({
      "contact.firstName": [CONTROL_CHARACTER_MESSAGE],
      "list.1": [CONTROL_CHARACTER_MESSAGE],
      notes: [CONTROL_CHARACTER_MESSAGE],
    });
  });

  it("the intake check (API and form) refuses a NUL in the first name beside that field", () => {
    const intake = vignetteIntake("P12", NOW);
    const checked = checkIntake(
      { ...intake, contact: { ...intake.contact, firstName: "Ana\u0000" } },
      { timeZone: "UTC", now: NOW },
    );
    expect(checked).toEqual({ ok: false, fieldErrors: { "contact.firstName": [CONTROL_CHARACTER_MESSAGE] } });
    expect(checkIntake({ ...intake, notes: "Sore\r\n\tafter the race" }, { timeZone: "UTC", now: NOW }).ok).toBe(true);
  });

  it("a staff note with a NUL is refused with a message beside the note", () => {
    const parsed = noteSchema.safeParse({ body: "Called the patient\u0000, no answer" });
    expect(parsed.success).toBe(false);
    expect(invalid(parsed.error!).fieldErrors).toEqual({ body: [CONTROL_CHARACTER_MESSAGE] });
    expect(noteSchema.safeParse({ body: "Called twice.\r\nLeft a voicemail." }).success).toBe(true);
  });

  it("every free-text field of a case form refuses them too", () => {
    const nul = "Patient says the pain is worse\u0000";
    for (const [schema, input, field] of [
      [callSchema, { outcome: "other", body: nul }, "body"],
      [overrideSchema, { level: "URGENT", reason: nul }, "reason"],
      [resolveSchema, { reason: nul }, "reason"],
      [reviewSchema, { note: nul }, "note"],
    ] as const) {
      const parsed = schema.safeParse(input);
      expect(parsed.success, field).toBe(false);
      expect(invalid(parsed.error!).fieldErrors?.[field]).toContain(CONTROL_CHARACTER_MESSAGE);
    }
  });

  it("every staff form (settings, webhooks, clinic hours…) refuses them beside the field before its own schema runs", () => {
    const schema = z.object({ url: z.string(), description: z.string() });
    const bad = parseFormInput(schema, { url: "https://pager.example/hook", description: "On-call\u0000pager" });
    expect(bad).toEqual({
      ok: false,
      refusal: { ok: false, fieldErrors: { description: [CONTROL_CHARACTER_MESSAGE] } },
    });
    const fine = parseFormInput(schema, { url: "https://pager.example/hook", description: "On-call\npager" });
    expect(fine).toEqual({ ok: true, data: { url: "https://pager.example/hook", description: "On-call\npager" } });
  });

  it("the booking forms: a token with one is refused; a cancellation reason (never refused) loses them", () => {
    const token = confirmBookingSchema.safeParse({
      token: "abc\u0000",
      clinicianId: "00000000-0000-4000-8000-000000000000",
      start: "2026-12-01T14:00:00Z",
    });
    expect(token.success).toBe(false);
    expect(cancelSchema.parse({ reason: "Feeling better\u0000\u0007" }).reason).toBe("Feeling better");
    expect(cancelSchema.parse({ reason: "\u0000" }).reason).toBe("No reason given");
  });
});
