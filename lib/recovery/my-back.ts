// The private "My back" page (issue 20): what it shows of the patient's latest episode, and the
// patient's own actions there (choosing the activities to track, stopping recovery emails, asking
// for a new link). Staff actions on an episode (discharge, clearing for the running plan) are here too.
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { ATTEMPT_PREFIX, countAttempt } from "@/db/queries/rate-limits";
import {
  cancelEpisodeEmails,
  findLivePatient,
  getEpisodeIntake,
  getRecovery,
  getRecoveryContact,
  latestEpisodeRoot,
  listEpisodeIntakes,
  listMyAppointments,
  lockRecovery,
  restartRecoveryEmails,
  stopRecoveryEmails,
  updateRecovery,
} from "@/db/queries/recovery";
import { hashManageToken } from "@/lib/booking/book";
import { recoverManageToken } from "@/lib/booking/manage-link";
import { fieldErrors } from "@/lib/forms";
import { queueMyBackLink, queueRecoveryCheckin, queueRunPlanWeek, RECOVERY_KINDS } from "@/lib/notifications/queue";
import { activitiesSchema, progressSeries, type Baseline, type CheckinScore, type ProgressPoint } from "@/lib/outcomes";
import type { Actor } from "@/lib/staff/cases";
import { episodeBaseline, scoresOf } from "./checkin";
import { episodeCheckins } from "./episode";
import { planAccess, readPlan, type PlanAccess } from "./run-plan";

/** Everything My back shows, for the patient `patientId` at `now`; null when they have no episode. */
export async function myBackView(db: Db, patientId: string, now: Date) {
  const contact = await getRecoveryContact(db, patientId);
  const root = contact ? await latestEpisodeRoot(db, patientId) : null;
  if (!contact || !root || root.erasedAt) return null;
  const [intakes, recovery, appointmentRows] = await Promise.all([
    listEpisodeIntakes(db, root),
    getRecovery(db, root.id),
    listMyAppointments(db, patientId),
  ]);
  const latest = intakes[0] ?? root;
  const { checkins, open } = await episodeCheckins(db, root.id, recovery, now);
  const baseline = episodeBaseline(root, recovery);
  const scores = scoresOf(checkins);
  const plan = await readPlan(db, root.id);
  const appointments = await Promise.all(
    appointmentRows.map(async (a) => {
      const upcoming = a.status === "booked" && a.startsAt.getTime() > now.getTime();
      let manageUrl: string | null = null;
      if (upcoming && a.manageTokenHash) {
        const token = await recoverManageToken(db, { seriesId: a.seriesId, manageTokenHash: a.manageTokenHash });
        if (hashManageToken(token) === a.manageTokenHash) manageUrl = `/appointments/manage/${token}`;
      }
      return { ...a, upcoming, manageUrl };
    }),
  );
  return {
    contact,
    root,
    latest,
    recovery,
    appointments,
    checkins,
    open,
    next: checkins.find((c) => c.dueAt.getTime() > now.getTime() && !recovery?.dischargedAt) ?? null,
    baseline,
    scores,
    series: progressSeries(baseline, scores),
    plan,
    planAccess: planAccess(root, latest, recovery) as PlanAccess,
  };
}

export type MyBackView = NonNullable<Awaited<ReturnType<typeof myBackView>>>;
export type { Baseline, CheckinScore, ProgressPoint };

/**
 * The activities the patient tracks (1 to 3, each rated now), chosen once per episode: the ratings
 * are the baseline later check-ins compare with. Returns "invalid" with field errors, or "saved".
 */
export async function chooseActivities(
  db: Db,
  { patientId, input, now }: { patientId: string; input: unknown; now: Date },
): Promise<
  { status: "saved" | "not_found" | "already_chosen" } | { status: "invalid"; fieldErrors: Record<string, string[]> }
> {
  const parsed = activitiesSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrors(parsed.error) };
  return db.transaction(async (tx) => {
    const root = await latestEpisodeRoot(tx, patientId);
    if (!root || root.erasedAt) return { status: "not_found" as const };
    const recovery = await lockRecovery(tx, root.id);
    if (recovery.activities) return { status: "already_chosen" as const };
    await updateRecovery(tx, root.id, { activities: parsed.data, activitiesAt: now });
    await recordAudit(tx, {
      actor: null,
      action: "recovery_activities_chosen",
      subjectType: "intake",
      subjectId: root.id,
      after: { count: parsed.data.length },
    });
    return { status: "saved" as const };
  });
}

/** What "stop" and discharge withdraw: check-ins, plan steps, and the self-care two-week check-in. */
const STOPPABLE_KINDS = [...RECOVERY_KINDS, "self_care_checkin"] as const;

/** "Stop these emails": honoured at once (unsent check-ins and plan steps withdrawn). Audited. */
export async function stopEmails(db: Db, { patientId, now }: { patientId: string; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await stopRecoveryEmails(tx, { patientId, now }))) return;
    const root = await latestEpisodeRoot(tx, patientId);
    const withdrawn = root ? await cancelEpisodeEmails(tx, { intakeIds: [root.id], kinds: STOPPABLE_KINDS }) : 0;
    await recordAudit(tx, {
      actor: null,
      action: "recovery_emails_stopped",
      subjectType: "patient",
      subjectId: patientId,
      after: { withdrawn },
    });
  });
}

