// The return-to-run plan on My back (issue 20): open to runners whose episode is graded SELF_CARE or
// ROUTINE, and to others a clinician clears on the case page. Each weekly check-in is decided by
// lib/programme: progress, repeat, step back, or stop (the case then goes on the staff review list).
// A week after the start and after each check-in, an email says the next check-in is due.
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import {
  cancelEpisodeEmails,
  getEpisodeIntake,
  getRecovery,
  getRecoveryContact,
  getRunPlan,
  insertRunPlan,
  insertRunPlanCheckin,
  listEpisodeIntakes,
  listRunPlanCheckins,
  markForReview,
  updateRunPlan,
  type EpisodeIntake,
  type RecoveryRow,
} from "@/db/queries/recovery";
import type { RunPlanRow } from "@/db/schema";
import { clinicDeadlines } from "@/lib/deadlines";
import { fieldErrors } from "@/lib/forms";
import { queueRunPlanWeek } from "@/lib/notifications/queue";
import { decide, PROGRAMME_VERSION, programmeCheckinSchema, type Decision } from "@/lib/programme";
import type { Level } from "@/lib/triage";

const WEEK_MS = 7 * 24 * 3600_000;

/** The grades the plan is open to without a clinician's clearance. */
const OPEN_LEVELS: ReadonlySet<Level> = new Set(["SELF_CARE", "ROUTINE"]);

/** Whether the intake's answers say the patient runs. */
export function isRunner(answers: unknown): boolean {
  const running = (answers as { running?: { isRunner?: unknown } | null } | null)?.running;
  return running?.isRunner === true;
}

export type PlanAccess =
  { open: true; why: "grade" | "cleared" } | { open: false; why: "not_runner" | "grade" | "discharged" };

/**
 * Whether the episode may follow the plan: a clinician's clearance, or a runner whose episode's
 * current level (its latest intake's effective level) is SELF_CARE or ROUTINE.
 */
export function planAccess(
  root: Pick<EpisodeIntake, "answers">,
  latest: Pick<EpisodeIntake, "effectiveLevel">,
  recovery: Pick<RecoveryRow, "runPlanClearedAt" | "dischargedAt"> | null,
): PlanAccess {
  if (recovery?.dischargedAt) return { open: false, why: "discharged" };
  if (recovery?.runPlanClearedAt) return { open: true, why: "cleared" };
  if (!isRunner(root.answers)) return { open: false, why: "not_runner" };
  return OPEN_LEVELS.has(latest.effectiveLevel) ? { open: true, why: "grade" } : { open: false, why: "grade" };
}

/** A stored decision as the page reads it (null when not one: an erased row). */
export type StoredDecision = Pick<Decision, "action" | "stage" | "completed" | "reasons" | "message"> & {
  version: string;
};

export function storedDecision(d: unknown): StoredDecision | null {
  return d && typeof d === "object" && "action" in d && "stage" in d ? (d as StoredDecision) : null;
}

/** The plan of the episode and its check-ins, oldest first (null when not started). */
export async function readPlan(db: Db, rootId: string) {
  const plan = await getRunPlan(db, rootId);
  if (!plan) return null;
  return { plan, checkins: await listRunPlanCheckins(db, plan.id) };
}

/**
 * Ends an active plan whose episode a re-grade has taken out of the plan's levels (the check-in
 * that re-graded it): stopped, its weekly email withdrawn, so the patient is not told to run on.
 */
export async function pausePlanIfClosed(db: Db, { rootId, now }: { rootId: string; now: Date }): Promise<void> {
  const plan = await getRunPlan(db, rootId, { lock: true });
  if (!plan || plan.status !== "active") return;
  const root = await getEpisodeIntake(db, rootId);
  if (!root) return;
  const [latest] = await listEpisodeIntakes(db, root);
  if (planAccess(root, latest ?? root, await getRecovery(db, rootId)).open) return;
  await updateRunPlan(db, plan.id, { status: "stopped", endedAt: now });
  await cancelEpisodeEmails(db, { intakeIds: [rootId], kinds: ["run_plan_week"] });
}

/** Starts the plan at its first stage (once), and queues the first weekly email. Audited. */
export async function startPlan(
  db: Db,
  { root, patientId, now }: { root: Pick<EpisodeIntake, "id">; patientId: string; now: Date },
): Promise<RunPlanRow> {
  return db.transaction(async (tx) => {
    const existing = await getRunPlan(tx, root.id);
    if (existing) return existing;
    const plan = await insertRunPlan(tx, { intakeId: root.id, now });
    await nextWeekEmail(tx, { rootId: root.id, patientId, from: now });
    await recordAudit(tx, {
      actor: null,
      action: "run_plan_started",
      subjectType: "intake",
      subjectId: root.id,
      after: { planId: plan.id, version: PROGRAMME_VERSION },
    });
    return plan;
  });
}

