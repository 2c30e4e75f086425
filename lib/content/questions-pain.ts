// Words for the "Where it hurts" and "This episode" pages: the pain section of the contract.
import { REGION_HINTS, REGION_LABELS } from "@/lib/intake-form/regions";
import type { PainCopy } from "./types";

/**
 * The dangerous ways to be injured (NICE NG41): a trigger of major_trauma, and what the check after
 * a fall, a run or a sport injury asks about.
 */
export const DANGEROUS_MECHANISMS: readonly string[] = [
  "a road accident, as a driver, passenger, cyclist or someone on foot",
  "a fall from higher than 1 metre (about waist height), or down 5 or more stairs",
  "being thrown from a horse or a bike",
  "a crash at speed, for example on skis, a snowboard or a motorbike",
  "diving into shallow water",
  "something heavy falling on your back",
];

export const PAIN_QUESTIONS: PainCopy = {
  locations: {
    kind: "multi_choice",
    label: "Where do you feel the pain?",
    hint: "Choose all that apply.",
    options: {
      thoracic: { label: REGION_LABELS.thoracic, hint: "Between your neck and your waist." },
      low_back: { label: REGION_LABELS.low_back, hint: "Below your ribs and above your buttocks." },
      buttock: { label: REGION_LABELS.buttock },
      abdomen_or_pelvis: { label: REGION_LABELS.abdomen_or_pelvis, hint: "The front of your body, below your ribs." },
      hip_or_groin: { label: REGION_LABELS.hip_or_groin, hint: REGION_HINTS.hip_or_groin },
    },
  },
  durationDays: {
    kind: "number",
    label: "How many days have you had this pain?",
    hint:
      "Count from when this bout of pain started, or from the injury if there was one. " +
      "A rough number is fine. For example, 3 months is about 90 days.",
    suffix: "days",
  },
  onset: {
    kind: "choice",
    label: "Did the pain come on suddenly, or did it build up?",
    options: {
      sudden: { label: "Suddenly", hint: "It reached its full strength within seconds or minutes." },
      gradual: { label: "It built up", hint: "It got worse over hours or longer." },
    },
  },
  trigger: {
    kind: "choice",
    label: "What set the pain off?",
    options: {
      none: { label: "Nothing I know of", hint: "There was no injury or strain." },
      lifting: {
        label: "Lifting, bending or twisting",
        hint: "For example, lifting a heavy box or twisting to reach something.",
      },
      minor_fall: {
        label: "A slip, trip or small fall",
        hint: "A fall from standing height or less, from a chair or bed, or down 1 to 4 stairs.",
      },
      running: { label: "During or after a run" },
      sport_impact: {
        label: "A knock, tackle, landing or fall in sport",
        hint: "Not at speed and not from a height.",
      },
      major_trauma: {
        label: "A serious accident or a big fall",
        hint: "Any of these:",
        examples: DANGEROUS_MECHANISMS,
      },
    },
  },
  dangerousMechanism: {
    kind: "yes_no",
    label: "Did it happen in any of these ways?",
    examples: DANGEROUS_MECHANISMS,
  },
  intensity: {
    kind: "number",
    label: "How bad has the pain been at its worst in the last 24 hours?",
    hint: "Choose a number from 0 to 10.",
    scale: { low: "0 means no pain", high: "10 means the worst pain you can imagine" },
  },
  pattern: {
    kind: "choice",
    label: "How is the pain changing?",
    options: {
      improving: { label: "It is getting better", hint: "The pain is easing overall." },
      centralising: {
        label: "It is moving back towards my spine",
        hint: "Pain that went into your buttock or leg now stays closer to your back. This is usually a good sign.",
      },
      stable: { label: "It is about the same" },
      worsening: { label: "It is getting worse", hint: "The pain is stronger, or it bothers you more often." },
      peripheralising: {
        label: "It is spreading further down my leg",
        hint: "The pain is moving further away from your spine, into your buttock, leg or foot.",
      },
    },
  },
  nightPain: {
    kind: "choice",
    label: "How is your back pain at night?",
    options: {
      none: { label: "It does not wake me", hint: "Or it settles when I change position." },
      wakes_second_half: {
        label: "It wakes me in the second half of the night",
        hint: "For example, in the early hours of the morning.",
      },
      constant_unrelieved: {
        label: "It is there all night and nothing eases it",
        hint: "No position makes it better.",
      },
    },
  },
  worseOnCoughSneezeStrain: {
    kind: "yes_no",
    label: "Does coughing, sneezing or straining on the toilet make the pain worse?",
  },
  previousEpisodes: {
    kind: "yes_no",
    label: "Have you had back pain before this bout?",
    hint: "Answer no if this is the first time you have ever had back pain.",
  },
};
