// A waiting patient answers an offer through its private link: take the time (booked, or their
// appointment moved to it) or let it go. Each answer locks the offer's row, so of two clicks at once
// the second waits and then reads the first's answer: a link is used once.
import type { Db } from "@/db/client";
import { markAppointmentRescheduled } from "@/db/queries/appointments";
import { recordAudit } from "@/db/queries/audit";
import { removeWaitingEntry } from "@/db/queries/waitlist";
import {
  bookHeldAppointment,
  closeOffer,
  findBookedToMove,
  findOfferByTokenHash,
  markEntryBooked,
  type FoundOffer,
} from "@/db/queries/waitlist-offers";
import { hashManageToken, newManageToken } from "@/lib/booking/book";
import { eligibilityFor } from "@/lib/booking/eligibility";
import { governingIntake } from "@/lib/booking/manage";
import { recoverManageToken } from "@/lib/booking/manage-link";
import { forgetOffers } from "@/lib/booking/schedule";
import { queueAppointmentBooked } from "@/lib/notifications/queue";
import { hashOfferToken, letGo } from "./offers";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** How an offer stands, as its page shows it. */
export type OfferView =
  { status: "not_found" } | { status: "open" | "accepted" | "declined" | "lapsed" | "withdrawn"; offer: FoundOffer };

/** The offer a link opens (an open offer past its hold reads as lapsed, whether or not the worker has got to it). */
export async function readOffer(db: Db, token: string, now: Date): Promise<OfferView> {
  if (!TOKEN.test(token)) return { status: "not_found" }; // not one of ours: no query
  const offer = await findOfferByTokenHash(db, hashOfferToken(token));
  if (!offer || offer.erasedAt) return { status: "not_found" };
  if (offer.status === "open" && offer.expiresAt.getTime() <= now.getTime()) return { status: "lapsed", offer };
  return { status: offer.status, offer };
}

export type AcceptResult =
  | { status: "booked"; moved: boolean; offer: FoundOffer; manageToken: string }
  /** Used already, or no longer open: the page says how it stands. */
  | { status: "accepted" | "declined" | "lapsed" | "withdrawn"; offer: FoundOffer }
  /** The patient was re-graded since and this time cannot be booked online: the clinic calls them. */
  | { status: "not_eligible"; offer: FoundOffer }
  | { status: "not_found" };

/**
 * Takes the offered time: the held row becomes the patient's booked appointment. A patient who
 * held an appointment from this intake is moved (the old one "rescheduled", its time freed and so
 * offered on; their manage link kept), else booked with a new manage link; the usual confirmation
 * or "moved" email and reminder are queued; the waiting entry is booked; all audited, in one
 * transaction. An offer past its hold, or for a patient re-graded since to a level that cannot book
 * online, lets the time go instead.
 */
