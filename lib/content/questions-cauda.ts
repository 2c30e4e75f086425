// Words for the "Nerve check" page: the cauda equina screen. Everyone answers it, every question
// says why we ask, and "Not sure" is always offered (it is never treated as "no"). Each symptom
// answered yes or not sure gets its own "When did this start?", so a new one never hides behind an old one.
import { ONSET_HINT } from "./questions-legs";
import type { CaudaCopy, Options } from "./types";

/** Answer labels for yes / no / not sure questions. */
export const YES_NO_UNSURE: Options<"yes" | "no" | "unsure"> = {
  yes: { label: "Yes" },
  no: { label: "No" },
  unsure: { label: "Not sure" },
};

const since = (label: string) =>
  ({ kind: "number", label, hint: ONSET_HINT, suffix: "days ago", unknownLabel: "I don't know" }) as const;

export const CAUDA_QUESTIONS: CaudaCopy = {
  saddleNumbness: {
    kind: "choice",
    label:
      "Do you have new numbness, tingling, pins and needles or less feeling between your legs, " +
      "on your inner thighs, around your genitals or around your back passage (anus)?",
    hint: "This includes less feeling in your genitals, also during sex, or toilet paper feeling different when you wipe.",
    why: "Numbness here can mean the nerves at the bottom of your spine are being squeezed. That needs help fast.",
    options: YES_NO_UNSURE,
  },
  bladderChange: {
    kind: "choice",
    label: "Have you had any new problems with peeing?",
    hint: "For example:",
    examples: [
      "it is hard to start, or you cannot pee at all",
      "the flow is weaker than usual",
      "you cannot feel the pee coming out",
      "you cannot tell if your bladder is full or empty",
      "you leak, or you have started to need pads",
    ],
    why: "The nerves that control your bladder pass through your lower back. A new change can be an early sign they are being squeezed.",
    options: YES_NO_UNSURE,
  },
  bowelChange: {
    kind: "choice",
    label: "Have you had any new problems with your bowels?",
    hint: "For example:",
    examples: [
      "you cannot control when you poo",
      "you cannot feel when you need to poo",
      "you cannot feel the poo coming out",
    ],
    why: "The nerves that control your bowels also pass through your lower back. A new change needs checking quickly.",
    options: YES_NO_UNSURE,
  },
  sexualFunctionChange: {
    kind: "choice",
    label: "Have you noticed a new change in your sexual function?",
    hint:
      "For example, problems getting or keeping an erection, ejaculating, reaching orgasm or becoming aroused. " +
      "Less feeling in your genitals belongs in the first question. " +
      "Choose not sure if you cannot tell whether something has changed.",
    why: "The same nerves help control sexual function. We ask everyone, and only your care team will see your answer.",
    options: { ...YES_NO_UNSURE, not_applicable: { label: "Not applicable: I am not sexually active" } },
  },
  onsetDays: {
    saddleNumbness: since("When did the numbness or change in feeling start?"),
    bladderChange: since("When did the problem with peeing start?"),
    bowelChange: since("When did the problem with your bowels start?"),
    sexualFunctionChange: since("When did the change in sexual function start?"),
  },
  worsening: {
    kind: "yes_no",
    label: "Are any of these problems getting worse?",
    unknownLabel: "I don't know",
    why: "Nerve problems that are getting worse need help sooner.",
  },
};
