// POST /api/v1/staff/appointments (book for a caller), .../<id>/move and .../<id>/cancel, as JSON:
// a live staff session (any role), a request from the clinic's own pages (or a script without an
// Origin), a JSON body checked with zod; each change audited inside caller-booking.ts. The route
// passes the session check's answer in, so the handlers can be tested without a request context.
import type { z } from "zod";
import type { Db } from "@/db/client";
import { fieldErrors } from "@/lib/forms";
import { jsonError, readJsonBody } from "@/lib/http";
import { crossSite } from "./api";
import {
  bookForCaller,
  cancelForCaller,
  moveForCaller,
  staffBookSchema,
  staffCancelSchema,
  staffMoveSchema,
  type StaffChangeResult,
} from "./caller-booking";
import type { Staff } from "./session";

const NO_STORE = { "Cache-Control": "no-store" };
const NO_APPOINTMENT = "No appointment with that id.";

type Parsed<T> = { ok: true; staff: Staff; data: T } | { ok: false; response: Response };

/** The session's answer (a 401/403 response or the staff member), the Origin check, then the body. */
async function accept<S extends z.ZodType>(
  request: Request,
  auth: Staff | Response,
  schema: S,
): Promise<Parsed<z.output<S>>> {
  if (auth instanceof Response) return { ok: false, response: auth };
  if (crossSite(request))
    return { ok: false, response: jsonError(403, "cross_site", "Changes must come from the clinic's own pages.") };
  const body = await readJsonBody(request, 4 * 1024);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.json);
  if (!parsed.success)
    return {
      ok: false,
      response: jsonError(400, "invalid_request", "Some fields are missing or not valid.", {
        fieldErrors: fieldErrors(parsed.error),
      }),
    };
  return { ok: true, staff: auth, data: parsed.data };
}

const slotJson = (s: { start: Date; end: Date; clinicianId: string; clinicianName: string }) => ({
  start: s.start.toISOString(),
  end: s.end.toISOString(),
  clinicianId: s.clinicianId,
  clinicianName: s.clinicianName,
});

const slotTaken = (alternatives: Parameters<typeof slotJson>[0][]) =>
  jsonError(409, "slot_taken", "That time was just taken. Here are other times.", {
    alternatives: alternatives.map(slotJson),
  });

/** POST /api/v1/staff/appointments: 201 with the appointment; the patient is emailed their confirmation and manage link. */
export async function bookForCallerApi(request: Request, auth: Staff | Response, db: Db, now = new Date()) {
  const input = await accept(request, auth, staffBookSchema);
  if (!input.ok) return input.response;
  const r = await bookForCaller(db, input.staff, input.data, now);
  switch (r.status) {
    case "booked": {
      const a = r.appointment;
      return Response.json(
        {
          id: a.id,
          patientId: input.data.patientId,
          appointmentTypeId: a.appointmentTypeId,
          clinicianId: a.clinicianId,
          clinicianName: a.clinicianName,
          start: a.start.toISOString(),
          end: a.end.toISOString(),
          outsideLevel: r.outsideLevel,
        },
        { status: 201, headers: NO_STORE },
      );
    }
    case "slot_taken":
      return slotTaken(r.alternatives);
    case "already_booked":
      return jsonError(
        409,
        "already_booked",
        "This patient already has an appointment booked for this episode: move that one instead.",
        { appointmentId: r.appointmentId },
      );
    case "needs_clinician":
      return jsonError(403, "clinician_required", NEEDS_CLINICIAN);
    case "needs_reason":
      return jsonError(422, "reason_required", "That time is outside what the patient's level allows: give a reason.", {
        fieldErrors: { reason: ["Give the reason for booking outside the patient's level"] },
      });
    case "not_found":
    case "erased":
      return jsonError(404, "not_found", "No patient with that id.");
    case "no_intake":
      return jsonError(
        422,
        "no_intake",
        "This patient has no intake yet: they fill in the intake form (or staff take their details) before booking.",
      );
    case "not_eligible":
      return jsonError(422, "not_available", r.message);
  }
}

const NEEDS_CLINICIAN =
  "Booking an emergency or urgent patient outside their level is a clinician's decision: ask a clinician.";

function changeAnswer(r: StaffChangeResult): Response | null {
  switch (r.status) {
    case "not_found":
      return jsonError(404, "not_found", NO_APPOINTMENT);
    case "not_booked":
      return jsonError(409, "not_booked", "This appointment is no longer booked (cancelled, moved or over).");
    case "slot_taken":
      return slotTaken(r.alternatives);
    case "already_booked":
      return jsonError(409, "already_booked", "Another appointment is booked for this episode.");
    case "not_eligible":
      return jsonError(422, "not_available", r.message);
    case "too_late":
    case "expired":
      return jsonError(409, "not_booked", "This appointment can no longer be changed.");
    case "needs_clinician":
      return jsonError(403, "clinician_required", NEEDS_CLINICIAN);
    default:
      return null;
  }
}

/** POST /api/v1/staff/appointments/:id/move: 200 with the new appointment (a new id; the old one is kept as history). */
export async function moveForCallerApi(request: Request, id: string, auth: Staff | Response, db: Db, now = new Date()) {
  const input = await accept(request, auth, staffMoveSchema);
  if (!input.ok) return input.response;
  const r = await moveForCaller(db, input.staff, id, input.data, now);
  if (r.status !== "booked") return changeAnswer(r)!;
  const a = r.appointment;
  return Response.json(
    {
      id: a.id,
      previousId: id,
      appointmentTypeId: a.appointmentTypeId,
      clinicianId: a.clinicianId,
      clinicianName: a.clinicianName,
      start: a.start.toISOString(),
      end: a.end.toISOString(),
    },
    { headers: NO_STORE },
  );
}

/** POST /api/v1/staff/appointments/:id/cancel: 200; `late` when inside the clinic's cancellation cut-off. */
export async function cancelForCallerApi(
  request: Request,
  id: string,
  auth: Staff | Response,
  db: Db,
  now = new Date(),
) {
  const input = await accept(request, auth, staffCancelSchema);
  if (!input.ok) return input.response;
  const r = await cancelForCaller(db, input.staff, id, input.data, now);
  if (r.status !== "done") return changeAnswer(r)!;
  return Response.json({ id, status: "cancelled", late: r.late }, { headers: NO_STORE });
}
