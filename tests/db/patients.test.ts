import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/db/client";
import { intakes, patients } from "@/db/schema";
import { submitIntake } from "@/lib/intakes/submit";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb } from "./support";

const NOW = new Date("2026-12-01T13:00:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * 24 * 3600_000);
let n = 0;

/** An intake from this person (a public vignette), sent at `at`. */
async function intake(db: Db, contact: Record<string, string>, at = NOW): Promise<string> {
  const raw = vignetteIntake("P15", at) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, ...contact };
  const r = await submitIntake(db, {
    answers: makeIntakeAnswersSchema({ now: at }).parse(raw),
    now: at,
    timeZone: "America/New_York",
  });
  if (r.status === "key_conflict") throw new Error("unexpected");
  return r.response.id;
}

const patientOf = async (db: Db, intakeId: string) =>
  (await db.select({ id: intakes.patientId }).from(intakes).where(eq(intakes.id, intakeId)))[0]!.id;

describeEachDb("patients", (ctx) => {
  it("an intake with the same email (any case) and date of birth joins the patient, whose contact becomes the newest", async () => {
    const { db } = ctx();
    const email = `runner${++n}@example.com`;
    const first = await intake(db, { email, dateOfBirth: "1951-03-02", phone: "+1 212 555 0100", lastName: "Okoro" });
    const again = await intake(
      db,
      { email: email.toUpperCase(), dateOfBirth: "1951-03-02", phone: "+1 212 555 0199", lastName: "Okoro-Smith" },
      later(30),
    );
    const patientId = await patientOf(db, first);
    expect(await patientOf(db, again)).toBe(patientId);
    const [p] = await db.select().from(patients).where(eq(patients.id, patientId));
    expect(p).toMatchObject({ phone: "+1 212 555 0199", lastName: "Okoro-Smith", dateOfBirth: "1951-03-02" });
    expect(p!.createdAt).toEqual(NOW);
  });

  it("another date of birth on the same email (a family address) is another patient", async () => {
    const { db } = ctx();
    const email = `family${++n}@example.com`;
    const parent = await intake(db, { email, dateOfBirth: "1950-05-05" });
    const child = await intake(db, { email, dateOfBirth: "1955-05-05" });
    expect(await patientOf(db, parent)).not.toBe(await patientOf(db, child));
  });

  it("an older intake arriving late (an import, a replay) joins without overwriting the newer contact", async () => {
    const { db } = ctx();
    const email = `late${++n}@example.com`;
    const newer = await intake(db, { email, dateOfBirth: "1952-01-01", phone: "+1 212 555 0111" }, later(10));
    const older = await intake(db, { email, dateOfBirth: "1952-01-01", phone: "+1 212 555 0122" }, NOW);
    const patientId = await patientOf(db, newer);
    expect(await patientOf(db, older)).toBe(patientId);
    const [p] = await db.select().from(patients).where(eq(patients.id, patientId));
    expect(p!.phone).toBe("+1 212 555 0111");
  });
});
