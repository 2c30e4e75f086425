// The case queue's query string (page and /api/v1/staff/cases share it) and its keyset cursor.
import { z } from "zod";
import type { EscalationCursor } from "@/db/queries/intakes";
import { LEVELS } from "@/lib/triage";

export const QUEUE_STATUSES = ["open", "waiting", "acknowledged", "resolved", "all"] as const;

/** Lenient on purpose: a bad filter value in a bookmarked URL falls back to the default. */
export const queueQuerySchema = z.object({
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
  if (!rank || !/^[1-5]$/.test(rank) || !id || Number.isNaN(createdAt.getTime()) || !z.uuid().safeParse(id).success) return undefined;
  return { levelRank: Number(rank), createdAt, id };
}

export const queueFilter = (q: QueueQuery) => ({ status: q.status, level: q.level, search: q.q, clinicianId: q.clinician });
