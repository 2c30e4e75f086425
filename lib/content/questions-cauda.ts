// Words for the "Nerve check" page: the cauda equina screen. Everyone answers it, every question
// says why we ask, and "Not sure" is always offered (it is never treated as "no").
import type { CaudaCopy, Options } from "./types";

/** Answer labels for the 4 nerve-check questions. */
export const YES_NO_UNSURE: Options<"yes" | "no" | "unsure"> = {
  yes: { label: "Yes" },
  no: { label: "No" },
  unsure: { label: "Not sure" },
};

export const CAUDA_QUESTIONS: CaudaCopy = {
  saddleNumbness: {
    kind: "choice",
    label: "Do you have numbness or less feeling between your legs, around your genitals or around your back passage (anus)?",
    hint: "For example, toilet paper feels different when you wipe, or you cannot feel the seat when you sit.",
    why: "Numbness here can mean the nerves at the bottom of your spine are being squeezed. That needs help fast.",
    options: YES_NO_UNSURE,
  },
  bladderChange: {
    kind: "choice",
    label: "Have you had any new problems with peeing?",
    hint: "For example, you cannot pee or it is hard to start, you leak without knowing, or you cannot feel when you need to go.",
    why: "The nerves that control your bladder pass through your lower back. A new change can be an early sign they are being squeezed.",
    options: YES_NO_UNSURE,
  },
  bowelChange: {
    kind: "choice",
    label: "Have you had any new problems controlling your bowels?",
    hint: "For example, you cannot control when you poo, or you cannot feel when you need to go.",
    why: "The nerves that control your bowels also pass through your lower back. A new change needs checking quickly.",
    options: YES_NO_UNSURE,
  },
  sexualFunctionChange: {
    kind: "choice",
    label: "Have you noticed any new change in sexual function?",
    hint: "For example, less feeling in your genitals, or problems getting an erection or reaching orgasm.",
    why: "The same nerves help control sexual function. We ask everyone, and only your care team will see your answer.",
    options: YES_NO_UNSURE,
  },
  symptomOnsetDays: {
    kind: "number",
    label: "How many days ago did these problems start?",
    hint: "Count from the first one that started. Only answer this if you said yes or not sure above.",
    suffix: "days ago",
    unknownLabel: "I don't know",
    why: "Nerve problems that started recently need help sooner.",
  },
  worsening: {
    kind: "yes_no",
    label: "Are these problems getting worse?",
    hint: "Only answer this if you said yes or not sure above.",
    unknownLabel: "I don't know",
    why: "Nerve problems that are getting worse need help sooner.",
  },
};
