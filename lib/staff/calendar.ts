// The staff calendar's layout: for each clinician and day, the appointments, the time off and
// closures, and the free time (working hours not taken by any of them, from now on), placed on
// rows of 5 minutes of the clinic's wall clock. Pure: plain data in, plain data out; a DST day
// keeps its wall-clock rows (an appointment at 9:00 sits on the 9:00 row whatever the offset).
import { formatDay, formatTime } from "@/lib/booking/format";
import { buildTimelines } from "@/lib/scheduling/ranges";
import type { WorkingHours } from "@/lib/scheduling/types";
import {
  isoWeekday,
  localDate,
  localInstant,
  localTime,
  MINUTE,
  parseClock,
  parseLocalDate,
} from "@/lib/scheduling/zoned";
import { LEVEL_NAMES } from "./format";

/** Minutes per row of the grid. */
export const ROW_MINUTES = 5;

export type CalendarLevel = keyof typeof LEVEL_NAMES;

export type CalendarInput = {
  timeZone: string;
  now: Date;
  /** Clinic-local dates shown, "YYYY-MM-DD". */
  days: readonly string[];
  clinicians: readonly { id: string; name: string }[];
  hours: readonly WorkingHours[];
  openingHours: readonly { weekday: number; start: string; end: string }[];
  appointments: readonly {
    id: string;
    clinicianId: string;
    startsAt: Date;
    endsAt: Date;
    blockStart: Date;
    blockEnd: Date;
    status: string;
    firstName: string;
    lastName: string;
    type: string;
    level: CalendarLevel;
  }[];
  timeOff: readonly { id: string; clinicianId: string | null; start: Date; end: Date; reason: string | null }[];
  /** The clinic's step between start times: free time starts on it, and shorter gaps are not free. */
  slotIntervalMinutes: number;
};

type Placed = { start: Date; end: Date; row: number; span: number; label: string };

export type CalendarBlock =
  | (Placed & {
      kind: "appointment";
      id: string;
      href: string;
      time: string;
      patient: string;
      type: string;
      level: CalendarLevel;
      status: string;
    })
  | (Placed & { kind: "free"; href: string; time: string })
  | (Placed & { kind: "off"; closure: boolean; time: string; reason: string | null });

/** One clinician's day: what is on it, in time order (time off first where they start together). */
export type CalendarCell = {
  date: string;
  clinicianId: string;
  clinician: string;
  /** Whether the clinician has working hours that day. */
  working: boolean;
  /** The row the present moment falls on, when it is on this day and within the rows shown. */
  nowRow?: number;
  blocks: CalendarBlock[];
};

export type CalendarLayout = {
  /** Wall-clock minutes after midnight of the first row and of the end of the last. */
  firstMinute: number;
  lastMinute: number;
  /** How many rows of ROW_MINUTES. */
  rows: number;
  /** The hour marks: "9 am" on its row. */
  hourMarks: { label: string; row: number }[];
  cells: CalendarCell[];
};

const STATUS_WORDS: Record<string, string> = {
  arrived: "arrived",
  no_show: "did not come",
  completed: "completed",
  held: "held for a waitlist offer",
};

