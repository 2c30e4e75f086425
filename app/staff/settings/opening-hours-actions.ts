"use server";

import { staffAction } from "@/lib/staff/action";
import {
  addOpeningHours,
  openingHoursRowSchema,
  openingHoursSchema,
  removeOpeningHours,
} from "@/lib/staff/opening-hours";
import { ADMIN, saved } from "./done";

export const addOpeningHoursAction = staffAction(
  { ...ADMIN, schema: openingHoursSchema },
  async (input, { db, staff }) => saved(await addOpeningHours(db, staff, input), "opening_hours_added"),
);

export const removeOpeningHoursAction = staffAction(
  { ...ADMIN, schema: openingHoursRowSchema },
  async (input, { db, staff }) => saved(await removeOpeningHours(db, staff, input), "opening_hours_removed"),
);
