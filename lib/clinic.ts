import { connection } from "next/server";
import { cache } from "react";
import { getClinicCached } from "@/lib/clinic-settings";
import { DbUnavailableError } from "@/db/errors";
import { getDb } from "@/lib/db";

export type ClinicInfo = {
  name: string;
  address: string | null;
  phone: string | null;
  timeZone: string;
  emergencyNumber: string | null;
  /** How the intake asks running distances. */
  distanceUnit: "km" | "mi";
};

// Shown when the clinic has not been set up yet or the database is down: pages must still
// render their emergency advice, so they fall back to wording without clinic details.
const FALLBACK: ClinicInfo = {
  name: "BackTrack",
  address: null,
  phone: null,
  timeZone: "UTC",
  emergencyNumber: null,
  distanceUnit: "km",
};

/** The clinic's public details for this request; never throws for a missing clinic or database. */
export const getClinicInfo = cache(async (): Promise<ClinicInfo> => {
  await connection(); // read at request time, never at build time
  try {
    // Every page shows these (header, emergency note): read at most every 30 s, cleared on change.
    const row = await getClinicCached(await getDb());
    return row ?? FALLBACK;
  } catch (error) {
    if (error instanceof DbUnavailableError) return FALLBACK;
    throw error;
  }
});
