// The copy for each urgency level: a text label (so the level never depends on colour), the care
// card it uses, a heading and what to do now. The rule-specific pages build on it: the EMERGENCY
// cards (advice-emergency.ts), the URGENT routes (urgent.ts), SOON advice (advice-soon.ts), the
// under-16 page (under-16.ts) and the warning signs (safety-net.ts).
import type { Level } from "@/lib/triage";

/** The kind of care card a level uses: non-urgent, urgent, or immediate action (NHS pattern). */
export type CareCard = "immediate" | "urgent" | "non_urgent";

export type LevelCopy = {
  /** A short text label shown next to the colour and icon, e.g. "Emergency: go now". */
  readonly label: string;
  readonly card: CareCard;
  /** The page heading, in plain words. */
  readonly heading: string;
  /** One line on what this result means. */
  readonly meaning: string;
  /** What to do now, in order. */
  readonly doNow: readonly string[];
};

/** Copy for each urgency level. */
export const LEVEL_COPY: { readonly [L in Level]: LevelCopy } = {
  EMERGENCY: {
    label: "Emergency: go now",
    card: "immediate",
    heading: "Go to an emergency department now",
    meaning: "Some of your answers could mean a serious problem that needs checking in hospital straight away.",
    doNow: [
      "Go to an emergency department now.",
      "Do not drive yourself.",
      "Take this page with you, or a copy of your answers.",
    ],
  },
  URGENT: {
    label: "Urgent: get help today",
    card: "urgent",
    heading: "You need to speak to a clinician today",
    meaning: "Some of your answers mean a clinician needs to speak to you today, before any appointment is booked.",
    doNow: [
      "Keep your phone with you. Answer calls, even from numbers you do not know.",
      "You do not need to book an appointment. The clinician will arrange the right one with you.",
      "If a warning sign appears or you get worse, go to an emergency department. Do not wait for our call.",
    ],
  },
  SOON: {
    label: "Soon: within 7 days",
    card: "non_urgent",
    heading: "Book an appointment in the next 7 days",
    meaning: "A clinician should see you within a week. This is not an emergency.",
    doNow: [
      "Choose an appointment in the next 7 days.",
      "A clinician will read your answers within 1 working day. They may contact you before your appointment.",
    ],
  },
  ROUTINE: {
    label: "Routine: book when it suits you",
    card: "non_urgent",
    heading: "Book an appointment",
    meaning: "Your answers do not show signs that need urgent care, but a clinician should check your back.",
    doNow: [
      "Choose any appointment that suits you.",
      "Keep as active as you can. Resting in bed makes back pain last longer.",
    ],
  },
  SELF_CARE: {
    label: "Self-care: look after your back at home",
    card: "non_urgent",
    heading: "You can look after your back at home",
    meaning: "Back pain like yours usually gets better on its own within a few weeks.",
    doNow: [
      "Follow the advice on this page for the next 2 weeks.",
      "You can still book an appointment if you want one.",
      "We will email you in about 2 weeks to ask how your back is.",
    ],
  },
};

/** The advice for a pregnant patient (or one who was pregnant in the last 6 weeks, or is not sure). */
export const PREGNANCY_ADVICE = {
  id: "pregnancy",
  title: "If you are pregnant, or were pregnant in the last 6 weeks",
  points: [
    "Tell your midwife about your back pain.",
    "Ask a pharmacist or your midwife before you take any painkiller.",
    "If you are less than 37 weeks pregnant, call your maternity unit straight away if you get any of the signs below.",
    "Backache that comes and goes, or that is not usual for you.",
    "Tightenings, or pains like period pains.",
    "Fluid leaking from your vagina, or bleeding.",
    "Your baby moving less than usual.",
  ],
} as const;
