// The public routes: the intake, a booking link's times, bookings and the waitlist, the health check
// and this document. Request schemas are the handlers' own; response schemas follow the handlers
// (lib/intakes/api.ts, lib/booking/api.ts, lib/waitlist/api.ts, app/api/health/route.ts).
import { z } from "zod";
import { LEVELS } from "@/common/vocabulary";
import { bookingBody, slotsQuery } from "@/lib/booking/api";
import { intakeAnswersSchema } from "@/lib/triage";
import { availabilitySchema } from "@/lib/waitlist/availability";
import { waitlistJoinSchema } from "@/lib/waitlist/join";
import {
  alternativesSchema,
  badBookingLink,
  goneBookingLink,
  invalid,
  payloadTooLarge,
  rateLimited,
  unavailable,
  unsupportedMediaType,
} from "./errors";
import { errorResponse, fieldErrorsSchema, type HeaderParam, type Operation } from "./model";

const instant = z.iso.datetime({ offset: true });
const level = z.enum(LEVELS);

const idempotencyKey: HeaderParam = {
  name: "Idempotency-Key",
  description:
    "1 to 100 characters. The same key with the same body returns the first response again (`Idempotent-Replayed: true`); with another body, 422.",
  schema: z.string().min(1).max(100),
};
const START = "An ISO 8601 instant with its offset, e.g. `2026-12-01T14:00:00Z`: a `start` from `GET /api/v1/slots`.";
const BOOKING_TOKEN = "The booking link's token: `next.bookingToken` of the intake's answer (valid 30 days).";

const REPLAYED = { "Idempotent-Replayed": "`true` when this is the first response to the same key, again." };

const intakeCreatedSchema = z.object({
  id: z.uuid(),
  level: level
    .nullable()
    .describe(
      "The grade; null for a silent-pilot intake (`silent: true`), whose patient is not told it (an EMERGENCY is always given).",
    ),
  silent: z
    .boolean()
    .optional()
    .describe(
      "`true` while the clinic runs its silent pilot: the grade is stored for the staff, the answer leaves it out (`level` null, `firedRules` and `flags` empty, `next.action` `await_contact`, booking not limited by grade).",
    ),
  rulesetVersion: z.string(),
  contractVersion: z.string(),
  firedRules: z.array(z.object({ id: z.string(), level, summary: z.string() })),
  scores: z.object({
    outlook: z
      .object({ total: z.number(), psychosocial: z.number(), risk: z.enum(["low", "medium", "high"]) })
      .nullable(),
    function: z
      .object({
        percent: z.number(),
        band: z.enum(["minimal", "moderate", "severe", "crippling", "bed_bound"]),
        answeredSections: z.int(),
      })
      .nullable(),
  }),
  flags: z.array(z.object({ id: z.string(), summary: z.string() })),
  next: z.object({
    action: z
      .enum(["emergency", "await_call", "book", "self_care", "under_16", "await_contact"])
      .describe("`await_contact`: a silent-pilot intake: thank the patient; the clinic contacts them."),
    message: z.string(),
    canBook: z.boolean(),
    bookWithinDays: z.int().nullable().describe("SOON: only times within this many days are offered."),
    bookingToken: z.string().nullable().describe("Present only when `canBook`: the booking link's token."),
    bookingUrl: z.string().nullable(),
  }),
});

const slotSchema = z.object({
  start: instant,
  end: instant,
  clinicianId: z.uuid(),
  clinicianName: z.string(),
  appointmentTypeId: z.string(),
});

const waitlistEntrySchema = z.object({
  id: z.uuid(),
  status: z.literal("waiting"),
  availability: availabilitySchema,
  notBefore: z.string().nullable().describe("The first clinic-local date (YYYY-MM-DD) that suits the patient."),
  earlierThan: instant
    .nullable()
    .describe("The start of the appointment the patient already holds: only earlier times are offered."),
});

const healthSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  db: z.enum(["up", "down"]),
  version: z.string(),
});

const bookingLinkRefusals = {
  401: badBookingLink,
  410: goneBookingLink,
};

