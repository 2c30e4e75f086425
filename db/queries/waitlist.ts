import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { appointments, intakes, patients, waitlistEntries } from "../schema";

/** What a patient chose when joining the waitlist (availability as validated by lib/waitlist). */
export type WaitlistChoice = {
  availability: unknown;
  /** "YYYY-MM-DD", clinic-local; null: from today. */
  notBefore: string | null;
  /** The start of the appointment held when joining; null when none. */
  earlierThan: Date | null;
};

const entryColumns = {
  id: waitlistEntries.id,
  intakeId: waitlistEntries.intakeId,
  availability: waitlistEntries.availability,
  notBefore: waitlistEntries.notBefore,
  earlierThan: waitlistEntries.earlierThan,
  joinedAt: waitlistEntries.joinedAt,
  status: waitlistEntries.status,
};

export type StoredWaitlistEntry = {
  id: string;
  intakeId: string;
  availability: unknown;
  notBefore: string | null;
  earlierThan: Date | null;
  joinedAt: Date;
  status: "waiting" | "booked" | "removed";
};

/**
 * Puts an intake's patient on the waitlist, or changes the choice of its waiting entry: one
 * statement, so two joins at once still leave one waiting row (the partial unique index). The
 * place in the queue (joined_at) is kept when the choice changes. The patient is the intake's.
 */
export async function upsertWaitingEntry(
  db: Db,
  { intakeId, choice, now }: { intakeId: string; choice: WaitlistChoice; now: Date },
): Promise<StoredWaitlistEntry & { inserted: boolean }> {
  const values = {
    availability: choice.availability,
    notBefore: choice.notBefore,
    earlierThan: choice.earlierThan,
  };
  const rows = await db
    .insert(waitlistEntries)
    .values({
      ...values,
      intakeId,
      joinedAt: now,
    })
    .onConflictDoUpdate({
      target: waitlistEntries.intakeId,
      targetWhere: sql`${waitlistEntries.status} = 'waiting'`,
      set: values,
    })
    // xmax is 0 on a row this statement inserted, not on one it updated: joined or changed, decided
    // by the write itself (a read before it could race with another join or a removal).
    .returning({ ...entryColumns, inserted: sql<boolean>`(xmax = 0)` });
  return rows[0]!;
}

/** Puts an intake's patient on the waitlist unless they are already waiting (their choice is kept); null then. */
export async function insertWaitingEntryIfNone(
  db: Db,
  { intakeId, choice, now }: { intakeId: string; choice: WaitlistChoice; now: Date },
): Promise<StoredWaitlistEntry | null> {
  const rows = await db
    .insert(waitlistEntries)
    .values({ ...choice, intakeId, joinedAt: now })
    .onConflictDoNothing({ target: waitlistEntries.intakeId, where: sql`${waitlistEntries.status} = 'waiting'` })
    .returning(entryColumns);
  return rows[0] ?? null;
}

/** The waiting entry of an intake, or null when its patient is not waiting. */
export async function getWaitingEntryForIntake(db: Db, intakeId: string): Promise<StoredWaitlistEntry | null> {
  const rows = await db
    .select(entryColumns)
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.intakeId, intakeId), eq(waitlistEntries.status, "waiting")))
    .limit(1);
  return rows[0] ?? null;
}

