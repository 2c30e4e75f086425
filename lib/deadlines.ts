import type { Db } from "@/db/client";
import { getClinicCached } from "@/lib/clinic-settings";
import { ackDue, getClinicCalendar, reviewDue } from "@/lib/clinic-hours";
import { ackDeadlines, type AckDeadlines, type DeadlineClock } from "@/lib/escalation";

/** The clinic's acknowledgement minutes and its hours as a deadline clock (both through the settings cache). */
export async function clinicDeadlines(db: Db, now: Date): Promise<{ deadlines: AckDeadlines; clock: DeadlineClock }> {
  const [clinic, calendar] = await Promise.all([getClinicCached(db), getClinicCalendar(db, now)]);
  return {
    deadlines: ackDeadlines(clinic),
    clock: {
      ackDue: (at, minutes) => ackDue(calendar, at, minutes),
      reviewDue: (at) => reviewDue(calendar, at),
    },
  };
}
