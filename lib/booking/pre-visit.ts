// The pre-visit safety check (issue 19), through its private link: the red-flag questions of the
// manage page's recheck again, and how things are compared with the form (much better / a bit
// better / the same / worse). Something worse re-grades the intake exactly as the recheck does (a new
// linked intake, the same advice and escalation); "much better" may give the time back, which
// cancels the appointment by the patient's own cancel path and so frees it for the waitlist.
// Each answer locks the check's row: a link is answered once.
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { getIntake } from "@/db/queries/intakes";
import { findCheckByTokenHash, markCheckGaveBack, recordCheckAnswers, type FoundCheck } from "@/db/queries/pre-visit";
import { CAUDA_QUESTIONS, LEGS_QUESTIONS, PAIN_QUESTIONS } from "@/lib/content";
import { fieldErrors } from "@/lib/forms";
import { hashCheckToken } from "@/lib/notifications/queue";
import { CAUDA_ITEMS, caudaReported, type IntakeAnswers, type Level } from "@/lib/triage";
import { hashManageToken } from "./book";
import { cancelBooked, cutoffHours } from "./manage";
import { recoverManageToken } from "./manage-link";
import { recheckSchema, regradeAppointment, type Recheck } from "./regrade";
import { forgetOffers } from "./schedule";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** How things are compared with when the patient filled in the form. */
export const TRENDS = ["much_better", "better", "same", "worse"] as const;
export type Trend = (typeof TRENDS)[number];

/** The trend in words, as the page asks it and staff read it. */
export const TREND_WORDS: Record<Trend, string> = {
  much_better: "Much better",
  better: "A bit better",
  same: "About the same",
  worse: "Worse",
};

/** The check's answers: the recheck's red-flag questions and pain, and the trend. */
export const preVisitAnswersSchema = recheckSchema.extend({
  trend: z.enum(TRENDS, { error: "Choose how you are now, compared with when you filled in the form" }),
});
export type PreVisitAnswers = z.output<typeof preVisitAnswersSchema>;

/** One question of the check: its form name (the answers' path), words and choices (value, words). */
export type CheckQuestion = { name: string; label: string; hint?: string; options: [string, string][] };

const choices = (o: Record<string, { label: string }>) =>
  Object.entries(o).map(([value, x]) => [value, x.label] as [string, string]);

/** The check's questions, in order: the recheck's red-flag questions and pain, then the trend. */
export const CHECK_QUESTIONS: readonly CheckQuestion[] = [
  ...(["saddleNumbness", "bladderChange", "bowelChange", "sexualFunctionChange"] as const).map((k) => ({
    name: `cauda.${k}`,
    label: CAUDA_QUESTIONS[k].label,
    options: choices(CAUDA_QUESTIONS[k].options),
  })),
  { name: "legs.weakness", label: LEGS_QUESTIONS.weakness.label, options: choices(LEGS_QUESTIONS.weakness.options) },
  {
    name: "legs.difficultyWalking",
    label: LEGS_QUESTIONS.difficultyWalking.label,
    options: [
      ["yes", "Yes"],
      ["no", "No"],
    ],
  },
  { name: "pain.pattern", label: PAIN_QUESTIONS.pattern.label, options: choices(PAIN_QUESTIONS.pattern.options) },
  {
    name: "pain.intensity",
    label: PAIN_QUESTIONS.intensity.label,
    hint: PAIN_QUESTIONS.intensity.scale
      ? `${PAIN_QUESTIONS.intensity.scale.low}, ${PAIN_QUESTIONS.intensity.scale.high}.`
      : undefined,
    options: Array.from({ length: 11 }, (_, i) => [String(i), String(i)] as [string, string]),
  },
  {
    name: "trend",
    label: "Overall, how are you now, compared with when you filled in the form?",
    options: TRENDS.map((t) => [t, TREND_WORDS[t]] as [string, string]),
  },
];

/** The posted form's values, one string per question (missing: ""). */
export function checkValues(get: (name: string) => unknown): Record<string, string> {
  return Object.fromEntries(
    CHECK_QUESTIONS.map((q) => {
      const v = get(q.name);
      return [q.name, typeof v === "string" ? v.trim().slice(0, 40) : ""];
    }),
  );
}

