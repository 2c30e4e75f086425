// The pre-visit safety check (issue 19): one row per booked appointment, made with its emails,
// answered once through a private link. Reads for the check's page, the case page and the patient page.
import { and, desc, eq, isNotNull, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { appointments, appointmentTypes, clinicians, intakes, preVisitChecks } from "../schema";

/** Makes the check of an appointment (its intake read from the appointment) under the link's hash; returns its id. */
export async function insertPreVisitCheck(
  db: Db,
  { appointmentId, tokenHash }: { appointmentId: string; tokenHash: string },
): Promise<string | null> {
  const [appointment] = await db
    .select({ intakeId: appointments.intakeId })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  if (!appointment) return null;
  const [row] = await db
    .insert(preVisitChecks)
    .values({ appointmentId, intakeId: appointment.intakeId, tokenHash })
    .returning({ id: preVisitChecks.id });
  return row?.id ?? null;
}

/** A check by its link's hash, with its appointment, clinician and patient (locked when `lock`); or null. */
export async function findCheckByTokenHash(db: Db, tokenHash: string, { lock = false }: { lock?: boolean } = {}) {
  const query = db
    .select({
      id: preVisitChecks.id,
      createdAt: preVisitChecks.createdAt,
      answeredAt: preVisitChecks.answeredAt,
      answers: preVisitChecks.answers,
      regradeIntakeId: preVisitChecks.regradeIntakeId,
      gaveBackAt: preVisitChecks.gaveBackAt,
      appointmentId: appointments.id,
      status: appointments.status,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      intakeId: appointments.intakeId,
      clinicianId: appointments.clinicianId,
      clinicianName: clinicians.name,
      clinicianRole: clinicians.role,
      typeId: appointmentTypes.id,
      typeName: appointmentTypes.name,
      seriesId: appointments.seriesId,
      sequence: appointments.sequence,
      manageTokenHash: appointments.manageTokenHash,
      firstName: intakes.firstName,
      email: intakes.email,
      erasedAt: intakes.erasedAt,
    })
    .from(preVisitChecks)
    .innerJoin(appointments, eq(appointments.id, preVisitChecks.appointmentId))
    .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .innerJoin(intakes, eq(intakes.id, appointments.intakeId))
    .where(eq(preVisitChecks.tokenHash, tokenHash))
    .limit(1);
  const rows = lock ? await query.for("update", { of: preVisitChecks }) : await query;
  return rows[0] ?? null;
}

export type FoundCheck = NonNullable<Awaited<ReturnType<typeof findCheckByTokenHash>>>;

/** Stores a check's answers once (compare-and-swap on not yet answered); returns whether it did. */
export async function recordCheckAnswers(
  db: Db,
  {
    id,
    answers,
    regradeIntakeId,
    now,
  }: { id: string; answers: Record<string, unknown>; regradeIntakeId: string | null; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(preVisitChecks)
    .set({ answers, regradeIntakeId, answeredAt: now })
    .where(and(eq(preVisitChecks.id, id), isNull(preVisitChecks.answeredAt)))
    .returning({ id: preVisitChecks.id });
  return rows.length > 0;
}

/** Marks an answered check's time as given back, once; returns whether it did. */
export async function markCheckGaveBack(db: Db, { id, now }: { id: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(preVisitChecks)
    .set({ gaveBackAt: now })
    .where(and(eq(preVisitChecks.id, id), isNull(preVisitChecks.gaveBackAt), isNotNull(preVisitChecks.answeredAt)))
    .returning({ id: preVisitChecks.id });
  return rows.length > 0;
}

/** The intake a check's answers graded. */
const regrade = alias(intakes, "regrade");

/** What staff see of an answered check: when, the answers, the appointment, and any re-grade's level. */
const answeredColumns = {
  id: preVisitChecks.id,
  appointmentId: preVisitChecks.appointmentId,
  intakeId: preVisitChecks.intakeId,
  answeredAt: preVisitChecks.answeredAt,
  answers: preVisitChecks.answers,
  regradeIntakeId: preVisitChecks.regradeIntakeId,
  regradeLevel: regrade.effectiveLevel,
  gaveBackAt: preVisitChecks.gaveBackAt,
  appointmentStartsAt: appointments.startsAt,
};

/**
 * The answered checks of a case, newest first: those of appointments booked from this intake and
 * the one whose answers graded it (a re-grade).
 */
export async function listAnsweredChecksForIntake(db: Db, intakeId: string, { limit = 20 } = {}) {
  return db
    .select(answeredColumns)
    .from(preVisitChecks)
    .innerJoin(appointments, eq(appointments.id, preVisitChecks.appointmentId))
    .leftJoin(regrade, eq(regrade.id, preVisitChecks.regradeIntakeId))
    .where(
      and(
        isNotNull(preVisitChecks.answeredAt),
        or(eq(preVisitChecks.intakeId, intakeId), eq(preVisitChecks.regradeIntakeId, intakeId)),
      ),
    )
    .orderBy(desc(preVisitChecks.answeredAt))
    .limit(limit);
}

/** A patient's answered checks (through their appointments), newest first. */
export async function listAnsweredChecksForPatient(db: Db, patientId: string, { limit = 50 } = {}) {
  return db
    .select(answeredColumns)
    .from(preVisitChecks)
    .innerJoin(appointments, eq(appointments.id, preVisitChecks.appointmentId))
    .leftJoin(regrade, eq(regrade.id, preVisitChecks.regradeIntakeId))
    .where(and(eq(appointments.patientId, patientId), isNotNull(preVisitChecks.answeredAt)))
    .orderBy(desc(preVisitChecks.answeredAt))
    .limit(limit);
}

export type AnsweredCheckRow = Awaited<ReturnType<typeof listAnsweredChecksForIntake>>[number];
