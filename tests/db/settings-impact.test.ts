// What a destructive settings change would touch, as the page that asks first lists it: the booked
// appointments that removing weekly hours leaves outside them (in the clinic's zone), and a
// clinician's appointments from now on (deactivating them leaves these booked).
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  getTimeOffRow,
  getWorkingHoursRow,
  listAppointmentsLeftOutsideHours,
  listClinicianAppointmentsFrom,
} from "@/db/queries/settings-impact";
import { appointments, clinicians, timeOff, workingHours } from "@/db/schema";
import { seed } from "@/db/seed";
import { submitIntake } from "@/lib/intakes/submit";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb } from "./support";

const ZONE = "America/New_York";
// Tuesday 1 December 2026, 8 am in New York (UTC−5 in December).
const NOW = new Date("2026-12-01T13:00:00Z");
/** A New York wall-clock time in December as an instant. */
const ny = (date: string, time: string) => new Date(`${date}T${time}:00-05:00`);

async function intake(db: Db, lastName: string): Promise<string> {
  const raw = vignetteIntake("P15", NOW) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, email: `${lastName.toLowerCase()}@example.test`, firstName: "Ida", lastName };
  const r = await submitIntake(db, {
    answers: makeIntakeAnswersSchema({ now: NOW }).parse(raw),
    now: NOW,
    timeZone: ZONE,
  });
  if (r.status === "key_conflict") throw new Error("unexpected");
  return r.response.id;
}

async function clinician(db: Db, name: string) {
  const [row] = await db.insert(clinicians).values({ name, role: "Physiotherapist" }).returning();
  return row!.id;
}

async function hours(db: Db, clinicianId: string, weekday: number, startTime: string, endTime: string) {
  const [row] = await db.insert(workingHours).values({ clinicianId, weekday, startTime, endTime }).returning();
  return row!.id;
}

/** A 45-minute appointment for a new patient. */
async function book(db: Db, clinicianId: string, startsAt: Date, lastName: string, status: "booked" | "cancelled") {
  const id = randomUUID();
  const endsAt = new Date(startsAt.getTime() + 45 * 60_000);
  await db.insert(appointments).values({
    id,
    seriesId: id,
    intakeId: await intake(db, lastName),
    clinicianId,
    appointmentTypeId: "initial",
    startsAt,
    endsAt,
    blocked: `[${startsAt.toISOString()},${endsAt.toISOString()})`,
    status,
    ...(status === "cancelled" ? { cancelledAt: NOW } : {}),
  });
  return id;
}

describeEachDb("what a destructive settings change affects", (ctx) => {
  it("lists the booked appointments that removing weekly hours leaves outside them, in the clinic's zone, and no others", async () => {
    const { db } = ctx();
    await seed(db);
    const raman = await clinician(db, "Dr Impact Raman");
    const other = await clinician(db, "Dr Impact Other");
    const morning = await hours(db, raman, 1, "09:00", "12:00"); // Mondays
    const afternoon = await hours(db, raman, 1, "12:00", "17:00");
    const evening = await hours(db, raman, 1, "20:00", "22:00");
    await hours(db, raman, 2, "09:00", "17:00"); // Tuesdays
    await hours(db, other, 1, "09:00", "12:00");

    const inMorning = await book(db, raman, ny("2026-12-07", "10:00"), "Morning", "booked");
    // Half in the morning, half in the afternoon: without the morning it starts outside the hours.
    const acrossNoon = await book(db, raman, ny("2026-12-07", "11:30"), "Noon", "booked");
    const inAfternoon = await book(db, raman, ny("2026-12-07", "13:00"), "Afternoon", "booked");
    await book(db, raman, ny("2026-11-30", "10:00"), "Past", "booked"); // before now
    await book(db, raman, ny("2026-12-14", "10:00"), "Cancelled", "cancelled");
    const tuesday = await book(db, raman, ny("2026-12-08", "10:00"), "Tuesday", "booked");
    await book(db, other, ny("2026-12-07", "10:00"), "Colleague", "booked");
    // Monday 8 pm in New York is already Tuesday in UTC: still a Monday appointment.
    const mondayEvening = await book(db, raman, ny("2026-12-07", "20:00"), "Evening", "booked");

    const removingMorning = await listAppointmentsLeftOutsideHours(db, { hoursId: morning, zone: ZONE, now: NOW });
    expect(removingMorning.total).toBe(2);
    expect(removingMorning.appointments.map((a) => a.id)).toEqual([inMorning, acrossNoon]);
    expect(removingMorning.appointments[0]).toMatchObject({
      firstName: "Ida",
      lastName: "Morning",
      startsAt: ny("2026-12-07", "10:00"),
    });
    expect(removingMorning.appointments[0]!.type).toEqual(expect.any(String));

    const removingAfternoon = await listAppointmentsLeftOutsideHours(db, { hoursId: afternoon, zone: ZONE, now: NOW });
    expect(removingAfternoon.appointments.map((a) => a.id)).toEqual([acrossNoon, inAfternoon]);

    const removingEvening = await listAppointmentsLeftOutsideHours(db, { hoursId: evening, zone: ZONE, now: NOW });
    expect(removingEvening.appointments.map((a) => a.id)).toEqual([mondayEvening]);

    // Deactivating Dr Raman leaves every booked appointment from now on, soonest first.
    const fromNow = await listClinicianAppointmentsFrom(db, { clinicianId: raman, now: NOW });
    expect(fromNow.total).toBe(5);
    expect(fromNow.appointments.map((a) => a.id)).toEqual([inMorning, acrossNoon, inAfternoon, mondayEvening, tuesday]);
    // A long list is cut, and says how many there are in all.
    const firstTwo = await listClinicianAppointmentsFrom(db, { clinicianId: raman, now: NOW, limit: 2 });
    expect(firstTwo).toMatchObject({ total: 5 });
    expect(firstTwo.appointments.map((a) => a.id)).toEqual([inMorning, acrossNoon]);

    expect(await listClinicianAppointmentsFrom(db, { clinicianId: raman, now: ny("2026-12-09", "00:00") })).toEqual({
      total: 0,
      appointments: [],
    });
  });

  it("reads the row a confirmation asks about, with whose it is, and nothing for a row that is gone", async () => {
    const { db } = ctx();
    const lee = await clinician(db, "Dr Rows Lee");
    const hoursId = await hours(db, lee, 3, "08:30", "12:30");
    expect(await getWorkingHoursRow(db, hoursId)).toEqual({
      id: hoursId,
      clinicianId: lee,
      clinicianName: "Dr Rows Lee",
      weekday: 3,
      start: "08:30",
      end: "12:30",
    });
    const [off] = await db
      .insert(timeOff)
      .values({
        clinicianId: null,
        startsAt: ny("2026-12-24", "00:00"),
        endsAt: ny("2026-12-27", "00:00"),
        reason: "Holidays",
      })
      .returning();
    expect(await getTimeOffRow(db, off!.id)).toMatchObject({
      clinicianId: null,
      clinicianName: null,
      reason: "Holidays",
    });
    expect(await getWorkingHoursRow(db, randomUUID())).toBeNull();
    expect(await getTimeOffRow(db, randomUUID())).toBeNull();
  });
});
