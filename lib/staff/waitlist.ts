// The waitlist as staff see it: every waiting patient in the order times are offered (lib/waitlist),
// with why, and taking a patient off the list with a reason (audited).
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { getWaitingEntry, listWaitingEntries, removeWaitingEntry } from "@/db/queries/waitlist";
import { listOffersForEntries, listOpenOffersOfEntry, readWaitlistMeasures } from "@/db/queries/waitlist-offers";
import { formatDateTime, formatDay, formatTime } from "@/lib/booking/format";
import { bookingSettings, offeredSlots, pickType } from "@/lib/booking/schedule";
import { eligibilityFor } from "@/lib/booking/eligibility";
import { localDate, localTime } from "@/lib/scheduling/zoned";
import { holdAndOffer, letGo } from "@/lib/waitlist/offers";
import { CONTROL_CHARACTER, freeText } from "@/lib/forms";
import { parseLocalDate } from "@/lib/scheduling/zoned";
import { entryFrom, fitsEntry, rankEntries, whyRanked, type WaitlistEntry, type WaitlistLevel } from "@/lib/waitlist";
import { availabilityInWords } from "@/lib/waitlist/words";
import type { Staff } from "./session";

export type WaitlistRow = {
  id: string;
  intakeId: string;
  patientId: string;
  name: string;
  level: WaitlistLevel;
  why: string;
  when: string;
  notBefore: string | null;
  earlierThan: string | null;
  joined: string;
  /** The times offered to them, newest first, each in words ("Open: held until 9:30 am"). */
  offers: { id: string; when: string; clinician: string; status: string }[];
  /** Whether a time is held for them now (a second offer waits for their answer). */
  offerOpen: boolean;
};

/**
 * Every waiting patient, in the order a freed time is offered (the most urgent level, then the
 * nearest deadline, then the longest wait). An entry whose level can no longer wait (re-graded
 * URGENT or EMERGENCY since) is listed last, saying so: the clinic calls them.
 */
export async function readWaitlist(db: Db, now: Date, timeZone: string): Promise<WaitlistRow[]> {
  const rows = await listWaitingEntries(db, now);
  type Entry = WaitlistEntry & { row: (typeof rows)[number] };
  const entries: Entry[] = [];
  const notOffered: { row: (typeof rows)[number]; why: string }[] = [];
  for (const row of rows) {
    const found = entryFrom(row);
    if ("notOffered" in found) notOffered.push({ row, why: found.notOffered });
    else entries.push({ ...found.entry, row });
  }
  const offers = await listOffersForEntries(
    db,
    rows.map((r) => r.id),
  );
  const offersOf = (id: string) =>
    offers
      .filter((o) => o.entryId === id)
      .map((o) => ({
        id: o.id,
        when: formatDateTime(o.startsAt, timeZone),
        clinician: o.clinicianName,
        status: offerStatusWords(o, timeZone),
      }));
  const view = (row: (typeof rows)[number], why: string, when: string): WaitlistRow => ({
    offers: offersOf(row.id),
    offerOpen: offers.some((o) => o.entryId === row.id && o.status === "open"),
    id: row.id,
    intakeId: row.intakeId,
    patientId: row.patientId,
    name: `${row.firstName} ${row.lastName}`,
    level: row.level as WaitlistLevel,
    why,
    when,
    notBefore: row.notBefore ? formatDay(new Date(parseLocalDate(row.notBefore) + 12 * 3_600_000), "UTC") : null,
    earlierThan: row.earlierThan ? formatDateTime(row.earlierThan, timeZone) : null,
    joined: formatDateTime(row.joinedAt, timeZone),
  });
  return [
    ...rankEntries(entries).map((e) =>
      view(
        e.row,
        // The engine's grade shows beside the name; during the silent pilot it does not act here.
        `${e.row.silent ? "Silent pilot, offered times as routine: " : ""}${whyRanked(e, now)}`,
        availabilityInWords(e.availability).join("; "),
      ),
    ),
    ...notOffered.map(({ row, why }) => view(row, why, "")),
  ];
}

export const removeFromWaitlistSchema = z.object({
  id: z.uuid({ error: "Choose the patient to take off the list" }),
  reason: z
    .string()
    .trim()
    .min(1, "Give the reason")
    .max(500, "Keep the reason under 500 characters")
    .refine(freeText, CONTROL_CHARACTER),
});

