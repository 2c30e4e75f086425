// The notes and appointments the case page, the patient page and the privacy export list: one
// query each, scoped and ordered per reader, carrying who booked or cancelled an appointment and why.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listCaseBookings, listCaseNotes } from "@/db/queries/cases";
import { listPatientAppointments, listPatientNotes } from "@/db/queries/patients";
import { listPatientNotes as listExportNotes } from "@/db/queries/privacy";
import { upsertStaff } from "@/db/queries/staff";
import { appointments, caseNotes, intakes } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { submitIntake } from "@/lib/intakes/submit";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb } from "./support";

const NOW = new Date("2026-12-01T13:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function intake(db: Db, email: string, when: Date): Promise<string> {
  const raw = vignetteIntake("P15", when) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, email, firstName: "Lena", lastName: "Lists" };
  const r = await submitIntake(db, {
    answers: makeIntakeAnswersSchema({ now: when }).parse(raw),
    now: when,
    timeZone: "America/New_York",
  });
  if (r.status === "key_conflict") throw new Error("unexpected");
  return r.response.id;
}

/** The seeded clinic with one more staff member, and a first intake (at NOW) for a patient with this email. */
async function clinicWith(db: Db, staff: Omit<Parameters<typeof upsertStaff>[1], "passwordHash">, email: string) {
  await seed(db);
  const member = await upsertStaff(db, { ...staff, passwordHash: "x" });
  return { member, intakeId: await intake(db, email, NOW) };
}

describeEachDb("case and patient record lists", (ctx) => {
  it("lists one patient's notes oldest first on a case and in the export, newest first on the patient page", async () => {
    const { db } = ctx();
    const { member: author, intakeId: first } = await clinicWith(
      db,
      { email: "lists@clinic.test", name: "Dr Lists", role: "clinician" },
      "lena.lists@example.test",
    );
    const second = await intake(db, "lena.lists@example.test", at(60));
    let minute = 0;
    // Written a minute apart, as staff would: the order is by time, not by chance.
    const note = (intakeId: string, body: string, kind: "note" | "call" = "note") =>
      db.insert(caseNotes).values({
        intakeId,
        authorId: author.id,
        kind,
        outcome: kind === "call" ? "reached" : null,
        body,
        createdAt: at(++minute),
      });
    await note(first, "first note");
    await note(first, "spoke to her", "call");
    await note(second, "second visit note");
    const [patient] = await db.select({ id: intakes.patientId }).from(intakes).where(eq(intakes.id, first));

    const onCase = await listCaseNotes(db, first);
    expect(onCase.map((n) => n.body)).toEqual(["first note", "spoke to her"]);
    expect(onCase[1]).toMatchObject({ kind: "call", outcome: "reached", author: "Dr Lists", intakeId: first });

    const onPatient = await listPatientNotes(db, patient!.id);
    expect(onPatient.map((n) => n.body)).toEqual(["second visit note", "spoke to her", "first note"]);

    const exported = await listExportNotes(db, [first, second]);
    expect(exported.map((n) => n.body)).toEqual(["first note", "spoke to her", "second visit note"]);
    expect(Object.keys(exported[0]!).sort()).toEqual([
      "author",
      "body",
      "createdAt",
      "id",
      "intakeId",
      "kind",
      "outcome",
    ]);
    expect(await listExportNotes(db, [])).toEqual([]);
  });

  it("gives each appointment row its cancellation reason, late mark, the staff member who booked it and why outside the level", async () => {
    const { db } = ctx();
    const { member: booker, intakeId } = await clinicWith(
      db,
      { email: "desk@clinic.test", name: "Rosa Desk", role: "reception" },
      "appointment.rows@example.test",
    );
    const insert = async (startsAt: Date, extra: Partial<typeof appointments.$inferInsert>) => {
      const id = randomUUID();
      const endsAt = new Date(startsAt.getTime() + 45 * 60_000);
      await db.insert(appointments).values({
        id,
        seriesId: id,
        intakeId,
        clinicianId: DEMO_CLINICIANS[0].id,
        appointmentTypeId: "initial",
        startsAt,
        endsAt,
        blocked: `[${startsAt.toISOString()},${endsAt.toISOString()})`,
        ...extra,
      });
      return id;
    };
    const cancelled = await insert(at(24 * 60), {
      status: "cancelled",
      cancelledAt: at(10),
      cancelReason: "Clinician ill",
      lateCancellation: true,
    });
    const staffBooked = await insert(at(3 * 24 * 60), {
      bookedByStaffId: booker.id,
      outsideLevelReason: "Called in; clinician asked to see her sooner",
    });
    const rows = await listCaseBookings(db, intakeId);
    expect(rows.map((r) => r.id)).toEqual([staffBooked, cancelled]); // newest start first
    expect(rows[0]).toMatchObject({
      status: "booked",
      bookedByStaff: "Rosa Desk",
      outsideLevelReason: "Called in; clinician asked to see her sooner",
      lateCancellation: false,
      cancelReason: null,
    });
    expect(rows[1]).toMatchObject({
      status: "cancelled",
      cancelReason: "Clinician ill",
      lateCancellation: true,
      bookedByStaff: null,
    });
    const [patient] = await db.select({ id: intakes.patientId }).from(intakes).where(eq(intakes.id, intakeId));
    expect(await listPatientAppointments(db, patient!.id)).toEqual(rows);
  });
});