/** Lays out the calendar for the days and clinicians asked for. */
export function layoutCalendar(input: CalendarInput): CalendarLayout {
  const { timeZone: zone, days } = input;
  const ids = input.clinicians.map((c) => c.id);
  const weekdays = new Set<number>(days.map((d) => isoWeekday(parseLocalDate(d))));
  const shownAppointments = input.appointments.filter(
    (a) => ids.includes(a.clinicianId) && days.includes(localDate(a.startsAt, zone)),
  );

  // Rows from the earliest opening, working hour or appointment to the latest, in whole hours.
  let first = Infinity;
  let last = -Infinity;
  const widen = (start: number, end: number) => {
    first = Math.min(first, start);
    last = Math.max(last, end);
  };
  for (const h of input.openingHours) if (weekdays.has(h.weekday)) widen(parseClock(h.start), parseClock(h.end));
  for (const h of input.hours)
    if (ids.includes(h.clinicianId) && weekdays.has(h.weekday)) widen(parseClock(h.start), parseClock(h.end));
  for (const a of shownAppointments) {
    const day = localDate(a.startsAt, zone);
    widen(wallMinute(a.startsAt, day, zone), wallMinute(a.endsAt, day, zone));
  }
  if (first === Infinity) [first, last] = [8 * 60, 18 * 60];
  const firstMinute = Math.floor(first / 60) * 60;
  const lastMinute = Math.min(1440, Math.ceil(last / 60) * 60);
  const rows = (lastMinute - firstMinute) / ROW_MINUTES;

  const place = (start: Date, end: Date, day: string) => {
    const from = Math.max(firstMinute, wallMinute(start, day, zone));
    const to = Math.min(lastMinute, wallMinute(end, day, zone));
    const row = Math.floor((from - firstMinute) / ROW_MINUTES) + 1;
    const endRow = Math.max(row + 1, Math.ceil((to - firstMinute) / ROW_MINUTES) + 1);
    return { row: Math.min(row, rows), span: Math.min(endRow, rows + 1) - Math.min(row, rows) };
  };
  const span = (start: Date, end: Date) => `${formatTime(start, zone)} to ${formatTime(end, zone)}`;

  const timelines = buildTimelines(
    ids,
    input.appointments.map((a) => ({ clinicianId: a.clinicianId, start: a.blockStart, end: a.blockEnd })),
    input.timeOff,
  );
  const step = input.slotIntervalMinutes * MINUTE;
  const now = input.now.getTime();

  const cells: CalendarCell[] = [];
  for (const day of days) {
    const dayStart = localInstant(day, "00:00", zone);
    const dayEnd = localInstant(day, "24:00", zone);
    const dayName = formatDay(localInstant(day, "12:00", zone), zone);
    const weekday = isoWeekday(parseLocalDate(day));
    for (const c of input.clinicians) {
      const blocks: CalendarBlock[] = [];
      for (const t of input.timeOff) {
        if (t.clinicianId !== null && t.clinicianId !== c.id) continue;
        if (t.start >= dayEnd || t.end <= dayStart) continue;
        const { start, end, time } = offWithinDay(t, dayStart, dayEnd, zone);
        const closure = t.clinicianId === null;
        const what = closure ? "Clinic closed" : `Time off: ${c.name}`;
        blocks.push({
          kind: "off",
          closure,
          start,
          end,
          time,
          reason: t.reason,
          ...place(start, end, day),
          label: `${what}, ${dayName}, ${time}${t.reason ? ` (${t.reason})` : ""}`,
        });
      }
      for (const a of shownAppointments) {
        if (a.clinicianId !== c.id || localDate(a.startsAt, zone) !== day) continue;
        const patient = `${a.firstName} ${a.lastName}`;
        const status = STATUS_WORDS[a.status];
        const time = span(a.startsAt, a.endsAt);
        blocks.push({
          kind: "appointment",
          id: a.id,
          href: `/staff/appointments/${a.id}`,
          start: a.startsAt,
          end: a.endsAt,
          time,
          patient,
          type: a.type,
          level: a.level,
          status: a.status,
          ...place(a.startsAt, a.endsAt, day),
          label: `${patient}, ${a.type}, level ${LEVEL_NAMES[a.level]}, ${dayName} ${time} with ${c.name}${status ? `, ${status}` : ""}`,
        });
      }
      const rowsToday = input.hours.filter((h) => h.clinicianId === c.id && h.weekday === weekday);
      for (const [start, e] of freePeriods(rowsToday, timelines.get(c.id)!, { day, zone, now, step })) {
        for (const [cs, ce] of hourChunks(start, e, zone)) {
          if (ce - cs < step) continue;
          const from = new Date(cs);
          const to = new Date(ce);
          const time = span(from, to);
          blocks.push({
            kind: "free",
            start: from,
            end: to,
            time,
            href: `/staff/book?${new URLSearchParams({ clinician: c.id, start: from.toISOString() })}`,
            ...place(from, to, day),
            label: `Free ${time} with ${c.name}, ${dayName}: book a patient`,
          });
        }
      }
      blocks.sort((a, b) => a.start.getTime() - b.start.getTime() || order(a) - order(b));
      const nowMinute = wallMinute(input.now, day, zone);
      const nowRow =
        localDate(input.now, zone) === day && nowMinute >= firstMinute && nowMinute < lastMinute
          ? Math.floor((nowMinute - firstMinute) / ROW_MINUTES) + 1
          : undefined;
      cells.push({ date: day, clinicianId: c.id, clinician: c.name, working: rowsToday.length > 0, blocks, nowRow });
    }
  }

  const hourMarks: CalendarLayout["hourMarks"] = [];
  for (let m = firstMinute; m < lastMinute; m += 60) {
    const h = m / 60;
    const label = h === 0 ? "12 am" : h < 12 ? `${h} am` : h === 12 ? "12 pm" : `${h - 12} pm`;
    hourMarks.push({ label, row: (m - firstMinute) / ROW_MINUTES + 1 });
  }
  return { firstMinute, lastMinute, rows, hourMarks, cells };
}

