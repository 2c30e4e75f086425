import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAudit } from "@/db/queries/audit";
import { upsertStaff } from "@/db/queries/staff";
import { appointments, intakes, outcomeCheckins, patients } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { buildPatientBundle, patientEverything } from "@/lib/fhir/everything";
import { intakeQuestionnaire, linkIds } from "@/lib/fhir/questionnaire";
import type { Bundle, QuestionnaireResponse } from "@/lib/fhir/types";
import { submitIntake } from "@/lib/intakes/submit";
import { exportPatient } from "@/lib/privacy/export";
import { mergePatients } from "@/lib/staff/patients";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { dateYearsBefore, vignetteIntake } from "../support/answers";
import { loadR4Validator } from "../support/fhir-validator";
import { describeEachDb } from "./support";

let validate: (resource: unknown) => string[];

beforeAll(async () => {
  validate = await loadR4Validator();
}, 60_000);

const NOW = new Date("2026-12-01T13:00:00Z");
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const BASE = "https://clinic.test/api/v1/fhir";
let n = 0;
let slot = 0;

async function intake(db: Db, vignette: string, contact: Record<string, string>, at: Date): Promise<string> {
  const raw = vignetteIntake(vignette, at) as { contact: Record<string, unknown> };
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

async function staffMember(db: Db, role: "admin" | "clinician" | "reception") {
  const { id } = await upsertStaff(db, {
    email: `fhir-staff${++n}@clinic.test`,
    name: `Staff ${n}`,
    role,
    passwordHash: "x",
  });
  return { id, email: `fhir-staff${n}@clinic.test`, clientAddress: "192.0.2.77" };
}

/** An appointment at the next free two hours (the clinicians are shared by every test in the file). */
async function appointment(db: Db, intakeId: string, status: "booked" | "cancelled" | "completed") {
  const startsAt = new Date(NOW.getTime() + (slot++ - 20) * 2 * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + 45 * 60_000);
  const id = randomUUID();
  await db.insert(appointments).values({
    id,
    intakeId,
    clinicianId: DEMO_CLINICIANS[n++ % 3]!.id,
    appointmentTypeId: "initial",
    startsAt,
    endsAt,
    blocked: `[${startsAt.toISOString()},${endsAt.toISOString()})`,
    status,
    cancelledAt: status === "cancelled" ? daysBefore(1) : null,
    cancelReason: status === "cancelled" ? "Feeling better" : null,
    seriesId: id,
  });
  return id;
}

/** A man of 42 with five intakes (one sent early, two with screen scores) and ten appointments over them. */
async function patientWithHistory(db: Db, tag: string) {
  const contact = {
    firstName: "Kai",
    lastName: `Garford${tag}`,
    email: `kai.${tag}@example.com`,
    dateOfBirth: dateYearsBefore(NOW, 42),
    sex: "male",
  };
  const ids: string[] = [];
  for (const [i, v] of ["P15", "P12", "P30", "P38", "P16"].entries())
    ids.push(await intake(db, v, contact, daysBefore(50 - i * 10)));
  for (let i = 0; i < 10; i++)
    await appointment(db, ids[i % 5]!, (["booked", "cancelled", "completed"] as const)[i % 3]!);
  return { patientId: await patientOf(db, ids[0]!), intakeIds: ids };
}

const types = (b: Bundle) => b.entry.map((e) => e.resource.resourceType);

describeEachDb("FHIR Patient/$everything", (ctx) => {
  it("builds a bundle that validates against R4, with every intake, grade, score, pain rating and appointment, and audits it", async () => {
    const { db } = ctx();
    await seed(db);
    const clinician = await staffMember(db, "clinician");
    const { patientId, intakeIds } = await patientWithHistory(db, `a${++n}`);
    await db
      .update(intakes)
      .set({
        overrideLevel: "URGENT",
        overrideReason: "Worse on the phone",
        overriddenAt: NOW,
        overriddenBy: clinician.id,
      })
      .where(eq(intakes.id, intakeIds[0]!));
    const answered = {
      answeredAt: daysBefore(35),
      answers: { pain: { intensity: 3, pattern: "improving" }, trend: "better" },
    };
    await db
      .insert(outcomeCheckins)
      .values({ intakeId: intakeIds[0]!, week: 2, dueAt: daysBefore(36), ...answered })
      .onConflictDoUpdate({ target: [outcomeCheckins.intakeId, outcomeCheckins.week], set: answered });

    const result = await patientEverything(db, clinician, patientId, { base: BASE, now: NOW });
    if (result.status !== "ok") throw new Error(result.status);
    const bundle = result.bundle;
    expect(validate(bundle)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    expect(bundle.entry[0]!.resource).toMatchObject({ resourceType: "Patient", id: patientId, gender: "male" });
    const count = (t: string) => types(bundle).filter((x) => x === t).length;
    expect(count("QuestionnaireResponse")).toBe(5);
    expect(count("RiskAssessment")).toBe(5);
    expect(count("Appointment")).toBe(10);
    expect(count("Practitioner")).toBe(3);
    // Pain 0-10 from each intake and the check-in; P12's outlook and function scores, P16's outlook.
    const observations = bundle.entry.flatMap((e) => (e.resource.resourceType === "Observation" ? [e.resource] : []));
    expect(observations.filter((o) => o.code.coding?.[0]?.code === "72514-3")).toHaveLength(6);
    expect(observations.map((o) => o.id)).toEqual(
      expect.arrayContaining([`${intakeIds[1]}-outlook`, `${intakeIds[1]}-function`]),
    );
    const q = new Set(linkIds(intakeQuestionnaire("2026.12")!.item));
    for (const e of bundle.entry)
      if (e.resource.resourceType === "QuestionnaireResponse")
        for (const id of linkIds((e.resource as QuestionnaireResponse).item as never)) expect(q.has(id), id).toBe(true);
    // Every reference resolves inside the bundle (a FHIR server that checks references imports it whole).
    const inBundle = new Set(bundle.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
    const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    expect(references.length).toBeGreaterThan(20);
    for (const r of references) {
      const target = r.slice('"reference":"'.length, -1);
      expect(inBundle.has(target), target).toBe(true);
    }
    const stopped = bundle.entry.find((e) => e.resource.id === intakeIds[2]);
    expect(stopped!.resource).toMatchObject({ status: "stopped" });
    const risk = bundle.entry.find((e) => e.resource.id === `${intakeIds[0]}-risk`)!.resource;
    expect(JSON.stringify(risk)).toContain("Worse on the phone");

    // The same ids on a second read: stable.
    const again = await buildPatientBundle(db, patientId, { base: BASE, now: new Date() });
    expect(again!.entry.map((e) => e.fullUrl)).toEqual(bundle.entry.map((e) => e.fullUrl));

    const [audit, ...more] = await listAudit(db, { action: "fhir_patient_exported", subjectId: patientId });
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({
      actorId: clinician.id,
      subjectType: "patient",
      clientAddress: "192.0.2.77",
      after: { format: "fhir-r4/Bundle", resources: { Patient: 1, QuestionnaireResponse: 5, Appointment: 10 } },
    });
    expect(JSON.stringify(audit).toLowerCase()).not.toContain("garford");
  });

  it("answers not found for an unknown, malformed or erased id, and follows a merge to the record it joined", async () => {
    const { db } = ctx();
    await seed(db);
    const clinician = await staffMember(db, "admin");
    const options = { base: BASE, now: NOW };
    expect(await patientEverything(db, clinician, "not-a-uuid", options)).toEqual({ status: "not_found" });
    expect(await patientEverything(db, clinician, randomUUID(), options)).toEqual({ status: "not_found" });

    const survivor = await patientWithHistory(db, `s${++n}`);
    const mergedIntake = await intake(db, "P15", { email: `other.${n}@example.com`, lastName: "Other" }, daysBefore(3));
    const mergedId = await patientOf(db, mergedIntake);
    const merge = await mergePatients(
      db,
      clinician,
      { survivorId: survivor.patientId, mergedId, reason: "Same person" },
      NOW,
    );
    expect(merge.status).toBe("done");
    expect(await patientEverything(db, clinician, mergedId, options)).toEqual({
      status: "merged",
      survivorId: survivor.patientId,
    });
    const result = await patientEverything(db, clinician, survivor.patientId, options);
    if (result.status !== "ok") throw new Error(result.status);
    expect(validate(result.bundle)).toEqual([]);
    expect(result.bundle.entry.map((e) => e.resource.id)).toContain(mergedIntake);
    expect(result.bundle.entry[0]!.resource).toMatchObject({
      link: [
        {
          other: { identifier: { system: "https://backtrack.example/fhir/sid/patient", value: mergedId } },
          type: "replaces",
        },
      ],
    });

    const erasedIntake = await intake(db, "P15", { email: `gone.${n}@example.com` }, daysBefore(2));
    const erasedId = await patientOf(db, erasedIntake);
    await db.update(patients).set({ erasedAt: NOW }).where(eq(patients.id, erasedId));
    expect(await patientEverything(db, clinician, erasedId, options)).toEqual({ status: "not_found" });
    expect(await listAudit(db, { action: "fhir_patient_exported", subjectId: erasedId })).toEqual([]);
  });

  it("puts the same bundle in the patient export", async () => {
    const { db } = ctx();
    await seed(db);
    const clinician = await staffMember(db, "clinician");
    const { patientId, intakeIds } = await patientWithHistory(db, `e${++n}`);
    const doc = await exportPatient(db, { ...clinician, name: "Clara", role: "clinician" }, intakeIds[2]!, NOW);
    expect(doc!.fhir).not.toBeNull();
    expect(validate(doc!.fhir)).toEqual([]);
    const direct = await buildPatientBundle(db, patientId, {
      base: doc!.fhir!.entry[0]!.fullUrl.replace(/\/Patient\/.*$/, ""),
      now: NOW,
    });
    expect(doc!.fhir!.entry.map((e) => e.resource.id)).toEqual(direct!.entry.map((e) => e.resource.id));
    const [audit] = await listAudit(db, { action: "patient_exported", subjectId: intakeIds[2]! });
    expect(audit!.after).toMatchObject({ fhirResources: doc!.fhir!.entry.length });
  });
});
