import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { clinic, type Clinic } from "../schema";

/** The clinic's settings, or null before the clinic has been set up. */
export async function getClinic(db: Db): Promise<Clinic | null> {
  const rows = await db.select().from(clinic).where(eq(clinic.id, 1)).limit(1);
  return rows[0] ?? null;
}
