"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { acceptOffer, declineOffer } from "@/lib/waitlist/answer";

const tokenOf = (form: FormData) => (typeof form.get("token") === "string" ? (form.get("token") as string) : "");

/**
 * Takes the offered time. Booked: the patient lands on their appointment's own page (the manage
 * link the confirmation email also carries). Anything else (used, let go, lapsed, no longer
 * bookable online): the offer page says how it stands.
 */
export async function acceptOfferAction(form: FormData): Promise<void> {
  const token = tokenOf(form);
  const result = await acceptOffer(await getDb(), token, new Date());
  if (result.status === "booked")
    redirect(`/appointments/manage/${result.manageToken}?${result.moved ? "moved" : "booked"}=1`);
  redirect(`/waitlist/offer/${encodeURIComponent(token)}`);
}

/** Lets the offered time go (and, if ticked, leaves the waiting list); the page then says so. */
export async function declineOfferAction(form: FormData): Promise<void> {
  const token = tokenOf(form);
  await declineOffer(await getDb(), token, new Date(), { leave: form.get("leave") === "yes" });
  redirect(`/waitlist/offer/${encodeURIComponent(token)}`);
}
