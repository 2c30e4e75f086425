import { z } from "zod";
import type { Db } from "@/db/client";
import { claimIdempotencyKey, findIdempotencyKey, type BookingIntake } from "@/db/queries/intakes";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { clinicZone } from "@/lib/clinic-settings";
import { CONTROL_CHARACTER, fieldErrors, oneLineText } from "@/lib/forms";
import { bodyHash, clientKey, jsonError, readJsonBody } from "@/lib/http";
import { localDate } from "@/lib/scheduling";
import { bookingAccess, type BookingAccess } from "./access";
import { bookAppointment } from "./book";
import { eligibilityFor, typeLevelFor } from "./eligibility";
import { bookingSettings, cachedOfferedSlots, pickType } from "./schedule";

export type BookingApiOptions = {
  secret: string;
  trustedProxies: number;
  rateLimitPerMinute: number;
  appUrl: string;
  now?: () => Date;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const slotsQuery = z.strictObject({
  bookingToken: z.string({ error: "bookingToken is required" }).min(1).max(200).refine(oneLineText, CONTROL_CHARACTER),
  from: z
    .string()
    .regex(ISO_DATE, { error: "from must be a date, YYYY-MM-DD" })
    .refine((d) => !Number.isNaN(Date.parse(d)), { error: "from is not a real date" })
    .optional(),
  days: z.coerce
    .number({ error: "days must be a number" })
    .int()
    .min(1, { error: "days must be 1 to 31" })
    .max(31, { error: "days must be 1 to 31" })
    .default(7),
  type: z.string().min(1).max(50).refine(oneLineText, CONTROL_CHARACTER).optional(),
});

export const bookingBody = z.strictObject({
  bookingToken: z.string({ error: "bookingToken is required" }).min(1).max(200).refine(oneLineText, CONTROL_CHARACTER),
  appointmentTypeId: z
    .string({ error: "appointmentTypeId is required" })
    .min(1)
    .max(50)
    .refine(oneLineText, CONTROL_CHARACTER),
  clinicianId: z.uuid({ error: "clinicianId must be a clinician's id" }),
  start: z.iso.datetime({ offset: true, error: "start must be an ISO 8601 instant, e.g. 2026-12-01T14:00:00Z" }),
});

type Resolved = { ok: true; intake: BookingIntake } | { ok: false; response: Response };

/**
 * A booking link that opens nothing, as every API that takes one answers it: 401 when forged, 410
 * when expired or erased, 422 when its grade cannot book online.
 */
export function refusedBookingLink(status: Exclude<BookingAccess["status"], "ok">): Response {
  switch (status) {
    case "invalid":
      return jsonError(401, "invalid_token", "This booking link is not valid.");
    case "expired":
      return jsonError(410, "token_expired", "This booking link has expired. Please fill in the form again.");
    case "erased":
      return jsonError(
        410,
        "erased",
        "The details behind this booking link have been erased. Please fill in the form again.",
      );
    case "not_eligible":
      return jsonError(422, "not_eligible", "This result cannot be booked online: the clinic will call you.");
  }
}

/** The intake a booking token belongs to, or the refusal. */
async function resolveToken(db: Db, token: string, secret: string, now: Date): Promise<Resolved> {
  const access = await bookingAccess(db, token, now, secret);
  return access.status === "ok"
    ? { ok: true, intake: access.intake }
    : { ok: false, response: refusedBookingLink(access.status) };
}

/** The per-client rate limit of the booking APIs (bucket `name`): a 429 when hit, else null. */
export async function limited(
  db: Db,
  request: Request,
  opts: BookingApiOptions,
  name: string,
): Promise<Response | null> {
  const hit = await hitRateLimit(db, {
    bucket: `${name}:${clientKey(request.headers, opts.trustedProxies, opts.secret)}`,
    limit: opts.rateLimitPerMinute,
  });
  return hit.allowed
    ? null
    : jsonError(
        429,
        "rate_limited",
        "Too many requests. Please wait a minute.",
        {},
        { "Retry-After": String(hit.retryAfterSeconds) },
      );
}

const serialised = new WeakMap<object, string>();

const slotJson = (s: { start: Date; end: Date; clinicianId: string; clinicianName: string }, typeId: string) => ({
  start: s.start.toISOString(),
  end: s.end.toISOString(),
  clinicianId: s.clinicianId,
  clinicianName: s.clinicianName,
  appointmentTypeId: typeId,
});

/** GET /api/v1/slots: the times this booking token may book, in the clinic's zone. */
export async function handleListSlots(db: Db, request: Request, opts: BookingApiOptions): Promise<Response> {
  const limit = await limited(db, request, opts, "slots");
  if (limit) return limit;
  const parsed = slotsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return jsonError(400, "invalid_query", "Some parameters are not valid.", {
      fieldErrors: fieldErrors(parsed.error),
    });
  const now = opts.now?.() ?? new Date();
  const token = await resolveToken(db, parsed.data.bookingToken, opts.secret, now);
  if (!token.ok) return token.response;
  const settings = await bookingSettings(db); // read once for the request
  const type = pickType(settings.schedule.types, typeLevelFor(token.intake), parsed.data.type);
  if (!type) return jsonError(422, "not_eligible", "That kind of appointment cannot be booked with this result.");
  const timeZone = clinicZone(settings.clinic);
  const offer = await cachedOfferedSlots(
    db,
    {
      now,
      from: parsed.data.from ?? localDate(now, timeZone),
      days: parsed.data.days,
      type,
      withinDays: eligibilityFor(token.intake).withinDays,
      mode: "patient",
    },
    settings,
  );
  // A shared offer is serialised once: turning hundreds of Dates into strings per request was most of its cost.
  let body = serialised.get(offer);
  if (body === undefined) {
    body = JSON.stringify({ timeZone: offer.timeZone, slots: offer.slots.map((s) => slotJson(s, type.id)) });
    serialised.set(offer, body);
  }
  return new Response(body, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

/** POST /api/v1/bookings: books one offered slot; the database refuses double bookings. */
export async function handleCreateBooking(db: Db, request: Request, opts: BookingApiOptions): Promise<Response> {
  const limit = await limited(db, request, opts, "bookings");
  if (limit) return limit;
  const body = await readJsonBody(request, 4 * 1024);
  if (!body.ok) return body.response;
  const parsed = bookingBody.safeParse(body.json);
  if (!parsed.success)
    return jsonError(400, "invalid_booking", "Some fields are missing or not valid.", {
      fieldErrors: fieldErrors(parsed.error),
    });
  const key = request.headers.get("idempotency-key");
  if (key !== null && (key.length < 1 || key.length > 100))
    return jsonError(400, "invalid_idempotency_key", "Idempotency-Key must be 1 to 100 characters.");
  const idem = key === null ? null : { scope: "bookings", key, requestHash: bodyHash(body.text) };
  if (idem) {
    const replay = await replayBooking(db, idem);
    if (replay) return replay;
  }
  const now = opts.now?.() ?? new Date();
  const token = await resolveToken(db, parsed.data.bookingToken, opts.secret, now);
  if (!token.ok) return token.response;

  const result = await bookAppointment(db, {
    intake: token.intake,
    clinicianId: parsed.data.clinicianId,
    start: new Date(parsed.data.start),
    typeId: parsed.data.appointmentTypeId,
    now,
    via: "api",
  });
  // Two requests with one key at once: the loser of the race replays the winner's booking.
  if (idem && result.status !== "booked") {
    const replay = await replayBooking(db, idem);
    if (replay) return replay;
  }
  switch (result.status) {
    case "booked": {
      const a = result.appointment;
      const booked = {
        id: a.id,
        start: a.start.toISOString(),
        end: a.end.toISOString(),
        clinician: { id: a.clinicianId },
      };
      if (idem) await claimIdempotencyKey(db, { ...idem, intakeId: token.intake.id, response: booked });
      return Response.json(
        { ...booked, manageUrl: manageUrl(opts.appUrl, result.manageToken) },
        { status: 201, headers: { "Cache-Control": "no-store" } },
      );
    }
    case "slot_taken":
      return jsonError(409, "slot_taken", "That time was just taken. Here are other times.", {
        alternatives: result.alternatives.map((s) => slotJson(s, parsed.data.appointmentTypeId)),
      });
    case "already_booked":
      return jsonError(
        409,
        "already_booked",
        "You already have an appointment booked. Use your manage link to change it.",
      );
    case "expired":
      return jsonError(410, "token_expired", "This booking link has expired. Please fill in the form again.");
    case "not_eligible":
      return jsonError(422, "not_eligible", result.message);
  }
}

const manageUrl = (appUrl: string, token: string) => `${appUrl}/appointments/manage/${token}`;

/**
 * The first response for an Idempotency-Key, again. Its manage link cannot be replayed (only its
 * hash is stored) and is not re-issued, since that would break the link in the confirmation
 * email: `manageUrl` is null and the patient uses the emailed link.
 */
async function replayBooking(
  db: Db,
  idem: { scope: string; key: string; requestHash: string },
): Promise<Response | null> {
  const earlier = await findIdempotencyKey(db, idem);
  if (!earlier) return null;
  if (earlier.requestHash !== idem.requestHash) {
    return jsonError(
      422,
      "idempotency_key_reused",
      "This Idempotency-Key was already used with a different request body.",
    );
  }
  const booked = earlier.response as { id: string };
  const headers = { "Cache-Control": "no-store", "Idempotent-Replayed": "true" };
  return Response.json({ ...booked, manageUrl: null }, { status: 201, headers });
}
