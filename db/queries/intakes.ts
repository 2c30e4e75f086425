import { and, asc, desc, eq, exists, ilike, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { levelRank } from "@/common/vocabulary";
import type { Db } from "../client";
import { appointments, idempotencyKeys, intakes, recoveries, type Intake, type NewIntake } from "../schema";
import { preparedPerDb } from "./prepared";

/** Stores a graded intake and returns its id (not the row: reading the answers back is wasted work). */
export async function insertIntake(db: Db, values: NewIntake): Promise<{ id: string }> {
  const rows = await preparedInsert(db).execute({
    escalationReason: null,
    previousIntakeId: null,
    arrivedOutOfHours: false,
    ...values,
    // Deadlines that may be null go in as text (see buildInsert).
    ackDueAt: values.ackDueAt?.toISOString() ?? null,
    reviewDueAt: values.reviewDueAt?.toISOString() ?? null,
  });
  return rows[0]!;
}

/** Columns that may be null in a timestamp: drizzle's timestamp mapping cannot take a null placeholder. */
const NULLABLE_TIMES = new Set<string>(["ackDueAt", "reviewDueAt"]);

const INSERT_COLUMNS = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "dateOfBirth",
  "sex",
  "answers",
  "privacyNoticeVersion",
  "level",
  "levelRank",
  "rulesetVersion",
  "firedRules",
  "flags",
  "scores",
  "ageAtGrading",
  "escalated",
  "escalationReason",
  "previousIntakeId",
  "createdAt",
  "ackDueAt",
  "arrivedOutOfHours",
  "reviewDueAt",
] as const satisfies readonly (keyof NewIntake)[];

function buildInsert(db: Db) {
  const placeholders = Object.fromEntries(
    INSERT_COLUMNS.map((c) => [
      c,
      NULLABLE_TIMES.has(c) ? sql`${sql.placeholder(c)}::timestamptz` : sql.placeholder(c),
    ]),
  ) as unknown as NewIntake;
  return db.insert(intakes).values(placeholders).returning({ id: intakes.id }).prepare("insert_intake");
}

// The intake API inserts on every request.
const preparedInsert = preparedPerDb(buildInsert);

