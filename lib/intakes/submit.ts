import type { Db } from "@/db/client";
import { claimIdempotencyKey, findIdempotencyKey, insertIntake } from "@/db/queries/intakes";
import type { NewIntake } from "@/db/schema";
import { queueIntakeEmails } from "@/lib/notifications/queue";
import { startEpisode } from "@/lib/recovery/episode";
import { CONTRACT_VERSION, gradeIntake, type IntakeAnswers, type Level } from "@/lib/triage";
import { nextStepFor, type NextStep } from "./next-step";
import { clinicDeadlines } from "@/lib/deadlines";
import { currentNoticeId } from "@/lib/privacy/notice";
import { caseDeadlines, ESCALATING_LEVELS } from "@/lib/escalation";
import { markIntakeSilent } from "@/db/queries/silent-pilot";
import { getClinicCached } from "@/lib/clinic-settings";
import { SILENT_PILOT_REASON, silentPilotOn } from "@/lib/governance/silent";

/** The body of a 201: the grade, why, and what the patient may do next (secrets added per send). */
export type IntakeResponse = {
  id: string;
  level: Level;
  rulesetVersion: string;
  contractVersion: string;
  firedRules: { id: string; level: Level; summary: string }[];
  scores: unknown;
  flags: { id: string; summary: string }[];
  next: NextStep;
  /**
   * Graded during the silent pilot (issue 22): stored and shown to staff, never to the patient
   * (lib/intakes/api.ts leaves the grade out of the API's answer). Absent on answers stored before.
   */
  silent?: boolean;
};

export type SubmitResult = { status: "created" | "replayed"; response: IntakeResponse } | { status: "key_conflict" };

type Idempotency = { scope: string; key: string; requestHash: string };

/**
 * Grades validated answers and stores intake and grade in one transaction. With an idempotency
 * key, a repeat of the same request returns the first response and a different request under
 * the same key is refused, also when both arrive at the same moment.
 */
export async function submitIntake(
  db: Db,
  {
    answers,
    now,
    timeZone,
    idempotency,
    previousIntakeId,
  }: {
    answers: IntakeAnswers;
    now: Date;
    timeZone: string;
    idempotency?: Idempotency;
    /** A re-grade: the intake this one supersedes (the first grade is never changed). */
    previousIntakeId?: string;
  },
): Promise<SubmitResult> {
  if (idempotency) {
    const earlier = await replay(db, idempotency);
    if (earlier) return earlier;
  }
  const grade = gradeIntake(answers, { now, timeZone });
  // The silent pilot: graded and stored exactly the same, but staff triage every intake by hand, so
  // each one joins the queue (EMERGENCY and URGENT as always, the others for the pilot).
  const silent = silentPilotOn(await getClinicCached(db));
  const byLevel = ESCALATING_LEVELS.has(grade.level);
  const escalated = byLevel || silent;
  const escalationReason = byLevel ? "level" : silent ? SILENT_PILOT_REASON : null;
  const flags = grade.flags.map((f) => f.id);
  // When staff must act by: clinic hours decide (a case that arrives while closed is due at opening).
  const { deadlines, clock } = await clinicDeadlines(db, now);
  // The notice shown now, which the form links to beside the consent box ("v3", or the built-in "2026-11").
  const privacyNoticeVersion = await currentNoticeId(db);
  const due = caseDeadlines({ level: grade.level, escalated, escalationReason, flags }, now, deadlines, clock);
  // A pilot case below URGENT has no deadline of its own: the patient was told the clinic will
  // contact them, so it is due within one working day (like a review), and overdue alerts as usual.
  if (escalationReason === SILENT_PILOT_REASON && !due.ackDueAt) due.ackDueAt = clock.reviewDue(now);
  const values: NewIntake = {
    firstName: answers.contact.firstName,
    lastName: answers.contact.lastName,
    email: answers.contact.email,
    phone: answers.contact.phone,
    dateOfBirth: answers.contact.dateOfBirth,
    sex: answers.contact.sex,
    answers,
    privacyNoticeVersion,
    level: grade.level,
    levelRank: grade.levelRank,
    rulesetVersion: grade.rulesetVersion,
    firedRules: grade.firedRules.map((r) => r.id),
    flags,
    scores: grade.scores,
    ageAtGrading: grade.age,
    escalated,
    escalationReason,
    ...due,
    createdAt: now,
    previousIntakeId: previousIntakeId ?? null,
  };
  class KeyTaken extends Error {}
  try {
    return await db.transaction(async (tx) => {
      const intake = await insertIntake(tx, values);
      if (silent) await markIntakeSilent(tx, intake.id);
      const response = toResponse(intake, grade, answers, silent);
      if (idempotency && !(await claimIdempotencyKey(tx, { ...idempotency, intakeId: intake.id, response }))) {
        throw new KeyTaken(); // rolls back this intake (and its emails): the other request's stands
      }
      // The patient's advice email, the 14-day check-in or the staff alert commit with the intake.
      await queueIntakeEmails(tx, {
        intakeId: intake.id,
        level: grade.level,
        deadline: due.ackDueAt,
        now,
        isRunner: answers.running?.isRunner ?? false,
        patient: { email: answers.contact.email, firstName: answers.contact.firstName },
        silent,
      });
      // A first intake begins an episode of care: its recovery check-ins (a re-grade joins its episode).
      if (!previousIntakeId)
        await startEpisode(tx, { intake: { id: intake.id, createdAt: now }, level: grade.level, now });
      return { status: "created" as const, response };
    });
  } catch (error) {
    if (!(error instanceof KeyTaken) || !idempotency) throw error;
    return (await replay(db, idempotency)) ?? { status: "key_conflict" };
  }
}

async function replay(db: Db, idem: Idempotency): Promise<SubmitResult | null> {
  const earlier = await findIdempotencyKey(db, idem);
  if (!earlier) return null;
  if (earlier.requestHash !== idem.requestHash) return { status: "key_conflict" };
  return { status: "replayed", response: earlier.response as IntakeResponse };
}

function toResponse(
  intake: { id: string },
  grade: ReturnType<typeof gradeIntake>,
  answers: IntakeAnswers,
  silent: boolean,
): IntakeResponse {
  return {
    id: intake.id,
    level: grade.level,
    rulesetVersion: grade.rulesetVersion,
    contractVersion: CONTRACT_VERSION,
    firedRules: grade.firedRules.map(({ id, level, summary }) => ({ id, level, summary })),
    scores: grade.scores,
    flags: grade.flags.map(({ id, summary }) => ({ id, summary })),
    next: nextStepFor({ level: grade.level, firedRules: grade.firedRules.map((r) => r.id), answers, age: grade.age }),
    ...(silent ? { silent: true } : {}),
  };
}
