import type { Db } from "@/db/client";
import { listSealedManageTokens } from "@/db/queries/appointments";
import { env } from "@/lib/env";
import { openSecret } from "@/lib/tokens";
import { hashManageToken, newManageToken } from "./book";

/**
 * The patient's manage link for a change made without it (a staff move, an accepted waitlist
 * offer): the token in the newest email of the appointment's series (sealed there), while it still
 * opens the appointment, so the link they have keeps working; else a new one (an appointment booked
 * without an email, say), which the "moved" email then carries.
 */
export async function recoverManageToken(
  db: Db,
  a: { seriesId: string; manageTokenHash: string | null },
): Promise<string> {
  if (a.manageTokenHash)
    for (const sealed of await listSealedManageTokens(db, a.seriesId)) {
      const token = openSecret(env().AUTH_SECRET, sealed);
      if (token && hashManageToken(token) === a.manageTokenHash) return token;
    }
  return newManageToken().token;
}