/**
 * Queues the episode's recovery emails still to come again (after the patient starts them again, or
 * a discharge is undone): its unanswered check-ins not yet due, and an active plan's next step a week
 * from now. Nothing when the patient stopped them or the episode is discharged.
 */
async function requeueRecoveryEmails(db: Db, { patientId, now }: { patientId: string; now: Date }): Promise<void> {
  const contact = await getRecoveryContact(db, patientId);
  const root = await latestEpisodeRoot(db, patientId);
  if (!contact || contact.stoppedAt || !root) return;
  await cancelEpisodeEmails(db, { intakeIds: [root.id], kinds: STOPPABLE_KINDS });
  const recovery = await getRecovery(db, root.id);
  if (recovery?.dischargedAt) return;
  const { checkins } = await episodeCheckins(db, root.id, recovery, now);
  for (const c of checkins)
    if (!c.answeredAt && c.dueAt.getTime() > now.getTime())
      await queueRecoveryCheckin(db, { intakeId: root.id, week: c.week, dueAt: c.dueAt, patient: contact });
  const plan = await readPlan(db, root.id);
  if (plan?.plan.status === "active")
    await queueRunPlanWeek(db, {
      intakeId: root.id,
      dueAt: new Date(now.getTime() + 7 * 24 * 3600_000),
      patient: contact,
    });
}

/** Starts recovery emails again (requeueRecoveryEmails). Audited. */
export async function restartEmails(db: Db, { patientId, now }: { patientId: string; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    await restartRecoveryEmails(tx, patientId);
    await requeueRecoveryEmails(tx, { patientId, now });
    await recordAudit(tx, {
      actor: null,
      action: "recovery_emails_restarted",
      subjectType: "patient",
      subjectId: patientId,
      after: {},
    });
  });
}

/** Requests for a new link per client per hour. */
const LINK_REQUESTS_PER_HOUR = 5;

/**
 * "Send me a new link": when the email and date of birth match a patient, a new link goes to the
 * email on file. The answer is the same whether or not they match (no one learns who is a patient);
 * too many requests from one client are refused.
 */
export async function requestMyBackLink(
  db: Db,
  { email, dateOfBirth, client, now }: { email: string; dateOfBirth: string; client: string; now: Date },
): Promise<{ status: "sent" | "rate_limited" }> {
  // An hour's window: counted as the sign-in throttle's are (ATTEMPT_PREFIX buckets, kept two hours);
  // hitRateLimit's counters are pruned ten minutes after their window starts, which would reset it.
  const hit = await countAttempt(db, {
    bucket: `${ATTEMPT_PREFIX}my-back:${client}`,
    limit: LINK_REQUESTS_PER_HOUR,
    windowSeconds: 3600,
    now,
  });
  if (!hit.allowed) return { status: "rate_limited" };
  await db.transaction(async (tx) => {
    const patient = await findLivePatient(tx, { email, dateOfBirth });
    if (!patient) return;
    await queueMyBackLink(tx, { patient, now });
    await recordAudit(tx, {
      actor: null,
      action: "my_back_link_sent",
      subjectType: "patient",
      subjectId: patient.id,
      after: {},
    });
  });
  return { status: "sent" };
}

/** Staff: discharge the episode (no more check-ins; unsent ones withdrawn), or undo it. Audited. */
export async function setDischarged(
  db: Db,
  actor: Actor,
  { rootId, discharged, now }: { rootId: string; discharged: boolean; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockRecovery(tx, rootId);
    await updateRecovery(
      tx,
      rootId,
      discharged ? { dischargedAt: now, dischargedBy: actor.id } : { dischargedAt: null, dischargedBy: null },
    );
    let withdrawn = 0;
    if (discharged) withdrawn = await cancelEpisodeEmails(tx, { intakeIds: [rootId], kinds: STOPPABLE_KINDS });
    else {
      const root = await getEpisodeIntake(tx, rootId);
      if (root) await requeueRecoveryEmails(tx, { patientId: root.patientId, now });
    }
    await recordAudit(tx, {
      actor,
      action: discharged ? "patient_discharged" : "patient_discharge_undone",
      subjectType: "intake",
      subjectId: rootId,
      after: { withdrawn },
    });
  });
}

/** Staff: a clinician clears the episode for the return-to-run plan. Audited. */
export async function clearForRunPlan(db: Db, actor: Actor, { rootId, now }: { rootId: string; now: Date }) {
  await db.transaction(async (tx) => {
    const recovery = await lockRecovery(tx, rootId);
    if (recovery.runPlanClearedAt) return;
    await updateRecovery(tx, rootId, { runPlanClearedAt: now, runPlanClearedBy: actor.id });
    await recordAudit(tx, { actor, action: "run_plan_cleared", subjectType: "intake", subjectId: rootId, after: {} });
  });
}