/** One clinician's day in the week of everyone: how full it is, not who is in it. */
export type DaySummary = {
  date: string;
  clinicianId: string;
  clinician: string;
  /** Whether the clinician has working hours that day. */
  working: boolean;
  /** Appointments that still happen or happened. */
  booked: number;
  /** Of them, graded EMERGENCY or URGENT now. */
  urgent: number;
  /** Free working time from now on, in minutes: the day view's free time, summed. */
  freeMinutes: number;
  /** Time off and closures on the day, in words ("all day", "from 1 pm"). */
  off: { closure: boolean; time: string }[];
};

export type SummaryInput = Omit<CalendarInput, "appointments"> & {
  appointments: readonly {
    clinicianId: string;
    startsAt: Date;
    blockStart: Date;
    blockEnd: Date;
    level: CalendarLevel;
  }[];
};

/**
 * The week of every clinician as counts: a cell per clinician and day with the appointments, the
 * urgent ones among them, the free time left and any time off. Many clinicians' weeks stay light
 * (a day view has the names); the free time is the day view's, summed.
 */
export function summariseCalendar(input: SummaryInput): DaySummary[] {
  const { timeZone: zone, days } = input;
  const ids = input.clinicians.map((c) => c.id);
  const timelines = buildTimelines(
    ids,
    input.appointments.map((a) => ({ clinicianId: a.clinicianId, start: a.blockStart, end: a.blockEnd })),
    input.timeOff,
  );
  const step = input.slotIntervalMinutes * MINUTE;
  const now = input.now.getTime();
  const byCell = new Map<string, { booked: number; urgent: number }>();
  for (const a of input.appointments) {
    const key = `${a.clinicianId} ${localDate(a.startsAt, zone)}`;
    const cell = byCell.get(key) ?? { booked: 0, urgent: 0 };
    cell.booked++;
    if (a.level === "EMERGENCY" || a.level === "URGENT") cell.urgent++;
    byCell.set(key, cell);
  }
  const out: DaySummary[] = [];
  for (const day of days) {
    const dayStart = localInstant(day, "00:00", zone);
    const dayEnd = localInstant(day, "24:00", zone);
    const weekday = isoWeekday(parseLocalDate(day));
    for (const c of input.clinicians) {
      const rowsToday = input.hours.filter((h) => h.clinicianId === c.id && h.weekday === weekday);
      let freeMinutes = 0;
      // As the day view draws it: hour by hour, no piece shorter than a step.
      for (const [s, e] of freePeriods(rowsToday, timelines.get(c.id)!, { day, zone, now, step }))
        for (const [cs, ce] of hourChunks(s, e, zone)) if (ce - cs >= step) freeMinutes += (ce - cs) / MINUTE;
      const off = input.timeOff
        .filter((t) => (t.clinicianId === null || t.clinicianId === c.id) && t.start < dayEnd && t.end > dayStart)
        .map((t) => ({ closure: t.clinicianId === null, time: offWithinDay(t, dayStart, dayEnd, zone).time }));
      const counts = byCell.get(`${c.id} ${day}`) ?? { booked: 0, urgent: 0 };
      out.push({
        date: day,
        clinicianId: c.id,
        clinician: c.name,
        working: rowsToday.length > 0,
        ...counts,
        freeMinutes,
        off,
      });
    }
  }
  return out;
}