export const publicOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/intakes",
    tag: "Intake",
    summary: "Submit an intake and get its grade",
    description:
      "Takes one intake as the intake contract (2026.12) describes it, grades it with the current ruleset and stores answers and grade together. An early submission from the emergency page sets `stoppedAt`.",
    access: { kind: "public" },
    headers: [idempotencyKey],
    requestBody: {
      schema: intakeAnswersSchema,
      name: "IntakeAnswers",
      description: "The answers, as docs/intake-contract.md (contract 2026.12) describes each field.",
    },
    responses: {
      201: {
        description:
          "Graded and stored: the level, why, and what the patient may do next (during a silent pilot, without the grade).",
        body: { schema: intakeCreatedSchema, name: "IntakeCreated" },
        headers: REPLAYED,
      },
      400: invalid("Not JSON, answers that break the contract (`fieldErrors`), or a bad Idempotency-Key.", [
        "invalid_intake",
        "invalid_json",
        "invalid_idempotency_key",
      ]),
      413: payloadTooLarge(64),
      415: unsupportedMediaType,
      422: errorResponse("The Idempotency-Key was used with a different body.", ["idempotency_key_reused"]),
      429: rateLimited("more than RATE_LIMIT_INTAKES_PER_MINUTE intakes from this client in a minute"),
      503: unavailable,
    },
  },
  {
    method: "get",
    path: "/api/v1/slots",
    tag: "Booking",
    summary: "Free times a booking link may book",
    description:
      "Without `type`, the default appointment type for the grade; `from` defaults to today in the clinic's zone. Unknown parameters are refused.",
    access: { kind: "public" },
    query: slotsQuery,
    queryNotes: {
      bookingToken: BOOKING_TOKEN,
      from: "The first day, a clinic-local date `YYYY-MM-DD` (default: today in the clinic's zone).",
      days: "How many days from `from` (default 7).",
      type: "An appointment type id (default: the type the grade books).",
    },
    responses: {
      200: {
        description: "The times, in the clinic's zone.",
        body: { schema: z.object({ timeZone: z.string(), slots: z.array(slotSchema) }), name: "SlotList" },
      },
      400: invalid("Malformed query (`fieldErrors` by parameter).", ["invalid_query"]),
      ...bookingLinkRefusals,
      422: errorResponse("The grade cannot book online, or cannot book that type.", ["not_eligible"]),
      429: rateLimited("over RATE_LIMIT_SLOTS_PER_MINUTE for this client"),
      503: unavailable,
    },
  },
  {
    method: "post",
    path: "/api/v1/bookings",
    tag: "Booking",
    summary: "Book one of the offered times",
    description:
      "The database refuses double bookings. A replay of the same Idempotency-Key and body returns the same appointment with `manageUrl: null` (the patient uses the emailed link).",
    access: { kind: "public" },
    headers: [idempotencyKey],
    requestBody: {
      schema: bookingBody,
      name: "BookingRequest",
      notes: {
        bookingToken: BOOKING_TOKEN,
        appointmentTypeId: "The `appointmentTypeId` of the chosen slot.",
        clinicianId: "The `clinicianId` of the chosen slot.",
        start: START,
      },
    },
    responses: {
      201: {
        description: "Booked.",
        body: {
          name: "BookingCreated",
          schema: z.object({
            id: z.uuid(),
            start: instant,
            end: instant,
            clinician: z.object({ id: z.uuid() }),
            manageUrl: z.string().nullable().describe("The private manage page; null on a replay."),
          }),
        },
        headers: REPLAYED,
      },
      400: invalid("Not JSON, a body that is not valid (`fieldErrors`), or a bad Idempotency-Key.", [
        "invalid_booking",
        "invalid_json",
        "invalid_idempotency_key",
      ]),
      ...bookingLinkRefusals,
      409: errorResponse(
        "`slot_taken`: the time was just taken (with `alternatives`); `already_booked`: this intake already has an appointment.",
        ["slot_taken", "already_booked"],
        { alternatives: alternativesSchema(slotSchema).optional() },
      ),
      413: payloadTooLarge(4),
      415: unsupportedMediaType,
      422: errorResponse(
        "`not_eligible`: the grade cannot book online, or the time is outside what it may book; `idempotency_key_reused`.",
        ["not_eligible", "idempotency_key_reused"],
      ),
      429: rateLimited("over RATE_LIMIT_BOOKINGS_PER_MINUTE for this client"),
      503: unavailable,
    },
  },
  {
    method: "post",
    path: "/api/v1/waitlist",
    tag: "Booking",
    summary: "Join the waitlist, or change when you can come",
    description:
      "One waiting entry per intake: joining again changes the choice and keeps the place in the queue. Only times earlier than an appointment the patient holds are offered.",
    access: { kind: "public" },
    requestBody: {
      schema: waitlistJoinSchema,
      name: "WaitlistJoin",
      notes: {
        bookingToken: BOOKING_TOKEN,
        availability:
          '`"any"`, or weekdays (`mon` … `sun`) with parts of the day: `morning` (before 12:00), `afternoon` (12:00–17:00), `evening` (from 17:00), clinic time. E.g. `{ "mon": ["morning"] }`.',
        notBefore:
          "A clinic-local date `YYYY-MM-DD`, from today to the last day the patient could book (7 days for SOON).",
      },
    },
    responses: {
      201: { description: "On the waitlist.", body: { schema: waitlistEntrySchema, name: "WaitlistEntry" } },
      200: {
        description: "Already waiting: the choice changed.",
        body: { schema: waitlistEntrySchema, name: "WaitlistEntry" },
      },
      400: invalid("Not JSON, or a body that is not valid (`fieldErrors`).", ["invalid_waitlist", "invalid_json"]),
      ...bookingLinkRefusals,
      413: payloadTooLarge(4),
      415: unsupportedMediaType,
      422: errorResponse(
        "`not_eligible`: the grade cannot book online; `invalid_waitlist`: `notBefore` is outside the booking window (`fieldErrors`).",
        ["not_eligible", "invalid_waitlist"],
        { fieldErrors: fieldErrorsSchema.optional() },
      ),
      429: rateLimited("over RATE_LIMIT_BOOKINGS_PER_MINUTE for this client"),
      503: unavailable,
    },
  },
  {
    method: "get",
    path: "/api/health",
    tag: "Service",
    summary: "Liveness and database reachability",
    description: "For load balancers and uptime checks. Never cached.",
    access: { kind: "public" },
    responses: {
      200: { description: "Up.", body: { schema: healthSchema, name: "Health" } },
      503: {
        description: "The database cannot be reached.",
        body: { schema: healthSchema, name: "Health" },
        headers: { "Retry-After": "Seconds to wait before trying again." },
      },
    },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "Service",
    summary: "This OpenAPI 3.1 document",
    description: "Public and cacheable. The readable version is at /docs/api.",
    access: { kind: "public" },
    responses: {
      200: {
        description: "The document.",
        body: { schema: z.looseObject({ openapi: z.literal("3.1.0") }) },
      },
    },
  },
];
