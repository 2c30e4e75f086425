// Words for the "Running" page: the running section of the contract. Only isRunner is asked
// of everyone; the form shows the rest to runners.
import type { SectionCopy } from "./types";
import type { IntakeAnswers } from "@/lib/triage";

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
    label: "Does it hurt in your back or buttock when you hop on one leg?",
    hint: "Only try this if you feel safe to, holding on to something steady. If you have not tried, answer no.",
  },
  painOnExtension: {
    kind: "yes_no",
    label: "Does it hurt when you arch your back by leaning backwards?",
  },
  lowEnergyOrMenstrualChanges: {
    kind: "yes_no",
    label: "Do any of these apply to you: periods that have stopped or become irregular, strict limits on what you eat, or a low body weight?",
    hint: "These can make bones weaker in people who train a lot.",
  },
  priorBoneStressInjury: {
    kind: "yes_no",
    label: "Have you ever had a stress fracture or another bone stress injury?",
    hint: "This is a small crack or strain in a bone caused by repeated impact, such as running.",
  },
};
