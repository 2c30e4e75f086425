"use server";

import { redirect } from "next/navigation";
import { bookingAccess } from "@/lib/booking/access";
import { bookAppointment } from "@/lib/booking/book";
import { cancelSchema, confirmBookingSchema, rescheduleSchema } from "@/lib/booking/booking-form";
import { cancelAppointment, rescheduleAppointment } from "@/lib/booking/manage";
import { regradeBeforeReschedule } from "@/lib/booking/regrade";
import { grantResultAccess } from "@/lib/intake-form/result-access";
import { getDb } from "@/lib/db";
import { formInput } from "@/lib/forms";
import { getClinicZone } from "@/lib/clinic-settings";
import { localDate } from "@/lib/scheduling";

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/**
 * Confirms a chosen time; a time taken meanwhile (or a chosen time that does not parse) sends the
 * patient back to choose again.
 */
export async function confirmBookingAction(form: FormData): Promise<void> {
  const token = str(form, "token");
  const db = await getDb();
  const now = new Date();
  const access = await bookingAccess(db, token, now);
  if (access.status !== "ok") redirect(`/book?token=${encodeURIComponent(token)}`);
  const parsed = confirmBookingSchema.safeParse(formInput(form));
  const result = parsed.success
    ? await bookAppointment(db, {
        intake: access.intake,
        clinicianId: parsed.data.clinicianId,
        start: parsed.data.start,
        now,
      })
    : ({ status: "not_eligible" } as const);
  if (result.status === "booked") redirect(`/appointments/manage/${result.manageToken}?booked=1`);
  if (result.status === "already_booked") redirect(`/book/confirm?token=${encodeURIComponent(token)}&already=1`);
  // Back to the times, from the chosen day when there was one (a patient who went to a later week
  // stays there).
  const again: Record<string, string> = { token, taken: "1" };
  if (parsed.success) again.week = localDate(parsed.data.start, await getClinicZone(db));
  redirect(`/book?${new URLSearchParams(again)}`);
}

/**
 * Cancels from the manage page's "Cancel your appointment?" step (before the cut-off; the server
 * checks again), then shows the same link in its cancelled state, with the way to book again. A
 * second submit (a double click, or the back button) finds it cancelled and shows the same.
 */
export async function cancelAction(form: FormData): Promise<void> {
  const token = str(form, "token");
  const { reason } = cancelSchema.parse(formInput(form)); // never refuses: a missing reason is "No reason given"
  const result = await cancelAppointment(await getDb(), { token, reason, now: new Date() });
  const here = `/appointments/manage/${encodeURIComponent(token)}`;
  redirect(
    result.status === "done" ? `${here}?cancelled=1` : result.status === "too_late" ? `${here}?error=too_late` : here,
  );
}

/** Moves the appointment to the chosen time, keeping the same manage link. */
export async function rescheduleAction(form: FormData): Promise<void> {
  const token = str(form, "token");
  const parsed = rescheduleSchema.safeParse(formInput(form));
  // Back to the times, saying the chosen one was taken: past "has anything got worse?", which the
  // patient has answered (with a re-grade's own times after one), as the picker's own links do.
  const regrade = parsed.success ? parsed.data.regrade : undefined;
  const again = `/appointments/manage/${token}/reschedule?${new URLSearchParams({
    worse: "no",
    ...(regrade ? { regrade } : {}),
    taken: "1",
  })}`;
  if (!parsed.success) redirect(again);
  const { clinicianId, start, regrade: regradedIntakeId } = parsed.data;
  const db = await getDb();
  const result = await rescheduleAppointment(db, {
    token,
    clinicianId,
    start,
    now: new Date(),
    regradedIntakeId,
  });
  if (result.status === "booked") redirect(`/appointments/manage/${token}?moved=1`);
  if (result.status === "too_late" || result.status === "not_found")
    redirect(`/appointments/manage/${token}?error=${result.status}`);
  // Taken meanwhile: back to the times from the chosen day (a patient who went to a later week
  // stays there), the taken time no longer among them.
  const week = localDate(start, await getClinicZone(db));
  redirect(`${again}&${new URLSearchParams({ week })}`);
}

/** "Something got worse": re-asks the red-flag questions, re-grades, then books or escalates. */
export async function recheckAction(token: string, form: FormData): Promise<void> {
  const here = `/appointments/manage/${token}/reschedule`;
  const yesNo = (name: string) => (str(form, name) === "yes" ? true : str(form, name) === "no" ? false : undefined);
  const intensity = str(form, "pain.intensity");
  const recheck = {
    cauda: {
      saddleNumbness: str(form, "cauda.saddleNumbness") || undefined,
      bladderChange: str(form, "cauda.bladderChange") || undefined,
      bowelChange: str(form, "cauda.bowelChange") || undefined,
      sexualFunctionChange: str(form, "cauda.sexualFunctionChange") || undefined,
    },
    legs: { weakness: str(form, "legs.weakness") || undefined, difficultyWalking: yesNo("legs.difficultyWalking") },
    pain: {
      intensity: intensity === "" ? undefined : Number(intensity),
      pattern: str(form, "pain.pattern") || undefined,
    },
  };
  const result = await regradeBeforeReschedule(await getDb(), { token, recheck, now: new Date() });
  if (result.status === "not_found") redirect(`/appointments/manage/${token}`);
  // Graded under an older version of the form: the whole (current) form is the way to re-check.
  if (result.status === "refill") redirect("/intake");
  if (result.status === "invalid") redirect(`${here}?worse=yes&invalid=1`);
  if (!result.canBook) {
    // Escalated: the patient sees the new result (go now / we will call), as after an intake.
    await grantResultAccess(result.intakeId);
    redirect(`/intake/${result.intakeId}/result`);
  }
  redirect(`${here}?worse=no&regrade=${result.intakeId}`);
}
