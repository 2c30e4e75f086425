// Words for the "Legs" page: the legs section of the contract.
import type { SectionCopy } from "./types";
import type { IntakeAnswers } from "@/lib/triage";

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
    hint: "If you have no leg pain, answer no.",
  },
  numbnessOrTingling: {
    kind: "yes_no",
    label: "Do you have numbness, tingling or pins and needles in a leg or foot?",
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
    label: "Have your legs stopped working properly when you walk, not just because walking hurts?",
    hint: "For example, you have become unsteady on your feet, or your legs feel clumsy or give way. This is new for you.",
  },
  armOrHandSymptoms: {
    kind: "yes_no",
    label: "Have you had new weakness or numbness in an arm or hand?",
  },
};
