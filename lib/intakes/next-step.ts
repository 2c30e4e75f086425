import { UNDER_16_RULE } from "@/lib/booking/eligibility";
import { emergencyAdvice, urgentAdvice } from "@/lib/content";
import { RULESET_VERSION, type IntakeAnswers, type Level } from "@/lib/triage";

/** What the patient may do now, by level; booking links are added per response (see api.ts). */
export type NextStep = {
  /** under_16: the under-16 page (a GP or children's service), never a booking (rule Y1). */
  action: "emergency" | "await_call" | "book" | "self_care" | "under_16";
  message: string;
  canBook: boolean;
  /** SOON: only appointments within this many days are offered. */
  bookWithinDays: number | null;
};

const STEPS: Record<Level, NextStep> = {
  EMERGENCY: {
    action: "emergency",
    message:
      "Go to the nearest emergency department now. Do not drive yourself. The clinic has been told and will call you.",
    canBook: false,
    bookWithinDays: null,
  },
  URGENT: {
    action: "await_call",
    message:
      "A clinician will phone you today. If the warning signs appear or you get worse before then, go to the emergency department.",
    canBook: false,
    bookWithinDays: null,
  },
  SOON: {
    action: "book",
    message: "Choose an appointment within the next 7 days.",
    canBook: true,
    bookWithinDays: 7,
  },
  ROUTINE: { action: "book", message: "Choose an appointment that suits you.", canBook: true, bookWithinDays: null },
  SELF_CARE: {
    action: "self_care",
    message: "This looks likely to settle with the right self-care. You can still book an appointment if you want one.",
    canBook: true,
    bookWithinDays: null,
  },
};

const UNDER_16: NextStep = {
  action: "under_16",
  message:
    "This form is for people aged 16 and over. Please see a GP (family doctor) or a children's service about this back pain within the next few days.",
  canBook: false,
  bookWithinDays: null,
};

const UNDER_16_TODAY: NextStep = {
  ...UNDER_16,
  message:
    "This form is for people aged 16 and over. A clinician will phone a parent or carer today; please also see a GP (family doctor) or a children's service today.",
};

/**
 * The next step for a grade: its level, and the under-16 route when Y1 fired (unless it is an
 * emergency). With the answers, the EMERGENCY and URGENT messages say what the result page says
 * first: the condition card's first instruction (for example "call an ambulance now" for a
 * possible aortic emergency), and the URGENT route when the clinic is closed.
 */
export function nextStepFor({
  level,
  firedRules = [],
  answers,
  age,
}: {
  level: Level;
  firedRules?: readonly string[];
  answers?: IntakeAnswers;
  age?: number;
}): NextStep {
  if (level !== "EMERGENCY" && firedRules.includes(UNDER_16_RULE))
    return level === "URGENT" ? UNDER_16_TODAY : UNDER_16;
  const step = STEPS[level];
  if (answers === undefined) return step;
  const input = {
    firedRuleIds: firedRules,
    version: RULESET_VERSION,
    answers,
    age: age ?? null,
    emergencyNumber: null,
  };
  if (level === "EMERGENCY") {
    const { first, closing } = emergencyAdvice({ ...input, sent: true });
    return { ...step, message: [`${first.heading}.`, ...first.lines, ...closing.slice(1)].join(" ") };
  }
  if (level === "URGENT") {
    const { ifClosed, maternity } = urgentAdvice({ ...input, phone: answers.contact.phone, clinicPhone: null });
    if (maternity) return { ...step, message: maternity.points.join(" ") };
    return {
      ...step,
      message: `A clinician will phone you today while the clinic is open. If the clinic is closed, or closes in the next 2 hours: ${ifClosed.points.join(" ")} If a warning sign appears or you get worse, go to an emergency department.`,
    };
  }
  return step;
}
