// Words for the "Running" page: the running section of the contract. isRunner is asked of everyone
// and the pain on arching backwards of everyone aged 18 or under; the form shows the rest to runners.
import type { SectionCopy } from "./types";
import type { IntakeAnswers } from "@/lib/triage";

/** The distance question for a clinic that works in miles (the answer is stored in km). */
export const MILES_PER_WEEK_QUESTION = {
  kind: "number",
  label: "About how many miles do you run in a normal week?",
  hint: "1 km is about 0.6 miles.",
  suffix: "miles a week",
  unknownLabel: "I don't know",
} as const;

/** The range a miles answer must fall in: the stored km range (0 to 500), in whole miles. */
export const MILES_RANGE_ERROR = "Enter a distance from 0 to 310 miles a week";
export const MILES_MISSING_ERROR = "Enter how many miles you run a week, or leave it empty";

export const RUNNING_QUESTIONS: SectionCopy<IntakeAnswers["running"]> = {
  isRunner: {
    kind: "yes_no",
    label: "Do you run regularly?",
    hint: "For example, most weeks, for fitness, sport or races.",
  },
  kmPerWeek: {
    kind: "number",
    label: "About how many kilometres do you run in a normal week?",
    hint: "1 mile is about 1.6 km.",
    suffix: "km a week",
    unknownLabel: "I don't know",
  },
  recentLoadIncrease: {
    kind: "yes_no",
    label: "In the last 4 to 6 weeks, have you suddenly done a lot more running, or harder running?",
    hint: "For example, running further, adding speed sessions or hills, or running on a new surface.",
  },
  painOnHopping: {
    kind: "yes_no",
    label: "Have you noticed pain in your back, buttock, hip or groin when you hop, land or jump?",
    hint:
      "For example, each time your foot lands when you run, or when you step down off a kerb. " +
      "Please do not hop to find out: just tell us what you have noticed.",
  },
  limpOrPainOnWalking: {
    kind: "yes_no",
    label: "Do you limp, or does your hip, groin or buttock hurt when you walk?",
  },
  painOnExtension: {
    kind: "yes_no",
    label: "Does it hurt when you arch your back by leaning backwards?",
  },
  lowEnergyOrMenstrualChanges: {
    kind: "yes_no",
    label:
      "Do any of these apply to you: periods that have stopped or become irregular, strict limits on what you eat, or a low body weight?",
    hint: "These can make bones weaker in people who train a lot.",
  },
  priorBoneStressInjury: {
    kind: "yes_no",
    label: "Have you ever had a stress fracture or another bone stress injury?",
    hint: "This is a small crack or strain in a bone caused by repeated impact, such as running.",
  },
};
