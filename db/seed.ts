import type { Db } from "./client";
import { clinic, type NewClinic } from "./schema";

/** The demo clinic: a spine and sports clinic in New York. */
export const DEMO_CLINIC: NewClinic = {
  id: 1,
  name: "Riverside Spine & Sports Clinic",
  address: "240 Hudson Street, Suite 3, New York, NY 10013",
  phone: "+1 212 555 0142",
  email: "hello@riverside-spine.example",
  timeZone: "America/New_York",
  emergencyNumber: "911",
};

export type SeedReport = { clinic: "created" | "kept" };

/**
 * Loads the demo data. Idempotent: rows that already exist are kept as they are, so running it
 * twice, or on a database a clinic has edited, changes nothing.
 */
export async function seed(db: Db): Promise<SeedReport> {
  const inserted = await db.insert(clinic).values(DEMO_CLINIC).onConflictDoNothing().returning({ id: clinic.id });
  return { clinic: inserted.length ? "created" : "kept" };
}
