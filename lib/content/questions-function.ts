// The daily function screen, in our own words: 10 topics, each with 6 sentences from
// 0 (no difficulty) to 5 (the most difficulty). It covers the same topics as a published
// disability questionnaire but does not reuse its wording; only the scoring method carries over.
import type { FunctionCopy } from "./types";

export const FUNCTION_SCREEN: FunctionCopy = {
  kind: "function_screen",
  name: "Daily function screen",
  intro:
    "For each topic, choose the sentence that fits you best today. You can skip a topic that does not apply to you.",
  sections: [
    {
      id: "pain_intensity",
      title: "Pain level",
      label: "How strong is your pain right now?",
      options: [
        "I have no pain right now.",
        "My pain is slight and easy to ignore.",
        "My pain is noticeable, but I can manage it.",
        "My pain is strong and hard to ignore.",
        "My pain is very strong and hard to bear.",
        "My pain is as bad as I can imagine.",
      ],
    },
    {
      id: "personal_care",
      title: "Looking after yourself",
      label: "How does your back affect washing, dressing and getting ready?",
      options: [
        "I wash and dress as normal, and it does not hurt more.",
        "I wash and dress as normal, but it hurts more.",
        "I have to go slowly and carefully to wash and dress.",
        "I manage most of it myself, but I need some help.",
        "I need help with most of my washing and dressing.",
        "Someone else has to wash and dress me.",
      ],
    },
    {
      id: "lifting",
      title: "Lifting",
      label: "How does your back affect lifting and carrying?",
      options: [
        "I can lift heavy things, and it does not hurt more.",
        "I can lift heavy things, but it hurts more.",
        "I can lift light and medium things, but not heavy ones.",
        "I can only lift light things, such as a full kettle.",
        "I can only lift very light things, such as a cup.",
        "My back stops me lifting anything.",
      ],
    },
    {
      id: "walking",
      title: "Walking",
      label: "How long can you walk before your back makes you stop?",
      options: [
        "My back does not limit my walking.",
        "I can walk for more than 30 minutes before I need to stop.",
        "I can walk for 10 to 30 minutes before I need to stop.",
        "I can walk for less than 10 minutes before I need to stop.",
        "I can only walk around my home, or I need a walking aid.",
        "I can hardly walk at all, even at home.",
      ],
    },
    {
      id: "sitting",
      title: "Sitting",
      label: "How long can you sit before your back makes you get up?",
      options: [
        "Sitting does not bother my back.",
        "Sitting is fine, but only in certain comfortable seats.",
        "I need to get up and move after about 1 hour.",
        "I need to get up and move after about 20 minutes.",
        "I can only sit for a few minutes at a time.",
        "My back stops me sitting down at all.",
      ],
    },
    {
      id: "standing",
      title: "Standing",
      label: "How long can you stand before your back makes you sit or move?",
      options: [
        "Standing does not bother my back.",
        "I can stand as long as I need to, but my back aches by the end.",
        "I need to sit or move after about 1 hour.",
        "I need to sit or move after about 20 minutes.",
        "I can only stand for a few minutes at a time.",
        "My back stops me standing at all.",
      ],
    },
    {
      id: "sleeping",
      title: "Sleep",
      label: "How does your back affect your sleep?",
      options: [
        "I sleep as well as usual.",
        "My back wakes me now and then.",
        "I lose about 1 hour of sleep most nights.",
        "I lose 2 to 3 hours of sleep most nights.",
        "I get less than half my usual sleep.",
        "I hardly sleep at all because of my back.",
      ],
    },
    {
      id: "social_life",
      title: "Social life",
      label: "How does your back affect seeing people and going out?",
      options: [
        "I go out and see people as usual, and it does not hurt more.",
        "I go out and see people as usual, but it makes my pain worse.",
        "I still see people, but I have stopped more active things like sport or dancing.",
        "I go out much less often than usual.",
        "I mostly only see people at home.",
        "I hardly see anyone because of my back.",
      ],
    },
    {
      id: "travelling",
      title: "Travelling",
      label: "How does your back affect journeys by car, bus or train?",
      options: [
        "Journeys do not bother my back.",
        "I can make any journey, but it makes my back hurt more.",
        "Long journeys are hard, so I need breaks or I avoid them.",
        "I only make short journeys, of less than about 1 hour.",
        "I only make journeys I really need to make.",
        "I cannot manage journeys at all.",
      ],
    },
    {
      id: "work_or_home",
      title: "Work or home duties",
      label: "How does your back affect your work, housework or caring for others?",
      options: [
        "I do all my usual work, and it does not hurt more.",
        "I do all my usual work, but it hurts more.",
        "I do most of my usual work, but I avoid the heavier jobs.",
        "I can only do about half of my usual work.",
        "I can only do light jobs, for short times.",
        "My back stops me doing any of my usual work.",
      ],
    },
  ],
};
