// Words for the "Where it hurts" and "This episode" pages: the pain section of the contract.
import { BODY_REGION_LABELS } from "./body-map";
import type { SectionCopy } from "./types";
import type { IntakeAnswers } from "@/lib/triage";

export const PAIN_QUESTIONS: SectionCopy<IntakeAnswers["pain"]> = {
  locations: {
    kind: "multi_choice",
    label: "Where do you feel the pain?",
    hint: "Choose all that apply.",
    options: {
      thoracic: { label: BODY_REGION_LABELS.thoracic, hint: "Between your neck and your waist." },
      low_back: { label: BODY_REGION_LABELS.low_back, hint: "Below your ribs and above your buttocks." },
      buttock: { label: BODY_REGION_LABELS.buttock },
      abdomen_or_pelvis: { label: BODY_REGION_LABELS.abdomen_or_pelvis, hint: "The front of your body, below your ribs." },
    },
  },
  durationDays: {
    kind: "number",
    label: "How many days have you had this pain?",
    hint: "Count from when this bout of pain started. A rough number is fine. For example, 3 months is about 90 days.",
    suffix: "days",
  },
  onset: {
    kind: "choice",
    label: "How did the pain start?",
    options: {
      sudden: { label: "Suddenly", hint: "You can remember the moment or the hour it started." },
      gradual: { label: "Gradually", hint: "It built up over days or weeks." },
    },
  },
  trigger: {
    kind: "choice",
    label: "What set the pain off?",
    options: {
      none: { label: "Nothing I know of" },
      lifting: { label: "Lifting something" },
      minor_fall: { label: "A small fall", hint: "For example, slipping over or falling from standing height." },
      major_trauma: {
        label: "A serious accident",
        hint: "For example, a car crash, or a fall from a ladder, a roof or more than a few stairs.",
      },
      running: { label: "Running" },
      sport_impact: { label: "A knock, tackle or fall while playing sport" },
    },
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