/** The values as the answers' shape (for preVisitAnswersSchema; a blank stays missing). */
export function checkInput(values: Record<string, string>): unknown {
  const v = (name: string) => values[name] || undefined;
  const walking = values["legs.difficultyWalking"];
  const intensity = values["pain.intensity"];
  return {
    cauda: {
      saddleNumbness: v("cauda.saddleNumbness"),
      bladderChange: v("cauda.bladderChange"),
      bowelChange: v("cauda.bowelChange"),
      sexualFunctionChange: v("cauda.sexualFunctionChange"),
    },
    legs: {
      weakness: v("legs.weakness"),
      difficultyWalking: walking === "yes" ? true : walking === "no" ? false : walking || undefined,
    },
    pain: {
      intensity: intensity && /^\d{1,2}$/.test(intensity) ? Number(intensity) : intensity || undefined,
      pattern: v("pain.pattern"),
    },
    trend: v("trend"),
  };
}

/** Each answer in words, in the check's order (an answer with no words shows as given). */
export function answerRows(answers: PreVisitAnswers): { name: string; question: string; answer: string }[] {
  const flat: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(answers.cauda).map(([k, x]) => [`cauda.${k}`, x])),
    "legs.weakness": answers.legs.weakness,
    "legs.difficultyWalking": answers.legs.difficultyWalking ? "yes" : "no",
    "pain.pattern": answers.pain.pattern,
    "pain.intensity": String(answers.pain.intensity),
    trend: answers.trend,
  };
  return CHECK_QUESTIONS.map((q) => {
    const value = String(flat[q.name]);
    const words = q.options.find(([v]) => v === value)?.[1] ?? value;
    return { name: q.name, question: q.label, answer: q.name === "pain.intensity" ? `${words} out of 10` : words };
  });
}

/** Why patients give a time back here, as the cancelled appointment records it. */
export const GIVE_BACK_REASON = "Feeling better (pre-visit check)";

const WEAKNESS_ORDER = ["none", "one_leg_stable", "one_leg_worsening", "both_legs"] as const;
const WORSE_PATTERNS = new Set(["worsening", "peripheralising"]);

/**
 * Whether the answers say something got worse since the form, so the intake is re-graded: the
 * patient says so, or a red flag is new (a cauda item or difficulty walking now reported, weaker
 * legs, pain now getting worse or spreading down a leg). The rules then decide what it means; an
 * unchanged or better answer re-grades nothing (the recheck reads every answer as "getting worse").
 */
export function somethingWorse(before: IntakeAnswers, now: Recheck, trend: Trend): boolean {
  if (trend === "worse") return true;
  if (!before.cauda || !before.legs) return false; // an early submission: never booked
  if (CAUDA_ITEMS.some((item) => caudaReported(now.cauda[item]) && !caudaReported(before.cauda![item]))) return true;
  if (WEAKNESS_ORDER.indexOf(now.legs.weakness) > WEAKNESS_ORDER.indexOf(before.legs.weakness)) return true;
  if (now.legs.difficultyWalking && !before.legs.difficultyWalking) return true;
  return WORSE_PATTERNS.has(now.pain.pattern) && now.pain.pattern !== before.pain.pattern;
}

/** Whether a check's answers offer the time back: much better, nothing worse (no re-grade), not given back yet. */
function offersGiveBack(check: FoundCheck, answers: PreVisitAnswers | null): boolean {
  return answers?.trend === "much_better" && !check.regradeIntakeId && !check.gaveBackAt;
}

/** A stored check's answers, or null when they do not read as this version's (never thrown). */
export function storedAnswers(answers: unknown): PreVisitAnswers | null {
  const parsed = preVisitAnswersSchema.safeParse(answers);
  return parsed.success ? parsed.data : null;
}

