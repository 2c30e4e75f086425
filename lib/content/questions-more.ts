// Words for the "Blood vessels" page (the vascular section, asked before the nerve questions) and the
// "More questions" page (the inflammatory section).
import type { SectionCopy } from "./types";
import type { IntakeAnswers } from "@/lib/triage";

export const VASCULAR_QUESTIONS: SectionCopy<IntakeAnswers["vascular"]> = {
  suddenSevereTearingPain: {
    kind: "yes_no",
    label:
      "Did a severe tearing or ripping pain come on suddenly, within seconds or minutes, deep in your back, chest or tummy?",
    hint: "Not a muscle you felt pull during a movement or sport.",
  },
  collapseOrFainting: {
    kind: "yes_no",
    label: "With this pain, have you collapsed or fainted, or felt faint, cold and sweaty?",
  },
  knownAaa: {
    kind: "yes_no",
    label: "Have you been told you have a swelling in the main blood vessel in your tummy?",
    hint: "Doctors call this an abdominal aortic aneurysm, or AAA.",
  },
  smokerOrEx: {
    kind: "yes_no",
    label: "Do you smoke, or have you smoked in the past?",
  },
  abdominalOrFlankPain: {
    kind: "yes_no",
    label: "Do you also have pain in your tummy, or in your side between your ribs and your hip?",
  },
  calfPainOnWalkingRelievedByStanding: {
    kind: "yes_no",
    label: "When you walk, do you get pain in your calves that goes away when you stand still?",
    hint: "The pain eases within a few minutes of standing still, without sitting down or bending forward.",
  },
};

export const INFLAMMATORY_QUESTIONS: SectionCopy<IntakeAnswers["inflammatory"]> = {
  onsetAge: {
    kind: "number",
    label: "How old were you when this kind of back pain first started?",
    suffix: "years old",
    unknownLabel: "I don't know",
  },
  wakingSecondHalfOfNight: {
    kind: "yes_no",
    label: "Does back pain wake you in the second half of the night?",
    hint: "For example, in the early hours of the morning.",
  },
  buttockPain: {
    kind: "yes_no",
    label: "Do you get pain deep in your buttocks that switches between the left and right side?",
  },
  improvesWithMovement: {
    kind: "yes_no",
    label: "Does your back pain get better when you move about, but not when you rest?",
  },
  nsaidResponse48h: {
    kind: "yes_no",
    label:
      "Have anti-inflammatory painkillers, such as ibuprofen or naproxen, made your back clearly better within 2 days?",
    hint: "Answer no if you have not tried them.",
  },
  familyHistorySpa: {
    kind: "yes_no",
    label: "Does a parent, brother, sister or child of yours have spondyloarthritis?",
    hint:
      "This is a kind of arthritis that affects the spine and other joints. " +
      "It includes ankylosing spondylitis, and arthritis linked to psoriasis or to bowel disease.",
  },
  arthritisHistory: {
    kind: "yes_no",
    label: "Have you ever had arthritis, where a joint became swollen and painful?",
  },
  enthesitisHistory: {
    kind: "yes_no",
    label: "Have you ever had pain and swelling where a tendon joins a bone, such as at the back of your heel?",
    hint: "Doctors call this enthesitis. A tendon is the tough cord that joins a muscle to a bone.",
  },
  psoriasisHistory: {
    kind: "yes_no",
    label: "Have you ever had psoriasis?",
    hint: "Psoriasis is a skin problem that causes dry, flaky patches, often on the elbows, knees or scalp.",
  },
  morningStiffnessOver30Min: {
    kind: "yes_no",
    label: "Is your back stiff for more than 30 minutes after you get up in the morning?",
  },
};
