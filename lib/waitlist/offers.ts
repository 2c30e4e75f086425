// The waitlist worker's pass: lapse offers nobody answered, then offer each freed time to the most
// urgent waiting patient it fits. Runs beside the email worker (in the server and in
// `npm run worker`); any number of passes may run at once against one PostgreSQL.
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { insertAppointment, lockClinicianBookings } from "@/db/queries/appointments";
import { recordAudit } from "@/db/queries/audit";
import {
  claimFreedTimes,
  claimLapsedOffers,
  closeOffer,
  deleteHeldAppointment,
  finishFreedTime,
  getEntryContact,
  insertOffer,
  listEntriesWithOpenOffer,
  getSourceIntakeId,
  listOffersOfFreedTime,
  reopenFreedTime,
  type FreedTimeRow,
} from "@/db/queries/waitlist-offers";
import { listWaitingEntries } from "@/db/queries/waitlist";
import type { AppointmentType as TypeRow } from "@/db/schema";
import { pgCode } from "@/lib/booking/book";
import { bookingSettings, forgetOffers, offeredSlots, pickType, type BookingSettings } from "@/lib/booking/schedule";
import { queueWaitlistOffer } from "@/lib/notifications/queue";
import { localDate, type Slot } from "@/lib/scheduling";
import { DAY, MINUTE } from "@/lib/scheduling/zoned";
import { createHash } from "node:crypto";
import { entryFrom, fitsEntry, rankEntries, type WaitlistEntry } from "./index";

/** SHA-256 of an offer link's token: what is stored instead of it. */
export const hashOfferToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** A new random offer-link token (256 bits) and its hash. */
export function newOfferToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashOfferToken(token) };
}

export const DEFAULT_HOLD_MINUTES = 30;

export type PassReport = {
  lapsed: number;
  claimed: number;
  offered: number;
  noOne: number;
  past: number;
  failed: number;
};

type Waiting = WaitlistEntry & { intakeId: string };

/**
 * One pass: offers whose hold ran out are lapsed (the time let go and handed back, so it goes to
 * the next patient), then up to `batch` freed times are claimed and each offered, in the order they
 * were freed, to the first waiting patient in offer order (lib/waitlist) whom a time in it fits and
 * who has no open offer already and was not offered that time before. The held time is an
 * appointments row with status "held", so the no-overlap constraint keeps it from anyone else.
 */
export async function runWaitlistPass(
  db: Db,
  now: Date,
  { batch = 20, leaseMs = 60_000 }: { batch?: number; leaseMs?: number } = {},
): Promise<PassReport> {
  const report: PassReport = {
    lapsed: await lapseDueOffers(db, now),
    claimed: 0,
    offered: 0,
    noOne: 0,
    past: 0,
    failed: 0,
  };
  let lastError: unknown;
  const freed = await claimFreedTimes(db, { now, limit: batch, leaseMs });
  report.claimed = freed.length;
  if (!freed.length) return report;

  const settings = await bookingSettings(db);
  const rows = await listWaitingEntries(db, now);
  const waiting: Waiting[] = [];
  for (const row of rows) {
    const found = entryFrom(row);
    if ("entry" in found) waiting.push({ ...found.entry, intakeId: row.intakeId });
  }
  const ranked = rankEntries(waiting);
  const busy = await listEntriesWithOpenOffer(db);
  for (const time of freed) {
    let made: number | "past";
    try {
      made = await offerFreedTime(db, time, { ranked, busy, settings, now });
    } catch (error) {
      // One freed time that fails does not hold up the others: it stays claimed until its lease
      // ends, then is tried again. The message names no patient.
      report.failed++;
      lastError = error;
      continue;
    }
    if (made === "past") report.past++;
    else if (made === 0) report.noOne++;
    else report.offered += made;
  }
  if (report.failed && lastError) throw lastError;
  if (report.offered) forgetOffers(db);
  return report;
}

/** Lapses open offers past their hold: the time is let go and its freed time handed back. Returns how many. */
export async function lapseDueOffers(db: Db, now: Date): Promise<number> {
  const lapsed = await db.transaction(async (tx) => {
    const due = await claimLapsedOffers(tx, { now, limit: 50 });
    for (const offer of due) await letGo(tx, offer, "lapsed", now);
    return due.length;
  });
  // After the commit, so no page re-caches the times as still held.
  if (lapsed) forgetOffers(db);
  return lapsed;
}

/**
 * Closes an open offer that was not taken (declined, lapsed or withdrawn): the held row is deleted
 * so the time is free again, and the freed time it came from goes back to the worker for the next
 * patient. The caller holds the offer's row lock. Returns whether the offer was still open.
 */
