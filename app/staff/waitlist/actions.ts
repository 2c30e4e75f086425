"use server";

import { refuse } from "@/lib/forms";
import { staffAction } from "@/lib/staff/action";
import {
  offerTimeSchema,
  offerTimeToPatient,
  removeFromWaitlist,
  removeFromWaitlistSchema,
} from "@/lib/staff/waitlist";

// Taking a patient off the waitlist: any staff member, with a reason; back to the list with a note.
export const removeFromWaitlistAction = staffAction(
  { next: "/staff/waitlist", schema: removeFromWaitlistSchema },
  async (input, { db, staff, now }) =>
    (await removeFromWaitlist(db, staff, input, now))
      ? { redirect: "/staff/waitlist?done=removed", revalidate: "/staff/waitlist" }
      : refuse("That patient is no longer waiting: they booked, or someone took them off. Reload the page."),
);

const OFFER_REFUSALS = {
  slot_taken: "That time was just taken, or no longer suits them. Choose another.",
  entry_busy: "A time is already held for them: wait for their answer, or for the hold to end.",
  gone: "That patient is no longer waiting: they booked, or someone took them off.",
  not_offerable: "Times cannot be offered to this patient online: call them.",
  too_soon: "That time is too close to hold for them: call them, or choose a later one.",
} as const;

// Offering a chosen time to a chosen waiting patient: any staff member; the same email and hold as the worker's.
export const offerTimeAction = staffAction(
  {
    next: (input) => `/staff/waitlist/offer?entry=${encodeURIComponent(input.entryId ?? "")}`,
    schema: offerTimeSchema,
  },
  async (input, { db, staff, now }) => {
    const result = await offerTimeToPatient(db, staff, input, now);
    return result === "offered"
      ? { redirect: "/staff/waitlist?done=offered", revalidate: "/staff/waitlist" }
      : refuse(OFFER_REFUSALS[result]);
  },
);
