// The plain data the slot maths takes and returns. Instants are Dates (UTC); anything a person
// reads off a clock ("09:00", "2026-03-08") is clinic-local wall time in SlotQuery.timeZone.

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One block of a clinician's weekly hours, "HH:MM" local, end > start; several a day make split hours. */
export type WorkingHours = { clinicianId: string; weekday: Weekday; start: string; end: string };

/** Time off, [start, end); a null clinician is a clinic closure for everyone. */
export type TimeOff = { clinicianId: string | null; start: Date; end: Date };

/** An existing appointment's blocked range, buffers included, [start, end). */
export type Busy = { clinicianId: string; start: Date; end: Date };

/** What is being booked: its length and the clinician's time it takes either side. */
export type AppointmentType = { id: string; minutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };

/** The clinic's booking rules. */
export type Policy = {
  slotIntervalMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  urgentReservePerDay: number;
  /** "HH:MM" local: from then on a day's reserved slots are offered to everyone. */
  urgentReleaseTime: string;
};

/** A bookable start; `reserved` is true only while it is held back for urgent cases. */
export type Slot = { clinicianId: string; start: Date; end: Date; blockStart: Date; blockEnd: Date; reserved: boolean };

/** Everything listFreeSlots needs; the caller loads it, the maths never does. */
export type SlotQuery = {
  timeZone: string;
  now: Date;
  /** "YYYY-MM-DD", a clinic-local calendar date. */
  from: string;
  /** How many local calendar days from `from`. */
  days: number;
  type: AppointmentType;
  clinicianIds: string[];
  hours: WorkingHours[];
  timeOff: TimeOff[];
  busy: Busy[];
  policy: Policy;
  /** Only slots starting before now + withinDays × 24 h (e.g. 7 for SOON patients). */
  withinDays?: number;
  /** patient: reserved slots are withheld until release; urgent: everything, reserved ones flagged. */
  mode: "patient" | "urgent";
};

/** The clinic table's defaults (db/schema.ts), for callers and tests that need a whole Policy. */
export const DEFAULT_POLICY: Policy = {
  slotIntervalMinutes: 15,
  minNoticeMinutes: 120,
  horizonDays: 60,
  urgentReservePerDay: 1,
  urgentReleaseTime: "12:00",
};
