import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { appointmentTypes, clinic, clinicHours, clinicians, timeOff, workingHours, type NewClinic } from "./schema";

/** The demo clinic: a spine and sports clinic in New York. */
export const DEMO_CLINIC: NewClinic = {
  id: 1,
  name: "Riverside Spine & Sports Clinic",
  address: "240 Hudson Street, Suite 3, New York, NY 10013",
  phone: "+1 212 555 0142",
  email: "hello@riverside-spine.example",
  timeZone: "America/New_York",
  emergencyNumber: "911",
  // A US clinic: runners give their weekly distance in miles.
  distanceUnit: "mi",
  // A US clinic has no NHS 111: patients call its own on-call line (a fictional 555-01xx number).
  outOfHoursPhone: "the on-call clinician at +1 212 555 0199",
  slotIntervalMinutes: 15,
  minNoticeMinutes: 120,
  horizonDays: 60,
  cancellationCutoffHours: 24,
  urgentReservePerDay: 1,
  urgentReleaseTime: "12:00",
};

// Fixed ids, so seeding twice finds the same rows.
export const DEMO_CLINICIANS = [
  { id: "0b7f5f6e-1d0a-4c3e-9a51-6f0c2a7e0001", name: "Dr Priya Raman", role: "Sports medicine physician" },
  { id: "0b7f5f6e-1d0a-4c3e-9a51-6f0c2a7e0002", name: "Sam Okafor", role: "Physiotherapist" },
  { id: "0b7f5f6e-1d0a-4c3e-9a51-6f0c2a7e0003", name: "Lena Novak", role: "Physiotherapist" },
] as const;

const [RAMAN, OKAFOR, NOVAK] = DEMO_CLINICIANS.map((c) => c.id) as [string, string, string];

/** Weekday hours in New York time: a split day, a long day, and a part-timer. */
const DEMO_HOURS = [
  ...[1, 2, 3, 4, 5].flatMap((weekday) => [
    { clinicianId: RAMAN, weekday, startTime: "08:30", endTime: "12:30" },
    { clinicianId: RAMAN, weekday, startTime: "13:30", endTime: "17:00" },
  ]),
  ...[1, 2, 3, 4].map((weekday) => ({ clinicianId: OKAFOR, weekday, startTime: "10:00", endTime: "19:00" })),
  { clinicianId: OKAFOR, weekday: 6, startTime: "09:00", endTime: "13:00" },
  ...[2, 4, 5].map((weekday) => ({ clinicianId: NOVAK, weekday, startTime: "07:30", endTime: "15:30" })),
];

/** When the demo clinic is open (New York time): weekdays 08:00–18:00, Saturday mornings. */
export const DEMO_OPENING_HOURS = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: "08:00", endTime: "18:00" })),
  { weekday: 6, startTime: "09:00", endTime: "13:00" },
];

export const DEMO_APPOINTMENT_TYPES = [
  {
    id: "initial",
    name: "Initial assessment",
    minutes: 45,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
    levels: ["SOON", "ROUTINE", "SELF_CARE"] as const,
    sortOrder: 1,
  },
  {
    id: "follow-up",
    name: "Follow-up",
    minutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
    levels: ["ROUTINE", "SELF_CARE"] as const,
    sortOrder: 2,
  },
  {
    id: "urgent-review",
    name: "Urgent review",
    minutes: 20,
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 5,
    levels: [] as const,
    sortOrder: 3,
    urgent: true,
  },
];

export type SeedReport = { clinic: "created" | "kept"; clinicians: number };

/**
 * Loads the demo data. Idempotent: rows that already exist are kept as they are, so running it
 * twice, or on a database a clinic has edited, changes nothing.
 */
export async function seed(db: Db): Promise<SeedReport> {
  const inserted = await db.insert(clinic).values(DEMO_CLINIC).onConflictDoNothing().returning({ id: clinic.id });
  await db
    .insert(appointmentTypes)
    .values(DEMO_APPOINTMENT_TYPES.map((t) => ({ ...t, levels: [...t.levels] })))
    .onConflictDoNothing();
  const newClinicians = await db
    .insert(clinicians)
    .values([...DEMO_CLINICIANS])
    .onConflictDoNothing()
    .returning({ id: clinicians.id });
  const created = new Set(newClinicians.map((c) => c.id));
  const hours = DEMO_HOURS.filter((h) => created.has(h.clinicianId));
  if (hours.length) await db.insert(workingHours).values(hours);
  if (inserted.length) {
    // Loaded with the clinic only, so a clinic that has changed or removed its hours keeps them.
    await db.insert(clinicHours).values(DEMO_OPENING_HOURS);
    // Closed for Thanksgiving and the day after (New York time).
    await db.insert(timeOff).values({
      clinicianId: null,
      startsAt: sql`'2026-11-26 00:00 America/New_York'::timestamptz`,
      endsAt: sql`'2026-11-28 00:00 America/New_York'::timestamptz`,
      reason: "Thanksgiving: clinic closed",
    });
  }
  return { clinic: inserted.length ? "created" : "kept", clinicians: newClinicians.length };
}
