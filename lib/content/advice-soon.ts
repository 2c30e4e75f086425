// The SOON page's advice (triage-rules.md, "SOON pages" and "Runners"), chosen from the fired
// rules' wording keys: possible cancer, fracture, nerve deficit or infection means no running and
// no new exercise (and no running-pain rules); a possible bone stress injury means stop running;
// S3a has its own text; S2, S4, S6d and S11 keep the running-pain rules for runners.
import { callWord } from "./advice-emergency";
import { CROSS_TRAINING, RUNNING_PAIN_RULES, STAYING_ACTIVE } from "./advice-self-care";
import type { AdviceSection } from "./types";
import { wordingKeys } from "./wording";

/** The keys of S1, S5, S6, S7, S8, S10 (no_exercise) and S9, S12, S13, S14, which carry the same advice. */
const NO_EXERCISE_KEYS = ["soon.no_exercise", "soon.leg_weakness", "soon.both_legs", "soon.walking", "soon.arm"];

export const SOON_WAITING: AdviceSection = {
  id: "soon_waiting",
  title: "While you wait for your appointment",
  points: [
    "Choose an appointment in the next 7 days.",
    "A clinician will read your answers within 1 working day. They may contact you before your appointment.",
    "If things change before your appointment, fill the form in again.",
    "If you get any of the warning signs, go to an emergency department straight away.",
  ],
};

export const NO_EXERCISE: AdviceSection = {
  id: "no_exercise",
  title: "Until a clinician has seen you",
  points: [
    "Do not run or start any new exercise until you have been seen.",
    "Stop any sport that makes the pain worse.",
    "Carry on with your usual daily activities if you can, gently.",
    "Your clinician will tell you which exercise is safe for you.",
  ],
};

export const YOUNG_SPORT: AdviceSection = {
  id: "young_sport",
  title: "Back pain in young people",
  points: [
    "In young people, back pain that lasts 3 weeks or more needs checking by a clinician.",
    "Stop the sport that makes the pain worse until you have been seen.",
    "You can keep up your other usual activities.",
  ],
};

export const STOP_RUNNING: AdviceSection = {
  id: "stop_running",
  title: "Stop running until a clinician has checked you",
  points: [
    "Your answers suggest you might have a bone stress injury. This is a small crack or strain in a bone, caused by repeated impact such as running.",
    "Stop running and impact sport until a clinician has checked you. Running on a bone stress injury can make it worse and slow down healing.",
    "Avoid jumping and other exercise that jolts your body.",
    "You can keep fit with exercise that does not jolt your body, such as swimming.",
    "Stop any exercise that hurts.",
    "Your clinician may ask about your eating, your energy and your periods, because these affect how strong your bones are.",
  ],
};

/** S3c for a young person who does not run: the same caution, without talking about running injuries. */
export const STOP_IMPACT_SPORT: AdviceSection = {
  id: "stop_impact_sport",
  title: "Stop impact sport until a clinician has checked you",
  points: [
    "Your answers suggest a possible stress injury in a bone of your back. This can happen in young people who do a lot of sport.",
    "Stop impact sport, such as football, jumping, gymnastics or dance, until a clinician has checked you.",
    "Avoid bending your back backwards.",
    "Stop any exercise that hurts.",
  ],
};

/** The "get help sooner" lines of S9, S11, S12, S13 and S14. */
function soonerLines(keys: readonly string[], call: string): string[] {
  return [
    ...(keys.includes("soon.leg_weakness")
      ? [
          "If the weakness gets worse or spreads to your other leg, or you get changes in your bladder, bowel or the feeling between your legs, go to an emergency department now.",
        ]
      : []),
    ...(keys.includes("soon.aaa")
      ? [`If the pain changes, becomes sudden or severe, or you feel faint, call ${call} for an ambulance.`]
      : []),
    ...(keys.includes("soon.both_legs")
      ? ["If the symptoms in your legs get worse, or your legs become weak, get help the same day."]
      : []),
    ...(keys.includes("soon.walking")
      ? [
          "If your walking gets worse, you become unsteady, or your hands become clumsy, go to an emergency department now.",
        ]
      : []),
    ...(keys.includes("soon.arm")
      ? [
          "If your hand becomes weak or clumsy, or the tingling is there all day in both hands, go to an emergency department now.",
        ]
      : []),
  ];
}

export type SoonInput = {
  firedRuleIds: readonly string[];
  version: string;
  isRunner: boolean;
  emergencyNumber: string | null;
};

/** The SOON page's advice sections for the fired rules, in page order. */
export function soonAdvice({ firedRuleIds, version, isRunner, emergencyNumber }: SoonInput): AdviceSection[] {
  const keys = wordingKeys(version, firedRuleIds);
  const noExercise = keys.some((k) => NO_EXERCISE_KEYS.includes(k));
  const stopRunning = keys.includes("soon.stop_running");
  const youngSport = keys.includes("soon.young_sport");
  const sooner = soonerLines(keys, callWord(emergencyNumber));

  const sections: AdviceSection[] = [SOON_WAITING];
  if (sooner.length) sections.push({ id: "soon_sooner", title: "Get help sooner if things change", points: sooner });
  if (noExercise) {
    sections.push(NO_EXERCISE);
    if (youngSport && !stopRunning) sections.push(YOUNG_SPORT);
    return sections;
  }
  if (stopRunning) sections.push(isRunner ? STOP_RUNNING : STOP_IMPACT_SPORT);
  else if (youngSport) sections.push(YOUNG_SPORT);
  sections.push(STAYING_ACTIVE);
  if (isRunner && !stopRunning && !youngSport) sections.push(RUNNING_PAIN_RULES, CROSS_TRAINING);
  return sections;
}
