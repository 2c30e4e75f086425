import { expect, it } from "vitest";
import { countIntakes, getIntake } from "@/db/queries/intakes";
import { seed } from "@/db/seed";
import { handleCreateBooking, handleListSlots, type BookingApiOptions } from "@/lib/booking/api";
import { CONTROL_CHARACTER_MESSAGE } from "@/lib/forms";
import { handleCreateIntake, type IntakeApiOptions } from "@/lib/intakes/api";
import { vignetteIntake } from "../support/answers";
import { describeEachDb } from "./support";

const NOW = new Date("2026-11-24T15:00:00Z");
const SECRET = "test-secret-test-secret-test-secret-0123";
let client = 0;

const intakeOptions = (): IntakeApiOptions => ({
  rateLimitPerMinute: 1000,
  trustedProxies: 1,
  secret: SECRET,
  now: () => NOW,
});
const bookingOptions = (): BookingApiOptions => ({
  secret: SECRET,
  trustedProxies: 1,
  rateLimitPerMinute: 1000,
  appUrl: "http://clinic.test",
  now: () => NOW,
});

const headers = () => ({ "content-type": "application/json", "x-forwarded-for": `10.7.0.${++client}` });
const postIntake = (body: unknown) =>
  new Request("http://clinic.test/api/v1/intakes", { method: "POST", headers: headers(), body: JSON.stringify(body) });

/** A valid intake with some contact fields (or the notes) replaced. */
function intakeWith(contact: Record<string, string>, notes?: string) {
  const intake = vignetteIntake("P12", NOW);
  return { ...intake, contact: { ...intake.contact, ...contact }, ...(notes === undefined ? {} : { notes }) };
}

describeEachDb("control characters at the API edge", (ctx) => {
  it("an intake with a NUL in the first name is refused with 400 and a field error, and nothing is stored", async () => {
    const { db } = ctx();
    await seed(db);
    // This used to reach the database and come back as an empty 500 (with the record in the log).
    const res = await handleCreateIntake(db, postIntake(intakeWith({ firstName: "Ana\u0000" })), intakeOptions());
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("invalid_intake");
    expect(body.fieldErrors["contact.firstName"]).toEqual([CONTROL_CHARACTER_MESSAGE]);
    expect(Object.keys(body.fieldErrors)).toEqual(["contact.firstName"]);
    expect(await countIntakes(db)).toBe(0);
  });

  it("refuses the other C0 characters in one-line fields, and in free text all but tab and new lines", async () => {
    const { db } = ctx();
    for (const [contact, notes, field] of [
      [{ lastName: "O\u001b[31mBrien" }, undefined, "contact.lastName"], // a terminal escape
      [{ phone: "555\u0008 0100" }, undefined, "contact.phone"], // a backspace
      [{ firstName: "Ana\tMaria" }, undefined, "contact.firstName"], // a tab inside a name
      [{}, "Sore after the race\u0007", "notes"], // a bell in free text
    ] as const) {
      const res = await handleCreateIntake(db, postIntake(intakeWith(contact, notes)), intakeOptions());
      expect(res.status, field).toBe(400);
      // First beside its field; the contract's own message (a phone's digits) may follow it.
      expect((await res.json()).fieldErrors[field]?.[0], field).toBe(CONTROL_CHARACTER_MESSAGE);
    }
    expect(await countIntakes(db)).toBe(0);
  });

  it("keeps tabs and new lines in the notes, and accepts a trailing new line the contract trims from a name", async () => {
    const { db } = ctx();
    const notes = "Started after the 10k.\r\nWorse on stairs:\tmornings";
    const res = await handleCreateIntake(db, postIntake(intakeWith({ firstName: "Ana\n" }, notes)), intakeOptions());
    expect(res.status).toBe(201);
    const row = await getIntake(db, (await res.json()).id);
    expect(row?.firstName).toBe("Ana");
    expect((row?.answers as { notes?: string }).notes).toBe(notes);
  });

  it("the booking API refuses a control character in its text fields with 400 and a field error", async () => {
    const { db } = ctx();
    const book = await handleCreateBooking(
      db,
      new Request("http://clinic.test/api/v1/bookings", {
        method: "POST",
        headers: headers(),
        body: JSON.stringify({
          bookingToken: "abc\u0000def",
          appointmentTypeId: "initial\u0000",
          clinicianId: "00000000-0000-4000-8000-000000000000",
          start: "2026-12-01T14:00:00Z",
        }),
      }),
      bookingOptions(),
    );
    expect(book.status).toBe(400);
    const body = await book.json();
    expect(body.fieldErrors.bookingToken).toEqual([CONTROL_CHARACTER_MESSAGE]);
    expect(body.fieldErrors.appointmentTypeId).toEqual([CONTROL_CHARACTER_MESSAGE]);

    const slots = await handleListSlots(
      db,
      new Request(`http://clinic.test/api/v1/slots?bookingToken=abc&type=${encodeURIComponent("x\u0000")}`, {
        headers: headers(),
      }),
      bookingOptions(),
    );
    expect(slots.status).toBe(400);
    expect((await slots.json()).fieldErrors.type).toEqual([CONTROL_CHARACTER_MESSAGE]);
  });
});
