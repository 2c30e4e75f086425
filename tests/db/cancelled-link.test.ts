// Issue 18, item 3: a cancelled appointment's manage link shows what was cancelled and the way
// back (the patient's own booking link while it books), and "Add to calendar" serves the booked one.
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { upsertStaff } from "@/db/queries/staff";
import { intakes } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { handleCreateBooking } from "@/lib/booking/api";
import { manageLinkCalendarFile } from "@/lib/booking/calendar-file";
import { findCancelledByManageToken } from "@/lib/booking/cancelled";
import { cancelAppointment, findByManageToken, isErasedManageLink } from "@/lib/booking/manage";
import { regradeBeforeReschedule } from "@/lib/booking/regrade";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { submitIntake } from "@/lib/intakes/submit";
import { cancelForCaller } from "@/lib/staff/caller-booking";
import type { Staff } from "@/lib/staff/session";
import { signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

type DB = TestDb["db"];
// Tuesday 1 December 2026, 10:00 in New York.
const NOW = new Date("2026-12-01T15:00:00Z");
const DAY = 24 * 3600_000;
const SECRET = "test-secret-test-secret-test-secret-0123";
const RAMAN = DEMO_CLINICIANS[0].id;
let client = 0;
let n = 0;

/** A ROUTINE patient's own booking through the API at `start`: the intake, its booking link and the manage token. */
async function book(db: DB, start: string, vignette = "P15") {
  const answers = makeIntakeAnswersSchema({ now: NOW }).parse(vignetteIntake(vignette, NOW));
  const submitted = await submitIntake(db, { answers, now: NOW, timeZone: "America/New_York" });
  if (submitted.status === "key_conflict") throw new Error("unexpected");
  const intakeId = submitted.response.id;
  const bookingToken = signToken(SECRET, "booking", intakeId);
  const manageToken = await bookWith(db, bookingToken, start);
  if (!manageToken) throw new Error("not booked");
  return { intakeId, bookingToken, manageToken };
}

async function bookWith(db: DB, bookingToken: string, start: string): Promise<string | null> {
  const res = await handleCreateBooking(
    db,
    new Request("http://clinic.test/api/v1/bookings", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `10.8.0.${++client % 250}` },
      body: JSON.stringify({ bookingToken, appointmentTypeId: "initial", clinicianId: RAMAN, start }),
    }),
    { secret: SECRET, trustedProxies: 1, rateLimitPerMinute: 10_000, appUrl: "http://clinic.test", now: () => NOW },
  );
  return res.status === 201 ? ((await res.json()).manageUrl.split("/").pop() as string) : null;
}

const cancel = (db: DB, token: string, now = NOW) =>
  cancelAppointment(db, { token, reason: "Feeling much better", now });

