// Patients as staff find and read them (search, one patient's history) and merging two records
// into one and back. Each merge moves rows by id and keeps those ids, so an undo moves exactly them.
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import { alias, union, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { appointments, intakes, outbox, patientMerges, patients, staffUsers } from "../schema";
import { listAppointmentRows, listNotes } from "./cases";
import { ALERT_KINDS } from "./outbox";

/** What staff search by: name words (each a prefix of the first or last name), an email, phone digits or a date of birth. */
export type PatientSearchKey =
  | { kind: "name"; words: readonly string[] }
  | { kind: "email"; email: string }
  | { kind: "phone"; digits: string }
  | { kind: "dob"; date: string };

/** Where a page of results starts: after this patient in (last name, first name, id) order, lower-cased. */
export type PatientCursor = { last: string; first: string; id: string };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const lowerLast = sql<string>`lower(${patients.lastName})`;
const lowerFirst = sql<string>`lower(${patients.firstName})`;

/** Whether the patient row `p` matches the key (erased records only by their pseudonym). */
type PatientColumns = Record<"firstName" | "lastName" | "email" | "phone" | "dateOfBirth" | "erasedAt", AnyPgColumn>;

function matches(p: PatientColumns, key: PatientSearchKey): SQL {
  switch (key.kind) {
    case "name":
      return and(
        ...key.words.map((w) =>
          or(
            sql`lower(${p.firstName}) like ${`${escapeLike(w.toLowerCase())}%`}`,
            sql`lower(${p.lastName}) like ${`${escapeLike(w.toLowerCase())}%`}`,
          )!,
        ),
      )!;
    case "email":
      return and(isNull(p.erasedAt), sql`lower(${p.email}) = ${key.email.toLowerCase()}`)!;
    case "phone":
      // The number's last digits: reversed, a suffix is a prefix the index patients_phone_digits_idx serves.
      return and(
        isNull(p.erasedAt),
        sql`reverse(regexp_replace(${p.phone}, '[^0-9]', '', 'g')) like ${`${[...key.digits].reverse().join("")}%`}`,
      )!;
    case "dob":
      return and(isNull(p.erasedAt), eq(p.dateOfBirth, key.date))!;
  }
}

// Spelled out: in a one-table select drizzle writes a selected column without its table, and
// inside this subquery a bare "id" would be the intake's.
const outerPatientId = sql`${sql.identifier("patients")}.${sql.identifier("id")}`;
const latestIntake = (column: SQL) =>
  sql`(select ${column} from ${intakes} where ${intakes.patientId} = ${outerPatientId} order by ${intakes.createdAt} desc, ${intakes.id} desc limit 1)`;

/**
 * One page of live (not merged-away) patients matching the key, by last then first name. A record
 * merged into another is found by its own details too, and shows as the patient it joined (up to
 * two merges deep).
 */
export async function searchPatients(
  db: Db,
  { key, after, limit }: { key: PatientSearchKey; after?: PatientCursor | null; limit: number },
) {
  // Records merged into others are few (an index holds just them): first the live records that
  // matching merged ones joined, one or two merges back; then the live records that match, in
  // name order, with those. One OR over every record and a subquery would read them all.
  const m1 = alias(patients, "merged_1");
  const m2 = alias(patients, "merged_2");
  const joined = await union(
    db
      .select({ id: m1.mergedIntoId })
      .from(m1)
      .where(and(isNotNull(m1.mergedIntoId), matches(m1, key))),
    db
      .select({ id: m1.mergedIntoId })
      .from(m2)
      .innerJoin(m1, eq(m1.id, m2.mergedIntoId))
      .where(and(isNotNull(m2.mergedIntoId), isNotNull(m1.mergedIntoId), matches(m2, key))),
  );
  const joinedIds = joined.flatMap((r) => (r.id ? [r.id] : []));
  return db
    .select({
      id: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      email: patients.email,
      phone: patients.phone,
      dateOfBirth: patients.dateOfBirth,
      erasedAt: patients.erasedAt,
      sortLast: lowerLast,
      sortFirst: lowerFirst,
      lastIntakeAt: latestIntake(sql`${intakes.createdAt}`).mapWith(intakes.createdAt),
      lastLevel: latestIntake(sql`${intakes.effectiveLevel}`).mapWith(intakes.effectiveLevel),
    })
    .from(patients)
    .where(
      and(
        isNull(patients.mergedIntoId),
        joinedIds.length ? or(matches(patients, key), inArray(patients.id, joinedIds)) : matches(patients, key),
        after
          ? sql`(${lowerLast}, ${lowerFirst}, ${patients.id}) > (${after.last}, ${after.first}, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(lowerLast, lowerFirst, asc(patients.id))
    .limit(limit);
}

/** One patient record (live, merged or erased), or null. */
export async function getPatient(db: Db, id: string) {
  const rows = await db.select().from(patients).where(eq(patients.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One patient record, locked for a merge or an undo in this transaction. */
export async function getPatientForUpdate(db: Db, id: string) {
  const rows = await db.select().from(patients).where(eq(patients.id, id)).for("update").limit(1);
  return rows[0] ?? null;
}

/** The patient's intakes, newest first, with what explains each grade (never the answers themselves). */
export async function listPatientIntakes(db: Db, patientId: string) {
  return db
    .select({
      id: intakes.id,
      createdAt: intakes.createdAt,
      level: intakes.level,
      effectiveLevel: intakes.effectiveLevel,
      overrideLevel: intakes.overrideLevel,
      overrideReason: intakes.overrideReason,
      rulesetVersion: intakes.rulesetVersion,
      firedRules: intakes.firedRules,
      flags: intakes.flags,
      stoppedAt: sql<string | null>`${intakes.answers} ->> 'stoppedAt'`,
      previousIntakeId: intakes.previousIntakeId,
      escalated: intakes.escalated,
      acknowledgedAt: intakes.acknowledgedAt,
      resolvedAt: intakes.resolvedAt,
      reviewedAt: intakes.reviewedAt,
      erasedAt: intakes.erasedAt,
    })
    .from(intakes)
    .where(eq(intakes.patientId, patientId))
    .orderBy(desc(intakes.createdAt), desc(intakes.id));
}

/** The patient's appointments (any status), newest start first, with clinician and type names, who booked and why. */
export function listPatientAppointments(db: Db, patientId: string) {
  return listAppointmentRows(db, eq(appointments.patientId, patientId));
}

/** Notes and logged calls on any of the patient's intakes, newest first, with their author's name. */
export function listPatientNotes(db: Db, patientId: string) {
  return listNotes(db, { scope: { patientId }, order: "newest" });
}

const ALERT_KIND_LIST: string[] = Object.values(ALERT_KINDS);

/**
 * Emails to the patient about their intakes or appointments (the last 100, newest first): what kind
 * and how each stands, never the address or the contents.
 */
export async function listPatientEmails(db: Db, patientId: string) {
  const ownIntakes = db.select({ id: intakes.id }).from(intakes).where(eq(intakes.patientId, patientId));
  const ownAppointments = db
    .select({ id: appointments.id })
    .from(appointments)
    .where(eq(appointments.patientId, patientId));
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      status: outbox.status,
      intakeId: outbox.intakeId,
      dueAt: outbox.dueAt,
      sentAt: outbox.sentAt,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(
      and(
        notInArray(outbox.kind, ALERT_KIND_LIST),
        or(inArray(outbox.intakeId, ownIntakes), inArray(outbox.appointmentId, ownAppointments)),
      ),
    )
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(100);
}

/**
 * Live records that may be the same person as `patient`: the same last name and date of birth,
 * the same email, or the same phone digits (at most 10).
 */
export async function listLikelyDuplicates(
  db: Db,
  patient: { id: string; lastName: string; email: string; phone: string; dateOfBirth: string },
) {
  const digits = patient.phone.replace(/\D/g, "");
  return db
    .select({
      id: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      email: patients.email,
      dateOfBirth: patients.dateOfBirth,
    })
    .from(patients)
    .where(
      and(
        ne(patients.id, patient.id),
        isNull(patients.mergedIntoId),
        isNull(patients.erasedAt),
        or(
          and(eq(lowerLast, patient.lastName.toLowerCase()), eq(patients.dateOfBirth, patient.dateOfBirth)),
          sql`lower(${patients.email}) = ${patient.email.toLowerCase()}`,
          digits.length >= 7 ? sql`regexp_replace(${patients.phone}, '[^0-9]', '', 'g') = ${digits}` : undefined,
        ),
      ),
    )
    .orderBy(lowerLast, lowerFirst, asc(patients.id))
    .limit(10);
}

/** Moves every intake and appointment of `from` to `to`; returns the ids moved. */
export async function movePatientRows(db: Db, { from, to }: { from: string; to: string }) {
  const movedIntakes = await db
    .update(intakes)
    .set({ patientId: to })
    .where(eq(intakes.patientId, from))
    .returning({ id: intakes.id });
  const movedAppointments = await db
    .update(appointments)
    .set({ patientId: to })
    .where(eq(appointments.patientId, from))
    .returning({ id: appointments.id });
  return { intakeIds: movedIntakes.map((r) => r.id), appointmentIds: movedAppointments.map((r) => r.id) };
}

/** Moves exactly these rows from `from` back to `to` (only those still on `from`); returns how many moved. */
export async function moveRowsBack(
  db: Db,
  { from, to, intakeIds, appointmentIds }: { from: string; to: string; intakeIds: string[]; appointmentIds: string[] },
) {
  const i = intakeIds.length
    ? await db
        .update(intakes)
        .set({ patientId: to })
        .where(and(eq(intakes.patientId, from), inArray(intakes.id, intakeIds)))
        .returning({ id: intakes.id })
    : [];
  const a = appointmentIds.length
    ? await db
        .update(appointments)
        .set({ patientId: to })
        .where(and(eq(appointments.patientId, from), inArray(appointments.id, appointmentIds)))
        .returning({ id: appointments.id })
    : [];
  return { intakes: i.length, appointments: a.length };
}

/** How many of these intakes and appointments still belong to `patientId`. */
export async function countRowsOf(
  db: Db,
  { patientId, intakeIds, appointmentIds }: { patientId: string; intakeIds: string[]; appointmentIds: string[] },
) {
  const [i] = intakeIds.length
    ? await db
        .select({ n: sql<number>`count(*)::int` })
        .from(intakes)
        .where(and(eq(intakes.patientId, patientId), inArray(intakes.id, intakeIds)))
    : [{ n: 0 }];
  const [a] = appointmentIds.length
    ? await db
        .select({ n: sql<number>`count(*)::int` })
        .from(appointments)
        .where(and(eq(appointments.patientId, patientId), inArray(appointments.id, appointmentIds)))
    : [{ n: 0 }];
  return { intakes: i?.n ?? 0, appointments: a?.n ?? 0 };
}

/** Marks `mergedId` as merged into `survivorId` (null: live again). */
export async function setMergedInto(
  db: Db,
  { id, mergedIntoId, at }: { id: string; mergedIntoId: string | null; at: Date },
) {
  await db
    .update(patients)
    .set({ mergedIntoId, updatedAt: sql`greatest(${patients.updatedAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(patients.id, id));
}

/** Whether another live record holds this email and date of birth (undoing a merge would then make two). */
export async function liveIdentityTaken(
  db: Db,
  { id, email, dateOfBirth }: { id: string; email: string; dateOfBirth: string },
) {
  const rows = await db
    .select({ id: patients.id })
    .from(patients)
    .where(
      and(
        ne(patients.id, id),
        isNull(patients.mergedIntoId),
        isNull(patients.erasedAt),
        sql`lower(${patients.email}) = ${email.toLowerCase()}`,
        eq(patients.dateOfBirth, dateOfBirth),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Records a merge: who joined whom, which rows moved, who and why. */
export async function insertPatientMerge(db: Db, values: typeof patientMerges.$inferInsert): Promise<string> {
  const rows = await db.insert(patientMerges).values(values).returning({ id: patientMerges.id });
  return rows[0]!.id;
}

/** One merge, locked for undoing it. */
export async function getMergeForUpdate(db: Db, id: string) {
  const rows = await db.select().from(patientMerges).where(eq(patientMerges.id, id)).for("update").limit(1);
  return rows[0] ?? null;
}

/** Marks a merge undone, once; returns whether this call did it. */
export async function markMergeUndone(
  db: Db,
  { id, by, at, reason }: { id: string; by: string; at: Date; reason: string },
) {
  const rows = await db
    .update(patientMerges)
    .set({ undoneAt: at, undoneBy: by, undoReason: reason })
    .where(and(eq(patientMerges.id, id), isNull(patientMerges.undoneAt)))
    .returning({ id: patientMerges.id });
  return rows.length > 0;
}

/** Merges into this patient that are not undone, newest first, with the merged record's name and who merged it. */
export async function listMergesInto(db: Db, survivorId: string) {
  return db
    .select({
      id: patientMerges.id,
      mergedId: patientMerges.mergedId,
      firstName: patients.firstName,
      lastName: patients.lastName,
      intakeCount: sql<number>`cardinality(${patientMerges.intakeIds})`,
      appointmentCount: sql<number>`cardinality(${patientMerges.appointmentIds})`,
      reason: patientMerges.reason,
      mergedAt: patientMerges.mergedAt,
      mergedBy: staffUsers.name,
    })
    .from(patientMerges)
    .innerJoin(patients, eq(patients.id, patientMerges.mergedId))
    .leftJoin(staffUsers, eq(staffUsers.id, patientMerges.mergedBy))
    .where(and(eq(patientMerges.survivorId, survivorId), isNull(patientMerges.undoneAt)))
    .orderBy(desc(patientMerges.mergedAt), desc(patientMerges.id));
}
