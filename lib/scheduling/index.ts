// Slot maths for booking: pure, framework-free, plain data in and plain data out. The caller loads
// hours, time off and appointments for the clinic's zone and passes them in; nothing here reads
// the clock, the database or the environment.
export type { AppointmentType, Busy, Policy, Slot, SlotQuery, TimeOff, Weekday, WorkingHours } from "./types";
export { DEFAULT_POLICY } from "./types";
export { blockedRange, overlaps } from "./ranges";
export { listFreeSlots } from "./slots";
export { addLocalDays, localDate, localInstant, localTime } from "./zoned";