/** Takes a waiting patient off the list, with the reason; audited on their intake. Null when no longer waiting. */
export async function removeFromWaitlist(
  db: Db,
  staff: Pick<Staff, "id" | "email" | "clientAddress">,
  { id, reason }: z.output<typeof removeFromWaitlistSchema>,
  now: Date,
): Promise<{ intakeId: string } | null> {
  return db.transaction(async (tx) => {
    // An offer open to them is withdrawn first: its held time goes to the next patient.
    for (const offer of await listOpenOffersOfEntry(tx, id)) await letGo(tx, offer, "withdrawn", now);
    const removed = await removeWaitingEntry(tx, { id, reason, staffId: staff.id, now });
    if (!removed) return null;
    await recordAudit(tx, {
      actor: { id: staff.id, email: staff.email },
      action: "waitlist_removed",
      subjectType: "intake",
      subjectId: removed.intakeId,
      before: { entryId: id, status: "waiting" },
      after: { entryId: id, status: "removed" },
      reason,
      clientAddress: staff.clientAddress,
    });
    return removed;
  });
}

const OFFER_STATUS_WORDS = {
  accepted: "Taken",
  declined: "Let go",
  lapsed: "Not answered in time",
  withdrawn: "Withdrawn",
} as const;

/** How an offer stands, in words: "Held until 9:30 am", "Taken", "Let go", "Not answered in time". */
function offerStatusWords(
  o: { status: keyof typeof OFFER_STATUS_WORDS | "open"; expiresAt: Date; offeredByName: string | null },
  timeZone: string,
): string {
  const words =
    o.status === "open" ? `Held for them until ${formatTime(o.expiresAt, timeZone)}` : OFFER_STATUS_WORDS[o.status];
  return o.offeredByName ? `${words} (offered by ${o.offeredByName})` : words;
}

/** The waitlist's measures over the last `days` days, for the top of the staff list. */
export async function readMeasures(db: Db, now: Date, days = 30) {
  const m = await readWaitlistMeasures(db, { since: new Date(now.getTime() - days * 86_400_000) });
  return { days, ...m };
}

/** The free times staff may offer a waiting patient: what their grade may book, on their days and times (at most 30). */
export async function offerableTimes(db: Db, entryId: string, now: Date) {
  const row = await getWaitingEntry(db, entryId, now);
  if (!row) return null;
  const found = entryFrom(row);
  if ("notOffered" in found) return { row, why: found.notOffered, times: [] };
  const settings = await bookingSettings(db);
  const zone = settings.clinic?.timeZone ?? "UTC";
  const type = pickType(settings.schedule.types, found.entry.level);
  if (!type) return { row, why: "No appointment type may be booked at their level", times: [] };
  const { withinDays } = eligibilityFor({ level: found.entry.level, firedRules: [] });
  const horizon = settings.clinic?.horizonDays ?? 60;
  const offer = await offeredSlots(
    db,
    { now, from: localDate(now, zone), days: Math.min(horizon, withinDays ?? 21), type, withinDays, mode: "patient" },
    settings,
  );
  // On the hour and half hour only, so 30 choices reach across several days rather than one morning.
  const times = offer.slots
    .filter((s) => fitsEntry(s, found.entry, zone, now) && /:(00|30)$/.test(localTime(s.start, zone)))
    .slice(0, 30);
  return { row, entry: found.entry, type, why: null, times, settings };
}

export const offerTimeSchema = z.object({
  entryId: z.uuid({ error: "Choose the patient" }),
  time: z
    .string({ error: "Choose a time to offer" })
    .regex(/^[0-9a-f-]{36}@\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, "Choose a time to offer"),
});

export type OfferTimeResult = "offered" | "slot_taken" | "entry_busy" | "gone" | "not_offerable" | "too_soon";

/**
 * Staff offer a chosen free time to a chosen waiting patient, outside the worker's order: the same
 * hold, email and link as an automatic offer (audited with the staff member). The time must still be
 * one the patient's grade may book, on their days and times.
 */
export async function offerTimeToPatient(
  db: Db,
  staff: Pick<Staff, "id" | "email" | "clientAddress">,
  { entryId, time }: z.output<typeof offerTimeSchema>,
  now: Date,
): Promise<OfferTimeResult> {
  const [clinicianId, startIso] = time.split("@") as [string, string];
  const found = await offerableTimes(db, entryId, now);
  if (!found) return "gone";
  if (!found.entry || !found.type || !found.settings) return "not_offerable";
  const slot = found.times.find((s) => s.clinicianId === clinicianId && s.start.toISOString() === startIso);
  if (!slot) return "slot_taken";
  return holdAndOffer(db, {
    entry: { id: found.row.id, intakeId: found.row.intakeId, earlierThan: found.row.earlierThan },
    slot,
    type: found.type,
    freedTimeId: null,
    now,
    holdMinutes: found.settings.clinic?.waitlistHoldMinutes ?? 30,
    minNoticeMinutes: found.settings.clinic?.minNoticeMinutes ?? 0,
    offeredBy: staff,
  });
}
