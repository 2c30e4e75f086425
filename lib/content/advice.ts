// What every result page tells the patient: the warning signs (shown at every level) and the
// copy for each urgency level. The level label is text, so the level never depends on colour.
import type { Level } from "@/lib/triage";

/** The nerve-compression warning signs; every result page shows them. */
export const WARNING_SIGNS = {
  heading: "Go to the emergency department straight away if you get any of these",
  signs: [
    "Numbness or less feeling between your legs, around your genitals or around your back passage (anus)",
    "New problems with peeing: you cannot pee, you cannot control it, or you cannot feel it",
    "New problems with your bowels: you cannot control when you poo, or you cannot feel it",
    "Weakness in both legs, or your legs giving way",
  ],
  action: "Do not wait for an appointment or a phone call. Do not drive yourself.",
  refill: "If anything else changes, fill the form in again.",
} as const;

export const GO_NOW = "Go to the nearest emergency department now.";
export const DO_NOT_DRIVE = "Do not drive yourself. Ask someone to take you, or take a taxi.";
export const TAKE_THIS_PAGE = "Take this page with you, or tell the staff what you told us.";

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

/** Copy for each urgency level. URGENT also shows urgentCallText(phone). */
export const LEVEL_COPY: { readonly [L in Level]: LevelCopy } = {
  EMERGENCY: {
    label: "Emergency: go now",
    card: "immediate",
    heading: "Go to the emergency department now",
    meaning: "Some of your answers could mean a serious problem that needs checking in hospital straight away.",
    doNow: [GO_NOW, DO_NOT_DRIVE, TAKE_THIS_PAGE],
  },
  URGENT: {
    label: "Urgent: we will call you today",
    card: "urgent",
    heading: "A clinician will phone you today",
    meaning: "Some of your answers mean a clinician needs to speak to you today, before any appointment is booked.",
    doNow: [
      "Keep your phone with you. Answer calls, even from numbers you do not know.",
      "You do not need to book an appointment. The clinician will arrange the right one with you.",
      "If no one has called you by the end of the day, call the clinic.",
      "If a warning sign appears or you get worse, go to the emergency department. Do not wait for our call.",
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
      "Keep as active as you can while you wait.",
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

/** The URGENT promise, naming the number we will call so the patient can spot a mistake. */
export function urgentCallText(phone: string): string {
  return `A clinician will phone you today on ${phone.trim()}. If this number is wrong, call the clinic to give us the right one.`;
}