export type CheckView =
  | { status: "not_found" }
  /** Waiting for its answers. */
  | { status: "open"; check: FoundCheck }
  /** Answered: what was said, and whether the time can still be given back online. */
  | {
      status: "answered";
      check: FoundCheck;
      answers: PreVisitAnswers | null;
      canGiveBack: boolean;
      tooLate: boolean;
      /** Something got worse, but the first answers were to an older form: not re-graded; the whole form is needed. */
      refill: boolean;
    }
  /** Not answered, and the appointment was cancelled or moved (a new check comes for the new time) or has begun. */
  | { status: "closed"; check: FoundCheck; why: "cancelled" | "moved" | "past" };

/** The check a link opens, and how it stands. */
export async function readCheck(db: Db, token: string, now: Date): Promise<CheckView> {
  if (!TOKEN.test(token)) return { status: "not_found" }; // not one of ours: no query
  const check = await findCheckByTokenHash(db, hashCheckToken(token));
  if (!check || check.erasedAt) return { status: "not_found" };
  if (check.answeredAt) {
    const answers = storedAnswers(check.answers);
    const beforeCutoff = check.startsAt.getTime() - now.getTime() >= (await cutoffHours(db)) * 3600_000;
    const offered = offersGiveBack(check, answers) && check.status === "booked";
    // Worse but not re-graded: only when the first answers were to an older form (see answerCheck).
    let refill = false;
    if (answers && !check.regradeIntakeId) {
      const intake = await getIntake(db, check.intakeId);
      const { trend, ...recheck } = answers;
      refill = !!intake && somethingWorse(intake.answers as IntakeAnswers, recheck, trend);
    }
    return {
      status: "answered",
      check,
      answers,
      canGiveBack: offered && beforeCutoff,
      tooLate: offered && !beforeCutoff,
      refill,
    };
  }
  if (check.status === "rescheduled") return { status: "closed", check, why: "moved" };
  if (check.status !== "booked") return { status: "closed", check, why: "cancelled" };
  if (check.startsAt.getTime() <= now.getTime()) return { status: "closed", check, why: "past" };
  return { status: "open", check };
}

export type AnswerResult =
  | { status: "not_found" }
  | { status: "already_answered" }
  | { status: "closed" }
  | { status: "invalid"; fieldErrors: Record<string, string[]> }
  | {
      status: "answered";
      /** The new grade when something got worse; `canBook` false: the patient is shown its advice (go now, or we will call). */
      regrade: { intakeId: string; level: Level; canBook: boolean } | null;
      /** Something got worse but the first answers were to an older form: the whole form is needed again. */
      refill: boolean;
    };

/**
 * Answers a check, once: the answers are stored; something worse re-grades the appointment's intake
 * as the manage page's recheck does (a new linked intake, with its escalation; the appointment stays
 * booked). Audited without the answers (the check, the re-grade and its level, as the recheck).
 */
export async function answerCheck(
  db: Db,
  { token, input, now }: { token: string; input: unknown; now: Date },
): Promise<AnswerResult> {
  if (!TOKEN.test(token)) return { status: "not_found" };
  const tokenHash = hashCheckToken(token);
  if (!(await findCheckByTokenHash(db, tokenHash))) return { status: "not_found" };
  const parsed = preVisitAnswersSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { trend, ...recheck } = parsed.data;

  class Invalid extends Error {
    constructor(readonly fieldErrors: Record<string, string[]>) {
      super("invalid");
    }
  }
  try {
    return await db.transaction(async (tx): Promise<AnswerResult> => {
      const check = await findCheckByTokenHash(tx, tokenHash, { lock: true });
      if (!check || check.erasedAt) return { status: "not_found" };
      if (check.answeredAt) return { status: "already_answered" };
      if (check.status !== "booked" || check.startsAt.getTime() <= now.getTime()) return { status: "closed" };
      const intake = await getIntake(tx, check.intakeId);
      if (!intake) return { status: "not_found" };
      let regrade: Extract<AnswerResult, { status: "answered" }>["regrade"] = null;
      let refill = false;
      if (somethingWorse(intake.answers as IntakeAnswers, recheck, trend)) {
        const result = await regradeAppointment(tx, {
          appointment: { id: check.appointmentId, intakeId: check.intakeId },
          recheck,
          now,
          via: "pre_visit_check",
        });
        if (result.status === "invalid") throw new Invalid(result.fieldErrors);
        if (result.status === "not_found") return { status: "not_found" };
        if (result.status === "refill") refill = true;
        else regrade = { intakeId: result.intakeId, level: result.level, canBook: result.canBook };
      }
      if (
        !(await recordCheckAnswers(tx, {
          id: check.id,
          answers: parsed.data,
          regradeIntakeId: regrade?.intakeId ?? null,
          now,
        }))
      )
        return { status: "already_answered" };
      await recordAudit(tx, {
        actor: null,
        action: "pre_visit_check_answered",
        subjectType: "appointment",
        subjectId: check.appointmentId,
        after: {
          checkId: check.id,
          regradeIntakeId: regrade?.intakeId ?? null,
          ...(regrade ? { level: regrade.level } : {}),
        },
      });
      return { status: "answered", regrade, refill };
    });
  } catch (error) {
    if (error instanceof Invalid) return { status: "invalid", fieldErrors: error.fieldErrors };
    throw error;
  }
}

