// What the FHIR export (Patient/$everything) reads: the patient with the records merged into it,
// the intakes with their answers and scores, the appointments with their clinicians, and the 0-10
// pain ratings of recovery check-ins and pre-visit checks. Four statements, each prepared once per
// database (an integration may pull many patients in a row).
import { and, desc, eq, isNotNull, ne, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import {
  appointments,
  appointmentTypes,
  clinicians,
  intakes,
  outcomeCheckins,
  patientMerges,
  patients,
  preVisitChecks,
} from "../schema";
import { preparedPerDb } from "./prepared";

const patientId = sql.placeholder("patientId");

// Spelled out: in a one-table select drizzle writes a selected column without its table, and inside
// the subquery a bare "id" would be the merge's.
const outerPatientId = sql`${sql.identifier("patients")}.${sql.identifier("id")}`;

const preparedPatient = preparedPerDb((db) =>
  db
    .select({
      id: patients.id,
      updatedAt: patients.updatedAt,
      firstName: patients.firstName,
      lastName: patients.lastName,
      email: patients.email,
      phone: patients.phone,
      dateOfBirth: patients.dateOfBirth,
      sex: patients.sex,
      mergedIntoId: patients.mergedIntoId,
      erasedAt: patients.erasedAt,
      // Records merged into this one and not undone.
      mergedIds: sql<
        string[]
      >`array(select ${patientMerges.mergedId}::text from ${patientMerges} where ${patientMerges.survivorId} = ${outerPatientId} and ${patientMerges.undoneAt} is null order by ${patientMerges.mergedAt})`,
    })
    .from(patients)
    .where(eq(patients.id, sql`${patientId}::uuid`))
    .limit(1)
    .prepare("fhir_patient"),
);

/** One patient record (live, merged or erased) with the ids of the records merged into it, or null. */
export async function getFhirPatient(db: Db, id: string) {
  const rows = await preparedPatient(db).execute({ patientId: id });
  return rows[0] ?? null;
}

const preparedIntakes = preparedPerDb((db) =>
  db
    .select({
      id: intakes.id,
      createdAt: intakes.createdAt,
      answers: intakes.answers,
      level: intakes.level,
      overrideLevel: intakes.overrideLevel,
      overrideReason: intakes.overrideReason,
      overriddenAt: intakes.overriddenAt,
      resolvedAt: intakes.resolvedAt,
      erasedAt: intakes.erasedAt,
      rulesetVersion: intakes.rulesetVersion,
      firedRules: intakes.firedRules,
      flags: intakes.flags,
      scores: intakes.scores,
    })
    .from(intakes)
    .where(eq(intakes.patientId, sql`${patientId}::uuid`))
    .orderBy(desc(intakes.createdAt), desc(intakes.id))
    .prepare("fhir_intakes"),
);

/** The patient's intakes, newest first, whole but for the contact fields (the patient row has those). */
export function listFhirIntakes(db: Db, id: string) {
  return preparedIntakes(db).execute({ patientId: id });
}

const preparedAppointments = preparedPerDb((db) =>
  db
    .select({
      id: appointments.id,
      intakeId: appointments.intakeId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      createdAt: appointments.createdAt,
      cancelledAt: appointments.cancelledAt,
      cancelReason: appointments.cancelReason,
      type: appointmentTypes.name,
      clinicianId: clinicians.id,
      clinicianName: clinicians.name,
      clinicianRole: clinicians.role,
      clinicianActive: clinicians.active,
      clinicianCreatedAt: clinicians.createdAt,
    })
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    // A time held for a waitlist offer is not an appointment yet.
    .where(and(eq(appointments.patientId, sql`${patientId}::uuid`), ne(appointments.status, "held")))
    .orderBy(desc(appointments.startsAt), desc(appointments.id))
    .prepare("fhir_appointments"),
);

/** The patient's appointments (not times held for a waitlist offer), newest start first, with their clinician and type. */
export function listFhirAppointments(db: Db, id: string) {
  return preparedAppointments(db).execute({ patientId: id });
}

const intensityOf = (answers: typeof outcomeCheckins.answers | typeof preVisitChecks.answers) =>
  sql<
    number | null
  >`case when jsonb_typeof(${answers} -> 'pain' -> 'intensity') = 'number' then (${answers} -> 'pain' ->> 'intensity')::int end`;

const preparedPain = preparedPerDb((db) =>
  unionAll(
    db
      .select({
        id: outcomeCheckins.id,
        source: sql<"recovery_checkin" | "pre_visit_check">`'recovery_checkin'`.as("source"),
        week: sql<number | null>`${outcomeCheckins.week}`.as("week"),
        at: outcomeCheckins.answeredAt,
        intensity: intensityOf(outcomeCheckins.answers).as("intensity"),
      })
      .from(outcomeCheckins)
      .innerJoin(intakes, eq(intakes.id, outcomeCheckins.intakeId))
      .where(and(eq(intakes.patientId, sql`${patientId}::uuid`), isNotNull(outcomeCheckins.answeredAt))),
    db
      .select({
        id: preVisitChecks.id,
        source: sql<"recovery_checkin" | "pre_visit_check">`'pre_visit_check'`.as("source"),
        week: sql<number | null>`null::smallint`.as("week"),
        at: preVisitChecks.answeredAt,
        intensity: intensityOf(preVisitChecks.answers).as("intensity"),
      })
      .from(preVisitChecks)
      .innerJoin(intakes, eq(intakes.id, preVisitChecks.intakeId))
      .where(and(eq(intakes.patientId, sql`${patientId}::uuid`), isNotNull(preVisitChecks.answeredAt))),
  )
    .orderBy(sql`4`)
    .prepare("fhir_pain_ratings"),
);

/**
 * The 0-10 pain ratings the patient gave after an intake, oldest first: answered recovery
 * check-ins (with their week) and answered pre-visit checks.
 */
export async function listPainRatings(db: Db, id: string) {
  const rows = await preparedPain(db).execute({ patientId: id });
  return rows.flatMap((r) =>
    r.intensity === null || !r.at ? [] : [{ ...r, intensity: Number(r.intensity), at: r.at }],
  );
}
