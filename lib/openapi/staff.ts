// The staff API (/api/v1/staff/*): request schemas are the handlers' own (queue.ts, audit.ts,
// patients.ts, caller-booking.ts); the answers are in staff-schemas.ts.
import { z } from "zod";
import { STAFF_ROLES } from "@/common/vocabulary";
import { triageAuditQuerySchema } from "@/lib/governance/audit";
import { auditQuerySchema } from "@/lib/staff/audit";
import { staffBookSchema, staffCancelSchema, staffMoveSchema } from "@/lib/staff/caller-booking";
import { patientSearchSchema } from "@/lib/staff/patients";
import { queueQuerySchema } from "@/lib/staff/queue";
import { alternativesSchema, crossSite, invalid, payloadTooLarge, unavailable, unsupportedMediaType } from "./errors";
import { errorResponse, fieldErrorsSchema, type Operation, type ResponseSpec } from "./model";
import {
  auditEventSchema,
  bookedSchema,
  caseSchema,
  caseSummarySchema,
  patientResultSchema,
  patientSchema,
  staffSlot,
  triageAuditSchema,
} from "./staff-schemas";

const START = "An ISO 8601 instant with its offset, e.g. `2026-12-01T14:00:00Z`: a time the slot engine offers staff.";
const ID = { id: { description: "The record's id (a UUID).", schema: z.uuid() } };

/** 400, 403, 413, 415 and 503 of a JSON change (caller-booking-api.ts's `accept` and changeAnswer). */
function changeErrors(clinicianRequired: boolean): Record<number, ResponseSpec> {
  const sentFrom = "`cross_site`: sent with the session cookie from another site's page.";
  return {
    400: invalid("Not JSON, or a body that is not valid (`fieldErrors`).", ["invalid_request", "invalid_json"]),
    403: clinicianRequired
      ? errorResponse(
          `${sentFrom} \`clinician_required\`: booking or moving an emergency or urgent patient outside their level is a clinician's decision (an integration key acts as reception).`,
          ["cross_site", "clinician_required"],
        )
      : crossSite,
    413: payloadTooLarge(4),
    415: unsupportedMediaType,
    503: unavailable,
  };
}

const slotTaken = (more: string, codes: readonly [string, ...string[]]): ResponseSpec =>
  errorResponse(`\`slot_taken\`: the time was just taken (with \`alternatives\`); ${more}`, ["slot_taken", ...codes], {
    alternatives: alternativesSchema(staffSlot).optional(),
    appointmentId: z.uuid().optional().describe("`already_booked` on a booking: the appointment to move instead."),
  });

