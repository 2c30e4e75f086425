"use server";

import { redirect } from "next/navigation";
import { bookingAccess } from "@/lib/booking/access";
import { formatDay } from "@/lib/booking/format";
import { getClinicCached } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { joinWaitlist } from "@/lib/waitlist/join-service";
import { notBeforeWindow } from "@/lib/waitlist/window";
import { availabilityFromValues, valuesFromForm, type WaitlistFormState } from "./form-model";

const day = (date: string) => formatDay(new Date(`${date}T12:00:00Z`), "UTC");

/**
 * Joins the waitlist from the booking link, or changes the choice of the patient's waiting entry,
 * then shows what was saved. A link that stopped working meanwhile shows the page's refusal.
 */
export async function joinWaitlistAction(_prev: WaitlistFormState, form: FormData): Promise<WaitlistFormState> {
  const token = typeof form.get("token") === "string" ? (form.get("token") as string) : "";
  const here = `/book/waitlist?token=${encodeURIComponent(token)}`;
  const values = valuesFromForm(form);
  const chosen = availabilityFromValues(values);
  const db = await getDb();
  const now = new Date();
  if (!chosen.ok) return { status: "error", values, fieldErrors: { [chosen.field]: chosen.message } };

  const body = { bookingToken: token, availability: chosen.availability, notBefore: values.notBefore || undefined };
  const result = await joinWaitlist(db, body, now, { via: "booking_page" });
  if (result.status === "joined" || result.status === "changed") redirect(`${here}&joined=1`);
  if (result.status === "invalid" && !result.fieldErrors.notBefore) redirect(here); // the link itself
  if (result.status === "invalid" || result.status === "date_out_of_range") {
    const access = await bookingAccess(db, token, now);
    if (access.status !== "ok") redirect(here);
    const { first, last } = notBeforeWindow(await getClinicCached(db), access.withinDays, now);
    const message =
      result.status === "invalid"
        ? "Enter a date, or leave Not before empty"
        : `Choose a date from today (${day(first)}) to ${day(last)}, or leave it empty`;
    return { status: "error", values, fieldErrors: { notBefore: message } };
  }
  redirect(here); // expired, erased or no longer bookable online: the page says so
}
