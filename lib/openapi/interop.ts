// Interoperability (issue 21): the FHIR export, the open-slot feed (SMART Scheduling Links) and the
// webhook management API. Response shapes follow lib/fhir/api.ts, lib/slot-feed/http.ts and
// lib/staff/webhooks-api.ts.
import { z } from "zod";
import { STAFF_ROLES } from "@/common/vocabulary";
import { EXPORT_ROLES } from "@/lib/privacy/export";
import { WEBHOOK_EVENTS } from "@/lib/notifications/webhook-events";
import { newWebhookApiSchema } from "@/lib/staff/webhooks";
import { errorResponse, FHIR_JSON, type Body, type Operation, type ResponseSpec } from "./model";
import { crossSite, invalid, payloadTooLarge, rateLimited, unavailable, unsupportedMediaType } from "./errors";

const instant = z.iso.datetime({ offset: true });
const NDJSON = "application/fhir+ndjson";

const resource = z.looseObject({
  resourceType: z.string(),
  id: z.string(),
  meta: z.looseObject({ lastUpdated: instant }).optional(),
});

const bundleSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  id: z.string(),
  type: z.literal("collection"),
  timestamp: instant,
  entry: z.array(z.looseObject({ fullUrl: z.string(), resource })),
});

const questionnaireSchema = z.looseObject({
  resourceType: z.literal("Questionnaire"),
  id: z.string(),
  url: z.string(),
  version: z.string().describe("The intake contract version."),
  status: z.string(),
  item: z.array(z.looseObject({ linkId: z.string(), type: z.string() })),
});

/** The feed's caching (lib/slot-feed/http.ts): regenerated at most every 5 minutes. */
const FEED_HEADERS = {
  "Cache-Control": "`public, max-age=300`.",
  "Last-Modified": "When this data set was made (`transactionTime`).",
};
const notModified: ResponseSpec = {
  description: "Unchanged since `If-Modified-Since`.",
  headers: FEED_HEADERS,
};
const ifModifiedSince = {
  name: "If-Modified-Since",
  description: "A client that already has this data set gets a 304.",
  schema: z.string(),
};

const feedFile = (path: string, type: "Location" | "Schedule" | "Slot", what: string): Operation => ({
  method: "get",
  path,
  tag: "Scheduling feed",
  summary: `The ${type} file (NDJSON)`,
  description: `${what} One FHIR R4 ${type} per line. Public, listed in the $bulk-publish manifest.`,
  access: { kind: "public" },
  headers: [ifModifiedSince],
  responses: {
    200: {
      description: `${type} resources, one JSON object per line.`,
      body: { schema: z.string(), contentType: NDJSON },
      headers: FEED_HEADERS,
    },
    304: notModified,
    429: rateLimited("over RATE_LIMIT_SLOTS_PER_MINUTE for this client (shared by the feed's files)"),
    503: unavailable,
  },
});

const endpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  active: z.boolean(),
  createdAt: instant,
});

const deliverySchema = z.object({
  id: z.uuid().describe("The message id: the `webhook-id` header of every attempt."),
  event: z.string(),
  caseId: z.uuid().nullable(),
  status: z.enum(["pending", "sent", "dead", "cancelled"]).describe("`dead`: given up after its retries."),
  attempts: z.int(),
  lastError: z.string().nullable(),
  queuedAt: instant,
  dueAt: instant.describe("When it is (or was) next tried."),
  deliveredAt: instant.nullable(),
});

const ENDPOINT_ID = { id: { description: "The webhook endpoint's id.", schema: z.uuid() } };
const endpointNotFound = errorResponse("No webhook endpoint with that id.", ["not_found"]);
const json = (schema: z.ZodType, name?: string): Body => ({ schema, name });

