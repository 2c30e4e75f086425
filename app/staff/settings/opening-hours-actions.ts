"use server";

import { staffAction, type Outcome } from "@/lib/staff/action";
import {
  addOpeningHours,
  openingHoursRowSchema,
  openingHoursSchema,
  removeOpeningHours,
} from "@/lib/staff/opening-hours";
import type { SettingsResult } from "@/lib/staff/settings";
import { DONE, type Done } from "./done";

// The admin's, like every settings change: the page checked the role, every action checks it again.
const ADMIN = { roles: ["admin"], next: "/staff/settings" } as const;

/** Done: back to the page (fresh data, forms reset) with a note beside the section; refused: back to the form. */
function saved(result: SettingsResult, done: Done): Outcome {
  if (!result.ok) return result;
  return {
    redirect: `/staff/settings?done=${done}&n=${Date.now().toString(36)}#${DONE[done].section}`,
    revalidate: "/staff/settings",
  };
}

export const addOpeningHoursAction = staffAction(
  { ...ADMIN, schema: openingHoursSchema },
  async (input, { db, staff }) => saved(await addOpeningHours(db, staff, input), "opening_hours_added"),
);

export const removeOpeningHoursAction = staffAction(
  { ...ADMIN, schema: openingHoursRowSchema },
  async (input, { db, staff }) => saved(await removeOpeningHours(db, staff, input), "opening_hours_removed"),
);