/** One intake by id, or null. */
export async function getIntake(db: Db, id: string): Promise<Intake | null> {
  const rows = await db.select().from(intakes).where(eq(intakes.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The newest re-grade of an intake (a row whose previous_intake_id is it), or null when it was never re-graded. */
export async function getLatestRegrade(db: Db, intakeId: string): Promise<Intake | null> {
  const rows = await db
    .select()
    .from(intakes)
    .where(eq(intakes.previousIntakeId, intakeId))
    .orderBy(desc(intakes.createdAt), desc(intakes.id))
    .limit(1);
  return rows[0] ?? null;
}

/** What booking needs of an intake (not the answers, which are large). */
export async function getIntakeForBooking(db: Db, id: string) {
  const rows = await db
    .select({
      id: intakes.id,
      level: intakes.level,
      /** What acts: a clinician's override, else the grade. */
      effectiveLevel: intakes.effectiveLevel,
      firedRules: intakes.firedRules,
      createdAt: intakes.createdAt,
      phone: intakes.phone,
      email: intakes.email,
      firstName: intakes.firstName,
      /** Set when the patient's personal data was erased: the booking link then opens nothing. */
      erasedAt: intakes.erasedAt,
      /** Graded during the silent pilot: booked without limits by grade (lib/booking/eligibility.ts). */
      silent: intakes.silent,
      /**
       * When the outcome rules found the patient not improving (their episode's recovery, issue 20):
       * the clinic then offers an appointment, so the booking link opens again from that time.
       */
      reopenedAt:
        sql<Date | null>`(select max(${recoveries.notImprovingAt}) from ${recoveries} where ${recoveries.intakeId} in (${intakes.id}, ${intakes.previousIntakeId}))`.mapWith(
          (v: unknown) => (v == null ? null : new Date(v as string | Date)),
        ),
    })
    .from(intakes)
    .where(eq(intakes.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export type BookingIntake = Omit<NonNullable<Awaited<ReturnType<typeof getIntakeForBooking>>>, "reopenedAt"> & {
  reopenedAt?: Date | null;
};

export type IdempotentRecord = { requestHash: string; intakeId: string; response: unknown };

/** The first request made with this key, if any. */
export async function findIdempotencyKey(
  db: Db,
  { scope, key }: { scope: string; key: string },
): Promise<IdempotentRecord | null> {
  const rows = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      intakeId: idempotencyKeys.intakeId,
      response: idempotencyKeys.response,
    })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Claims a key for a new response. Returns false when another request claimed it first; a
 * concurrent claim waits on the primary key until the first transaction ends.
 */
export async function claimIdempotencyKey(
  db: Db,
  record: IdempotentRecord & { scope: string; key: string },
): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values(record)
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

export type EscalationCursor = { levelRank: number; createdAt: Date; id: string };

export type EscalationFilter = {
  /**
   * The queue: open (default): not resolved; waiting: not acknowledged; acknowledged: acknowledged,
   * not resolved. The review list: open and waiting: not reviewed; acknowledged and resolved: reviewed.
   */
  status?: "open" | "waiting" | "acknowledged" | "resolved" | "all";
  /** The effective level (a clinician's override, else the grade). */
  level?: Intake["level"];
  /** Part of a first name, last name or email. */
  search?: string;
  /** Cases with an appointment (booked, attended or missed; not cancelled) with this clinician. */
  clinicianId?: string;
};

/**
 * Escalated cases (or, with `list: "review"`, the "To review" list), most urgent effective level
 * first, then oldest; keyset-paginated on (rank, time, id).
 *
 * Written so that PostgreSQL walks `intakes_escalation_queue_idx` (or `intakes_review_idx`) in order
 * and stops after `limit` rows: the rank is sorted `desc nulls last` exactly like the index (plain
 * `desc` means nulls first, which the index cannot serve, so PostgreSQL read and sorted every
 * escalated row), and a page after a cursor is read as "the rest of the cursor's rank" (an index
 * range on rank and (created_at, id)) and then, only if that is short, "the lower ranks".
 */
export async function listEscalations(
  db: Db,
  {
    after,
    limit = 50,
    filter = {},
    list = "queue",
  }: { after?: EscalationCursor; limit?: number; filter?: EscalationFilter; list?: "queue" | "review" },
) {
  const status = filter.status ?? "open";
  const review = list === "review";
  const done = review ? isNotNull(intakes.reviewedAt) : isNotNull(intakes.resolvedAt);
  const notDone = review ? isNull(intakes.reviewedAt) : isNull(intakes.resolvedAt);
  const byStatus = review
    ? status === "open" || status === "waiting"
      ? notDone
      : status === "all"
        ? undefined
        : done
    : status === "open"
      ? notDone
      : status === "waiting"
        ? and(notDone, isNull(intakes.acknowledgedAt))
        : status === "acknowledged"
          ? and(notDone, isNotNull(intakes.acknowledgedAt))
          : status === "resolved"
            ? done
            : undefined;
  const term = filter.search?.trim();
  const pattern = term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const bySearch = pattern
    ? or(
        ilike(intakes.firstName, pattern),
        ilike(intakes.lastName, pattern),
        ilike(intakes.email, pattern),
        ilike(sql`${intakes.firstName} || ' ' || ${intakes.lastName}`, pattern),
      )
    : undefined;
  const byClinician = filter.clinicianId
    ? exists(
        db
          .select({ one: sql`1` })
          .from(appointments)
          .where(
            and(
              eq(appointments.intakeId, intakes.id),
              eq(appointments.clinicianId, filter.clinicianId),
              inArray(appointments.status, ["booked", "arrived", "completed", "no_show"]),
            ),
          ),
      )
    : undefined;
  // A level filter also bounds the rank, so the index is scanned for that rank only.
  const byLevel = filter.level
    ? and(eq(intakes.effectiveLevel, filter.level), eq(intakes.effectiveRank, levelRank[filter.level]))
    : undefined;
  // The list's condition as written in its index's predicate (not `= $1`), so the partial index always matches.
  const onList = review ? sql`${intakes.reviewDueAt} is not null` : sql`${intakes.escalated}`;
  const page = (keyset: SQL | undefined, n: number) =>
    db
      .select({
        id: intakes.id,
        level: intakes.level,
        effectiveLevel: intakes.effectiveLevel,
        levelRank: intakes.effectiveRank,
        createdAt: intakes.createdAt,
        firstName: intakes.firstName,
        lastName: intakes.lastName,
        patientId: intakes.patientId,
        ageAtGrading: intakes.ageAtGrading,
        rulesetVersion: intakes.rulesetVersion,
        firedRules: intakes.firedRules,
        flags: intakes.flags,
        escalated: intakes.escalated,
        escalationReason: intakes.escalationReason,
        ackDueAt: intakes.ackDueAt,
        arrivedOutOfHours: intakes.arrivedOutOfHours,
        acknowledgedAt: intakes.acknowledgedAt,
        resolvedAt: intakes.resolvedAt,
        overrideLevel: intakes.overrideLevel,
        firstCallAt: intakes.firstCallAt,
        reviewDueAt: intakes.reviewDueAt,
        reviewedAt: intakes.reviewedAt,
        reviewReason: intakes.reviewReason,
      })
      .from(intakes)
      .where(and(onList, keyset, byStatus, byLevel, bySearch, byClinician))
      .orderBy(sql`${intakes.effectiveRank} desc nulls last`, asc(intakes.createdAt), asc(intakes.id))
      .limit(n);
  if (!after) return page(undefined, limit);
  // The rest of the cursor's rank: (created_at, id) after the cursor's, as one index range.
  const sameRank = await page(
    and(
      eq(intakes.effectiveRank, after.levelRank),
      sql`(${intakes.createdAt}, ${intakes.id}) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
    ),
    limit,
  );
  if (sameRank.length >= limit || after.levelRank <= 1) return sameRank;
  return [...sameRank, ...(await page(lt(intakes.effectiveRank, after.levelRank), limit - sameRank.length))];
}

/** How many intakes exist; for tests and the benchmark. */
export async function countIntakes(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(intakes);
  return rows[0]?.n ?? 0;
}

/**
 * Escalates an intake to the staff queue for "no capacity" only if not escalated yet
 * (compare-and-swap), with its acknowledgement deadline; null when it already was.
 */
export async function escalateIntakeNoCapacity(
  db: Db,
  intakeId: string,
  due: { ackDueAt: Date | null; arrivedOutOfHours: boolean },
): Promise<Pick<Intake, "id" | "level" | "createdAt" | "effectiveLevel"> | null> {
  const rows = await db
    .update(intakes)
    .set({ escalated: true, escalationReason: "no_capacity", ...due })
    .where(and(eq(intakes.id, intakeId), eq(intakes.escalated, false)))
    .returning({
      id: intakes.id,
      level: intakes.level,
      createdAt: intakes.createdAt,
      effectiveLevel: intakes.effectiveLevel,
    });
  return rows[0] ?? null;
}

/** Ids of the intakes not escalated and graded one of `levels`, oldest first. */
export async function listUnescalatedIntakeIds(
  db: Db,
  levels: Intake["level"][],
  { since }: { since?: Date } = {},
): Promise<{ id: string }[]> {
  return db
    .select({ id: intakes.id })
    .from(intakes)
    .where(
      and(
        eq(intakes.escalated, false),
        inArray(intakes.level, levels),
        since ? sql`${intakes.createdAt} >= ${since.toISOString()}::timestamptz` : undefined,
      ),
    )
    .orderBy(asc(intakes.createdAt));
}
