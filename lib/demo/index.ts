// Demo staff and graded demo intakes for a fresh development database, so the staff dashboard is
// never empty on a first `npm run dev`. Never loaded in production.
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { insertAppointments } from "@/db/queries/appointments";
import { listClinicHours } from "@/db/queries/clinic-hours";
import { listAppointmentTypes, listBusy, listClinicians, listTimeOff, listWorkingHours } from "@/db/queries/scheduling";
import { findStaffByEmail, upsertStaff } from "@/db/queries/staff";
import { getClinic } from "@/db/queries/clinic";
import { getMfaPolicy, setMfaPolicy } from "@/db/queries/mfa";
import { countIntakes, listUnescalatedIntakeIds } from "@/db/queries/intakes";
import type { StaffRole } from "@/db/schema";
import { submitIntake } from "@/lib/intakes/submit";
import { hashPassword } from "@/lib/staff/passwords";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { DAY } from "@/lib/scheduling/zoned";
import { demoAppointmentTimes } from "./appointment-times";
import demoIntakes from "@/db/demo-intakes.json" with { type: "json" };

/** Development-only accounts; their passwords are printed at start-up and in the README. */
export const DEMO_STAFF: readonly { email: string; name: string; role: StaffRole; password: string }[] = [
  { email: "admin@riverside-spine.example", name: "Alex Admin", role: "admin", password: "demo-admin-pass" },
  {
    email: "clinician@riverside-spine.example",
    name: "Dr Priya Raman",
    role: "clinician",
    password: "demo-clinician-pass",
  },
  {
    email: "reception@riverside-spine.example",
    name: "Rosa Reception",
    role: "reception",
    password: "demo-reception-pass",
  },
];

/** Adds the demo staff (if missing) and, to an empty intake table, one graded intake per level. */
export async function seedDemo(
  db: Db,
  { now = new Date(), timeZone = "America/New_York" }: { now?: Date; timeZone?: string } = {},
): Promise<{ staff: number; intakes: number }> {
  let staff = 0;
  // The demo accounts' passwords are published, so a second factor would only stop people trying
  // the demo: it is optional here (unless the clinic already chose), and one click in settings.
  if ((await getMfaPolicy(db)) === null && (await getClinic(db))) await setMfaPolicy(db, "optional", now);
  for (const s of DEMO_STAFF) {
    if (await findStaffByEmail(db, s.email)) continue;
    await upsertStaff(db, { email: s.email, name: s.name, role: s.role, passwordHash: await hashPassword(s.password) });
    staff++;
  }
  if ((await countIntakes(db)) > 0) return { staff, intakes: 0 };
  let intakes = 0;
  for (const demo of demoIntakes) {
    const at = new Date(now.getTime() - demo.minutesAgo * 60_000);
    const raw = structuredClone(demo.intake) as { contact: { dateOfBirth: string } };
    raw.contact.dateOfBirth = new Date(
      Date.UTC(at.getUTCFullYear() - demo.ageAtGrading, at.getUTCMonth(), at.getUTCDate()),
    )
      .toISOString()
      .slice(0, 10);
    const answers = makeIntakeAnswersSchema({ now: at }).parse(raw);
    await submitIntake(db, { answers, now: at, timeZone });
    intakes++;
  }
  await seedDemoAppointments(db, now, timeZone);
  return { staff, intakes };
}

/**
 * A schedule for the demo: the self-bookable demo patients each have an appointment inside the
 * clinic's hours and a clinician's (demoAppointmentTimes: one that started half an hour ago and two
 * later today while the clinic is open, else on the next working day), written directly (no
 * confirmation emails).
 */
async function seedDemoAppointments(db: Db, now: Date, timeZone: string): Promise<void> {
  const [clinic, clinicians, types, openingHours] = await Promise.all([
    getClinic(db),
    listClinicians(db),
    listAppointmentTypes(db),
    listClinicHours(db),
  ]);
  const type = types.find((t) => t.levels.length > 0);
  if (!clinicians.length || !type) return;
  // Today's demo patients (the runner of two weeks ago, whose check-in is open, has none).
  const patients = await listUnescalatedIntakeIds(db, ["SOON", "ROUTINE", "SELF_CARE"], {
    since: new Date(now.getTime() - DAY),
  });
  if (!patients.length) return;
  const clinicianIds = clinicians.map((c) => c.id);
  // Enough of the calendar for the next working days' search (three weeks), with a day either side.
  const window = { from: new Date(now.getTime() - DAY), to: new Date(now.getTime() + 24 * DAY) };
  const [hours, timeOff, busy] = await Promise.all([
    listWorkingHours(db, clinicianIds),
    listTimeOff(db, window),
    listBusy(db, { ...window, clinicianIds }),
  ]);
  const times = demoAppointmentTimes({
    now,
    timeZone: clinic?.timeZone ?? timeZone,
    clinicianIds,
    hours,
    openingHours,
    type,
    timeOff,
    busy,
    slotIntervalMinutes: clinic?.slotIntervalMinutes,
    count: Math.min(3, patients.length),
  });
  if (!times.length) return;
  await insertAppointments(
    db,
    times.map((t, i) => {
      const id = randomUUID();
      return {
        id,
        seriesId: id,
        intakeId: patients[i]!.id,
        clinicianId: t.clinicianId,
        appointmentTypeId: type.id,
        startsAt: t.start,
        endsAt: t.end,
        blocked: `[${t.blockStart.toISOString()},${t.blockEnd.toISOString()})`,
      };
    }),
  );
}

/** The console lines naming the demo sign-ins (development only). */
export function demoCredentialsText(): string {
  return DEMO_STAFF.map((s) => `  ${s.role.padEnd(9)} ${s.email} / ${s.password}`).join("\n");
}
