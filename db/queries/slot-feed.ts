import { and, asc, gte, inArray, lt, notInArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { appointments } from "../schema";

/**
 * The times taken in a window, per appointment type and start: how many appointments (booked,
 * attended or held for a waitlist offer) begin then. Counts and times only: nothing about who.
 */
export async function listTakenTimes(db: Db, { from, to, typeIds }: { from: Date; to: Date; typeIds: string[] }) {
  if (typeIds.length === 0) return [];
  const rows = await db
    .select({
      typeId: appointments.appointmentTypeId,
      start: appointments.startsAt,
      end: sql<Date>`max(${appointments.endsAt})`.mapWith(appointments.endsAt),
      count: sql<number>`count(*)::int`,
    })
    .from(appointments)
    .where(
      and(
        notInArray(appointments.status, ["cancelled", "rescheduled"]),
        inArray(appointments.appointmentTypeId, typeIds),
        gte(appointments.startsAt, from),
        lt(appointments.startsAt, to),
      ),
    )
    .groupBy(appointments.appointmentTypeId, appointments.startsAt)
    .orderBy(asc(appointments.startsAt), asc(appointments.appointmentTypeId));
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
