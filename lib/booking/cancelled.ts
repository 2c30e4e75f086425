import type { Db } from "@/db/client";
import { findBookedForIntakes } from "@/db/queries/appointments";
import { findCancelledByManageTokenHash } from "@/db/queries/cancelled-appointments";
import { env } from "@/lib/env";
import { BOOKING_TOKEN_PURPOSE } from "@/lib/intakes/api";
import { signToken } from "@/lib/tokens";
import { bookingAccess } from "./access";
import { hashManageToken } from "./book";
import { governingIntake } from "./manage";

/**
 * The way back after a cancel: the patient's own booking link while it still books (the same link
 * the result page and email gave them, derived again, never a new kind of token); "booked" when they
 * have booked another time since; otherwise the back-pain check and the clinic's phone ("check").
 */
export type BookAgain = { kind: "book"; url: string } | { kind: "booked" } | { kind: "check" };

export type CancelledAppointment = NonNullable<Awaited<ReturnType<typeof findCancelledByManageTokenHash>>> & {
  bookAgain: BookAgain;
};

/** The cancelled appointment a manage link belongs to, with the patient's way back; null when the link is not one. */
export async function findCancelledByManageToken(
  db: Db,
  token: string,
  now: Date,
  secret = env().AUTH_SECRET,
): Promise<CancelledAppointment | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null; // not one of ours: no query
  const found = await findCancelledByManageTokenHash(db, hashManageToken(token));
  // Not forever: a forwarded link stops saying what and with whom a month after the time it had.
  if (!found || found.startsAt.getTime() + CANCELLED_LINK_DAYS * DAY_MS < now.getTime()) return null;
  return { ...found, bookAgain: await bookAgainFor(db, found.intakeId, now, secret) };
}

/** How long after its time a cancelled appointment's link still says so (then: not found). */
export const CANCELLED_LINK_DAYS = 30;
const DAY_MS = 86_400_000;

async function bookAgainFor(db: Db, intakeId: string, now: Date, secret: string): Promise<BookAgain> {
  // A newer grade (something got worse when they tried to move) governs: the old link would book
  // under the old grade, so the patient is sent to the check and the phone instead.
  const governing = await governingIntake(db, intakeId);
  if (!governing) return { kind: "check" };
  if (await findBookedForIntakes(db, [intakeId, governing.id], { endingAfter: now })) return { kind: "booked" };
  if (governing.id !== intakeId) return { kind: "check" };
  const bookingToken = signToken(secret, BOOKING_TOKEN_PURPOSE, intakeId);
  const access = await bookingAccess(db, bookingToken, now, secret);
  return access.status === "ok"
    ? { kind: "book", url: `/book?token=${encodeURIComponent(bookingToken)}` }
    : { kind: "check" };
}
