// Words for the "Your legs, arms and hands" page: the legs section of the contract (the first
// half of the nerve check). Each symptom the patient has gets its own "When did this start?".
import type { SectionCopy } from "./types";
import type { IntakeAnswers } from "@/lib/triage";

/** How to answer every "When did this start?" question, in days. */
export const ONSET_HINT =
  "Enter the number of days ago. For example, 0 for today, 7 for a week ago, or 30 for a month ago.";

const since = (label: string, hint = ONSET_HINT) =>
  ({ kind: "number", label, hint, suffix: "days ago", unknownLabel: "I don't know" }) as const;

/** The leg pain question when pain goes below the knee in both legs: counted from when both legs hurt. */
export const LEG_PAIN_BOTH_SINCE = since(
  "When did the pain start going below the knee in both legs?",
  `Count from when both legs started to hurt. ${ONSET_HINT}`,
);

export const LEGS_QUESTIONS: SectionCopy<IntakeAnswers["legs"]> = {
  legPain: {
    kind: "choice",
    label: "Does pain go down into your legs?",
    options: {
      none: { label: "No, it stays in my back or buttocks" },
      above_knee: { label: "Yes, but it stays above the knee" },
      below_knee_one_side: { label: "Yes, below the knee in one leg" },
      below_knee_both_sides: { label: "Yes, below the knee in both legs" },
    },
  },
  legPainWorseThanBack: {
    kind: "yes_no",
    label: "Is the pain in your leg worse than the pain in your back?",
  },
  numbnessOrTingling: {
    kind: "yes_no",
    label: "Do you have numbness, tingling or pins and needles in a leg or foot?",
  },
  numbnessLegs: {
    kind: "choice",
    label: "Is it in one leg, both legs, or are you not sure?",
    options: {
      one_leg: { label: "One leg" },
      both_legs: { label: "Both legs" },
      unsure: { label: "Not sure" },
    },
  },
  weakness: {
    kind: "choice",
    label: "Does either leg feel weak?",
    hint: "For example, your foot drags or slaps down, you cannot stand on tiptoe, or your knee gives way.",
    options: {
      none: { label: "No" },
      one_leg_stable: { label: "Yes, one leg, and it is staying the same" },
      one_leg_worsening: { label: "Yes, one leg, and it is getting worse" },
      both_legs: { label: "Yes, both legs" },
    },
  },
  difficultyWalking: {
    kind: "yes_no",
    label: "Has your walking changed, not just because walking hurts?",
    hint: "For example, you feel unsteady, a foot catches or drags, or your legs get heavy after a short walk.",
  },
  walkingKinds: {
    kind: "multi_choice",
    label: "Which of these describe it?",
    hint: "Tick all that apply.",
    options: {
      unsteady: {
        label: "I feel unsteady or off balance, or my legs feel clumsy, stiff or not under my control",
      },
      one_leg_gives_way: { label: "One foot catches, slaps or drags, or one leg gives way" },
      heavy_after_distance: {
        label: "My legs get heavy, weak, tired or numb after walking a distance",
        hint: "They get better when I sit down or bend forward.",
      },
      unsure: { label: "I'm not sure" },
    },
    exclusive: "unsure",
  },
  armOrHandSymptoms: {
    kind: "yes_no",
    label: "Do you have new weakness, clumsiness, numbness or tingling in an arm or hand?",
  },
  armHandSide: {
    kind: "choice",
    label: "Is it in one arm or hand, or both?",
    options: {
      one_side: { label: "One arm or hand" },
      both_sides: { label: "Both arms or hands" },
      unsure: { label: "Not sure" },
    },
  },
  armHandKind: {
    kind: "choice",
    label: "Which describes it best?",
    options: {
      weakness_or_clumsiness: {
        label: "Weakness or clumsiness",
        hint: "For example, dropping things, or trouble doing up buttons.",
      },
      numbness_or_tingling: { label: "Numbness or tingling, without weakness or clumsiness" },
      night_tingling_only: {
        label: "Tingling or numbness in the fingers, mainly at night or when I wake up",
        hint: "It goes away when I shake or move my hand, and my hand is not weak.",
      },
      unsure: { label: "Not sure" },
    },
  },
  onsetDays: {
    legPain: since("When did the pain below your knee start?"),
    numbness: since(
      "When did the numbness or tingling start?",
      `If it is in both legs, count from when it started in both. ${ONSET_HINT}`,
    ),
    weakness: since("When did the weakness start?"),
    walking: since("When did your walking change?"),
    armOrHand: since("When did the arm or hand problem start?"),
  },
  worsening: {
    kind: "yes_no",
    label: "Are any of these leg, arm or hand problems getting worse?",
    unknownLabel: "I don't know",
  },
};
