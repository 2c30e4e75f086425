// The published time's handle: "<type>.<start>", e.g. "initial.20261210T1430Z" (the start in ISO 8601
// basic format, UTC, to the minute). It is the Slot's id in the feed and the `slot` parameter of its
// booking deep link, and it is all the intake remembers of it: a kind of appointment and a time,
// nothing about the patient. Pure: no framework, database or environment.

/** The intake's parameter that carries a chosen time: `/intake?slot=<handle>`. */
export const SLOT_PARAM = "slot";

/** The cookie that remembers the chosen time through the intake to the booking page. */
export const CHOSEN_SLOT_COOKIE = "bt_chosen_slot";

/** How long the time is remembered at most (the intake's own draft lasts 7 days). */
export const CHOSEN_SLOT_MAX_SECONDS = 7 * 24 * 3600;

export type SlotHandle = { typeId: string; start: Date };

const HANDLE = /^([a-z0-9][a-z0-9-]{0,49})\.(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z$/;

/** Whether a type's id can be published in a handle (the settings' slugs always can). */
export const publishableTypeId = (id: string) => /^[a-z0-9][a-z0-9-]{0,49}$/.test(id);

/** The handle of a type's time (seconds, if any, are dropped: slots start on the minute). */
export function formatSlotHandle(typeId: string, start: Date): string {
  const iso = start.toISOString(); // 2026-12-10T14:30:00.000Z
  return `${typeId}.${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}

/** The type and time of a handle, or null for anything else (a stale or made-up value is ignored). */
export function parseSlotHandle(value: unknown): SlotHandle | null {
  if (typeof value !== "string") return null;
  const m = HANDLE.exec(value);
  if (!m) return null;
  const [, typeId, y, mo, d, h, mi] = m;
  const start = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)));
  // Date.UTC rolls 2026-02-31 over to March: a date that is not real is not a handle.
  if (formatSlotHandle(typeId!, start) !== value) return null;
  return { typeId: typeId!, start };
}

/** The booking deep link of a published time: our intake, which remembers the time. */
export function bookingDeepLink(appUrl: string, typeId: string, start: Date): string {
  return `${appUrl}/intake?${SLOT_PARAM}=${formatSlotHandle(typeId, start)}`;
}

/**
 * How long to remember a chosen time: until it starts, at most 7 days; null when it has passed
 * (then nothing is remembered).
 */
export function rememberSeconds(handle: SlotHandle, now: Date): number | null {
  const seconds = Math.floor((handle.start.getTime() - now.getTime()) / 1000);
  return seconds > 0 ? Math.min(seconds, CHOSEN_SLOT_MAX_SECONDS) : null;
}