export async function letGo(
  tx: Db,
  offer: { id: string; entryId: string; appointmentId: string | null; freedTimeId: string | null },
  status: "declined" | "lapsed" | "withdrawn",
  now: Date,
): Promise<boolean> {
  if (!(await closeOffer(tx, { id: offer.id, status, now }))) return false;
  if (offer.appointmentId) await deleteHeldAppointment(tx, offer.appointmentId);
  if (offer.freedTimeId) await reopenFreedTime(tx, offer.freedTimeId);
  await recordAudit(tx, {
    actor: null,
    action: `waitlist_offer_${status}`,
    subjectType: "waitlist_offer",
    subjectId: offer.id,
    after: { entryId: offer.entryId, status },
  });
  return true;
}

/**
 * Offers the times in one freed range, each to the best waiting patient it fits; returns how many
 * offers were made, or "past" when the time is too close to offer. The freed time is marked handled.
 */
async function offerFreedTime(
  db: Db,
  time: FreedTimeRow,
  ctx: { ranked: Waiting[]; busy: Set<string>; settings: BookingSettings; now: Date },
): Promise<number | "past"> {
  const { settings, now } = ctx;
  const clinic = settings.clinic;
  const minNotice = (clinic?.minNoticeMinutes ?? 0) * MINUTE;
  if (!clinic || time.endsAt.getTime() <= now.getTime() + minNotice) {
    await finishFreedTime(db, { id: time.id, outcome: "past", now, claimedUntil: time.claimedUntil! });
    return "past";
  }
  const zone = clinic.timeZone;
  const before = await listOffersOfFreedTime(db, time.id);
  // A patient whose own cancellation or move freed the time is not offered it back.
  const sourceIntakeId = await getSourceIntakeId(db, time.sourceAppointmentId);
  // A patient who let a time go (or let it lapse) is not offered it, or a time overlapping it, again.
  const offeredBefore = (entryId: string, slot: Slot) =>
    before.some((o) => o.entryId === entryId && slot.start < o.endsAt && o.startsAt < slot.end);
  // Candidate times per appointment type, computed once and narrowed as times are held.
  const candidates = new Map<string, Slot[]>();
  const slotsFor = async (type: TypeRow): Promise<Slot[]> => {
    let slots = candidates.get(type.id);
    if (!slots) {
      const days = Math.ceil((time.endsAt.getTime() - time.startsAt.getTime()) / DAY) + 1;
      const offer = await offeredSlots(
        db,
        {
          now,
          from: localDate(time.startsAt, zone),
          days,
          type,
          withinDays: null,
          mode: "patient",
          clinicianIds: [time.clinicianId],
        },
        settings,
      );
      slots = offer.slots.filter(
        (s) => s.start.getTime() >= time.startsAt.getTime() && s.start.getTime() < time.endsAt.getTime(),
      );
      candidates.set(type.id, slots);
    }
    return slots;
  };
  const taken: { start: number; end: number }[] = [];
  let made = 0;
  for (const entry of ctx.ranked) {
    if (ctx.busy.has(entry.id) || entry.intakeId === sourceIntakeId) continue;
    // The freed appointment's own type when the patient's level may book it, else their level's.
    const type =
      pickType(settings.schedule.types, entry.level, time.appointmentTypeId ?? undefined) ??
      pickType(settings.schedule.types, entry.level);
    if (!type) continue;
    const fitting = (await slotsFor(type)).filter(
      (s) =>
        fitsEntry(s, entry, zone, now) &&
        !offeredBefore(entry.id, s) &&
        !taken.some((t) => s.blockStart.getTime() < t.end && t.start < s.blockEnd.getTime()),
    );
    for (const slot of fitting) {
      const result = await holdAndOffer(db, {
        entry,
        slot,
        type,
        freedTimeId: time.id,
        now,
        holdMinutes: clinic.waitlistHoldMinutes,
        minNoticeMinutes: clinic.minNoticeMinutes,
      });
      if (result === "entry_busy") {
        ctx.busy.add(entry.id);
        break;
      }
      if (result === "gone") break; // the patient was erased or left meanwhile: the next patient
      if (result === "too_soon") continue; // too close to its start to hold for anyone
      if (result === "slot_taken") {
        taken.push({ start: slot.blockStart.getTime(), end: slot.blockEnd.getTime() });
        continue;
      }
      ctx.busy.add(entry.id);
      taken.push({ start: slot.blockStart.getTime(), end: slot.blockEnd.getTime() });
      made++;
      break;
    }
  }
  await finishFreedTime(db, {
    id: time.id,
    outcome: made ? "offered" : "no_one",
    now,
    claimedUntil: time.claimedUntil!,
  });
  return made;
}