/** The start of the intake's booked appointment that has not started by `now`, or null. */
export async function findUpcomingStartForIntake(
  db: Db,
  { intakeId, now }: { intakeId: string; now: Date },
): Promise<Date | null> {
  const rows = await db
    .select({ startsAt: appointments.startsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.intakeId, intakeId),
        eq(appointments.status, "booked"),
        gt(appointments.startsAt, sql`${now.toISOString()}::timestamptz`),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(1);
  return rows[0]?.startsAt ?? null;
}

/** The newest re-grade of the entry's intake ("has anything got worse?"), whose grade governs. */
const newestRegrade = (column: string) =>
  sql.raw(`(select ${column} from intakes r where r.previous_intake_id = "intakes"."id"
    order by r.created_at desc, r.id desc limit 1)`);

/**
 * Every waiting entry with what ranking and fitting need (lib/waitlist), in joining order: the
 * level that governs (the newest re-grade's, else the intake's; each a clinician's override, else
 * the grade) and when it was set, and the start of the appointment the patient holds from this
 * intake now (only earlier times are worth offering). Entries of erased intakes are left out.
 */
export async function listWaitingEntries(db: Db, now: Date, onlyId?: string) {
  return db
    .select({
      id: waitlistEntries.id,
      intakeId: waitlistEntries.intakeId,
      patientId: intakes.patientId,
      firstName: patients.firstName,
      lastName: patients.lastName,
      level: sql<string>`coalesce(${newestRegrade("r.effective_level")}, ${intakes.effectiveLevel})`,
      // The governing grade is a silent-pilot one no clinician changed: the patient was never told
      // it, so it limits nothing (lib/booking/eligibility.ts booksWithoutGrade).
      silent: sql<boolean>`coalesce(${newestRegrade("r.silent and r.effective_level = r.level")},
        ${intakes.silent} and ${intakes.effectiveLevel} = ${intakes.level})`.mapWith(Boolean),
      gradedAt:
        sql<Date>`coalesce(${newestRegrade("coalesce(r.overridden_at, r.created_at)")}, ${intakes.overriddenAt}, ${intakes.createdAt})`.mapWith(
          intakes.createdAt,
        ),
      joinedAt: waitlistEntries.joinedAt,
      availability: waitlistEntries.availability,
      notBefore: waitlistEntries.notBefore,
      // Whether the patient's visit from this intake has begun or happened (booked and started, or
      // marked): times are then no longer offered (the entry stays for staff to take off).
      visited: sql<boolean>`exists (select 1 from ${appointments} v where v.intake_id = ${waitlistEntries.intakeId}
        and (v.status in ('arrived', 'completed', 'no_show')
          or (v.status = 'booked' and v.starts_at <= ${now.toISOString()}::timestamptz)))`,
      earlierThan: sql<Date | null>`(select min(a.starts_at) from ${appointments} a
        where a.intake_id = ${waitlistEntries.intakeId} and a.status = 'booked'
        and a.starts_at > ${now.toISOString()}::timestamptz)`.mapWith(appointments.startsAt),
    })
    .from(waitlistEntries)
    .innerJoin(intakes, eq(intakes.id, waitlistEntries.intakeId))
    .innerJoin(patients, eq(patients.id, intakes.patientId))
    .where(
      and(
        eq(waitlistEntries.status, "waiting"),
        sql`${intakes.erasedAt} is null`,
        onlyId ? eq(waitlistEntries.id, onlyId) : undefined,
      ),
    )
    .orderBy(asc(waitlistEntries.joinedAt), asc(waitlistEntries.id));
}

export type WaitingEntryRow = Awaited<ReturnType<typeof listWaitingEntries>>[number];

/**
 * Takes a waiting entry off the list, with why and who (null: the patient or the system). Returns
 * false when it was not waiting (already booked or removed).
 */
export async function removeWaitingEntry(
  db: Db,
  { id, reason, staffId, now }: { id: string; reason: string; staffId: string | null; now: Date },
): Promise<{ intakeId: string } | null> {
  const rows = await db
    .update(waitlistEntries)
    .set({ status: "removed", removedAt: now, removedBy: staffId, removedReason: reason })
    .where(and(eq(waitlistEntries.id, id), eq(waitlistEntries.status, "waiting")))
    .returning({ intakeId: waitlistEntries.intakeId });
  return rows[0] ?? null;
}

/** One waiting entry with what ranking and fitting need (as listWaitingEntries), or null when it is not waiting. */
export async function getWaitingEntry(db: Db, id: string, now: Date) {
  const rows = await listWaitingEntries(db, now, id);
  return rows[0] ?? null;
}
