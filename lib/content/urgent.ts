// The URGENT page (triage-rules.md, "Levels", "URGENT outside staffed hours", "Rule-specific URGENT
// pages", "Pregnancy"). The clinic's staffed hours are not modelled yet, so the page gives both
// routes: a clinician phones today while the clinic is open; when it is closed, or closes within
// the 2-hour acknowledgement deadline, nobody phones until it opens and the page gives one action,
// chosen from the fired rules' wording keys.
import { sepsisAmbulanceSigns } from "./cards";
import { callWord } from "./advice-emergency";
import type { StoredAnswers } from "./facts";
import { answerFacts } from "./facts";
import type { AdviceSection } from "./types";
import { wordingKeys } from "./wording";

/** Where an URGENT patient goes when nobody can phone: the maternity unit, an emergency department, or 111. */
export type UrgentRoute = "maternity" | "ed" | "111";

// The wording keys whose rules send the patient to an emergency department out of hours:
// U4, U5, U6, U8, U9, U12, U13, U14, U20 (urgent.ed), U1, U10, U16 (urgent.infection), U17
// (urgent.aortic), U21 (urgent.blood_thinner) and X1 (urgent.early).
const ED_KEYS = ["urgent.ed", "urgent.infection", "urgent.aortic", "urgent.blood_thinner", "urgent.early"];

export type UrgentInput = {
  firedRuleIds: readonly string[];
  version: string;
  answers: StoredAnswers | null;
  age: number | null;
  /** The patient's phone number (a parent's or carer's for a child): the clinician calls it. */
  phone: string;
  /** The clinic's own phone number, if set. */
  clinicPhone: string | null;
  emergencyNumber: string | null;
};

export type UrgentAdvice = {
  readonly route: UrgentRoute;
  readonly heading: string;
  readonly meaning: string;
  /** U15: contact the maternity unit now (shown first, whatever the time). */
  readonly maternity: AdviceSection | null;
  readonly ifOpen: AdviceSection;
  readonly ifClosed: AdviceSection;
  /** Signs that mean calling an ambulance straight away (sepsis signs; aortic pain), or null. */
  readonly ambulance: AdviceSection | null;
  /** Rule-specific advice: U19 arm or hand, U21 blood thinner, U22 bone stress. */
  readonly specific: readonly AdviceSection[];
};

/** The route out of hours: the first of the spec's list that applies. */
export function urgentRoute(input: Pick<UrgentInput, "firedRuleIds" | "version" | "answers" | "age">): UrgentRoute {
  const keys = wordingKeys(input.version, input.firedRuleIds);
  if (keys.includes("urgent.maternity")) return "maternity";
  const facts = answerFacts(input.version, input.answers, input.age);
  if (keys.some((k) => ED_KEYS.includes(k))) return "ed";
  if (keys.includes("urgent.tummy") && facts.aortaRiskAge) return "ed";
  if (keys.includes("urgent.child") && facts.neuroAny) return "ed";
  return "111";
}

/** The URGENT promise, naming the number we will call so the patient can spot a mistake. */
export function urgentCallText(phone: string): string {
  return `A clinician will phone you today on ${phone.trim()}. If this number is wrong, call the clinic to give us the right one.`;
}

export const MATERNITY: AdviceSection = {
  id: "maternity",
  title: "What to do now",
  points: [
    "Contact the maternity service that looks after you now. This is maternity triage, or the early pregnancy unit if you are in early pregnancy.",
    "Go in now if your waters break, your baby is moving less than usual, you are bleeding, or you have a fever or feel very unwell.",
    "The clinic will also phone you.",
  ],
};

export const ARM_OR_HAND: AdviceSection = {
  id: "urgent_arm",
  title: "Your arm or hand",
  points: [
    "A clinician will call you today to check your arm or hand symptoms.",
    "Go to an emergency department now if your hand becomes weak or clumsy, or the tingling spreads to your other hand or your legs.",
    "Go now as well if your walking changes.",
  ],
};

export const BLOOD_THINNER: AdviceSection = {
  id: "urgent_blood_thinner",
  title: "Your blood thinner",
  points: [
    "Tell the clinician which blood thinner you take, and when you last took it.",
    "Do not stop taking it unless a doctor tells you to.",
    "Go to an emergency department now if you get weakness, numbness or tummy pain, or you feel faint.",
  ],
};

export const BONE_STRESS: AdviceSection = {
  id: "urgent_bone_stress",
  title: "Stop running until you have been checked",
  points: [
    "Your answers suggest a possible stress fracture, a small crack in a bone caused by repeated impact such as running.",
    "Stop running now.",
    "Avoid exercise that puts your weight through your legs, such as running, jumping or long walks.",
    "If you limp, use crutches until you have been seen, if you can get them.",
    "A clinician will call you today.",
  ],
};

/** The URGENT page for the fired rules (X1 included: the early-submission notice is the result page's). */
export function urgentAdvice(input: UrgentInput): UrgentAdvice {
  const keys = wordingKeys(input.version, input.firedRuleIds);
  const facts = answerFacts(input.version, input.answers, input.age);
  const route = urgentRoute(input);
  const call = callWord(input.emergencyNumber);
  const aorticLine = keys.includes("urgent.aortic") || (keys.includes("urgent.tummy") && facts.aortaRiskAge);
  const ambulanceLines = [
    ...(route === "maternity"
      ? [
          `Call ${call} for an ambulance if you are bleeding heavily, you collapse or faint, or the pain is severe and constant.`,
        ]
      : []),
    ...(aorticLine ? [`Call ${call} for an ambulance if the pain becomes severe or you feel faint.`] : []),
    ...(keys.includes("urgent.infection") ? sepsisAmbulanceSigns({ call, facts, cordToo: false }) : []),
  ];
  const clinic = input.clinicPhone?.trim() ? ` on ${input.clinicPhone.trim()}` : "";
  const closedAction: Record<UrgentRoute, string[]> = {
    maternity: ["Contact your maternity unit now."],
    ed: ["Go to an emergency department now. Do not drive yourself."],
    "111": ["Call NHS 111 now (in the UK), or your own doctor's out-of-hours service."],
  };

  return {
    route,
    heading: route === "maternity" ? "Contact your maternity unit now" : "You need to speak to a clinician today",
    meaning:
      route === "maternity"
        ? "Back pain in pregnancy, or soon after, can have causes that need checking by a maternity team today."
        : "Some of your answers mean a clinician needs to speak to you today, before any appointment is booked.",
    maternity: route === "maternity" ? MATERNITY : null,
    ifOpen: {
      id: "if_open",
      title: "If the clinic is open now",
      points: [
        urgentCallText(input.phone),
        "Keep your phone with you. Answer calls, even from numbers you do not know.",
        `If no one has called you by the end of the day, call the clinic${clinic}.`,
        "If a warning sign appears or you get worse, go to an emergency department. Do not wait for our call.",
      ],
    },
    ifClosed: {
      id: "if_closed",
      title: "If the clinic is closed, or closes in the next 2 hours",
      points: ["Nobody from the clinic will phone you until it opens.", ...closedAction[route]],
    },
    ambulance: ambulanceLines.length
      ? { id: "call_ambulance", title: "When to call an ambulance", points: ambulanceLines }
      : null,
    specific: [
      ...(keys.includes("urgent.arm") ? [ARM_OR_HAND] : []),
      ...(keys.includes("urgent.blood_thinner") ? [BLOOD_THINNER] : []),
      ...(keys.includes("urgent.bone_stress") ? [BONE_STRESS] : []),
    ],
  };
}
