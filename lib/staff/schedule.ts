// The day's attendance: reception marks who arrived and who did not come.
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { getAppointmentForMark, MARKABLE, setAttendanceStatus } from "@/db/queries/schedule";
import { pgCode } from "@/lib/booking/book";
import { addLocalDays, localDate, localInstant } from "@/lib/scheduling/zoned";
import type { Actor } from "./cases";

export const ATTENDANCE_MARKS = ["arrived", "no_show", "booked"] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

export const attendanceSchema = z.object({ appointmentId: z.uuid(), mark: z.enum(ATTENDANCE_MARKS) });

/** How early before its start an appointment may be marked as arrived. */
export const ARRIVE_EARLY_MINUTES = 60;

/** Why a mark was refused, in words for the schedule page. */
export const MARK_REFUSALS = {
  invalid: "That appointment does not exist.",
  gone: "That appointment is not on the schedule any more (cancelled or moved).",
  future_day: "Appointments can be marked on their day, not before.",
  too_early: `A patient can be marked as arrived from ${ARRIVE_EARLY_MINUTES} minutes before their time.`,
  not_started: "A patient can be marked as not come only once their time has started.",
  changed: "That appointment changed meanwhile. Reload the schedule.",
  other_booking: "This patient has another booked appointment now, so this mark cannot be undone.",
} as const;
export type MarkRefusal = keyof typeof MARK_REFUSALS;

export type MarkResult = { ok: true; intakeId: string } | { ok: false; refusal: MarkRefusal };

/**
 * Marks an appointment arrived or no-show, or undoes the mark (back to booked). Arrived from an
 * hour before the start; no-show only once it has started; nothing for a future day, and only on
 * appointments that are booked or already marked (not cancelled or moved). Audited with before
 * and after, in the same transaction.
 */
export async function markAttendance(
  db: Db,
  actor: Actor,
  input: { appointmentId: string; mark: AttendanceMark },
  now: Date,
  timeZone: string,
): Promise<MarkResult> {
  const parsed = attendanceSchema.safeParse(input);
  if (!parsed.success) return { ok: false, refusal: "invalid" };
  const { appointmentId, mark } = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      const row = await getAppointmentForMark(tx, appointmentId);
      if (!row || !(MARKABLE as readonly string[]).includes(row.status)) return { ok: false, refusal: "gone" } as const;
      if (row.status === mark) return { ok: true, intakeId: row.intakeId } as const;
      const endOfToday = localInstant(addLocalDays(localDate(now, timeZone), 1), "00:00", timeZone);
      if (row.startsAt >= endOfToday) return { ok: false, refusal: "future_day" } as const;
      if (mark === "arrived" && row.startsAt.getTime() - now.getTime() > ARRIVE_EARLY_MINUTES * 60_000)
        return { ok: false, refusal: "too_early" } as const;
      if (mark === "no_show" && row.startsAt > now) return { ok: false, refusal: "not_started" } as const;
      if (!(await setAttendanceStatus(tx, { appointmentId, status: mark })))
        return { ok: false, refusal: "changed" } as const;
      await recordAudit(tx, {
        actor: { id: actor.id, email: actor.email },
        action: mark === "booked" ? "attendance_undone" : mark === "arrived" ? "marked_arrived" : "marked_no_show",
        subjectType: "appointment",
        subjectId: appointmentId,
        before: { status: row.status },
        after: { status: mark },
        clientAddress: actor.clientAddress,
      });
      return { ok: true, intakeId: row.intakeId } as const;
    });
  } catch (error) {
    // Undoing a mark when the patient has booked another appointment since (one booked per intake).
    if (pgCode(error) === "23505") return { ok: false, refusal: "other_booking" };
    throw error;
  }
}

/**
 * Records that a staff member viewed the schedule (patients' names and phone numbers: a view of
 * patient data, so it is audited): which days, which clinician, how many appointments were shown.
 */
export async function recordScheduleView(
  db: Db,
  staff: Actor,
  view: { from: string; days: number; clinicianId: string | null; appointments: number },
): Promise<void> {
  await recordAudit(db, {
    actor: { id: staff.id, email: staff.email },
    action: "schedule_viewed",
    subjectType: "schedule",
    subjectId: null,
    after: { from: view.from, days: view.days, clinician: view.clinicianId, appointments: view.appointments },
    clientAddress: staff.clientAddress,
  });
}
