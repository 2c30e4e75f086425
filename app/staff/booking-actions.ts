"use server";

// Booking, moving and cancelling for a patient who calls (any staff role); each change is audited
// inside lib/staff/caller-booking.ts and the patient is emailed as for their own change.
import { z } from "zod";
import { fieldError, refuse } from "@/lib/forms";
import { formatDateTime } from "@/lib/booking/format";
import { staffAction, type Outcome, type RawInput } from "@/lib/staff/action";
import {
  bookForCaller,
  bookingZone,
  cancelForCaller,
  moveForCaller,
  staffBookSchema,
  staffCancelSchema,
  staffMoveSchema,
  type StaffChangeResult,
} from "@/lib/staff/caller-booking";

const appointmentPage = (input: RawInput) =>
  /^[0-9a-f-]{36}$/i.test(input.appointmentId ?? "") ? `/staff/appointments/${input.appointmentId}` : "/staff";

const bookPage = (input: RawInput) =>
  /^[0-9a-f-]{36}$/i.test(input.patientId ?? "")
    ? `/staff/book?${new URLSearchParams({ patient: input.patientId! })}`
    : "/staff/book";

const TAKEN = "That time was just taken. Choose another time.";
const NEEDS_CLINICIAN =
  "This patient's level is emergency or urgent, and that time is outside what it allows: a clinician decides that. Choose a time inside the level, or ask a clinician to book it.";

/** Books the chosen time; then the appointment's page says it was booked and emailed. */
export const bookForCallerAction = staffAction(
  { next: bookPage, schema: staffBookSchema },
  async (input, { db, staff, now }): Promise<Outcome> => {
    const r = await bookForCaller(db, staff, input, now);
    switch (r.status) {
      case "booked":
        return { redirect: `/staff/appointments/${r.appointment.id}?done=booked` };
      case "needs_reason":
        return fieldError("reason", "Give the reason for booking outside what the patient's level allows");
      case "needs_clinician":
        return refuse(NEEDS_CLINICIAN);
      case "slot_taken": {
        const zone = await bookingZone(db);
        const next = r.alternatives[0];
        return refuse(
          next
            ? `${TAKEN} The next free one is ${formatDateTime(next.start, zone)} with ${next.clinicianName}.`
            : TAKEN,
        );
      }
      case "already_booked":
        return refuse("This patient already has an appointment booked: open it to move it instead.");
      case "not_found":
      case "erased":
        return refuse("This patient can no longer be booked (the record was merged or erased).");
      case "no_intake":
        return refuse("This patient has no intake yet, so there is nothing to book against.");
      case "not_eligible":
        return refuse(r.message);
    }
  },
);

const changeRefusal = (r: Exclude<StaffChangeResult, { status: "booked" }>): Outcome => {
  switch (r.status) {
    case "slot_taken":
      return refuse(TAKEN);
    case "not_eligible":
      return refuse(r.message);
    case "not_found":
      return refuse("This appointment cannot be found any more.");
    case "needs_clinician":
      return refuse(NEEDS_CLINICIAN);
    default:
      return refuse("This appointment is no longer booked: it was cancelled, moved or is over.");
  }
};

const withId = { appointmentId: z.uuid() };

/** Moves the appointment to the chosen time (the reason is required); then its new page says so. */
export const moveForCallerAction = staffAction(
  { next: appointmentPage, schema: staffMoveSchema.extend(withId) },
  async ({ appointmentId, ...move }, { db, staff, now }): Promise<Outcome> => {
    const r = await moveForCaller(db, staff, appointmentId, move, now);
    if (r.status !== "booked") return changeRefusal(r);
    return { redirect: `/staff/appointments/${r.appointment.id}?done=moved` };
  },
);

/** Cancels the appointment (the reason is required; inside the cut-off it is marked late). */
export const cancelForCallerAction = staffAction(
  { next: appointmentPage, schema: staffCancelSchema.extend(withId) },
  async ({ appointmentId, reason }, { db, staff, now }): Promise<Outcome> => {
    const r = await cancelForCaller(db, staff, appointmentId, { reason }, now);
    if (r.status !== "done") return changeRefusal(r);
    return { redirect: `/staff/appointments/${appointmentId}?done=${r.late ? "cancelled_late" : "cancelled"}` };
  },
);
