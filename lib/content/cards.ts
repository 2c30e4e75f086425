// The EMERGENCY condition cards (triage-rules.md, "What each card must say"): which cards the
// fired rules bring, in the spec's order, and the words of each card. The page that puts them
// together (main card first, the most urgent action first) is advice-emergency.ts.
import type { AnswerFacts, StoredAnswers } from "./facts";
import { answerFacts } from "./facts";
import { wordingKeys } from "./wording";

/** Every card, in the order that picks the main card when several apply. */
export const CARD_IDS = ["aortic", "bleeding", "fracture", "cord", "mscc", "infection", "cauda"] as const;

export type CardId = (typeof CARD_IDS)[number];

const CARD_BY_WORDING: Readonly<Record<string, CardId>> = {
  "card.aortic": "aortic",
  "card.bleeding": "bleeding",
  "card.fracture": "fracture",
  "card.cord": "cord",
  "card.mscc": "mscc",
  "card.infection": "infection",
  "card.cauda": "cauda",
};

/** Whether a string is a card id (for ids that come from a URL). */
export function isCardId(value: string): value is CardId {
  return (CARD_IDS as readonly string[]).includes(value);
}

/** Card ids in the spec's order, without repeats. */
export function sortCardIds(ids: Iterable<CardId>): CardId[] {
  const set = new Set(ids);
  return CARD_IDS.filter((id) => set.has(id));
}

/** Y3 (under 16) has no card of its own: its card follows the child's answers, and several can apply. */
function childCards(facts: AnswerFacts): CardId[] {
  const cards: CardId[] = [];
  if (facts.fever || facts.veryUnwell || facts.newConfusion) cards.push("infection");
  if (facts.majorTrauma) cards.push("fracture");
  if (facts.legWeakness || facts.difficultyWalking) cards.push("cord");
  // Y3 always has one of these; if stored answers somehow show none, show every card Y3 can bring.
  return cards.length ? cards : ["fracture", "cord", "infection"];
}

export type CardIdsInput = {
  firedRuleIds: readonly string[];
  /** The ruleset version that graded (or is grading) the answers. */
  version: string;
  answers: StoredAnswers | null;
  age?: number | null;
};

/**
 * The cards for the fired rules, main card first: each rule's wording key, as released in
 * `version`, names its card. For the interrupt page and the X1 result page's `seen` list.
 */
export function emergencyCardIds({ firedRuleIds, version, answers, age = null }: CardIdsInput): CardId[] {
  const cards: CardId[] = [];
  for (const key of wordingKeys(version, firedRuleIds)) {
    if (key === "card.child") cards.push(...childCards(answerFacts(version, answers, age)));
    const card = CARD_BY_WORDING[key];
    if (card) cards.push(card);
  }
  return sortCardIds(cards);
}

/**
 * Card ids from a URL parameter (comma-separated, possibly repeated): known ids only, in the
 * spec's order; anything else is ignored.
 */
export function parseCardIds(value: string | readonly string[] | null | undefined): CardId[] {
  if (value === null || value === undefined) return [];
  const parts = (typeof value === "string" ? [value] : value).join(",").slice(0, 500).split(",");
  return sortCardIds(parts.map((p) => p.trim()).filter(isCardId));
}

/** How a card's first action sends the patient. */
export type ActionKind = "call_now" | "call_if" | "go_now";

export type CardAction = {
  readonly kind: ActionKind;
  /** The instruction, short enough for a heading. */
  readonly heading: string;
  readonly lines: readonly string[];
};

/** What a card's words depend on: the number to call, the answers, and the rules that fired. */
export type CardContext = {
  /** The clinic's emergency number, or "the emergency number". */
  readonly call: string;
  readonly facts: AnswerFacts;
  /** Cauda card for E2 or E11: it also names the spinal cord. */
  readonly cordToo: boolean;
};

export type CardWords = {
  readonly title: (c: CardContext) => string;
  /** What it means. */
  readonly why: (c: CardContext) => readonly string[];
  /** Its first action, when this card leads the page. */
  readonly action: (c: CardContext) => CardAction;
  /** Its "call an ambulance if" lines, shown with its steps when another card leads without an ambulance. */
  readonly ambulanceIf: (c: CardContext) => readonly string[];
  /** Other actions of its first action that still apply when another card leads. */
  readonly alsoNow: (c: CardContext) => readonly string[];
  readonly steps: (c: CardContext) => readonly string[];
  readonly tellStaff: (c: CardContext) => readonly string[];
};

