// Patient/$everything: reads one patient's record, audits the export and builds the FHIR bundle
// (lib/fhir/bundle.ts). The records gathered are the patient page's: the patient row and what is
// on it (a merge moved the merged record's intakes and appointments here).
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { getFhirPatient, listFhirAppointments, listFhirIntakes, listPainRatings } from "@/db/queries/fhir";
import { survivorOf } from "@/db/queries/recovery";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/staff/audit";
import { explainGrade } from "@/lib/staff/format";
import { everythingBundle } from "./bundle";
import type { ClinicianInput, EverythingInput } from "./input";
import type { Bundle } from "./types";

/** Where this app serves its FHIR resources: each entry's fullUrl starts with it. */
export function fhirBaseUrl(): string {
  return `${env().APP_URL}/api/v1/fhir`;
}

type Options = { base: string; now: Date };

type FhirPatient = NonNullable<Awaited<ReturnType<typeof getFhirPatient>>>;

async function loadInput(db: Db, patient: FhirPatient): Promise<EverythingInput> {
  const [intakes, appointments, painRatings] = await Promise.all([
    listFhirIntakes(db, patient.id),
    listFhirAppointments(db, patient.id),
    listPainRatings(db, patient.id),
  ]);
  const clinicians = new Map<string, ClinicianInput>();
  for (const a of appointments)
    clinicians.set(a.clinicianId, {
      id: a.clinicianId,
      name: a.clinicianName,
      role: a.clinicianRole,
      active: a.clinicianActive,
      createdAt: a.clinicianCreatedAt,
    });
  return {
    patient,
    intakes: intakes.map((i) => {
      const grade = explainGrade(i);
      return {
        ...i,
        erased: i.erasedAt !== null,
        contractVersion: grade.contractVersion,
        firedRules: grade.firedRules,
        flags: grade.flags,
      };
    }),
    appointments: appointments.map((a) => ({ ...a, status: a.status as Exclude<typeof a.status, "held"> })),
    clinicians: [...clinicians.values()],
    painRatings,
  };
}

/**
 * The bundle of the live patient `patientId`, unaudited (the caller audits: the patient export
 * does, as `patient_exported`); null when there is no such live patient or it was erased.
 */
export async function buildPatientBundle(db: Db, patientId: string, options: Options): Promise<Bundle | null> {
  const patient = await getFhirPatient(db, patientId);
  if (!patient || patient.erasedAt || patient.mergedIntoId) return null;
  return everythingBundle(await loadInput(db, patient), options);
}

export type EverythingResult =
  { status: "not_found" } | { status: "merged"; survivorId: string } | { status: "ok"; bundle: Bundle };

/**
 * Patient/$everything for a staff member or an integration: unknown, malformed and erased ids are
 * not found; a record merged into another answers with the one it joined (the caller redirects).
 * Audited as `fhir_patient_exported` (the patient, and how many resources of each kind) once the
 * reads are done and before the bundle is returned: no audit row, no bundle.
 */
export async function patientEverything(
  db: Db,
  viewer: Viewer,
  id: string,
  options: Options,
): Promise<EverythingResult> {
  if (!z.uuid().safeParse(id).success) return { status: "not_found" };
  const patient = await getFhirPatient(db, id);
  if (!patient || patient.erasedAt) return { status: "not_found" };
  if (patient.mergedIntoId) return { status: "merged", survivorId: await survivorOf(db, id) };
  const bundle = everythingBundle(await loadInput(db, patient), options);
  const counts: Record<string, number> = {};
  for (const { resource } of bundle.entry) counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
  await recordAudit(db, {
    actor: { id: viewer.id, email: viewer.email },
    action: "fhir_patient_exported",
    subjectType: "patient",
    subjectId: id,
    after: { format: "fhir-r4/Bundle", resources: counts },
    clientAddress: viewer.clientAddress,
  });
  return { status: "ok", bundle };
}