export type GiveBackResult =
  | { status: "given_back" }
  /** Not offered: not answered "much better", something got worse, or already given back. */
  | { status: "not_offered" }
  | { status: "too_late" }
  /** The appointment is no longer booked (cancelled or moved meanwhile). */
  | { status: "closed" }
  | { status: "not_found" };

/**
 * "Much better": gives the time back. The appointment is cancelled by the patient's cancel path
 * (before the cut-off; the patient is told, its emails withdrawn, audited) with the reason "Feeling
 * better (pre-visit check)", so the database frees the time for the waitlist; the check records it.
 */
export async function giveTimeBack(db: Db, { token, now }: { token: string; now: Date }): Promise<GiveBackResult> {
  if (!TOKEN.test(token)) return { status: "not_found" };
  const result = await db.transaction(async (tx): Promise<GiveBackResult> => {
    const check = await findCheckByTokenHash(tx, hashCheckToken(token), { lock: true });
    if (!check || check.erasedAt) return { status: "not_found" };
    if (!check.answeredAt || !offersGiveBack(check, storedAnswers(check.answers))) return { status: "not_offered" };
    if (check.status !== "booked") return { status: "closed" };
    const hours = await cutoffHours(tx);
    if (check.startsAt.getTime() - now.getTime() < hours * 3600_000) return { status: "too_late" };
    const cancelled = await cancelBooked(
      tx,
      {
        id: check.appointmentId,
        startsAt: check.startsAt,
        endsAt: check.endsAt,
        clinicianId: check.clinicianId,
        clinicianName: check.clinicianName,
        intakeId: check.intakeId,
        typeId: check.typeId,
        seriesId: check.seriesId,
        sequence: check.sequence,
        email: check.email,
        firstName: check.firstName,
      },
      { reason: GIVE_BACK_REASON, now, cutoffHours: hours, by: { kind: "manage_link" } },
    );
    if (!cancelled) return { status: "closed" };
    await markCheckGaveBack(tx, { id: check.id, now });
    await recordAudit(tx, {
      actor: null,
      action: "pre_visit_time_given_back",
      subjectType: "appointment",
      subjectId: check.appointmentId,
      after: { checkId: check.id, status: "cancelled" },
    });
    return { status: "given_back" };
  });
  if (result.status === "given_back") forgetOffers(db);
  return result;
}

/**
 * The appointment's manage link for the check's page ("see you on …, change it here"): the one in
 * its emails, recovered from the outbox; null when it cannot be (the page then points to the email).
 */
export async function manageLinkOf(db: Db, check: FoundCheck): Promise<string | null> {
  if (!check.manageTokenHash || check.status !== "booked") return null;
  const token = await recoverManageToken(db, { seriesId: check.seriesId, manageTokenHash: check.manageTokenHash });
  return hashManageToken(token) === check.manageTokenHash ? `/appointments/manage/${token}` : null;
}