const NO_DRIVE = "Do not drive yourself.";
const NO_WAIT = "Do not wait for the clinic to call you.";
const callNow = (call: string) => `Call ${call} now and ask for an ambulance.`;
const none = () => [] as const;

const HELPLINE = "If you have a 24-hour helpline from your cancer team, call it now as well.";

function sepsisSigns({ call, facts }: CardContext): string[] {
  if (!facts.child) {
    return [
      `Call ${call} for an ambulance if you become confused or very sleepy, struggle to breathe or faint, or your skin looks blotchy, blue or grey.`,
    ];
  }
  return [
    `Call ${call} for an ambulance if the child or young person has any of these signs:`,
    "They are confused, or unusually sleepy or hard to wake.",
    "They are breathing fast or struggling to breathe.",
    "They have a rash that does not fade when you press on it.",
    "Their skin looks blotchy, blue or grey.",
    "They are not feeding or drinking.",
  ];
}

/** The children's sepsis signs or the adults', as "call an ambulance if" lines. */
export const sepsisAmbulanceSigns = sepsisSigns;

export const CARDS: { readonly [C in CardId]: CardWords } = {
  aortic: {
    title: () => "Possible emergency with your aorta, the main blood vessel in your body",
    why: () => [
      "Your pain could come from a tear or a leak in your aorta. This is the main blood vessel in your chest and tummy.",
      "This can be life-threatening within hours.",
    ],
    action: ({ call }) => ({
      kind: "call_now",
      heading: "Call an ambulance now",
      lines: [
        callNow(call),
        "Do not travel by yourself. Do not drive, and do not use public transport or any other way. Wait for the ambulance.",
        "Do not wait to see if the pain settles.",
      ],
    }),
    ambulanceIf: none,
    alsoNow: none,
    steps: () => [
      "While you wait, stay still, lying down or sitting.",
      "Do not eat or drink.",
      "Unlock the door.",
      "If you can, ask someone to stay with you.",
    ],
    tellStaff: () => [
      "Tell the call handler about the sudden severe pain, about any aneurysm you know you have, and if you take a blood thinner.",
    ],
  },
  bleeding: {
    title: () => "Possible bleeding while you take a blood thinner",
    why: () => [
      "You take a blood thinner, and you have new nerve symptoms or sudden severe pain.",
      "Bleeding around the spine or behind the tummy can press on nerves, or be dangerous in other ways.",
      "You need a scan and blood tests in hospital now.",
    ],
    action: ({ call, facts }) =>
      facts.legWeakness || facts.fainting
        ? { kind: "call_now", heading: "Call an ambulance now", lines: [callNow(call), NO_DRIVE] }
        : {
            kind: "call_if",
            heading: "Call an ambulance or go to an emergency department now",
            lines: [
              `Call ${call} for an ambulance now if your legs are weak, you cannot walk safely, or you feel faint.`,
              `Otherwise, go to an emergency department now. ${NO_DRIVE}`,
            ],
          },
    ambulanceIf: ({ call }) => [
      `Call ${call} for an ambulance now if your legs are weak, you cannot walk safely, or you feel faint.`,
    ],
    alsoNow: none,
    steps: () => ["Do not stop taking your blood thinner unless a doctor tells you to.", NO_WAIT],
    tellStaff: () => ["Tell the staff the name of your blood thinner and when you last took it."],
  },
  fracture: {
    title: () => "Possible broken bone in your spine",
    why: () => [
      "After a serious accident, or when bones are fragile, a bone in your spine may be broken.",
      "You need an X-ray or scan today.",
    ],
    action: ({ call, facts }) =>
      facts.legNumbness || facts.legWeakness
        ? { kind: "call_now", heading: "Stay still and call an ambulance now", lines: [callNow(call), NO_DRIVE] }
        : {
            kind: "call_if",
            heading: "Call an ambulance or go to an emergency department now",
            lines: [
              `If you have numbness or weakness, or moving causes severe pain, stay still and call ${call} for an ambulance now.`,
              `Otherwise, go to an emergency department now, not a minor injuries unit. ${NO_DRIVE}`,
            ],
          },
    ambulanceIf: ({ call }) => [
      `If you have numbness or weakness, or moving causes severe pain, stay still and call ${call} for an ambulance now.`,
    ],
    alsoNow: none,
    steps: () => ["Do not try to walk it off.", NO_WAIT],
    tellStaff: () => ["Tell the staff how you were hurt and when it happened."],
  },
  cord: {
    title: () => "Possible pressure on your spinal cord",
    why: () => [
      "New weakness, clumsiness or numbness in an arm or hand, or legs that have become weak or unsteady, can mean pressure on the spinal cord in your neck or back.",
      "You need a scan in hospital today.",
    ],
    action: (c) => ({
      kind: "go_now",
      heading: "Go to an emergency department now",
      lines: [NO_DRIVE, ...CARDS.cord.ambulanceIf(c)],
    }),
    ambulanceIf: ({ call }) => [
      `Call ${call} for an ambulance if you cannot walk safely, or your symptoms are getting worse quickly.`,
    ],
    alsoNow: none,
    steps: () => [NO_WAIT],
    tellStaff: () => [
      'Tell the staff which symptoms are new, for example "new arm or hand symptoms" or "new unsteady walking", with back pain.',
    ],
  },
  mscc: {
    title: () => "Possible spread of cancer to your spine",
    why: () => [
      "You have had cancer, and now you have new nerve symptoms.",
      "Cancer can spread to the spine and press on the spinal cord or nerves.",
      "Doctors need to scan you within 24 hours and start treatment quickly.",
    ],
    action: ({ call, facts }) =>
      facts.legWeakness || facts.difficultyWalking
        ? { kind: "call_now", heading: "Call an ambulance now", lines: [callNow(call), HELPLINE, NO_DRIVE] }
        : {
            kind: "go_now",
            heading: "Go to an emergency department now",
            lines: [
              HELPLINE,
              "Do not drive yourself, and do not wait for a call back.",
              `Call ${call} for an ambulance if your legs are weak or walking is difficult.`,
            ],
          },
    ambulanceIf: ({ call }) => [`Call ${call} for an ambulance if your legs are weak or walking is difficult.`],
    alsoNow: () => [HELPLINE],
    steps: ({ call }) => [
      `If moving makes the pain much worse, lie flat and call ${call} for an ambulance.`,
      "Do not wait for your next cancer appointment.",
    ],
    tellStaff: () => ["Tell the staff you have had cancer, and which kind."],
  },
  infection: {
    title: () => "Possible serious infection",
    why: () => [
      "You may have an infection in or near your spine, in your kidney, or in your blood (sepsis).",
      "You need blood tests, antibiotics and maybe a scan today.",
      "This can be serious even without a fever.",
    ],
    action: (c) =>
      c.facts.newConfusion || c.facts.fainting
        ? {
            kind: "call_now",
            heading: "Call an ambulance now",
            lines: [callNow(c.call), "If you can, ask someone to make the call and stay with you.", NO_DRIVE],
          }
        : { kind: "go_now", heading: "Go to an emergency department now", lines: [NO_DRIVE, ...sepsisSigns(c)] },
    ambulanceIf: sepsisSigns,
    alsoNow: none,
    steps: () => [
      "If you are having cancer treatment, call your 24-hour chemotherapy or acute oncology helpline now as well.",
      NO_WAIT,
    ],
    tellStaff: () => [
      "Tell the staff about any fever, injecting drugs, or recent spinal injection, operation or epidural.",
      "Also tell them about weakened immunity or diabetes, and if you are pregnant or gave birth in the last 6 weeks.",
    ],
  },
  cauda: {
    title: ({ cordToo }) =>
      cordToo
        ? "Possible pressure on your spinal cord or the nerves at the bottom of your spine"
        : "Possible pressure on the nerves at the bottom of your spine",
    why: ({ cordToo }) => [
      cordToo
        ? "Your answers could mean pressure on the spinal cord, or on the nerves at the bottom of your spine (cauda equina syndrome)."
        : "The nerves at the bottom of your spine may be squeezed. This is called cauda equina syndrome.",
      "It is rare, but it needs a scan and treatment in hospital within hours.",
      "Quick treatment helps prevent lasting damage to your bladder, bowel, sex life and legs.",
    ],
    action: (c) => ({
      kind: "go_now",
      heading: "Go to an emergency department now",
      lines: [
        "Go to A&E, not a minor injuries unit, an urgent treatment centre or your GP.",
        NO_DRIVE,
        ...CARDS.cauda.ambulanceIf(c),
      ],
    }),
    ambulanceIf: ({ call }) => [
      `Call ${call} for an ambulance if you cannot pass urine at all, cannot walk, or cannot get there safely.`,
    ],
    alsoNow: none,
    steps: ({ facts }) => [
      ...(facts.mayBePregnant
        ? [
            "If you are pregnant, go to the emergency department, not only to the maternity unit, and tell them you are pregnant.",
          ]
        : []),
      "Do not wait for the clinic to call you, and do not book an appointment instead.",
    ],
    tellStaff: () => [
      'Tell the staff: "I have warning signs of cauda equina syndrome".',
      "Tell them which symptoms you have, and when each one started.",
    ],
  },
};
