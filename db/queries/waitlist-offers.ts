// Freed times and the offers made from them (issue 19). The worker claims freed times with a
// lease and SKIP LOCKED (two workers never take the same one); an offer holds its time as an
// appointments row with status "held", under the same no-overlap constraint as bookings.
import { and, asc, desc, eq, gt, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  appointments,
  appointmentTypes,
  clinicians,
  freedTimes,
  intakes,
  patients,
  staffUsers,
  waitlistEntries,
  waitlistOffers,
  type FreedTimeRow,
} from "../schema";

export type { FreedTimeRow };

/**
 * Claims up to `limit` freed times still to offer, oldest first, for `leaseMs`: SKIP LOCKED lets
 * several workers claim at once without waiting on each other; a worker that dies mid-offer gives
 * its claims back when the lease runs out.
 */
export async function claimFreedTimes(
  db: Db,
  { now, limit, leaseMs }: { now: Date; limit: number; leaseMs: number },
): Promise<FreedTimeRow[]> {
  const nowIso = now.toISOString();
  const due = db
    .select({ id: freedTimes.id })
    .from(freedTimes)
    .where(
      and(
        sql`${freedTimes.handledAt} is null`,
        sql`(${freedTimes.claimedUntil} is null or ${freedTimes.claimedUntil} <= ${nowIso}::timestamptz)`,
      ),
    )
    .orderBy(asc(freedTimes.freedAt), asc(freedTimes.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(freedTimes)
    .set({ claimedUntil: new Date(now.getTime() + leaseMs) })
    .where(inArray(freedTimes.id, due))
    .returning();
  return rows.sort((a, b) => a.freedAt.getTime() - b.freedAt.getTime() || (a.id < b.id ? -1 : 1));
}

/** Records what the worker did with a freed time. */
export async function finishFreedTime(
  db: Db,
  {
    id,
    outcome,
    now,
    claimedUntil,
  }: { id: string; outcome: "offered" | "no_one" | "past"; now: Date; claimedUntil: Date },
): Promise<void> {
  // Only while still under this worker's claim: a freed time handed back meanwhile (an offer from it
  // declined or lapsed while this worker offered the rest of it) stays to be offered again.
  await db
    .update(freedTimes)
    .set({ handledAt: now, outcome, claimedUntil: null })
    .where(and(eq(freedTimes.id, id), eq(freedTimes.claimedUntil, claimedUntil)));
}

/** Hands a freed time back to the worker (its offer was declined or lapsed): offered to the next patient. */
export async function reopenFreedTime(db: Db, id: string): Promise<void> {
  await db.update(freedTimes).set({ handledAt: null, outcome: null, claimedUntil: null }).where(eq(freedTimes.id, id));
}

/** Records freed working time (new hours, time off removed) for the worker to offer. */
export async function insertFreedTimes(
  db: Db,
  rows: { clinicianId: string; startsAt: Date; endsAt: Date; cause: "hours" | "time_off" | "given_back" }[],
): Promise<void> {
  if (rows.length) await db.insert(freedTimes).values(rows);
}

/** Who was already offered a time from this freed time, and which (not offered it, or a time overlapping it, again). */
export async function listOffersOfFreedTime(db: Db, freedTimeId: string) {
  return db
    .select({ entryId: waitlistOffers.entryId, startsAt: waitlistOffers.startsAt, endsAt: waitlistOffers.endsAt })
    .from(waitlistOffers)
    .where(eq(waitlistOffers.freedTimeId, freedTimeId));
}

/** The intake whose appointment's cancellation or move freed this time (its patient is not offered it back); or null. */
export async function getSourceIntakeId(db: Db, appointmentId: string | null): Promise<string | null> {
  if (!appointmentId) return null;
  const rows = await db
    .select({ intakeId: appointments.intakeId })
    .from(appointments)
    .where(eq(appointments.id, appointmentId))
    .limit(1);
  return rows[0]?.intakeId ?? null;
}

/** The open offers of a waiting entry (a removal withdraws them), locked. */
export async function listOpenOffersOfEntry(db: Db, entryId: string) {
  return db
    .select({
      id: waitlistOffers.id,
      entryId: waitlistOffers.entryId,
      appointmentId: waitlistOffers.appointmentId,
      freedTimeId: waitlistOffers.freedTimeId,
    })
    .from(waitlistOffers)
    .where(and(eq(waitlistOffers.entryId, entryId), eq(waitlistOffers.status, "open")))
    .for("update");
}

/** The waiting entries that have an open offer now (one at a time each). */
export async function listEntriesWithOpenOffer(db: Db): Promise<Set<string>> {
  const rows = await db
    .select({ entryId: waitlistOffers.entryId })
    .from(waitlistOffers)
    .where(eq(waitlistOffers.status, "open"));
  return new Set(rows.map((r) => r.entryId));
}

/** The contact of a waiting entry's patient, for the offer email (rows share-locked); null when erased or gone. */
export async function getEntryContact(db: Db, entryId: string) {
  const rows = await db
    .select({
      intakeId: waitlistEntries.intakeId,
      status: waitlistEntries.status,
      email: intakes.email,
      firstName: intakes.firstName,
      erasedAt: intakes.erasedAt,
    })
    .from(waitlistEntries)
    .innerJoin(intakes, eq(intakes.id, waitlistEntries.intakeId))
    .where(eq(waitlistEntries.id, entryId))
    .limit(1)
    // Shared locks until the offer commits: an erasure or a removal (which lock these rows) either
    // finishes first, and is read here, or waits for the offer, and then withdraws it.
    .for("share", { of: [waitlistEntries, intakes] });
  const row = rows[0];
  return row && !row.erasedAt ? row : null;
}

export type NewOffer = typeof waitlistOffers.$inferInsert;

/** Inserts an offer (the one-open-offer-per-entry index may refuse it: 23505). */
export async function insertOffer(db: Db, values: NewOffer): Promise<string> {
  const rows = await db.insert(waitlistOffers).values(values).returning({ id: waitlistOffers.id });
  return rows[0]!.id;
}

/**
 * The offer a link's token opens, with its clinician, type and patient; locked for the rest of the
 * transaction when `lock` (an answer), so of two clicks at once the second waits and sees the first's result.
 */
export async function findOfferByTokenHash(db: Db, tokenHash: string, { lock = false } = {}) {
  const query = db
    .select({
      id: waitlistOffers.id,
      entryId: waitlistOffers.entryId,
      freedTimeId: waitlistOffers.freedTimeId,
      appointmentId: waitlistOffers.appointmentId,
      clinicianId: waitlistOffers.clinicianId,
      clinicianName: clinicians.name,
      clinicianRole: clinicians.role,
      typeId: waitlistOffers.appointmentTypeId,
      typeName: appointmentTypes.name,
      startsAt: waitlistOffers.startsAt,
      endsAt: waitlistOffers.endsAt,
      offeredAt: waitlistOffers.offeredAt,
      expiresAt: waitlistOffers.expiresAt,
      status: waitlistOffers.status,
      answeredAt: waitlistOffers.answeredAt,
      intakeId: waitlistEntries.intakeId,
      entryStatus: waitlistEntries.status,
      firstName: intakes.firstName,
      email: intakes.email,
      erasedAt: intakes.erasedAt,
    })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .innerJoin(intakes, eq(intakes.id, waitlistEntries.intakeId))
    .innerJoin(clinicians, eq(clinicians.id, waitlistOffers.clinicianId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, waitlistOffers.appointmentTypeId))
    .where(eq(waitlistOffers.tokenHash, tokenHash))
    .limit(1);
  const rows = await (lock ? query.for("update", { of: waitlistOffers }) : query);
  return rows[0] ?? null;
}

export type FoundOffer = NonNullable<Awaited<ReturnType<typeof findOfferByTokenHash>>>;

/** Open offers whose hold has run out, locked (SKIP LOCKED: another worker lapses the rest). */
export async function claimLapsedOffers(db: Db, { now, limit }: { now: Date; limit: number }) {
  return db
    .select({
      id: waitlistOffers.id,
      entryId: waitlistOffers.entryId,
      freedTimeId: waitlistOffers.freedTimeId,
      appointmentId: waitlistOffers.appointmentId,
      startsAt: waitlistOffers.startsAt,
    })
    .from(waitlistOffers)
    .where(and(eq(waitlistOffers.status, "open"), lte(waitlistOffers.expiresAt, now)))
    .orderBy(asc(waitlistOffers.expiresAt))
    .limit(limit)
    .for("update", { skipLocked: true });
}

/** Closes an open offer (compare-and-swap); returns whether it was open. */
export async function closeOffer(
  db: Db,
  { id, status, now }: { id: string; status: "accepted" | "declined" | "lapsed" | "withdrawn"; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(waitlistOffers)
    .set({ status, answeredAt: now })
    .where(and(eq(waitlistOffers.id, id), eq(waitlistOffers.status, "open")))
    .returning({ id: waitlistOffers.id });
  return rows.length > 0;
}

/** Lets a held time go (its offer was declined, lapsed or withdrawn): the row is deleted, the time free again. */
export async function deleteHeldAppointment(db: Db, id: string): Promise<void> {
  await db.delete(appointments).where(and(eq(appointments.id, id), eq(appointments.status, "held")));
}

/**
 * Turns a held time into the patient's booked appointment (compare-and-swap on "held"); `rescheduledFromId`
 * and the series when it replaces the appointment they held. Returns whether it did.
 */
export async function bookHeldAppointment(
  db: Db,
  values: {
    id: string;
    manageTokenHash: string;
    seriesId: string;
    sequence: number;
    rescheduledFromId: string | null;
    intakeId: string;
  },
): Promise<boolean> {
  const rows = await db
    .update(appointments)
    .set({
      status: "booked",
      manageTokenHash: values.manageTokenHash,
      seriesId: values.seriesId,
      sequence: values.sequence,
      rescheduledFromId: values.rescheduledFromId,
      intakeId: values.intakeId,
    })
    .where(and(eq(appointments.id, values.id), eq(appointments.status, "held")))
    .returning({ id: appointments.id });
  return rows.length > 0;
}

/** A waiting entry is booked from an offer (compare-and-swap on "waiting"). */
export async function markEntryBooked(db: Db, entryId: string): Promise<boolean> {
  const rows = await db
    .update(waitlistEntries)
    .set({ status: "booked" })
    .where(and(eq(waitlistEntries.id, entryId), eq(waitlistEntries.status, "waiting")))
    .returning({ id: waitlistEntries.id });
  return rows.length > 0;
}

/** The booked, not yet started appointment of an intake a patient would move by accepting an offer; or null. */
export async function findBookedToMove(db: Db, { intakeId, now }: { intakeId: string; now: Date }) {
  const rows = await db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      clinicianId: appointments.clinicianId,
      clinicianName: clinicians.name,
      typeId: appointments.appointmentTypeId,
      seriesId: appointments.seriesId,
      sequence: appointments.sequence,
      manageTokenHash: appointments.manageTokenHash,
    })
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
    .where(
      and(
        eq(appointments.intakeId, intakeId),
        eq(appointments.status, "booked"),
        // Also one that has begun but ends after now (not marked yet): the caller refuses to replace it.
        gt(appointments.endsAt, sql`${now.toISOString()}::timestamptz`),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(1);
  return rows[0] ?? null;
}

/** Every open offer of these entries' intakes (erasure withdraws them). */
export async function listOpenOffersForIntakes(db: Db, intakeIds: readonly string[]) {
  if (!intakeIds.length) return [];
  return db
    .select({
      id: waitlistOffers.id,
      entryId: waitlistOffers.entryId,
      appointmentId: waitlistOffers.appointmentId,
      freedTimeId: waitlistOffers.freedTimeId,
    })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .where(and(inArray(waitlistEntries.intakeId, [...intakeIds]), eq(waitlistOffers.status, "open")))
    .for("update", { of: waitlistOffers });
}

const offeredBy = staffUsers;

/** The offers made to these entries, newest first, for the staff list: when, which time, how it stands. */
export async function listOffersForEntries(db: Db, entryIds: readonly string[]) {
  if (!entryIds.length) return [];
  return db
    .select({
      id: waitlistOffers.id,
      entryId: waitlistOffers.entryId,
      startsAt: waitlistOffers.startsAt,
      clinicianName: clinicians.name,
      offeredAt: waitlistOffers.offeredAt,
      expiresAt: waitlistOffers.expiresAt,
      status: waitlistOffers.status,
      answeredAt: waitlistOffers.answeredAt,
      offeredByName: offeredBy.name,
    })
    .from(waitlistOffers)
    .innerJoin(clinicians, eq(clinicians.id, waitlistOffers.clinicianId))
    .leftJoin(offeredBy, eq(offeredBy.id, waitlistOffers.offeredBy))
    .where(inArray(waitlistOffers.entryId, [...entryIds]))
    .orderBy(desc(waitlistOffers.offeredAt));
}

/** The offers made to one patient (every entry of their intakes), newest first: the patient page. */
export async function listOffersForPatient(db: Db, patientId: string) {
  return db
    .select({
      id: waitlistOffers.id,
      startsAt: waitlistOffers.startsAt,
      clinicianName: clinicians.name,
      offeredAt: waitlistOffers.offeredAt,
      status: waitlistOffers.status,
      answeredAt: waitlistOffers.answeredAt,
    })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .innerJoin(intakes, eq(intakes.id, waitlistEntries.intakeId))
    .innerJoin(patients, eq(patients.id, intakes.patientId))
    .innerJoin(clinicians, eq(clinicians.id, waitlistOffers.clinicianId))
    .where(eq(intakes.patientId, patientId))
    .orderBy(desc(waitlistOffers.offeredAt))
    .limit(50);
}

/**
 * The waitlist's measures since `since`: times freed (cancellations, moves, new hours, time off
 * removed, times given back), offers accepted (filled from the waitlist), the median minutes from a
 * time being freed to its booking from an offer, and offers declined or lapsed.
 */
export async function readWaitlistMeasures(db: Db, { since }: { since: Date }) {
  const sinceIso = since.toISOString();
  const [freed] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(freedTimes)
    .where(sql`${freedTimes.freedAt} >= ${sinceIso}::timestamptz`);
  const [offers] = await db
    .select({
      offered: sql<number>`count(*)::int`,
      accepted: sql<number>`(count(*) filter (where ${waitlistOffers.status} = 'accepted'))::int`,
      declined: sql<number>`(count(*) filter (where ${waitlistOffers.status} = 'declined'))::int`,
      lapsed: sql<number>`(count(*) filter (where ${waitlistOffers.status} = 'lapsed'))::int`,
      medianMinutes: sql<number | null>`(percentile_cont(0.5) within group (order by
        extract(epoch from ${waitlistOffers.answeredAt} - ${freedTimes.freedAt}) / 60)
        filter (where ${waitlistOffers.status} = 'accepted' and ${freedTimes.id} is not null))::float8`,
    })
    .from(waitlistOffers)
    .leftJoin(freedTimes, eq(freedTimes.id, waitlistOffers.freedTimeId))
    .where(and(sql`${waitlistOffers.offeredAt} >= ${sinceIso}::timestamptz`, isNotNull(waitlistOffers.id)));
  return {
    freed: freed?.n ?? 0,
    offered: offers?.offered ?? 0,
    accepted: offers?.accepted ?? 0,
    declined: offers?.declined ?? 0,
    lapsed: offers?.lapsed ?? 0,
    medianMinutesFreedToBooked:
      offers?.medianMinutes === null || offers?.medianMinutes === undefined ? null : Number(offers.medianMinutes),
  };
}
