// The weekly check-in and what it means for next week. Pure: plain data in, plain data out, no clock.
import { z } from "zod";
import { section, wholeNumber, yesNo } from "@/lib/triage/schema-parts";
import { STAGES, stageAt } from "./stages";

/** Where the pain went during or after this week's sessions. */
export const PAIN_WENT = ["spread_down_leg", "stayed", "towards_spine", "none"] as const;
export type PainWent = (typeof PAIN_WENT)[number];

export const PAIN_WENT_WORDS: Record<PainWent, string> = {
  spread_down_leg: "It spread into my buttock, leg or foot",
  stayed: "It stayed in the same place",
  towards_spine: "It moved back towards the middle of my back",
  none: "I had no pain",
};

/*
 * Signs that stop the plan until a clinician has looked. The first 4 can point to a bone stress
 * injury (a strain or small crack in a bone from repeated impact); the last 4 are red flags that
 * need medical help the same day, whatever the pain scores say.
 */
const BONE_STRESS_SIGNS = ["hop_landing_pain", "limp", "sore_spot_on_bone", "night_or_rest_pain"] as const;
const RED_FLAG_SIGNS = ["saddle_numbness", "bladder_bowel_change", "new_leg_weakness", "unwell_with_fever"] as const;

export const WARNING_SIGNS = [...BONE_STRESS_SIGNS, ...RED_FLAG_SIGNS] as const;
export type WarningSign = (typeof WARNING_SIGNS)[number];

export const WARNING_SIGN_WORDS: Record<WarningSign, string> = {
  hop_landing_pain: "Pain when your foot lands, or when you hop",
  limp: "Walking with a limp",
  sore_spot_on_bone: "A spot on a bone that hurts when you press it",
  night_or_rest_pain: "Pain at night or while resting that does not settle",
  saddle_numbness: "Numbness or tingling between your legs or around your bottom",
  bladder_bowel_change: "New trouble with peeing or pooing, such as leaking or not feeling it",
  new_leg_weakness: "New weakness in a leg, or a foot that catches or drags",
  unwell_with_fever: "Feeling unwell with a fever or shivers",
};

/** True for the red-flag signs (medical help the same day), false for the bone-stress signs. */
export function isRedFlagSign(s: WarningSign): boolean {
  return (RED_FLAG_SIGNS as readonly WarningSign[]).includes(s);
}

const painScore = (when: string) =>
  wholeNumber(0, 10, `Choose a number from 0 to 10 for your pain ${when}`, "Choose a number from 0 to 10");

/** The weekly check-in's answers. Unknown fields are refused, never dropped. */
export const programmeCheckinSchema = section(
  {
    painDuring: painScore("while you were active"),
    painNextMorning: painScore("the next morning"),
    painWent: z.enum(PAIN_WENT, { error: "Choose where your pain went" }),
    goalDone: yesNo(),
    warningSigns: z
      .array(z.enum(WARNING_SIGNS, { error: "Choose signs from the list" }), {
        error: "Tick any signs you noticed, or none",
      })
      .max(WARNING_SIGNS.length, { error: "Tick each sign only once" })
      .refine((signs) => new Set(signs).size === signs.length, { error: "Tick each sign only once" }),
  },
  "Answer the questions about this week",
);
export type ProgrammeCheckin = z.output<typeof programmeCheckinSchema>;

export type DecisionAction = "progress" | "repeat" | "step_back" | "stop";

export type DecisionReason =
  | "red_flag_sign"
  | "bone_stress_sign"
  | "spreading_pain"
  | "morning_pain_over_limit"
  | "pain_during_over_limit"
  | "goal_not_done"
  | "too_soon"
  | "all_clear"
  | "completed";

/** Short words for staff, one per reason. */
export const REASON_WORDS: Record<DecisionReason, string> = {
  red_flag_sign: "Red-flag sign reported",
  bone_stress_sign: "Possible bone stress sign reported",
  spreading_pain: "Pain spread into buttock, leg or foot",
  morning_pain_over_limit: "Next-morning pain over the stage limit",
  pain_during_over_limit: "Pain during sessions over the stage limit",
  goal_not_done: "Week's goal not done",
  too_soon: "Not yet the stage's minimum weeks",
  all_clear: "All clear",
  completed: "Plan completed",
};

export type Decision = {
  action: DecisionAction;
  /** The stage for next week: the same for repeat and stop, +1 for progress, -1 for a step back (never below 1). */
  stage: number;
  /** True when the last stage was passed: the plan is done. */
  completed: boolean;
  reasons: DecisionReason[];
  /** What to tell the patient: 1 or 2 sentences. */
  message: string;
  /** True exactly when action is "stop": a clinician looks before the plan goes on. */
  staffReview: boolean;
};

