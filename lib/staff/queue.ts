// The case queue as the page and /api/v1/staff/cases both show it: the query string, the keyset
// cursor and one page of cases with their acknowledgement state.
import { z } from "zod";
import type { Db } from "@/db/client";
import { listEscalations, type EscalationCursor } from "@/db/queries/intakes";
import { getClinicCached } from "@/lib/clinic-settings";
import { ackState, callDue } from "@/lib/escalation";
import { LEVELS } from "@/lib/triage";

export const QUEUE_STATUSES = ["open", "waiting", "acknowledged", "resolved", "all"] as const;

/** Lenient on purpose: a bad filter value in a bookmarked URL falls back to the default. */
export const queueQuerySchema = z.object({
  /** The escalated-case queue, or the "To review" list (SOON and flagged cases). */
  queue: z.enum(["escalated", "review"]).default("escalated").catch("escalated"),
  level: z.enum(LEVELS).optional().catch(undefined),
  status: z.enum(QUEUE_STATUSES).default("open").catch("open"),
  q: z.string().trim().max(100).optional().catch(undefined),
  clinician: z.uuid().optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});
export type QueueQuery = z.output<typeof queueQuerySchema>;

export const encodeCursor = (c: EscalationCursor) => `${c.levelRank}_${c.createdAt.getTime()}_${c.id}`;

export function decodeCursor(value: string | undefined): EscalationCursor | undefined {
  if (!value) return undefined;
  const [rank, at, id] = value.split("_");
  const createdAt = new Date(Number(at));
  if (!rank || !/^[1-5]$/.test(rank) || !id || Number.isNaN(createdAt.getTime()) || !z.uuid().safeParse(id).success)
    return undefined;
  return { levelRank: Number(rank), createdAt, id };
}

export const queueFilter = (q: QueueQuery) => ({
  status: q.status,
  level: q.level,
  search: q.q,
  clinicianId: q.clinician,
});

/**
 * One page of the case queue (or the "To review" list), as the page and the API both show it:
 * each case with its deadline, whether it is overdue, and whether a call is due.
 */
export async function pageQueue(db: Db, query: QueueQuery, pageSize: number, now = new Date()) {
  const list = query.queue === "review" ? "review" : "queue";
  const [rows, clinic] = await Promise.all([
    listEscalations(db, { after: decodeCursor(query.after), limit: pageSize + 1, filter: queueFilter(query), list }),
    getClinicCached(db),
  ]);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    clinic,
    cases: page.map((c) => ({
      ...c,
      ...(list === "review" ? reviewState(c, now) : ackState(c, now)),
      callDue: callDue(c),
    })),
    /** The cursor of the next page (for `after`), or null on the last page. */
    next: rows.length > pageSize && last ? encodeCursor(last) : null,
  };
}

export type QueueCase = Awaited<ReturnType<typeof pageQueue>>["cases"][number];

/** A review's deadline, and how long ago it passed while nobody reviewed the case. */
function reviewState(c: { reviewDueAt: Date | null; reviewedAt: Date | null }, now: Date) {
  const due = c.reviewDueAt;
  const overdue = due && !c.reviewedAt && due < now;
  return { due, overdueMs: overdue ? now.getTime() - due.getTime() : null };
}
