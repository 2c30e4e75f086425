"use server";

import { redirect } from "next/navigation";
import { bookingAccess } from "@/lib/booking/access";
import { bookAppointment } from "@/lib/booking/book";
import { cancelAppointment, rescheduleAppointment } from "@/lib/booking/manage";
import { getDb } from "@/lib/db";

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** Confirms a chosen time; a time taken meanwhile sends the patient back to choose again. */
export async function confirmBookingAction(form: FormData): Promise<void> {
  const token = str(form, "token");
  const db = await getDb();
  const now = new Date();
  const access = await bookingAccess(db, token, now);
  if (access.status !== "ok") redirect(`/book?token=${encodeURIComponent(token)}`);
  const start = new Date(str(form, "start"));
  const result = Number.isNaN(start.getTime())
    ? ({ status: "not_eligible" } as const)
    : await bookAppointment(db, { intake: access.intake, clinicianId: str(form, "clinicianId"), start, now });
  if (result.status === "booked") redirect(`/appointments/manage/${result.manageToken}?booked=1`);
  if (result.status === "already_booked") redirect(`/book/confirm?token=${encodeURIComponent(token)}&already=1`);
  redirect(`/book?token=${encodeURIComponent(token)}&taken=1`);
}

/** Cancels from the manage page (before the cut-off; the server checks again). */
export async function cancelAction(form: FormData): Promise<void> {
  const token = str(form, "token");
  const reason = str(form, "reason").trim().slice(0, 500) || "No reason given";
  const result = await cancelAppointment(await getDb(), { token, reason, now: new Date() });
  redirect(result.status === "done" ? "/appointments/cancelled" : `/appointments/manage/${token}?error=${result.status}`);
}

/** Moves the appointment to the chosen time, keeping the same manage link. */
export async function rescheduleAction(form: FormData): Promise<void> {
  const token = str(form, "token");
  const start = new Date(str(form, "start"));
  if (Number.isNaN(start.getTime())) redirect(`/appointments/manage/${token}/reschedule?taken=1`);
  const result = await rescheduleAppointment(await getDb(), { token, clinicianId: str(form, "clinicianId"), start, now: new Date() });
  if (result.status === "booked") redirect(`/appointments/manage/${token}?moved=1`);
  if (result.status === "too_late" || result.status === "not_found") redirect(`/appointments/manage/${token}?error=${result.status}`);
  redirect(`/appointments/manage/${token}/reschedule?taken=1`);
}
