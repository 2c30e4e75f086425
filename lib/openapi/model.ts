// The shape of one documented operation, as the route tables (public.ts, staff.ts, interop.ts) write
// it and document.ts turns it into OpenAPI 3.1. Schemas stay zod: the request schemas are the ones
// the handlers parse with, so the document cannot drift from what the API accepts.
import { z } from "zod";
import type { ApiScope, StaffRole } from "@/common/vocabulary";

/** The reference page's sections, in the order it shows them. */
export const TAGS = [
  { name: "Intake", description: "Submit a patient's intake; it is graded at once." },
  { name: "Booking", description: "A patient's booking link: free times, booking one, the waitlist." },
  { name: "Staff: cases", description: "The case queue, one case, acknowledging it." },
  { name: "Staff: patients", description: "Patient search and one patient's timeline." },
  { name: "Staff: appointments", description: "Booking, moving and cancelling for a patient who calls." },
  { name: "Staff: audit", description: "The audit trail (admins)." },
  { name: "Webhooks", description: "Signed webhook endpoints and their deliveries." },
  { name: "FHIR", description: "FHIR R4 export of a patient, and the intake Questionnaire." },
  { name: "Scheduling feed", description: "Open times as a SMART Scheduling Links bulk-publish feed." },
  { name: "Service", description: "Health check and this document." },
] as const;

export type Tag = (typeof TAGS)[number]["name"];

/**
 * Who may call: anyone; a signed-in staff member only (`scope: null`, no integration key); or a
 * staff member or an integration key with `scope`. `roles` names the staff roles allowed.
 */
export type Access = { kind: "public" } | { kind: "staff"; scope: ApiScope | null; roles: readonly StaffRole[] };

/**
 * A schema with the name it has under components/schemas (shared, shown once) or none (inline).
 * `notes`: descriptions of its top-level fields, for schemas the handlers own (their zod carries
 * messages, not descriptions); a field's own description wins.
 */
export type Body = {
  schema: z.ZodType;
  name?: string;
  contentType?: string;
  description?: string;
  notes?: Record<string, string>;
};

/** An error body's codes, and the members they add to `{ error, message }`. */
export type ErrorSpec = { codes: readonly [string, ...string[]]; extra?: z.ZodRawShape };

export type ResponseSpec = {
  description: string;
  body?: Body;
  /** An error answer: document.ts builds its body (see errorBody), merging the codes of one status. */
  error?: ErrorSpec;
  /** Response headers by name: their description. */
  headers?: Record<string, string>;
};

export type HeaderParam = { name: string; description: string; schema: z.ZodType; required?: boolean };

export type Operation = {
  method: "get" | "post" | "delete";
  /** The OpenAPI path: `{id}` for a dynamic segment. */
  path: string;
  tag: Tag;
  summary: string;
  description?: string;
  access: Access;
  /** Descriptions of the path's `{name}` parameters (each a string). */
  pathParams?: Record<string, { description: string; schema?: z.ZodType }>;
  /** The query string, as the handler parses it, and what each parameter means. */
  query?: z.ZodObject;
  queryNotes?: Record<string, string>;
  headers?: HeaderParam[];
  requestBody?: Body;
  responses: Record<number, ResponseSpec>;
  /** FHIR routes answer their errors (all but apiRoute's 503) as an OperationOutcome. */
  fhirErrors?: boolean;
};

/** The error body every JSON route answers with: a stable code, a sentence, and what the code adds. */
export function errorBody(codes: readonly [string, ...string[]], extra: z.ZodRawShape = {}) {
  return z.object({
    error: z.enum(codes).describe("A stable machine code."),
    message: z.string().describe("A sentence for people; may change."),
    ...extra,
  });
}

export const FHIR_JSON = "application/fhir+json";

/** A FHIR route's error (lib/fhir/api.ts outcomeResponse): one issue; `details.text` is the code. */
export function outcomeBody(codes: readonly [string, ...string[]]) {
  return z.looseObject({
    resourceType: z.literal("OperationOutcome"),
    issue: z
      .array(
        z.looseObject({
          severity: z.enum(["error", "information"]),
          code: z.string().describe("The FHIR issue type: login, forbidden, not-found, informational, exception."),
          details: z.object({ text: z.enum(codes).describe("A stable machine code.") }),
          diagnostics: z.string().describe("A sentence for people; may change."),
        }),
      )
      .length(1),
  });
}

export const fieldErrorsSchema = z
  .record(z.string(), z.array(z.string()))
  .describe('Messages by field, as dotted paths ("contact.email"); "_root" for the body as a whole.');

/** An error response: the status's codes, what they mean, and any members the codes add. */
export function errorResponse(
  description: string,
  codes: readonly [string, ...string[]],
  extra: z.ZodRawShape = {},
  headers?: Record<string, string>,
): ResponseSpec {
  return { description, error: { codes, extra }, headers };
}

export const RETRY_AFTER = { "Retry-After": "Seconds to wait before trying again." };
export const NO_STORE = { "Cache-Control": "no-store" };
