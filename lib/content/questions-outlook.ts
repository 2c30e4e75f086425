// The recovery outlook screen, in our own words. It covers the same 9 topics as published
// back pain screening tools, but it is not their wording (see triage-rules.md: only the scoring
// method carries over). Statement order matters: scoring reads items 5–8 as the "worry" items.
import type { OutlookCopy } from "./types";

export const OUTLOOK_SCREEN: OutlookCopy = {
  kind: "outlook_screen",
  name: "Recovery outlook screen",
  intro: "Think about the past 2 weeks. For each sentence, choose agree or disagree.",
  answers: { agree: "Agree", disagree: "Disagree" },
  items: [
    // 1: pain spreading down a leg
    "Over the past 2 weeks, I have had pain going from my back down into a leg.",
    // 2: shoulder or neck pain
    "Over the past 2 weeks, I have also had pain in my neck or shoulders.",
    // 3: walking limited
    "Because of my back, I have kept my walks short.",
    // 4: dressing slower
    "Because of my back, getting dressed has taken me longer than normal.",
    // 5: activity feels unsafe
    "I worry that being active or doing exercise could harm my back.",
    // 6: worrying thoughts
    "I have felt anxious or worried for much of the time.",
    // 7: catastrophising
    "My back pain feels so bad that I doubt it will ever get better.",
    // 8: low mood, loss of enjoyment
    "Lately, I have lost interest in things I would normally like doing.",
  ],
  bothersomeness: {
    kind: "choice",
    label: "Over the past 2 weeks, how much has your back pain bothered you?",
    options: {
      not_at_all: { label: "Not at all" },
      slightly: { label: "A little" },
      moderately: { label: "A fair amount" },
      very_much: { label: "A lot" },
      extremely: { label: "Extremely" },
    },
  },
};
