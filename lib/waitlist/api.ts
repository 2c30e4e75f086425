// POST /api/v1/waitlist: the booking API's conventions (body limit, content type, rate limit,
// booking-link refusals), so a client handles both the same way.
import type { Db } from "@/db/client";
import { limited, refusedBookingLink, type BookingApiOptions } from "@/lib/booking/api";
import { jsonError, readJsonBody } from "@/lib/http";
import { joinWaitlist, type JoinedEntry } from "./join-service";

const MAX_BODY_BYTES = 4 * 1024;

/**
 * Joins the waitlist with a booking link: 201 with the waiting entry, 200 when it changed the
 * choice of the patient's waiting entry; 400 with field errors for a body that is not valid (as
 * the bookings API), 422 for a first date outside the patient's booking window; the booking link
 * refused as POST /api/v1/bookings refuses it (401, 410, 422).
 */
export async function handleJoinWaitlist(db: Db, request: Request, opts: BookingApiOptions): Promise<Response> {
  const rateLimited = await limited(db, request, opts, "waitlist");
  if (rateLimited) return rateLimited;
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const now = opts.now?.() ?? new Date();
  const result = await joinWaitlist(db, body.json, now, { secret: opts.secret });
  switch (result.status) {
    case "joined":
    case "changed":
      return Response.json(entryJson(result.entry), {
        status: result.status === "joined" ? 201 : 200,
        headers: { "Cache-Control": "no-store" },
      });
    case "invalid":
      return jsonError(400, "invalid_waitlist", "Some fields are missing or not valid.", {
        fieldErrors: result.fieldErrors,
      });
    case "date_out_of_range":
      return jsonError(422, "invalid_waitlist", "Choose a date the clinic can offer times on.", {
        fieldErrors: result.fieldErrors,
      });
    case "invalid_token":
      return refusedBookingLink("invalid");
    default:
      return refusedBookingLink(result.status);
  }
}

const entryJson = (e: JoinedEntry) => ({
  id: e.id,
  status: e.status,
  availability: e.availability,
  notBefore: e.notBefore,
  earlierThan: e.earlierThan?.toISOString() ?? null,
});