const STOP_MESSAGES: Record<"red_flag_sign" | "bone_stress_sign" | "other", string> = {
  red_flag_sign:
    "Please stop running and get medical help today. If you have numbness between your legs, or new trouble with peeing or pooing, go to an emergency department now.",
  bone_stress_sign:
    "Please stop running and jumping for now, and keep to gentle walking that does not hurt. A clinician will look at your answers and we will be in touch.",
  other:
    "Please stop running for now and keep walking gently. A clinician will look at your answers and we will be in touch.",
};

/**
 * Next week's step from this week's check-in. First match wins: warning signs, pain spreading
 * down the leg or next-morning pain over the limit stop the plan for a clinician; pain during
 * sessions over the limit steps back a stage; a goal not done (or too few weeks) repeats;
 * anything else moves on. Pain moving back towards the spine counts as all clear (the seed's
 * rule: it is getting better), as long as the scores stay within the limit.
 * `weeksAtStage` counts the weeks spent at this stage, the week being reported included.
 */
export function decide(input: { stage: number; weeksAtStage: number; checkin: ProgrammeCheckin }): Decision {
  const stage = stageAt(input.stage);
  const { checkin } = input;
  const limit = stage.painLimit;
  // Negated comparisons: a missing or NaN score (never after the schema) fails safe.
  const morningOver = !(checkin.painNextMorning <= limit);
  const duringOver = !(checkin.painDuring <= limit);

  const stopReasons: DecisionReason[] = [];
  if (checkin.warningSigns.some(isRedFlagSign)) stopReasons.push("red_flag_sign");
  if (checkin.warningSigns.some((s) => !isRedFlagSign(s))) stopReasons.push("bone_stress_sign");
  if (checkin.painWent === "spread_down_leg") stopReasons.push("spreading_pain");
  if (morningOver) stopReasons.push("morning_pain_over_limit");
  if (stopReasons.length > 0) {
    const first = stopReasons[0];
    const message =
      first === "red_flag_sign" || first === "bone_stress_sign" ? STOP_MESSAGES[first] : STOP_MESSAGES.other;
    return { action: "stop", stage: stage.number, completed: false, reasons: stopReasons, message, staffReview: true };
  }

  if (duringOver) {
    const back = stageAt(stage.number - 1);
    const message =
      back.number === stage.number
        ? `Stay on stage 1 next week, and walk a little slower or for less time, because your pain went above ${limit} out of 10. Easing off for a while is a normal part of getting back.`
        : `Go back to stage ${back.number}, "${back.title}", next week, because your pain went above ${limit} out of 10. Easing off for a while is a normal part of getting back.`;
    return {
      action: back.number === stage.number ? "repeat" : "step_back",
      stage: back.number,
      completed: false,
      reasons: ["pain_during_over_limit"],
      message,
      staffReview: false,
    };
  }

  const repeatReasons: DecisionReason[] = [];
  if (!checkin.goalDone) repeatReasons.push("goal_not_done");
  const weeks = Number.isFinite(input.weeksAtStage) ? input.weeksAtStage : 0;
  if (weeks < stage.minWeeks) repeatReasons.push("too_soon");
  if (repeatReasons.length > 0) {
    const message = checkin.goalDone
      ? `Stay on stage ${stage.number} for 1 more week before you move on. Taking it steadily helps your back settle.`
      : `Stay on stage ${stage.number} next week and aim for the same goal. It is normal for some weeks to take longer.`;
    return {
      action: "repeat",
      stage: stage.number,
      completed: false,
      reasons: repeatReasons,
      message,
      staffReview: false,
    };
  }

  const centralising =
    checkin.painWent === "towards_spine" ? " Pain moving back towards the middle of your back is a good sign." : "";
  if (stage.number === STAGES.length) {
    return {
      action: "progress",
      stage: stage.number,
      completed: true,
      reasons: ["completed"],
      message: `Well done: you have finished the plan.${centralising || " Keep doing your exercise cards 2 or 3 times a week to help keep your back strong."}`,
      staffReview: false,
    };
  }
  const next = stageAt(stage.number + 1);
  return {
    action: "progress",
    stage: next.number,
    completed: false,
    reasons: ["all_clear"],
    message: `Well done: move on to stage ${next.number}, "${next.title}", next week.${centralising}`,
    staffReview: false,
  };
}
