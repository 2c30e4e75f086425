// Advice on the SOON page, including "stop running" when a bone stress injury is possible
// (rules S3a and S3b; clinician flag FLAG_STOP_RUNNING).
import { CROSS_TRAINING, RUNNING_PAIN_RULES, STAYING_ACTIVE } from "./advice-self-care";
import type { AdviceSection } from "./types";

export const SOON_WAITING: AdviceSection = {
  id: "soon_waiting",
  title: "While you wait for your appointment",
  points: [
    "Choose an appointment in the next 7 days.",
    "A clinician will read your answers within 1 working day. They may contact you before your appointment.",
    "If things change before your appointment, fill the form in again.",
    "If you get any of the warning signs, go to the emergency department straight away.",
  ],
};

export const STOP_RUNNING: AdviceSection = {
  id: "stop_running",
  title: "Stop running until a clinician has checked you",
  points: [
    "Your answers suggest you might have a bone stress injury. This is a small crack or strain in a bone, caused by repeated impact such as running.",
    "Stop running until a clinician has checked you. Running on a bone stress injury can make it worse and slow down healing.",
    "Avoid jumping, hopping and other exercise that jolts your body.",
    "You can keep fit with exercise that does not jolt your body, such as swimming or running in deep water with a float belt.",
    "Stop any exercise that hurts.",
    "Your clinician may ask about your eating, your energy and your periods, because these affect how strong your bones are.",
  ],
};

/** The SOON sections for this patient. With a possible bone stress injury, "stop running" replaces the running pain rules. */
export function soonAdvice({ isRunner, stopRunning }: { isRunner: boolean; stopRunning: boolean }): readonly AdviceSection[] {
  if (stopRunning) return [SOON_WAITING, STOP_RUNNING, STAYING_ACTIVE];
  if (isRunner) return [SOON_WAITING, STAYING_ACTIVE, RUNNING_PAIN_RULES, CROSS_TRAINING];
  return [SOON_WAITING, STAYING_ACTIVE];
}
