// One view of the staff calendar: which days and clinicians, read from the database, laid out, and
// audited (patients' names and levels are patient data).
import type { StaffRole } from "@/common/vocabulary";
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { cacheGet } from "@/lib/cache";
import { readCalendar, readCalendarLoad } from "@/db/queries/calendar";
import type { Clinic } from "@/db/schema";
import type { WorkingHours } from "@/lib/scheduling/types";
import {
  addLocalDays,
  isLocalDate,
  isoWeekday,
  localDate,
  localInstant,
  MINUTE,
  parseLocalDate,
} from "@/lib/scheduling/zoned";
import type { Actor } from "./cases";
import { layoutCalendar, summariseCalendar, type CalendarLayout, type DaySummary } from "./calendar";

export const calendarQuerySchema = z.object({
  view: z.enum(["day", "week"]).default("day").catch("day"),
  date: z.string().refine(isLocalDate).optional().catch(undefined),
  clinician: z.uuid().optional().catch(undefined),
});

export type CalendarQuery = z.output<typeof calendarQuerySchema>;

export type CalendarView = {
  query: CalendarQuery;
  zone: string;
  today: string;
  /** The date asked for (today by default); a week view shows its Monday to Sunday. */
  date: string;
  days: string[];
  clinicians: { id: string; name: string }[];
} & CalendarShown;

/** What a view draws, with how many appointments it covers. */
type CalendarShown = { appointments: number } & (
  | { kind: "grid"; layout: CalendarLayout }
  /** The week of every clinician: counts per clinician and day, each linking to that day. */
  | { kind: "summary"; summary: DaySummary[] }
);

/** Why someone is away can be personal: only admins (who manage time off) see the reason. */
const visibleOff = <T extends { reason: string | null }>(off: T[], admin: boolean) =>
  admin ? off : off.map((t) => ({ ...t, reason: null }));

/** How long this process reuses a week of every clinician (within its minute; see weekOfEveryone). */
const WEEK_TTL_MS = 10_000;

/**
 * Every clinician's week as counts, shared for up to 10 seconds by the views of it in this process
 * (reception keeps the week open; each view still reads the session and is audited). Free time is
 * counted from the next whole minute, and the minute is part of what is kept, so a kept week is
 * exactly what a fresh read would draw until then. A booking, move or cancel, a changed level or a
 * re-grade made in this process drops it at once (forgetOffers, overrideLevel, regradeIntake);
 * another process's change shows within the 10 seconds. Time off reasons are for admins only.
 */
function weekOfEveryone(
  db: Db,
  range: { from: Date; to: Date; clinicianIds: string[] },
  input: Omit<Parameters<typeof summariseCalendar>[0], "appointments" | "timeOff" | "openingHours"> & {
    admin: boolean;
  },
): Promise<CalendarShown> {
  const { admin, ...common } = input;
  const now = new Date(Math.ceil(common.now.getTime() / MINUTE) * MINUTE);
  const key = JSON.stringify([range.from, range.to, range.clinicianIds, admin, now, common.slotIntervalMinutes]);
  return cacheGet(
    db,
    "calendar",
    key,
    () =>
      readCalendarLoad(db, range).then((data) => ({
        kind: "summary" as const,
        appointments: data.appointments.length,
        summary: summariseCalendar({
          ...common,
          now,
          ...data,
          timeOff: visibleOff(data.timeOff, admin),
        }),
      })),
    WEEK_TTL_MS,
  );
}

/** The days a view shows: the date, or the Monday-to-Sunday week it falls in. */
export function calendarDays(view: "day" | "week", date: string): string[] {
  const first = view === "week" ? addLocalDays(date, 1 - isoWeekday(parseLocalDate(date))) : date;
  return Array.from({ length: view === "week" ? 7 : 1 }, (_, i) => addLocalDays(first, i));
}

/**
 * Reads and lays out one view of the calendar (every active clinician, or the one asked for) and
 * records that the staff member saw it, with how many appointments were shown.
 */
export async function viewCalendar(
  db: Db,
  staff: Actor & { role: StaffRole },
  input: {
    query: CalendarQuery;
    now: Date;
    clinic: Clinic | null;
    settings: { clinicians: { id: string; name: string }[]; hours: WorkingHours[] };
  },
): Promise<CalendarView> {
  const { query, now, clinic, settings } = input;
  const zone = clinic?.timeZone ?? "UTC";
  const today = localDate(now, zone);
  const date = query.date ?? today;
  const days = calendarDays(query.view, date);
  const chosen = settings.clinicians.find((c) => c.id === query.clinician);
  const clinicians = chosen ? [chosen] : settings.clinicians;
  const from = localInstant(days[0]!, "00:00", zone);
  const to = localInstant(addLocalDays(days.at(-1)!, 1), "00:00", zone);
  const range = { from, to, clinicianIds: clinicians.map((c) => c.id) };
  const common = {
    timeZone: zone,
    now,
    days,
    clinicians,
    hours: settings.hours,
    slotIntervalMinutes: clinic?.slotIntervalMinutes ?? 15,
  };
  const admin = staff.role === "admin";
  const shown: CalendarShown =
    query.view === "week" && !chosen
      ? await weekOfEveryone(db, range, { ...common, admin })
      : await readCalendar(db, range).then((data) => ({
          kind: "grid" as const,
          appointments: data.appointments.length,
          layout: layoutCalendar({ ...common, ...data, timeOff: visibleOff(data.timeOff, admin) }),
        }));
  await recordAudit(db, {
    actor: { id: staff.id, email: staff.email },
    action: "schedule_viewed",
    subjectType: "schedule",
    subjectId: null,
    after: {
      view: `calendar_${query.view}`,
      from: days[0],
      days: days.length,
      clinician: chosen?.id ?? null,
      appointments: shown.appointments,
    },
    clientAddress: staff.clientAddress,
  });
  return {
    query,
    zone,
    today,
    date,
    days,
    clinicians,
    ...shown,
  };
}
