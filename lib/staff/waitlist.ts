// The waitlist as staff see it: every waiting patient in the order times are offered (lib/waitlist),
// with why, and taking a patient off the list with a reason (audited).
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { listWaitingEntries, removeWaitingEntry } from "@/db/queries/waitlist";
import { formatDateTime, formatDay } from "@/lib/booking/format";
import { CONTROL_CHARACTER, freeText } from "@/lib/forms";
import { parseLocalDate } from "@/lib/scheduling/zoned";
import { entryFrom, rankEntries, whyRanked, type WaitlistEntry, type WaitlistLevel } from "@/lib/waitlist";
import { availabilityInWords } from "@/lib/waitlist/words";
import type { Staff } from "./session";

export type WaitlistRow = {
  id: string;
  intakeId: string;
  patientId: string;
  name: string;
  level: WaitlistLevel;
  why: string;
  when: string;
  notBefore: string | null;
  earlierThan: string | null;
  joined: string;
};

/**
 * Every waiting patient, in the order a freed time is offered (the most urgent level, then the
 * nearest deadline, then the longest wait). An entry whose level can no longer wait (re-graded
 * URGENT or EMERGENCY since) is listed last, saying so: the clinic calls them.
 */
export async function readWaitlist(db: Db, now: Date, timeZone: string): Promise<WaitlistRow[]> {
  const rows = await listWaitingEntries(db, now);
  type Entry = WaitlistEntry & { row: (typeof rows)[number] };
  const entries: Entry[] = [];
  const notOffered: { row: (typeof rows)[number]; why: string }[] = [];
  for (const row of rows) {
    const found = entryFrom(row);
    if ("notOffered" in found) notOffered.push({ row, why: found.notOffered });
    else entries.push({ ...found.entry, row });
  }
  const view = (row: (typeof rows)[number], why: string, when: string): WaitlistRow => ({
    id: row.id,
    intakeId: row.intakeId,
    patientId: row.patientId,
    name: `${row.firstName} ${row.lastName}`,
    level: row.level as WaitlistLevel,
    why,
    when,
    notBefore: row.notBefore ? formatDay(new Date(parseLocalDate(row.notBefore) + 12 * 3_600_000), "UTC") : null,
    earlierThan: row.earlierThan ? formatDateTime(row.earlierThan, timeZone) : null,
    joined: formatDateTime(row.joinedAt, timeZone),
  });
  return [
    ...rankEntries(entries).map((e) => view(e.row, whyRanked(e, now), availabilityInWords(e.availability).join("; "))),
    ...notOffered.map(({ row, why }) => view(row, why, "")),
  ];
}

export const removeFromWaitlistSchema = z.object({
  id: z.uuid({ error: "Choose the patient to take off the list" }),
  reason: z
    .string()
    .trim()
    .min(1, "Give the reason")
    .max(500, "Keep the reason under 500 characters")
    .refine(freeText, CONTROL_CHARACTER),
});

/** Takes a waiting patient off the list, with the reason; audited on their intake. Null when no longer waiting. */
export async function removeFromWaitlist(
  db: Db,
  staff: Pick<Staff, "id" | "email" | "clientAddress">,
  { id, reason }: z.output<typeof removeFromWaitlistSchema>,
  now: Date,
): Promise<{ intakeId: string } | null> {
  return db.transaction(async (tx) => {
    const removed = await removeWaitingEntry(tx, { id, reason, staffId: staff.id, now });
    if (!removed) return null;
    await recordAudit(tx, {
      actor: { id: staff.id, email: staff.email },
      action: "waitlist_removed",
      subjectType: "intake",
      subjectId: removed.intakeId,
      before: { entryId: id, status: "waiting" },
      after: { entryId: id, status: "removed" },
      reason,
      clientAddress: staff.clientAddress,
    });
    return removed;
  });
}