export async function acceptOffer(db: Db, token: string, now: Date): Promise<AcceptResult> {
  if (!TOKEN.test(token)) return { status: "not_found" };
  const result = await db.transaction(async (tx): Promise<AcceptResult> => {
    const offer = await findOfferByTokenHash(tx, hashOfferToken(token), { lock: true });
    if (!offer || offer.erasedAt) return { status: "not_found" };
    if (offer.status !== "open") return { status: offer.status, offer };
    if (offer.expiresAt.getTime() <= now.getTime()) {
      await letGo(tx, offer, "lapsed", now);
      return { status: "lapsed", offer };
    }
    // Taken off the list since (by staff, or erased): the offer is withdrawn, the time goes on.
    if (offer.entryStatus !== "waiting") {
      await letGo(tx, offer, "withdrawn", now);
      return { status: "withdrawn", offer };
    }
    const intake = await governingIntake(tx, offer.intakeId);
    if (!intake || !eligibilityFor(intake).canSelfBook) {
      await letGo(tx, offer, "withdrawn", now);
      return { status: "not_eligible", offer };
    }
    if (!offer.appointmentId) return { status: "not_found" };
    const previous = await findBookedToMove(tx, { intakeId: offer.intakeId, now });
    // A visit that has begun (booked but not marked yet) cannot be replaced by an earlier time.
    if (previous && previous.startsAt.getTime() <= now.getTime()) {
      await letGo(tx, offer, "withdrawn", now);
      return { status: "withdrawn", offer };
    }
    if (previous && !(await markAppointmentRescheduled(tx, previous.id)))
      throw new Error("the appointment to move changed while the offer was being taken");
    const manageToken = previous ? await recoverManageToken(tx, previous) : newManageToken().token;
    const booked = await bookHeldAppointment(tx, {
      id: offer.appointmentId,
      manageTokenHash: hashManageToken(manageToken),
      seriesId: previous?.seriesId ?? offer.appointmentId,
      sequence: previous ? previous.sequence + 1 : 0,
      rescheduledFromId: previous?.id ?? null,
      intakeId: offer.intakeId,
    });
    // The offer row is locked and open, so its held row is too: anything else is a broken invariant,
    // and throwing rolls the whole answer back (the old appointment is never given up for nothing).
    if (!booked) throw new Error("the held time of an open offer was not found");
    await closeOffer(tx, { id: offer.id, status: "accepted", now });
    await markEntryBooked(tx, offer.entryId);
    await queueAppointmentBooked(tx, {
      appointment: {
        id: offer.appointmentId,
        seriesId: previous?.seriesId ?? offer.appointmentId,
        sequence: previous ? previous.sequence + 1 : 0,
        startsAt: offer.startsAt,
        endsAt: offer.endsAt,
        clinicianId: offer.clinicianId,
        appointmentTypeId: offer.typeId,
      },
      patient: { email: offer.email, firstName: offer.firstName },
      manageToken,
      now,
      ...(previous ? { previous: { id: previous.id, startsAt: previous.startsAt } } : {}),
    });
    const where = {
      start: offer.startsAt.toISOString(),
      clinician: offer.clinicianName,
      clinicianId: offer.clinicianId,
    };
    await recordAudit(tx, {
      actor: null,
      action: previous ? "appointment_moved" : "appointment_booked",
      subjectType: "appointment",
      subjectId: offer.appointmentId,
      before: previous
        ? { appointmentId: previous.id, start: previous.startsAt.toISOString(), clinician: previous.clinicianName }
        : null,
      after: { via: "waitlist_offer", intakeId: offer.intakeId, offerId: offer.id, type: offer.typeName, ...where },
    });
    await recordAudit(tx, {
      actor: null,
      action: "waitlist_offer_accepted",
      subjectType: "waitlist_offer",
      subjectId: offer.id,
      after: { entryId: offer.entryId, status: "accepted", appointmentId: offer.appointmentId },
    });
    return { status: "booked", moved: previous !== null, offer, manageToken };
  });
  forgetOffers(db);
  return result;
}

export type DeclineResult =
  | { status: "declined"; offer: FoundOffer }
  | { status: "accepted" | "declined" | "lapsed" | "withdrawn"; offer: FoundOffer }
  | { status: "not_found" };

/**
 * Lets the offered time go: it is offered to the next waiting patient. The patient stays on the list
 * (for other times), unless `leave`: then they are taken off it.
 */
export async function declineOffer(
  db: Db,
  token: string,
  now: Date,
  { leave = false }: { leave?: boolean } = {},
): Promise<DeclineResult> {
  if (!TOKEN.test(token)) return { status: "not_found" };
  const result = await db.transaction(async (tx): Promise<DeclineResult> => {
    const offer = await findOfferByTokenHash(tx, hashOfferToken(token), { lock: true });
    if (!offer || offer.erasedAt) return { status: "not_found" };
    if (offer.status !== "open") return { status: offer.status, offer };
    const lapsed = offer.expiresAt.getTime() <= now.getTime();
    await letGo(tx, offer, lapsed ? "lapsed" : "declined", now);
    if (lapsed) return { status: "lapsed", offer };
    if (leave) await leaveWaitlist(tx, offer, now);
    return { status: "declined", offer };
  });
  forgetOffers(db);
  return result;
}

async function leaveWaitlist(tx: Db, offer: FoundOffer, now: Date) {
  const removed = await removeWaitingEntry(tx, { id: offer.entryId, reason: "Left from an offer", staffId: null, now });
  if (removed)
    await recordAudit(tx, {
      actor: null,
      action: "waitlist_removed",
      subjectType: "intake",
      subjectId: offer.intakeId,
      before: { entryId: offer.entryId, status: "waiting" },
      after: { entryId: offer.entryId, status: "removed", via: "offer_link" },
    });
}
