"use server";

import { silentPilotSchema, switchSilentPilot } from "@/lib/governance/silent";
import { staffAction } from "@/lib/staff/action";
import { ADMIN, saved } from "./done";

/** Switches the silent pilot on or off (issue 22), after the admin confirmed what it changes. */
export const silentPilotAction = staffAction(
  { ...ADMIN, schema: silentPilotSchema },
  async (input, { db, staff, now }) =>
    saved(await switchSilentPilot(db, staff, input, now), input.on === "on" ? "silent_pilot_on" : "silent_pilot_off"),
);
