"use server";

import { refuse } from "@/lib/forms";
import { staffAction } from "@/lib/staff/action";
import { removeFromWaitlist, removeFromWaitlistSchema } from "@/lib/staff/waitlist";

// Taking a patient off the waitlist: any staff member, with a reason; back to the list with a note.
export const removeFromWaitlistAction = staffAction(
  { next: "/staff/waitlist", schema: removeFromWaitlistSchema },
  async (input, { db, staff, now }) =>
    (await removeFromWaitlist(db, staff, input, now))
      ? { redirect: "/staff/waitlist?done=removed", revalidate: "/staff/waitlist" }
      : refuse("That patient is no longer waiting: they booked, or someone took them off. Reload the page."),
);
