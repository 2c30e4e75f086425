import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** Whether the database answers a trivial query (for GET /api/health). */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
