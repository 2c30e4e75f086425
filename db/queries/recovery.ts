// Recovery (issue 20): the private "My back" links, the episode of care a page shows, the recovery
// check-ins, the return-to-run plans, and the clinic's outcome measures.
// An episode is a patient's latest first intake (one that is not a re-grade) and every intake of
// theirs since (its re-grades); a new first intake starts a new episode.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  appointments,
  clinicians,
  intakes,
  myBackLinks,
  outbox,
  outcomeCheckins,
  patients,
  recoveries,
  runPlanCheckins,
  runPlans,
} from "../schema";

// ---------------------------------------------------------------------------------------------
// My back links

export async function insertMyBackLink(
  db: Db,
  values: { patientId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db.insert(myBackLinks).values(values);
}

/**
 * A link by its token's hash, with the patient it opens: the record it was made for, or the one that
 * record was merged into since (through any chain of merges). Null when there is no such link.
 */
export async function findMyBackLink(db: Db, tokenHash: string) {
  const rows = await db
    .select({ id: myBackLinks.id, expiresAt: myBackLinks.expiresAt, patientId: myBackLinks.patientId })
    .from(myBackLinks)
    .where(eq(myBackLinks.tokenHash, tokenHash))
    .limit(1);
  const link = rows[0];
  return link ? { ...link, patientId: await survivorOf(db, link.patientId) } : null;
}

/** The live record a patient record was merged into, following merges (at most 20 steps, as the intake trigger). */
export async function survivorOf(db: Db, patientId: string): Promise<string> {
  let id = patientId;
  for (let i = 0; i < 20; i++) {
    const [row] = await db
      .select({ mergedIntoId: patients.mergedIntoId })
      .from(patients)
      .where(eq(patients.id, id))
      .limit(1);
    if (!row?.mergedIntoId) return id;
    id = row.mergedIntoId;
  }
  return id;
}

/**
 * Ends the My back links of these patients made at or after `since` (undoing a merge: a link made
 * while one record was joined to the other could open the wrong person's page).
 */
export async function expireMyBackLinks(
  db: Db,
  { patientIds, since, now }: { patientIds: readonly string[]; since: Date; now: Date },
): Promise<number> {
  const rows = await db
    .update(myBackLinks)
    .set({ expiresAt: now })
    .where(
      and(
        inArray(myBackLinks.patientId, [...patientIds]),
        gte(myBackLinks.createdAt, since),
        sql`${myBackLinks.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: myBackLinks.id });
  return rows.length;
}

export async function touchMyBackLink(db: Db, { id, now }: { id: string; now: Date }): Promise<void> {
  await db.update(myBackLinks).set({ lastUsedAt: now }).where(eq(myBackLinks.id, id));
}

/** The patient an email is about: through its appointment's or its case's intake. */
export async function patientIdOf(
  db: Db,
  { intakeId, appointmentId }: { intakeId?: string | null; appointmentId?: string | null },
): Promise<string | null> {
  if (appointmentId) {
    const rows = await db
      .select({ id: intakes.patientId })
      .from(appointments)
      .innerJoin(intakes, eq(intakes.id, appointments.intakeId))
      .where(eq(appointments.id, appointmentId))
      .limit(1);
    if (rows[0]) return rows[0].id;
  }
  if (intakeId) {
    const rows = await db.select({ id: intakes.patientId }).from(intakes).where(eq(intakes.id, intakeId)).limit(1);
    if (rows[0]) return rows[0].id;
  }
  return null;
}

/**
 * The patient with this email (any case) and date of birth, as their live record (a record merged
 * into another answers for the one it joined, whose address is on file); null when none, or erased.
 */
export async function findLivePatient(db: Db, { email, dateOfBirth }: { email: string; dateOfBirth: string }) {
  const rows = await db
    .select({ id: patients.id })
    .from(patients)
    .where(
      and(
        sql`lower(${patients.email}) = lower(${email})`,
        eq(patients.dateOfBirth, dateOfBirth),
        isNull(patients.erasedAt),
      ),
    )
    .orderBy(sql`${patients.mergedIntoId} is not null`)
    .limit(1);
  if (!rows[0]) return null;
  const contact = await getRecoveryContact(db, await survivorOf(db, rows[0].id));
  return contact ? { id: contact.id, email: contact.email, firstName: contact.firstName } : null;
}

/** A patient's contact for recovery emails, and whether they stopped them; null when erased or merged away. */
export async function getRecoveryContact(db: Db, patientId: string) {
  const rows = await db
    .select({
      id: patients.id,
      email: patients.email,
      firstName: patients.firstName,
      stoppedAt: patients.recoveryEmailsStoppedAt,
      erasedAt: patients.erasedAt,
    })
    .from(patients)
    .where(eq(patients.id, patientId))
    .limit(1);
  const row = rows[0];
  return row && !row.erasedAt ? row : null;
}

/** Stops the patient's recovery emails (once); returns whether this call did it. */
export async function stopRecoveryEmails(db: Db, { patientId, now }: { patientId: string; now: Date }) {
  const rows = await db
    .update(patients)
    .set({ recoveryEmailsStoppedAt: now })
    .where(and(eq(patients.id, patientId), isNull(patients.recoveryEmailsStoppedAt)))
    .returning({ id: patients.id });
  return rows.length > 0;
}

/** Starts them again (the patient changed their mind on My back). */
export async function restartRecoveryEmails(db: Db, patientId: string): Promise<void> {
  await db.update(patients).set({ recoveryEmailsStoppedAt: null }).where(eq(patients.id, patientId));
}

/**
 * Cancels the unsent emails of these kinds about these cases; returns how many. (Recovery emails
 * always name their episode's first intake.)
 */
export async function cancelEpisodeEmails(
  db: Db,
  { intakeIds, kinds }: { intakeIds: readonly string[]; kinds: readonly string[] },
): Promise<number> {
  if (!intakeIds.length) return 0;
  const rows = await db
    .update(outbox)
    .set({ status: "cancelled", claimedUntil: null })
    .where(
      and(inArray(outbox.kind, [...kinds]), eq(outbox.status, "pending"), inArray(outbox.intakeId, [...intakeIds])),
    )
    .returning({ id: outbox.id });
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// Episodes

const episodeIntake = {
  id: intakes.id,
  createdAt: intakes.createdAt,
  patientId: intakes.patientId,
  level: intakes.level,
  effectiveLevel: intakes.effectiveLevel,
  firedRules: intakes.firedRules,
  /** Graded during the silent pilot: the patient was not told the grade (lib/governance/silent.ts). */
  silent: intakes.silent,
  rulesetVersion: intakes.rulesetVersion,
  ageAtGrading: intakes.ageAtGrading,
  answers: intakes.answers,
  firstName: intakes.firstName,
  email: intakes.email,
  erasedAt: intakes.erasedAt,
  previousIntakeId: intakes.previousIntakeId,
};

/** The patient's latest first intake (their current episode's), or null. */
export async function latestEpisodeRoot(db: Db, patientId: string) {
  const rows = await db
    .select(episodeIntake)
    .from(intakes)
    .where(and(eq(intakes.patientId, patientId), isNull(intakes.previousIntakeId)))
    .orderBy(desc(intakes.createdAt), desc(intakes.id))
    .limit(1);
  return rows[0] ?? null;
}

export type EpisodeIntake = NonNullable<Awaited<ReturnType<typeof latestEpisodeRoot>>>;

/** An intake by id (for an episode's first intake). */
export async function getEpisodeIntake(db: Db, intakeId: string) {
  const rows = await db.select(episodeIntake).from(intakes).where(eq(intakes.id, intakeId)).limit(1);
  return rows[0] ?? null;
}

/** The episode's intakes (its first and every intake of the patient since), newest first. */
export async function listEpisodeIntakes(db: Db, root: { patientId: string; createdAt: Date }) {
  return db
    .select(episodeIntake)
    .from(intakes)
    .where(and(eq(intakes.patientId, root.patientId), gte(intakes.createdAt, root.createdAt)))
    .orderBy(desc(intakes.createdAt), desc(intakes.id));
}

/** The patient's earlier first intakes than this one (their episodes before), for superseding. */
export async function earlierEpisodeRoots(db: Db, root: { id: string; patientId: string; createdAt: Date }) {
  const rows = await db
    .select({ id: intakes.id })
    .from(intakes)
    .where(
      and(
        eq(intakes.patientId, root.patientId),
        isNull(intakes.previousIntakeId),
        sql`${intakes.createdAt} <= ${root.createdAt.toISOString()}::timestamptz`,
        sql`${intakes.id} <> ${root.id}`,
      ),
    );
  return rows.map((r) => r.id);
}

/** The episode's recovery row, or null when nothing has been recorded yet. */
export async function getRecovery(db: Db, intakeId: string, { lock = false }: { lock?: boolean } = {}) {
  const query = db.select().from(recoveries).where(eq(recoveries.intakeId, intakeId)).limit(1);
  const rows = lock ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export type RecoveryRow = NonNullable<Awaited<ReturnType<typeof getRecovery>>>;

/** Makes the episode's recovery row when missing, then returns it locked. */
export async function lockRecovery(db: Db, intakeId: string): Promise<RecoveryRow> {
  await db.insert(recoveries).values({ intakeId }).onConflictDoNothing();
  return (await getRecovery(db, intakeId, { lock: true }))!;
}

export async function updateRecovery(
  db: Db,
  intakeId: string,
  values: Partial<Omit<typeof recoveries.$inferInsert, "intakeId" | "createdAt">>,
): Promise<void> {
  await db.update(recoveries).set(values).where(eq(recoveries.intakeId, intakeId));
}

/**
 * Puts a case on the "To review" list with a reason (not improving, a running plan stopped): due
 * at `due`, unreviewed again if it was reviewed. A case already waiting keeps its earlier deadline.
 */
export async function markForReview(
  db: Db,
  { intakeId, reason, due }: { intakeId: string; reason: string; due: Date },
): Promise<void> {
  await db
    .update(intakes)
    .set({
      reviewReason: reason,
      reviewDueAt: sql`case when ${intakes.reviewDueAt} is not null and ${intakes.reviewedAt} is null then least(${intakes.reviewDueAt}, ${due.toISOString()}::timestamptz) else ${due.toISOString()}::timestamptz end`,
      reviewedAt: null,
      reviewedBy: null,
      reviewOverdueAlertedAt: null,
    })
    .where(eq(intakes.id, intakeId));
}

// ---------------------------------------------------------------------------------------------
// Check-ins

export async function insertCheckins(
  db: Db,
  rows: readonly { intakeId: string; week: number; dueAt: Date }[],
): Promise<{ id: string; week: number; dueAt: Date }[]> {
  if (!rows.length) return [];
  return db
    .insert(outcomeCheckins)
    .values([...rows])
    .onConflictDoNothing()
    .returning({ id: outcomeCheckins.id, week: outcomeCheckins.week, dueAt: outcomeCheckins.dueAt });
}

const checkinColumns = {
  id: outcomeCheckins.id,
  intakeId: outcomeCheckins.intakeId,
  week: outcomeCheckins.week,
  dueAt: outcomeCheckins.dueAt,
  answeredAt: outcomeCheckins.answeredAt,
  answers: outcomeCheckins.answers,
  score: outcomeCheckins.score,
  regradeIntakeId: outcomeCheckins.regradeIntakeId,
};

/** The episode's check-ins, by week. */
export async function listCheckins(db: Db, intakeId: string) {
  return db
    .select(checkinColumns)
    .from(outcomeCheckins)
    .where(eq(outcomeCheckins.intakeId, intakeId))
    .orderBy(asc(outcomeCheckins.week));
}

export type CheckinRow = Awaited<ReturnType<typeof listCheckins>>[number];

/** One check-in, locked for its answers. */
export async function getCheckinForUpdate(db: Db, id: string) {
  const rows = await db.select(checkinColumns).from(outcomeCheckins).where(eq(outcomeCheckins.id, id)).for("update");
  return rows[0] ?? null;
}

/** Stores a check-in's answers once; returns whether it did. */
export async function recordCheckin(
  db: Db,
  {
    id,
    answers,
    score,
    regradeIntakeId,
    now,
  }: { id: string; answers: unknown; score: unknown; regradeIntakeId: string | null; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(outcomeCheckins)
    .set({ answers, score, regradeIntakeId, answeredAt: now })
    .where(and(eq(outcomeCheckins.id, id), isNull(outcomeCheckins.answeredAt)))
    .returning({ id: outcomeCheckins.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Return-to-run plans

export async function getRunPlan(db: Db, intakeId: string, { lock = false }: { lock?: boolean } = {}) {
  const query = db.select().from(runPlans).where(eq(runPlans.intakeId, intakeId)).limit(1);
  const rows = lock ? await query.for("update") : await query;
  return rows[0] ?? null;
}

/** Starts the episode's plan at stage 1 (once); returns it. */
export async function insertRunPlan(db: Db, { intakeId, now }: { intakeId: string; now: Date }) {
  await db.insert(runPlans).values({ intakeId, startedAt: now, stageStartedAt: now }).onConflictDoNothing();
  return (await getRunPlan(db, intakeId))!;
}

export async function updateRunPlan(
  db: Db,
  id: string,
  values: Partial<
    Pick<typeof runPlans.$inferInsert, "stage" | "stageStartedAt" | "status" | "endedAt" | "lastCheckinAt">
  >,
): Promise<void> {
  await db.update(runPlans).set(values).where(eq(runPlans.id, id));
}

export async function insertRunPlanCheckin(
  db: Db,
  values: { planId: string; stage: number; answers: unknown; decision: unknown; createdAt: Date },
): Promise<void> {
  await db.insert(runPlanCheckins).values(values);
}

/** A plan's weekly check-ins, oldest first. */
export async function listRunPlanCheckins(db: Db, planId: string) {
  return db
    .select({
      id: runPlanCheckins.id,
      createdAt: runPlanCheckins.createdAt,
      stage: runPlanCheckins.stage,
      answers: runPlanCheckins.answers,
      decision: runPlanCheckins.decision,
    })
    .from(runPlanCheckins)
    .where(eq(runPlanCheckins.planId, planId))
    .orderBy(asc(runPlanCheckins.createdAt));
}

// ---------------------------------------------------------------------------------------------
// Privacy

/** Replaces the recovery answers of these intakes' episodes (erasure): check-ins, activities, plan check-ins. */
export async function eraseRecoveryAnswers(db: Db, intakeIds: readonly string[]): Promise<number> {
  if (!intakeIds.length) return 0;
  const erased = sql`'{"erased":true}'::jsonb`;
  const checkins = await db
    .update(outcomeCheckins)
    .set({ answers: erased, score: erased })
    .where(and(inArray(outcomeCheckins.intakeId, [...intakeIds]), isNotNull(outcomeCheckins.answers)))
    .returning({ id: outcomeCheckins.id });
  await db
    .update(recoveries)
    .set({ activities: null, notImproving: null })
    .where(inArray(recoveries.intakeId, [...intakeIds]));
  const plans = db
    .select({ id: runPlans.id })
    .from(runPlans)
    .where(inArray(runPlans.intakeId, [...intakeIds]));
  await db.update(runPlanCheckins).set({ answers: erased }).where(inArray(runPlanCheckins.planId, plans));
  return checkins.length;
}

/** Everything recovery holds about these intakes, for the patient's export. */
export async function listRecoveryForExport(db: Db, intakeIds: readonly string[]) {
  if (!intakeIds.length) return { recoveries: [], checkins: [], plans: [], planCheckins: [] };
  const ids = [...intakeIds];
  const plans = await db.select().from(runPlans).where(inArray(runPlans.intakeId, ids));
  return {
    recoveries: await db.select().from(recoveries).where(inArray(recoveries.intakeId, ids)),
    checkins: await db
      .select()
      .from(outcomeCheckins)
      .where(inArray(outcomeCheckins.intakeId, ids))
      .orderBy(asc(outcomeCheckins.dueAt)),
    plans,
    planCheckins: plans.length
      ? await db
          .select()
          .from(runPlanCheckins)
          .where(
            inArray(
              runPlanCheckins.planId,
              plans.map((p) => p.id),
            ),
          )
          .orderBy(asc(runPlanCheckins.createdAt))
      : [],
  };
}

// ---------------------------------------------------------------------------------------------
// The clinic's measures

/**
 * Check-ins due between `from` and `to` (not of discharged episodes before they were due), with
 * the first intake's level (effective) and whether answered, for the response rate and "improved at
 * 6 weeks" by grade. Scores are read by the caller (lib/outcomes decides "improved").
 */
export async function listDueCheckins(db: Db, { from, to }: { from: Date; to: Date }) {
  return db
    .select({
      week: outcomeCheckins.week,
      answeredAt: outcomeCheckins.answeredAt,
      score: outcomeCheckins.score,
      level: intakes.effectiveLevel,
    })
    .from(outcomeCheckins)
    .innerJoin(intakes, eq(intakes.id, outcomeCheckins.intakeId))
    .leftJoin(recoveries, eq(recoveries.intakeId, outcomeCheckins.intakeId))
    .where(
      and(
        gte(outcomeCheckins.dueAt, from),
        lte(outcomeCheckins.dueAt, to),
        isNull(intakes.erasedAt),
        sql`(${recoveries.dischargedAt} is null or ${recoveries.dischargedAt} > ${outcomeCheckins.dueAt})`,
      ),
    );
}

/** The patient's appointments for My back: upcoming booked ones, and the last few past or cancelled. */
export async function listMyAppointments(db: Db, patientId: string) {
  return db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      seriesId: appointments.seriesId,
      manageTokenHash: appointments.manageTokenHash,
      clinicianName: clinicians.name,
      clinicianRole: clinicians.role,
    })
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.id, appointments.clinicianId))
    .where(and(eq(appointments.patientId, patientId), sql`${appointments.status} in ('booked', 'cancelled')`))
    .orderBy(desc(appointments.startsAt))
    .limit(20);
}

/** The first intake of the episode `intakeId` belongs to (itself, or the patient's latest first intake before it). */
export async function episodeRootOf(db: Db, intakeId: string) {
  const [intake] = await db
    .select({ patientId: intakes.patientId, createdAt: intakes.createdAt, previousIntakeId: intakes.previousIntakeId })
    .from(intakes)
    .where(eq(intakes.id, intakeId))
    .limit(1);
  if (!intake) return null;
  if (!intake.previousIntakeId) return getEpisodeIntake(db, intakeId);
  const rows = await db
    .select(episodeIntake)
    .from(intakes)
    .where(
      and(
        eq(intakes.patientId, intake.patientId),
        isNull(intakes.previousIntakeId),
        lte(intakes.createdAt, intake.createdAt),
      ),
    )
    .orderBy(desc(intakes.createdAt), desc(intakes.id))
    .limit(1);
  return rows[0] ?? null;
}