type HoldResult = "offered" | "slot_taken" | "entry_busy" | "gone" | "too_soon";

/** An offer held for less than this (its time is close) is not worth making. */
const SHORTEST_HOLD_MS = 5 * MINUTE;

/**
 * Holds a time for a waiting patient and offers it, in one transaction: the held appointments row
 * (the no-overlap constraint refuses it if the time was taken meanwhile: "slot_taken"), the offer
 * (one open offer per patient: "entry_busy" if another worker got there first), the email and the
 * audit row. `offeredBy` when a staff member chose the patient.
 */
export async function holdAndOffer(
  db: Db,
  {
    entry,
    slot,
    type,
    freedTimeId,
    now,
    holdMinutes,
    minNoticeMinutes,
    offeredBy = null,
  }: {
    entry: { id: string; intakeId: string; earlierThan: Date | null };
    slot: Slot;
    type: TypeRow;
    freedTimeId: string | null;
    now: Date;
    holdMinutes: number;
    /** The clinic's minimum notice: the hold ends by then before the start, so a taken time is never too close. */
    minNoticeMinutes: number;
    offeredBy?: { id: string; email: string; clientAddress?: string | null } | null;
  },
): Promise<HoldResult> {
  const { token, hash } = newOfferToken();
  const appointmentId = randomUUID();
  const expiresAt = new Date(
    Math.min(now.getTime() + holdMinutes * MINUTE, slot.start.getTime() - minNoticeMinutes * MINUTE),
  );
  if (expiresAt.getTime() - now.getTime() < SHORTEST_HOLD_MS) return "too_soon";
  try {
    return await db.transaction(async (tx) => {
      const contact = await getEntryContact(tx, entry.id);
      if (!contact || contact.status !== "waiting") return "gone";
      await lockClinicianBookings(tx, slot.clinicianId);
      await insertAppointment(tx, {
        id: appointmentId,
        seriesId: appointmentId,
        intakeId: entry.intakeId,
        clinicianId: slot.clinicianId,
        appointmentTypeId: type.id,
        startsAt: slot.start,
        endsAt: slot.end,
        blocked: `[${slot.blockStart.toISOString()},${slot.blockEnd.toISOString()})`,
        status: "held",
        bookedByStaffId: offeredBy?.id ?? null,
      });
      const offerId = await insertOffer(tx, {
        entryId: entry.id,
        freedTimeId,
        appointmentId,
        clinicianId: slot.clinicianId,
        appointmentTypeId: type.id,
        startsAt: slot.start,
        endsAt: slot.end,
        tokenHash: hash,
        offeredAt: now,
        expiresAt,
        offeredBy: offeredBy?.id ?? null,
      });
      await queueWaitlistOffer(tx, {
        offer: { startsAt: slot.start, endsAt: slot.end, clinicianId: slot.clinicianId, expiresAt },
        patient: { email: contact.email, firstName: contact.firstName },
        intakeId: entry.intakeId,
        token,
        earlierThan: entry.earlierThan,
        now,
      });
      await recordAudit(tx, {
        actor: offeredBy ? { id: offeredBy.id, email: offeredBy.email } : null,
        action: "waitlist_offered",
        subjectType: "intake",
        subjectId: entry.intakeId,
        after: {
          entryId: entry.id,
          offerId,
          start: slot.start.toISOString(),
          clinicianId: slot.clinicianId,
          heldUntil: expiresAt.toISOString(),
          via: offeredBy ? "staff" : "worker",
        },
        clientAddress: offeredBy?.clientAddress ?? null,
      });
      return "offered" as const;
    });
  } catch (error) {
    const code = pgCode(error);
    if (code === "23P01") return "slot_taken";
    if (code === "23505") return "entry_busy";
    throw error;
  }
}

let passFailing = false;

/**
 * The pass as the workers run it before each email pass: a failure is logged once (no patient
 * detail) and never stops the emails; the offers it queues go out in the same email pass.
 */
export async function waitlistWorkerPass(db: Db, now: Date, log: Pick<Console, "info" | "error"> = console) {
  try {
    const report = await runWaitlistPass(db, now);
    if (report.offered || report.lapsed)
      log.info(`[waitlist] offered ${report.offered}, lapsed ${report.lapsed}, nobody fits ${report.noOne}`);
    passFailing = false;
  } catch (error) {
    if (!passFailing) log.error(`[waitlist] pass failed: ${error instanceof Error ? error.message : String(error)}`);
    passFailing = true;
  }
}