/** Time off clipped to a day, and when it is in words: "all day", "from 1 pm", "until 11 am", or a span. */
function offWithinDay(t: { start: Date; end: Date }, dayStart: Date, dayEnd: Date, zone: string) {
  const start = t.start < dayStart ? dayStart : t.start;
  const end = t.end > dayEnd ? dayEnd : t.end;
  const time =
    t.start <= dayStart && t.end >= dayEnd
      ? "all day"
      : t.end >= dayEnd
        ? `from ${formatTime(start, zone)}`
        : t.start <= dayStart
          ? `until ${formatTime(end, zone)}`
          : `${formatTime(start, zone)} to ${formatTime(end, zone)}`;
  return { start, end, time };
}

/**
 * A clinician's free working time on a day from now on (epoch ms ranges): their hours less
 * appointments (with buffers), time off and closures. Each range starts where the slot engine
 * steps from the hours' start, so the first time the booking page offers is the one clicked.
 */
function freePeriods(
  rowsToday: readonly WorkingHours[],
  timeline: { starts: Float64Array; ends: Float64Array },
  { day, zone, now, step }: { day: string; zone: string; now: number; step: number },
): [number, number][] {
  const out: [number, number][] = [];
  for (const h of rowsToday) {
    const rowStart = localInstant(day, h.start, zone).getTime();
    const rowEnd = localInstant(day, h.end, zone).getTime();
    for (const [s, e] of freeRanges(timeline, Math.max(rowStart, now), rowEnd)) {
      const start = rowStart + Math.ceil((s - rowStart) / step) * step;
      if (start < e) out.push([start, e]);
    }
  }
  return out;
}

const order = (b: CalendarBlock) => (b.kind === "off" ? 0 : b.kind === "appointment" ? 1 : 2);

/** Minutes after the local midnight of `day` at which the instant falls (0 before the day, 1440 after). */
export function wallMinute(instant: Date, day: string, zone: string): number {
  const d = localDate(instant, zone);
  if (d < day) return 0;
  if (d > day) return 1440;
  return parseClock(localTime(instant, zone));
}

/** The parts of [from, to) (epoch ms) that no range of the timeline covers. */
function freeRanges(
  timeline: { starts: Float64Array; ends: Float64Array },
  from: number,
  to: number,
): [number, number][] {
  const free: [number, number][] = [];
  let t = from;
  for (let i = 0; i < timeline.starts.length && t < to; i++) {
    const s = timeline.starts[i]!;
    const e = timeline.ends[i]!;
    if (e <= t) continue;
    if (s >= to) break;
    if (s > t) free.push([t, s]);
    t = Math.max(t, e);
  }
  if (t < to) free.push([t, to]);
  return free;
}

/** [from, to) cut at each whole hour of the clinic's clock: free time as click targets of an hour at most. */
function hourChunks(from: number, to: number, zone: string): [number, number][] {
  const chunks: [number, number][] = [];
  let s = from;
  while (s < to) {
    const minute = parseClock(localTime(new Date(s), zone)) % 60;
    const next = Math.min(
      to,
      s - (new Date(s).getUTCSeconds() * 1000 + new Date(s).getUTCMilliseconds()) + (60 - minute) * MINUTE,
    );
    chunks.push([s, next]);
    s = next;
  }
  return chunks;
}
