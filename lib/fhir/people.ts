// The patient, the clinicians they saw and their appointments as FHIR resources.
import { SYSTEMS } from "./codes";
import type { AppointmentInput, ClinicianInput, PatientInput } from "./input";
import type { Appointment, Patient, Practitioner, Reference } from "./types";

const iso = (d: Date) => d.toISOString();

const GENDER: Record<string, Patient["gender"]> = { female: "female", male: "male", other: "other" };

/** The patient; records merged into this one are linked as replaced by it. */
export function patientResource(p: PatientInput): Patient {
  return {
    resourceType: "Patient",
    id: p.id,
    meta: { lastUpdated: iso(p.updatedAt) },
    identifier: [{ system: SYSTEMS.patientId, value: p.id }],
    active: true,
    name: [{ use: "official", family: p.lastName, given: [p.firstName] }],
    telecom: [
      { system: "phone", value: p.phone },
      { system: "email", value: p.email },
    ],
    gender: GENDER[p.sex] ?? "unknown",
    birthDate: p.dateOfBirth,
    ...(p.mergedIds.length
      ? {
          link: p.mergedIds.map((id) => ({
            // By identifier: the merged-away record is not in the bundle nor served on its own.
            other: { identifier: { system: SYSTEMS.patientId, value: id } },
            type: "replaces" as const,
          })),
        }
      : {}),
  };
}

/** A clinician (the clinic's own list; their role as a qualification in words). */
export function practitionerResource(c: ClinicianInput): Practitioner {
  return {
    resourceType: "Practitioner",
    id: c.id,
    meta: { lastUpdated: iso(c.createdAt) },
    active: c.active,
    name: [{ text: c.name }],
    qualification: [{ code: { text: c.role } }],
  };
}

const STATUS: Record<AppointmentInput["status"], Appointment["status"]> = {
  booked: "booked",
  arrived: "arrived",
  completed: "fulfilled",
  no_show: "noshow",
  cancelled: "cancelled",
  // A moved appointment: this row is history, the new time is another appointment.
  rescheduled: "cancelled",
};

/** One appointment, with the patient and the clinician as participants and the intake it was booked from. */
export function appointmentResource(
  a: AppointmentInput,
  patient: Reference,
  practitioner: Reference,
  intake: Reference | null,
): Appointment {
  const status = STATUS[a.status];
  const reason = a.status === "rescheduled" ? "Moved to another time" : a.cancelReason;
  return {
    resourceType: "Appointment",
    id: a.id,
    meta: { lastUpdated: iso(a.cancelledAt && a.cancelledAt > a.createdAt ? a.cancelledAt : a.createdAt) },
    identifier: [{ system: SYSTEMS.appointmentId, value: a.id }],
    status,
    ...(status === "cancelled" && reason?.trim() ? { cancelationReason: { text: reason.trim() } } : {}),
    serviceType: [{ text: a.type }],
    start: iso(a.startsAt),
    end: iso(a.endsAt),
    created: iso(a.createdAt),
    ...(intake ? { supportingInformation: [intake] } : {}),
    participant: [
      { actor: patient, status: "accepted" },
      { actor: practitioner, status: "accepted" },
    ],
  };
}
