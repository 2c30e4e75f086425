// Demo staff and graded demo intakes for a fresh development database, so the staff dashboard is
// never empty on a first `npm run dev`. Never loaded in production.
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { insertAppointments } from "@/db/queries/appointments";
import { listAppointmentTypes, listClinicians } from "@/db/queries/scheduling";
import { findStaffByEmail, upsertStaff } from "@/db/queries/staff";
import { getClinic } from "@/db/queries/clinic";
import { getMfaPolicy, setMfaPolicy } from "@/db/queries/mfa";
import { countIntakes, listUnescalatedIntakeIds } from "@/db/queries/intakes";
import type { StaffRole } from "@/db/schema";
import { submitIntake } from "@/lib/intakes/submit";
import { hashPassword } from "@/lib/staff/passwords";
import { makeIntakeAnswersSchema } from "@/lib/triage";
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
  await seedDemoAppointments(db, now);
  return { staff, intakes };
}

/**
 * A schedule for the demo: the self-bookable demo patients each have an appointment, one that
 * started half an hour ago (so reception can mark it at once) and two later today, written
 * directly (no confirmation emails).
 */
async function seedDemoAppointments(db: Db, now: Date): Promise<void> {
  const [clinicians, types] = await Promise.all([listClinicians(db), listAppointmentTypes(db)]);
  const type = types.find((t) => t.levels.length > 0);
  if (!clinicians.length || !type) return;
  const patients = await listUnescalatedIntakeIds(db, ["SOON", "ROUTINE", "SELF_CARE"]);
  if (!patients.length) return;
  const quarter = 15 * 60_000;
  const base = Math.floor(now.getTime() / quarter) * quarter;
  const starts = [base - 2 * quarter, base + 8 * quarter, base + 16 * quarter];
  await insertAppointments(
    db,
    patients.slice(0, starts.length).map((p, i) => {
      const id = randomUUID();
      const startsAt = new Date(starts[i]!);
      const endsAt = new Date(startsAt.getTime() + type.minutes * 60_000);
      const blocked = `[${new Date(startsAt.getTime() - type.bufferBeforeMinutes * 60_000).toISOString()},${new Date(endsAt.getTime() + type.bufferAfterMinutes * 60_000).toISOString()})`;
      return {
        id,
        seriesId: id,
        intakeId: p.id,
        clinicianId: clinicians[i % clinicians.length]!.id,
        appointmentTypeId: type.id,
        startsAt,
        endsAt,
        blocked,
      };
    }),
  );
}

/** The console lines naming the demo sign-ins (development only). */
export function demoCredentialsText(): string {
  return DEMO_STAFF.map((s) => `  ${s.role.padEnd(9)} ${s.email} / ${s.password}`).join("\n");
}