async function nextWeekEmail(db: Db, { rootId, patientId, from }: { rootId: string; patientId: string; from: Date }) {
  const contact = await getRecoveryContact(db, patientId);
  if (!contact || contact.stoppedAt) return;
  if ((await getRecovery(db, rootId))?.dischargedAt) return;
  await queueRunPlanWeek(db, { intakeId: rootId, dueAt: new Date(from.getTime() + WEEK_MS), patient: contact });
}

/**
 * Whole weeks at a stage by the calendar (a day's grace: 6 days count as a week): a check-in sent
 * sooner can stop or step back, but cannot move on (lib/programme repeats it as "too soon").
 */
export function calendarWeeks(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime() + 24 * 3600_000) / WEEK_MS));
}

/** Staff: a clinician resumes a stopped plan at a stage (the patient's page opens it again). Audited. */
export async function resumePlan(
  db: Db,
  actor: { id: string; email: string },
  { rootId, stage, now }: { rootId: string; stage: number; now: Date },
): Promise<"resumed" | "not_stopped"> {
  return db.transaction(async (tx) => {
    const plan = await getRunPlan(tx, rootId, { lock: true });
    if (!plan || plan.status !== "stopped") return "not_stopped";
    await updateRunPlan(tx, plan.id, { status: "active", stage, stageStartedAt: now, endedAt: null });
    const root = await getEpisodeIntake(tx, rootId);
    if (root) await nextWeekEmail(tx, { rootId, patientId: root.patientId, from: now });
    await recordAudit(tx, {
      actor,
      action: "run_plan_resumed",
      subjectType: "intake",
      subjectId: rootId,
      after: { planId: plan.id, stage },
    });
    return "resumed";
  });
}

export type PlanCheckinResult =
  | { status: "not_found" }
  /** Not active (completed or stopped), or this week's check-in was already sent (a repeated form). */
  | { status: "closed" }
  | { status: "invalid"; fieldErrors: Record<string, string[]> }
  | { status: "decided"; decision: Decision };

/**
 * A weekly check-in: decided by lib/programme at the plan's stage, stored with the decision, the
 * plan moved on. `seen` is how many check-ins the page showed: a form sent twice is decided once.
 * A stop ends the plan and puts the episode's latest case on the review list. Audited without answers.
 */
export async function answerPlanCheckin(
  db: Db,
  {
    root,
    latestIntakeId,
    patientId,
    seen,
    input,
    now,
  }: {
    root: Pick<EpisodeIntake, "id" | "answers">;
    latestIntakeId: string;
    patientId: string;
    seen: number;
    input: unknown;
    now: Date;
  },
): Promise<PlanCheckinResult> {
  const parsed = programmeCheckinSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { clock } = await clinicDeadlines(db, now);
  return db.transaction(async (tx): Promise<PlanCheckinResult> => {
    const plan = await getRunPlan(tx, root.id, { lock: true });
    if (!plan) return { status: "not_found" };
    if (plan.status !== "active") return { status: "closed" };
    // Re-graded since to a level the plan is not open to, or discharged: paused (the page says so).
    const latest = await getEpisodeIntake(tx, latestIntakeId);
    if (!latest || !planAccess(root, latest, await getRecovery(tx, root.id)).open) return { status: "closed" };
    const history = await listRunPlanCheckins(tx, plan.id);
    if (history.length !== seen) return { status: "closed" };
    const weeksAtStage = calendarWeeks(plan.stageStartedAt, now);
    const decision = decide({ stage: plan.stage, weeksAtStage, checkin: parsed.data });
    await insertRunPlanCheckin(tx, {
      planId: plan.id,
      stage: plan.stage,
      answers: parsed.data,
      decision: {
        action: decision.action,
        stage: decision.stage,
        completed: decision.completed,
        reasons: decision.reasons,
        message: decision.message,
        version: PROGRAMME_VERSION,
      },
      createdAt: now,
    });
    const ended = decision.action === "stop" || decision.completed;
    await updateRunPlan(tx, plan.id, {
      lastCheckinAt: now,
      ...(decision.stage !== plan.stage ? { stage: decision.stage, stageStartedAt: now } : {}),
      ...(ended ? { status: decision.completed ? "completed" : "stopped", endedAt: now } : {}),
    });
    if (ended) await cancelEpisodeEmails(tx, { intakeIds: [root.id], kinds: ["run_plan_week"] });
    else await nextWeekEmail(tx, { rootId: root.id, patientId, from: now });
    if (decision.staffReview)
      await markForReview(tx, { intakeId: latestIntakeId, reason: "run_plan_stopped", due: clock.reviewDue(now) });
    await recordAudit(tx, {
      actor: null,
      action: "run_plan_checkin",
      subjectType: "intake",
      subjectId: root.id,
      after: {
        planId: plan.id,
        stage: plan.stage,
        action: decision.action,
        nextStage: decision.stage,
        completed: decision.completed,
      },
    });
    return { status: "decided", decision };
  });
}
