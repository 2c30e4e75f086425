import { and, asc, desc, eq, exists, gt, ilike, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { appointments, idempotencyKeys, intakes, type Intake, type NewIntake } from "../schema";

/** Stores a graded intake and returns its id (not the row: reading the answers back is wasted work). */
export async function insertIntake(db: Db, values: NewIntake): Promise<{ id: string }> {
  const rows = await preparedInsert(db).execute({ escalationReason: null, previousIntakeId: null, ...values });
  return rows[0]!;
}

const INSERT_COLUMNS = [
  "firstName", "lastName", "email", "phone", "dateOfBirth", "sex", "answers", "privacyNoticeVersion", "level",
  "levelRank", "rulesetVersion", "firedRules", "flags", "scores", "ageAtGrading", "escalated", "escalationReason",
  "previousIntakeId", "createdAt",
] as const satisfies readonly (keyof NewIntake)[];

function buildInsert(db: Db) {
  const placeholders = Object.fromEntries(INSERT_COLUMNS.map((c) => [c, sql.placeholder(c)])) as unknown as NewIntake;
  return db.insert(intakes).values(placeholders).returning({ id: intakes.id }).prepare("insert_intake");
}

const prepared = new WeakMap<Db, ReturnType<typeof buildInsert>>();

// The intake API inserts on every request: a prepared statement skips rebuilding the SQL each time.
function preparedInsert(db: Db) {
  let statement = prepared.get(db);
  if (!statement) prepared.set(db, (statement = buildInsert(db)));
  return statement;
}

/** One intake by id, or null. */
export async function getIntake(db: Db, id: string): Promise<Intake | null> {
  const rows = await db.select().from(intakes).where(eq(intakes.id, id)).limit(1);
  return rows[0] ?? null;
}

/** What booking needs of an intake (not the answers, which are large). */
export async function getIntakeForBooking(db: Db, id: string) {
  const rows = await db
    .select({ id: intakes.id, level: intakes.level, createdAt: intakes.createdAt, phone: intakes.phone, email: intakes.email, firstName: intakes.firstName })
    .from(intakes)
    .where(eq(intakes.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export type BookingIntake = NonNullable<Awaited<ReturnType<typeof getIntakeForBooking>>>;

export type IdempotentRecord = { requestHash: string; intakeId: string; response: unknown };

/** The first request made with this key, if any. */
export async function findIdempotencyKey(db: Db, { scope, key }: { scope: string; key: string }): Promise<IdempotentRecord | null> {
  const rows = await db
    .select({ requestHash: idempotencyKeys.requestHash, intakeId: idempotencyKeys.intakeId, response: idempotencyKeys.response })
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
  /** open (default): not resolved; waiting: not acknowledged; acknowledged: acknowledged, not resolved. */
  status?: "open" | "waiting" | "acknowledged" | "resolved" | "all";
  level?: Intake["level"];
  /** Part of a first name, last name or email. */
  search?: string;
  /** Cases with an appointment (booked, attended or missed; not cancelled) with this clinician. */
  clinicianId?: string;
};

/** Escalated cases, most urgent first, then oldest; keyset-paginated on (rank, time, id). */
export async function listEscalations(db: Db, { after, limit = 50, filter = {} }: { after?: EscalationCursor; limit?: number; filter?: EscalationFilter }) {
  const keyset = after
    ? or(
        lt(intakes.levelRank, after.levelRank),
        and(eq(intakes.levelRank, after.levelRank), gt(intakes.createdAt, after.createdAt)),
        and(eq(intakes.levelRank, after.levelRank), eq(intakes.createdAt, after.createdAt), gt(intakes.id, after.id)),
      )
    : undefined;
  const status = filter.status ?? "open";
  const byStatus =
    status === "open" ? isNull(intakes.resolvedAt)
    : status === "waiting" ? and(isNull(intakes.resolvedAt), isNull(intakes.acknowledgedAt))
    : status === "acknowledged" ? and(isNull(intakes.resolvedAt), isNotNull(intakes.acknowledgedAt))
    : status === "resolved" ? isNotNull(intakes.resolvedAt)
    : undefined;
  const term = filter.search?.trim();
  const pattern = term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const bySearch = pattern ? or(ilike(intakes.firstName, pattern), ilike(intakes.lastName, pattern), ilike(intakes.email, pattern), ilike(sql`${intakes.firstName} || ' ' || ${intakes.lastName}`, pattern)) : undefined;
  const byClinician = filter.clinicianId
    ? exists(
        db
          .select({ one: sql`1` })
          .from(appointments)
          .where(and(eq(appointments.intakeId, intakes.id), eq(appointments.clinicianId, filter.clinicianId), inArray(appointments.status, ["booked", "arrived", "completed", "no_show"]))),
      )
    : undefined;
  return db
    .select({
      id: intakes.id,
      level: intakes.level,
      levelRank: intakes.levelRank,
      createdAt: intakes.createdAt,
      firstName: intakes.firstName,
      lastName: intakes.lastName,
      ageAtGrading: intakes.ageAtGrading,
      firedRules: intakes.firedRules,
      escalationReason: intakes.escalationReason,
      acknowledgedAt: intakes.acknowledgedAt,
      resolvedAt: intakes.resolvedAt,
      overrideLevel: intakes.overrideLevel,
    })
    .from(intakes)
    .where(and(eq(intakes.escalated, true), keyset, byStatus, filter.level ? eq(intakes.level, filter.level) : undefined, bySearch, byClinician))
    .orderBy(desc(intakes.levelRank), asc(intakes.createdAt), asc(intakes.id))
    .limit(limit);
}

/** How many intakes exist; for tests and the benchmark. */
export async function countIntakes(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(intakes);
  return rows[0]?.n ?? 0;
}
