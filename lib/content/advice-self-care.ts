// Advice for the next 2 weeks on the SELF_CARE page. The running sections are shown to runners
// only. The facts follow triage-rules.md ("Runners") and the reference articles; the words are ours.
import type { AdviceSection } from "./types";

export const STAYING_ACTIVE: AdviceSection = {
  id: "staying_active",
  title: "Keep moving",
  points: [
    "Stay as active as you can, and keep up your normal day as much as possible.",
    "Lying in bed for long periods makes back pain last longer, so try to avoid it.",
    "Move within what feels comfortable. Some pain when you move is normal. It does not mean you are harming your back.",
    "Short walks spread through the day are a good place to start.",
    "If you sit for a long time, get up and move about every 30 minutes or so.",
    "Keep going to work if you can. You might need lighter jobs for a while.",
  ],
};

export const PAIN_RELIEF: AdviceSection = {
  id: "pain_relief",
  title: "Easing the pain",
  points: [
    "Heat can help tight, sore muscles relax. Try a warm bath or shower, or a hot water bottle wrapped in a towel.",
    "Painkillers you can buy in a pharmacy may help you keep moving.",
    "Ask a pharmacist which painkiller suits you and how to take it safely.",
    "Tell the pharmacist about other medicines you take, any health problems you have, or if you are pregnant.",
    "Painkillers are there to help you stay active. They do not replace moving.",
  ],
};

export const RUNNING_PAIN_RULES: AdviceSection = {
  id: "running_pain_rules",
  title: "If you run: let the pain guide you",
  runnersOnly: true,
  points: [
    "You may not need to stop running completely. A mild ache that stays the same can be OK.",
    "Stop, or run less, if the pain gets stronger during a run.",
    "Stop if the pain changes from a dull ache to a sharp pain.",
    "Stop if the pain starts to spread into your buttock or down your leg.",
    "Your back should feel no worse 24 hours after a run. If it does, do less next time.",
    "Never keep running with a limp. If you start to limp, stop and walk.",
  ],
};

export const CROSS_TRAINING: AdviceSection = {
  id: "cross_training",
  title: "If you run: build strength in other ways",
  runnersOnly: true,
  points: [
    "Strong muscles around your back help protect it when you run.",
    "Work on your core (the muscles around your tummy and back), your hips and your buttock muscles.",
    "Also work on your hamstrings, the muscles at the back of your thighs.",
    "Exercises such as planks, bridges and leg lifts lying on your side are a good start. Try them 2 or 3 times a week.",
    "Gentle stretches, and moving your hips through their full range, help keep you supple.",
    "Swimming or a cross-trainer can keep you fit with less jolting than running.",
    "Stop any exercise that makes your back or leg pain worse.",
  ],
};

export const RETURN_TO_RUNNING: AdviceSection = {
  id: "return_to_running",
  title: "If you run: getting back to running",
  runnersOnly: true,
  points: [
    "First, make sure you can walk at a brisk pace with a normal stride, without limping.",
    "For your first runs, go about half to three-quarters of the distance you used to run.",
    "Run more slowly than usual, and keep to flat ground.",
    "Mixing running and walking helps. For example, run for 1 minute, then walk for 1 minute.",
    "Add a little more running time each session, if your back allows it.",
    "Increase either how far you run or how fast you run, but not both at once.",
    "Leave hills, speed sessions and races until you are back to your usual distance without pain.",
  ],
};

export const WHEN_TO_COME_BACK: AdviceSection = {
  id: "when_to_come_back",
  title: "When to get more help",
  points: [
    "Book an appointment, or fill the form in again, if your back is not better after 2 weeks.",
    "Do the same if the pain gets worse.",
    "Do the same if you get new pain, numbness or tingling in a leg.",
    "If you get any of the warning signs, go to the emergency department straight away.",
    "We will email you in about 2 weeks to ask how you are.",
  ],
};

/** Every SELF_CARE section, in page order. */
export const SELF_CARE_SECTIONS: readonly AdviceSection[] = [
  STAYING_ACTIVE,
  PAIN_RELIEF,
  RUNNING_PAIN_RULES,
  CROSS_TRAINING,
  RETURN_TO_RUNNING,
  WHEN_TO_COME_BACK,
];

/** The SELF_CARE sections for this patient: the running ones only for runners. */
export function selfCareAdvice({ isRunner }: { isRunner: boolean }): readonly AdviceSection[] {
  return SELF_CARE_SECTIONS.filter((section) => isRunner || !section.runnersOnly);
}