export const interopOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/fhir/Patient/{id}/$everything",
    tag: "FHIR",
    summary: "A patient's record as a FHIR R4 Bundle",
    description:
      "A `collection` Bundle: Patient; each intake as a QuestionnaireResponse (referencing our Questionnaire); each grade as a RiskAssessment; staff flags as Flag; scores and pain ratings as Observation (LOINC 72514-3 for pain severity 0–10); appointments as Appointment with Practitioner resources. Stable ids and `meta.lastUpdated`. Errors are OperationOutcomes (`issue[0].details.text` is the code). Audited.",
    access: { kind: "staff", scope: "fhir:read", roles: EXPORT_ROLES },
    fhirErrors: true,
    pathParams: { id: { description: "The patient's id (a UUID).", schema: z.uuid() } },
    query: z.object({
      download: z
        .literal("1")
        .optional()
        .describe("`1`: answer as a file (a name with the date and the id's start, never the patient's name)."),
    }),
    responses: {
      200: {
        description: "The Bundle.",
        body: { schema: bundleSchema, name: "FhirBundle", contentType: FHIR_JSON },
        headers: { "Content-Disposition": "With `download=1`: an attachment file name." },
      },
      307: {
        description: "This record was merged into another: `Location` is its `$everything`.",
        error: { codes: ["merged"] },
        headers: { Location: "The surviving record's `$everything`." },
      },
      404: errorResponse("Unknown, erased or malformed patient id.", ["not_found"]),
      503: unavailable,
    },
  },
  {
    method: "get",
    path: "/api/v1/fhir/Questionnaire/{version}",
    tag: "FHIR",
    summary: "The intake Questionnaire of one contract version",
    description:
      "Items and answer options generated from the intake contract; the QuestionnaireResponses of a patient's bundle reference it. No patient data.",
    access: { kind: "staff", scope: "fhir:read", roles: STAFF_ROLES },
    fhirErrors: true,
    pathParams: { version: { description: "An intake contract version, e.g. `2026.12`." } },
    responses: {
      200: {
        description: "The Questionnaire.",
        body: { schema: questionnaireSchema, name: "FhirQuestionnaire", contentType: FHIR_JSON },
      },
      404: errorResponse("No intake contract has that version.", ["not_found"]),
      503: unavailable,
    },
  },
  {
    method: "get",
    path: "/api/v1/scheduling/$bulk-publish",
    tag: "Scheduling feed",
    summary: "The open-slot feed's manifest",
    description:
      "SMART Scheduling Links bulk publication: where the Location, Schedule and Slot files are (absolute URLs), and when the data set was made. Free and busy slots per appointment type for the next 4 weeks; each free slot carries a `booking-deep-link` that opens the intake with the time remembered (the grade still decides).",
    access: { kind: "public" },
    headers: [ifModifiedSince],
    responses: {
      200: {
        description: "The manifest.",
        body: json(
          z.object({
            transactionTime: instant,
            request: z.string(),
            output: z.array(z.object({ type: z.enum(["Location", "Schedule", "Slot"]), url: z.string() })),
            error: z.array(z.unknown()).max(0),
          }),
          "FeedManifest",
        ),
        headers: FEED_HEADERS,
      },
      304: notModified,
      429: rateLimited("over RATE_LIMIT_SLOTS_PER_MINUTE for this client (shared by the feed's files)"),
      503: unavailable,
    },
  },
  feedFile("/api/v1/scheduling/locations.ndjson", "Location", "The clinic, with its address and phone."),
  feedFile("/api/v1/scheduling/schedules.ndjson", "Schedule", "One per appointment type patients can book."),
  feedFile("/api/v1/scheduling/slots.ndjson", "Slot", "Free and busy times for the next 4 weeks."),
  {
    method: "get",
    path: "/api/v1/scheduling/chosen-time",
    tag: "Scheduling feed",
    summary: "Remember a feed slot's time, then open the intake",
    description:
      "Where a slot's booking deep link leads: the chosen time is kept in a cookie (only the kind of appointment and the time) and the patient goes on to the intake. A missing, malformed or past time is ignored, with no error.",
    access: { kind: "public" },
    query: z.object({ slot: z.string().optional().describe("The slot handle from the deep link.") }),
    responses: {
      303: {
        description: "On to /intake.",
        headers: { Location: "`/intake`.", "Set-Cookie": "The chosen time, until it starts (at most 7 days)." },
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/staff/webhooks",
    tag: "Webhooks",
    summary: "List webhook endpoints",
    description: "Every endpoint, oldest first, with the events it receives. Never the signing secret.",
    access: { kind: "staff", scope: "webhooks:manage", roles: ["admin"] },
    responses: {
      200: {
        description: "The endpoints.",
        body: json(z.object({ endpoints: z.array(endpointSchema) }), "WebhookEndpointList"),
      },
      503: unavailable,
    },
  },
  {
    method: "post",
    path: "/api/v1/staff/webhooks",
    tag: "Webhooks",
    summary: "Add a webhook endpoint",
    description:
      "Deliveries are signed as Standard Webhooks describes (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The signing secret is in this answer only, never again. Audited.",
    access: { kind: "staff", scope: "webhooks:manage", roles: ["admin"] },
    requestBody: {
      schema: newWebhookApiSchema,
      name: "WebhookEndpointCreate",
      notes: {
        url: "https:// (plain http only for localhost), without a user name or password; redirects are not followed.",
        events: `Any of: ${WEBHOOK_EVENTS.join(", ")}.`,
      },
    },
    responses: {
      201: {
        description: "Added; `secret` is shown once.",
        body: json(
          endpointSchema.extend({
            secret: z.string().describe('"whsec_" and base64: keep it; it is not shown again.'),
          }),
          "WebhookEndpointCreated",
        ),
      },
      400: invalid("Not JSON, or a body that is not valid (`fieldErrors`).", ["invalid_request", "invalid_json"]),
      403: crossSite,
      413: payloadTooLarge(4),
      415: unsupportedMediaType,
      422: errorResponse("The endpoint could not be added.", ["refused"]),
      503: unavailable,
    },
  },
  {
    method: "delete",
    path: "/api/v1/staff/webhooks/{id}",
    tag: "Webhooks",
    summary: "Remove a webhook endpoint",
    description: "Its queued deliveries are cancelled. Audited.",
    access: { kind: "staff", scope: "webhooks:manage", roles: ["admin"] },
    pathParams: ENDPOINT_ID,
    responses: {
      204: { description: "Removed." },
      403: crossSite,
      404: endpointNotFound,
      503: unavailable,
    },
  },
  {
    method: "get",
    path: "/api/v1/staff/webhooks/{id}/deliveries",
    tag: "Webhooks",
    summary: "An endpoint's deliveries",
    description: "The latest 50 deliveries, newest first: each event, how it stands, attempts and the last error.",
    access: { kind: "staff", scope: "webhooks:manage", roles: ["admin"] },
    pathParams: ENDPOINT_ID,
    responses: {
      200: {
        description: "The deliveries.",
        body: json(z.object({ deliveries: z.array(deliverySchema) }), "WebhookDeliveryList"),
      },
      404: endpointNotFound,
      503: unavailable,
    },
  },
];