export const staffOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/staff/cases",
    tag: "Staff: cases",
    summary: "The case queue, or the To review list",
    description:
      "50 a page, the same filters as /staff; `next` is the cursor for `after`. A filter value that does not parse falls back to its default. Each call is audited (`api_case_list_viewed`).",
    access: { kind: "staff", scope: "cases:read", roles: STAFF_ROLES },
    query: queueQuerySchema,
    queryNotes: {
      queue: "`escalated` (the case queue, default) or `review` (the To review list).",
      level: "Only cases of this level.",
      status: "Which cases (default `open`).",
      q: "Part of a name or an email.",
      clinician: "Only cases with an appointment with this clinician.",
      after: "`next` of the previous page.",
    },
    responses: {
      200: {
        description: "One page of cases, most urgent first.",
        body: {
          name: "CasePage",
          schema: z.object({ cases: z.array(caseSummarySchema), next: z.string().nullable() }),
        },
      },
      503: unavailable,
    },
  },
  {
    method: "get",
    path: "/api/v1/staff/cases/{id}",
    tag: "Staff: cases",
    summary: "One case",
    description:
      "Contact, answers, the grade explained in its own ruleset version's words, notes and appointments. Audited as a view (`case_viewed`).",
    access: { kind: "staff", scope: "cases:read", roles: STAFF_ROLES },
    pathParams: ID,
    responses: {
      200: { description: "The case.", body: { schema: caseSchema, name: "Case" } },
      404: errorResponse("No case with that id (also a malformed id).", ["not_found"]),
      503: unavailable,
    },
  },
  {
    method: "post",
    path: "/api/v1/staff/cases/{id}/acknowledge",
    tag: "Staff: cases",
    summary: "Acknowledge a case",
    description: "A person's act: session only, no integration key. Audited.",
    access: { kind: "staff", scope: null, roles: STAFF_ROLES },
    pathParams: ID,
    responses: {
      200: {
        description: "Acknowledged.",
        body: { schema: z.object({ id: z.uuid(), acknowledged: z.literal(true) }) },
      },
      403: crossSite,
      404: errorResponse("No case with that id.", ["not_found"]),
      409: errorResponse("Someone already acknowledged it.", ["already_acknowledged"]),
      503: unavailable,
    },
  },
  {
    method: "get",
    path: "/api/v1/staff/patients",
    tag: "Staff: patients",
    summary: "Search patients",
    description:
      "25 a page by last name. `q` is a name, an email, a phone number or a date of birth (YYYY-MM-DD or M/D/YYYY); `searchedBy` says which it was read as. Audited as `patients_searched` with its terms.",
    access: { kind: "staff", scope: "patients:read", roles: STAFF_ROLES },
    query: patientSearchSchema,
    queryNotes: {
      q: "A name, an email, a phone number (6 digits or more) or a date of birth.",
      cursor: "`next` of the previous page.",
    },
    responses: {
      200: {
        description: "One page of patients.",
        body: {
          name: "PatientPage",
          schema: z.object({
            searchedBy: z.enum(["name", "email", "phone", "dob"]).nullable(),
            patients: z.array(patientResultSchema),
            next: z.string().nullable().describe("The cursor of the next page, or null."),
          }),
        },
      },
      400: invalid(
        "A search over 100 characters (`invalid_query`), or a cursor this API did not give (`invalid_cursor`).",
        ["invalid_query", "invalid_cursor"],
      ),
      403: crossSite,
      503: unavailable,
    },
  },
  {
    method: "get",
    path: "/api/v1/staff/patients/{id}",
    tag: "Staff: patients",
    summary: "One patient's timeline",
    description:
      "Contact, the level that acts now, intakes, appointments, notes and calls, emails (kind and status only), alerts, waitlist offers, pre-visit checks and merges. Audited as `patient_viewed`.",
    access: { kind: "staff", scope: "patients:read", roles: STAFF_ROLES },
    pathParams: ID,
    responses: {
      200: { description: "The patient.", body: { schema: patientSchema, name: "Patient" } },
      307: {
        description: "This record was merged into another: `Location` is the record it joined.",
        body: {
          schema: z.object({ error: z.literal("merged"), message: z.string(), survivorId: z.uuid() }),
        },
        headers: { Location: "The surviving record's URL." },
      },
      403: crossSite,
      404: errorResponse("No patient with that id (also a malformed id).", ["not_found"]),
      503: unavailable,
    },
  },
  {
    method: "post",
    path: "/api/v1/staff/appointments",
    tag: "Staff: appointments",
    summary: "Book for a caller",
    description:
      "Any active type into a time the slot engine offers staff. The patient is emailed the confirmation, calendar file and a manage link. Audited as `appointment_booked` with the reason.",
    access: { kind: "staff", scope: "appointments:write", roles: STAFF_ROLES },
    requestBody: {
      schema: staffBookSchema,
      name: "StaffBooking",
      notes: {
        start: START,
        reason: "Required for a time outside what the patient's level allows; audited.",
      },
    },
    responses: {
      201: {
        description: "Booked.",
        body: {
          name: "StaffBooked",
          schema: bookedSchema.extend({
            patientId: z.uuid(),
            outsideLevel: z
              .boolean()
              .describe("The time is outside what the patient's level allows (a reason was given)."),
          }),
        },
      },
      ...changeErrors(true),
      404: errorResponse("Unknown or erased patient.", ["not_found"]),
      409: slotTaken("`already_booked`: this episode already has an appointment (`appointmentId`: move that one).", [
        "already_booked",
      ]),
      422: errorResponse(
        "`reason_required`: a time outside the patient's level without a reason (`fieldErrors.reason`); `no_intake`: the patient has no intake yet; `not_available`: the time is not offered.",
        ["reason_required", "no_intake", "not_available"],
        { fieldErrors: fieldErrorsSchema.optional() },
      ),
    },
  },
  {
    method: "post",
    path: "/api/v1/staff/appointments/{id}/move",
    tag: "Staff: appointments",
    summary: "Move an appointment",
    description:
      "A new appointment with a new id; the old one is kept as history. The patient's manage link keeps working and they get the 'moved' email. Audited as `appointment_moved`.",
    access: { kind: "staff", scope: "appointments:write", roles: STAFF_ROLES },
    pathParams: ID,
    requestBody: {
      schema: staffMoveSchema,
      name: "StaffMove",
      notes: {
        start: START,
        clinicianId: "Another clinician (default: the same one).",
        reason: "Why it moves; audited.",
      },
    },
    responses: {
      200: {
        description: "Moved.",
        body: { name: "StaffMoved", schema: bookedSchema.extend({ previousId: z.uuid() }) },
      },
      ...changeErrors(true),
      404: errorResponse("No appointment with that id.", ["not_found"]),
      409: slotTaken(
        "`not_booked`: no longer booked (cancelled, moved, over) or past the point it can change; `already_booked`: another appointment is booked for this episode.",
        ["not_booked", "already_booked"],
      ),
      422: errorResponse("The time is not offered for this appointment.", ["not_available"]),
    },
  },
  {
    method: "post",
    path: "/api/v1/staff/appointments/{id}/cancel",
    tag: "Staff: appointments",
    summary: "Cancel an appointment",
    description:
      "The patient gets the cancellation email; inside the clinic's cancellation cut-off it is marked late. Audited as `appointment_cancelled`.",
    access: { kind: "staff", scope: "appointments:write", roles: STAFF_ROLES },
    pathParams: ID,
    requestBody: { schema: staffCancelSchema, name: "StaffCancel", notes: { reason: "Why it is cancelled; audited." } },
    responses: {
      200: {
        description: "Cancelled.",
        body: {
          schema: z.object({ id: z.uuid(), status: z.literal("cancelled"), late: z.boolean() }),
        },
      },
      ...changeErrors(false),
      404: errorResponse("No appointment with that id.", ["not_found"]),
      409: errorResponse("No longer booked (cancelled, moved or over).", ["not_booked"]),
    },
  },
  {
    method: "get",
    path: "/api/v1/staff/audit",
    tag: "Staff: audit",
    summary: "The audit trail",
    description:
      "100 events a page, newest first, the same filters as /staff/audit (dates in the clinic's zone); `next` is the cursor for `before`. A filter that does not parse is dropped. Admins, session only. Audited as `audit_viewed`.",
    access: { kind: "staff", scope: null, roles: ["admin"] },
    query: auditQuerySchema,
    queryNotes: {
      action: "One action, e.g. `case_viewed`.",
      actor: "The acting staff member's id.",
      patient: "Part of a patient's name or email: events about their cases and appointments.",
      subject: "The id of the record the event is about.",
      from: "First day, clinic-local `YYYY-MM-DD`.",
      to: "Last day (inclusive), clinic-local `YYYY-MM-DD`.",
      before: "`next` of the previous page.",
    },
    responses: {
      200: {
        description: "One page of events.",
        body: {
          name: "AuditPage",
          schema: z.object({ events: z.array(auditEventSchema), next: z.string().nullable() }),
        },
      },
      503: unavailable,
    },
  },
  {
    method: "get",
    path: "/api/v1/staff/triage-audit",
    tag: "Staff: audit",
    summary: "The triage audit",
    description:
      "How each rule of a ruleset version performed on this clinic's patients, computed over the whole history: per rule the grades it fired on, how many have a clinician's verdict, the share judged right and its positive predictive value for a confirmed serious diagnosis; the share of each level over time; under-triage case by case; the silent pilot's engine-versus-staff table. The same figures as /staff/triage-audit. Clinicians and admins, session only (no key scope covers it). Audited as `triage_audit_viewed`.",
    access: { kind: "staff", scope: null, roles: ["clinician", "admin"] },
    query: triageAuditQuerySchema,
    queryNotes: {
      ruleset: "A ruleset version, e.g. `2026.12`; the current one by default.",
      from: "First day, clinic-local `YYYY-MM-DD`.",
      to: "Last day (inclusive), clinic-local `YYYY-MM-DD`.",
      level: "Only grades at this level (the engine's grade); `levels` and `trend` keep every level.",
    },
    responses: {
      200: { description: "The audit's figures.", body: { name: "TriageAudit", schema: triageAuditSchema } },
      503: unavailable,
    },
  },
];
