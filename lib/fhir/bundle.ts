// Patient/$everything: one patient's record as a FHIR R4 collection Bundle. Pure: plain data in,
// FHIR JSON out; `base` is where the resources are served (APP_URL/api/v1/fhir), for fullUrl.
import type { EverythingInput } from "./input";
import { flags, intakeObservations, painRatingObservation, questionnaireResponse, riskAssessment } from "./intake";
import { appointmentResource, patientResource, practitionerResource } from "./people";
import type { Bundle, Reference, Resource } from "./types";

const ref = (r: { resourceType: string; id: string }): Reference => ({ reference: `${r.resourceType}/${r.id}` });

/**
 * The bundle: the Patient, then the Practitioners of their appointments, then each intake (newest
 * first) as its QuestionnaireResponse, RiskAssessment, Flags and Observations, then later pain
 * ratings, then the Appointments (newest first). Every id is derived from our row ids.
 */
export function everythingBundle(input: EverythingInput, { base, now }: { base: string; now: Date }): Bundle {
  const patient = patientResource(input.patient);
  const subject = ref(patient);
  const resources: Resource[] = [patient];
  const used = new Set(input.appointments.map((a) => a.clinicianId));
  const practitioners = new Map(
    input.clinicians.filter((c) => used.has(c.id)).map((c) => [c.id, practitionerResource(c)]),
  );
  resources.push(...practitioners.values());
  const responses = new Map<string, Reference>();
  for (const intake of input.intakes) {
    const response = questionnaireResponse(intake, subject);
    const basis = response ? ref(response) : null;
    if (response && basis) {
      resources.push(response);
      responses.set(intake.id, basis);
    }
    resources.push(riskAssessment(intake, subject, basis), ...flags(intake, subject));
    resources.push(...intakeObservations(intake, subject, basis));
  }
  resources.push(...input.painRatings.map((r) => painRatingObservation(r, subject)));
  for (const a of input.appointments) {
    const practitioner = practitioners.get(a.clinicianId);
    if (!practitioner) continue;
    resources.push(appointmentResource(a, subject, ref(practitioner), responses.get(a.intakeId) ?? null));
  }
  return {
    resourceType: "Bundle",
    id: `${input.patient.id}-everything`,
    meta: { lastUpdated: now.toISOString() },
    type: "collection",
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource })),
  };
}