describeEachDb("a cancelled appointment's manage link", (ctx) => {
  it("shows the cancelled appointment with the patient's own booking link, which books again", async () => {
    const { db } = ctx();
    await seed(db);
    clearSettingsCaches();
    // Tuesday 12 January 2027, 10:00 New York.
    const b = await book(db, "2027-01-12T15:00:00.000Z");
    expect(await cancel(db, b.manageToken)).toEqual({ status: "done" });
    expect(await findByManageToken(db, b.manageToken, NOW)).toBeNull(); // nothing left to change or cancel
    expect(await cancel(db, b.manageToken)).toEqual({ status: "not_found" }); // a second submit changes nothing

    const later = new Date(NOW.getTime() + DAY);
    const cancelled = await findCancelledByManageToken(db, b.manageToken, later, SECRET);
    expect(cancelled).toMatchObject({
      startsAt: new Date("2027-01-12T15:00:00.000Z"),
      cancelledAt: NOW,
      cancelledByClinic: false,
      clinicianName: DEMO_CLINICIANS[0].name,
      bookAgain: { kind: "book", url: `/book?token=${encodeURIComponent(b.bookingToken)}` },
    });
    // The link it offers books another time, and then the old link says so instead of offering it again.
    expect(await bookWith(db, b.bookingToken, "2027-01-12T16:00:00.000Z")).not.toBeNull();
    expect((await findCancelledByManageToken(db, b.manageToken, later, SECRET))?.bookAgain).toEqual({
      kind: "booked",
    });
  });

  it("offers the back-pain check instead once the booking link has expired", async () => {
    const { db } = ctx();
    // Wednesday 13 January 2027, 10:00 New York; cancelled 35 days after the intake (its link lasts 30).
    const b = await book(db, "2027-01-13T15:00:00.000Z");
    const later = new Date(NOW.getTime() + 35 * DAY);
    expect(await cancel(db, b.manageToken, later)).toEqual({ status: "done" });
    expect((await findCancelledByManageToken(db, b.manageToken, later, SECRET))?.bookAgain).toEqual({
      kind: "check",
    });
    // A month after the time it had, a forwarded link no longer says what it was and with whom.
    const start = new Date("2027-01-13T15:00:00.000Z").getTime();
    expect(await findCancelledByManageToken(db, b.manageToken, new Date(start + 29 * DAY), SECRET)).not.toBeNull();
    expect(await findCancelledByManageToken(db, b.manageToken, new Date(start + 31 * DAY), SECRET)).toBeNull();
  });

  it("offers the check, not the old link, when a newer grade says something got worse", async () => {
    const { db } = ctx();
    const b = await book(db, "2027-01-13T16:00:00.000Z");
    const bladder = {
      cauda: { saddleNumbness: "no", bladderChange: "yes", bowelChange: "no", sexualFunctionChange: "no" },
      legs: { weakness: "none", difficultyWalking: false },
      pain: { intensity: 5, pattern: "stable" },
    };
    expect(await regradeBeforeReschedule(db, { token: b.manageToken, now: NOW, recheck: bladder })).toMatchObject({
      level: "EMERGENCY",
    });
    expect(await cancel(db, b.manageToken)).toEqual({ status: "done" });
    expect((await findCancelledByManageToken(db, b.manageToken, NOW, SECRET))?.bookAgain).toEqual({ kind: "check" });
  });

  it("says when the clinic cancelled it", async () => {
    const { db } = ctx();
    const b = await book(db, "2027-01-14T15:00:00.000Z");
    const appointment = await findByManageToken(db, b.manageToken, NOW);
    const email = `desk${++n}@clinic.test`;
    const { id } = await upsertStaff(db, { email, name: `Desk ${n}`, role: "reception", passwordHash: "x" });
    const desk: Staff = { id, email, name: `Desk ${n}`, role: "reception", clientAddress: "192.0.2.7", sessionId: "s" };
    expect(await cancelForCaller(db, desk, appointment!.id, { reason: "Clinician unwell" }, NOW)).toMatchObject({
      status: "done",
    });
    expect(await findCancelledByManageToken(db, b.manageToken, NOW, SECRET)).toMatchObject({
      id: appointment!.id,
      cancelledByClinic: true,
    });
  });

  it("opens nothing for an unknown or malformed link, a booked appointment, or an erased patient", async () => {
    const { db } = ctx();
    const b = await book(db, "2027-01-14T16:00:00.000Z");
    expect(await findCancelledByManageToken(db, b.manageToken, NOW, SECRET)).toBeNull(); // still booked
    expect(await findCancelledByManageToken(db, "A".repeat(43), NOW, SECRET)).toBeNull();
    expect(await findCancelledByManageToken(db, "not-a-token", NOW, SECRET)).toBeNull();
    expect(await cancel(db, b.manageToken)).toEqual({ status: "done" });
    await db.update(intakes).set({ erasedAt: NOW }).where(eq(intakes.id, b.intakeId));
    // The erased page speaks for this link: it shows nothing of the appointment.
    expect(await findCancelledByManageToken(db, b.manageToken, NOW, SECRET)).toBeNull();
    expect(await isErasedManageLink(db, b.manageToken)).toBe(true);
  });
});

describeEachDb("Add to calendar", (ctx) => {
  it("gives the booked appointment as the same calendar event the emails carry, and nothing once cancelled", async () => {
    const { db } = ctx();
    await seed(db);
    clearSettingsCaches();
    const b = await book(db, "2027-01-15T15:00:00.000Z"); // Friday 15 January 2027, 10:00 New York
    const appointment = await findByManageToken(db, b.manageToken, NOW);
    const file = await manageLinkCalendarFile(db, { token: b.manageToken, now: NOW, appUrl: "http://clinic.test" });
    expect(file).toMatch(/^BEGIN:VCALENDAR/);
    expect(file).toContain(`UID:${appointment!.seriesId}@backtrack`);
    expect(file).toContain("DTSTART:20270115T150000Z");
    expect(file).toContain("STATUS:CONFIRMED");
    expect(file?.replace(/\r\n[ \t]/g, "")).toContain(`http://clinic.test/appointments/manage/${b.manageToken}`);
    expect(await manageLinkCalendarFile(db, { token: "A".repeat(43), now: NOW, appUrl: "http://clinic.test" })).toBe(
      null,
    );
    expect(await cancel(db, b.manageToken)).toEqual({ status: "done" });
    expect(
      await manageLinkCalendarFile(db, { token: b.manageToken, now: NOW, appUrl: "http://clinic.test" }),
    ).toBeNull();
  });
});
