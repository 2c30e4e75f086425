// The URGENT page (triage-rules.md, "Levels", "URGENT outside staffed hours", "Rule-specific URGENT
// pages", "Pregnancy"). When the clinic's hours are known as the page is shown (lib/clinic-hours.ts),
// the page says what happens now: open, a clinician phones within the acknowledgement time; closed,
// or closing before that time is up, nobody phones until it opens and the page gives one action,
// chosen from the fired rules' wording keys. When they are not known (the API's next step), it
// gives both routes.
import { sepsisAmbulanceSigns } from "./cards";
import { callWord } from "./advice-emergency";
import type { StoredAnswers } from "./facts";
import { answerFacts } from "./facts";
import type { AdviceSection } from "./types";
import { wordingKeys } from "./wording";

/** Where an URGENT patient goes when nobody can phone: the maternity unit, an emergency department, or 111 (the out-of-hours number). */
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
  /** Who to call while the clinic is closed, as patients should read it ("NHS 111"); null: NHS 111 or their own doctor. */
  outOfHoursPhone?: string | null;
  /** The clinic's hours as the page is shown; null or missing when not known (then both routes are given). */
  hours?: ClinicHoursNow | null;
};

/** The clinic's hours as the page is shown (lib/clinic-hours.ts works them out); times already in words. */
export type ClinicHoursNow =
  /** Open, and staying open for the URGENT acknowledgement time. */
  | { readonly state: "open"; readonly ackMinutes: number }
  /** Open, but closing before the acknowledgement time is up ("today at 6:00 pm"). */
  | { readonly state: "closing"; readonly closesAt: string; readonly opensAt: string | null }
  /** Closed; `opensAt` ("tomorrow at 8:00 am") is null when it does not open in the next 60 days. */
  | { readonly state: "closed"; readonly opensAt: string | null };

export type UrgentAdvice = {
  readonly route: UrgentRoute;
  readonly heading: string;
  readonly meaning: string;
  /** U15: contact the maternity unit now (shown first, whatever the time). */
  readonly maternity: AdviceSection | null;
  /** Both routes, for when the clinic's hours are not known. */
  readonly ifOpen: AdviceSection;
  readonly ifClosed: AdviceSection;
  /**
   * When the clinic's hours are known, what happens now, shown instead of both routes: open, the
   * call ("open_now"); closed or closing soon, nobody phones until it opens and one action ("closed_now").
   */
  readonly now: AdviceSection | null;
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

/**
 * The URGENT promise, naming the number we will call so the patient can spot a mistake: "today"
 * when the clinic's hours are not known, else within the acknowledgement time while it is open.
 */
export function urgentCallText(phone: string, ackMinutes?: number): string {
  const when = ackMinutes ? `within ${minutesInWords(ackMinutes)}, during opening hours,` : "today";
  return `A clinician will phone you ${when} on ${phone.trim()}. If this number is wrong, call the clinic to give us the right one.`;
}

/** "45 minutes", "2 hours", "1 hour and 30 minutes". */
export function minutesInWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h ? `${h} ${h === 1 ? "hour" : "hours"}` : "";
  const mins = m ? `${m} ${m === 1 ? "minute" : "minutes"}` : "";
  return hours && mins ? `${hours} and ${mins}` : hours || mins;
}

/** Who to call while the clinic is closed: the clinic's out-of-hours number, or NHS 111 and the patient's own doctor. */
export function outOfHoursCall(outOfHoursPhone: string | null | undefined): string {
  const phone = outOfHoursPhone?.trim();
  return phone ? `Call ${phone} now.` : "Call NHS 111 now (in the UK), or your own doctor's out-of-hours service.";
}

const MATERNITY_CALL = "The clinic will also phone you.";
const ARM_CALL = "A clinician will call you today to check your arm or hand symptoms.";
const BONE_STRESS_CALL = "A clinician will call you today.";

// While the clinic is closed, nobody phones today: the same lines, said honestly.
const CLOSED_LINES: ReadonlyMap<string, string> = new Map([
  [MATERNITY_CALL, "The clinic will also phone you after it opens."],
  [ARM_CALL, "A clinician will call you after the clinic opens to check your arm or hand symptoms."],
  [BONE_STRESS_CALL, "A clinician will call you after the clinic opens."],
]);

const afterOpening = (section: AdviceSection): AdviceSection => ({
  ...section,
  points: section.points.map((p) => CLOSED_LINES.get(p) ?? p),
});

export const MATERNITY: AdviceSection = {
  id: "maternity",
  title: "What to do now",
  points: [
    "Contact the maternity service that looks after you now. This is maternity triage, or the early pregnancy unit if you are in early pregnancy.",
    "Go in now if your waters break, your baby is moving less than usual, you are bleeding, or you have a fever or feel very unwell.",
    MATERNITY_CALL,
  ],
};

export const ARM_OR_HAND: AdviceSection = {
  id: "urgent_arm",
  title: "Your arm or hand",
  points: [
    ARM_CALL,
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
    BONE_STRESS_CALL,
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
    "111": [outOfHoursCall(input.outOfHoursPhone)],
  };
  const hours = input.hours ?? null;
  const closed = hours !== null && hours.state !== "open";
  const specific = [
    ...(keys.includes("urgent.arm") ? [ARM_OR_HAND] : []),
    ...(keys.includes("urgent.blood_thinner") ? [BLOOD_THINNER] : []),
    ...(keys.includes("urgent.bone_stress") ? [BONE_STRESS] : []),
  ];

  return {
    route,
    heading: route === "maternity" ? "Contact your maternity unit now" : "You need to speak to a clinician today",
    meaning:
      route === "maternity"
        ? "Back pain in pregnancy, or soon after, can have causes that need checking by a maternity team today."
        : "Some of your answers mean a clinician needs to speak to you today, before any appointment is booked.",
    maternity: route === "maternity" ? (closed ? afterOpening(MATERNITY) : MATERNITY) : null,
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
    now: hours ? nowSection(hours, { ...input, route, clinic, action: closedAction[route] }) : null,
    ambulance: ambulanceLines.length
      ? { id: "call_ambulance", title: "When to call an ambulance", points: ambulanceLines }
      : null,
    specific: closed ? specific.map(afterOpening) : specific,
  };
}

/** What happens now, for the clinic's hours as the page is shown. */
function nowSection(
  hours: ClinicHoursNow,
  input: UrgentInput & { route: UrgentRoute; clinic: string; action: string[] },
): AdviceSection {
  if (hours.state === "open") {
    const within = minutesInWords(hours.ackMinutes);
    return {
      id: "open_now",
      title: "The clinic is open now",
      points: [
        urgentCallText(input.phone, hours.ackMinutes),
        "Keep your phone with you. Answer calls, even from numbers you do not know.",
        `If no one has called you within ${within}, call the clinic${input.clinic}.`,
        "If a warning sign appears or you get worse, go to an emergency department. Do not wait for our call.",
      ],
    };
  }
  const opens = hours.opensAt ? `It opens again ${hours.opensAt}.` : null;
  const status =
    hours.state === "closed"
      ? [
          opens ? `The clinic is closed now. ${opens}` : "The clinic is closed now.",
          "Nobody from the clinic will phone you until it opens.",
        ]
      : [
          `The clinic closes ${hours.closesAt}, so a clinician may not be able to phone you before then.`,
          ...(opens ? [opens] : []),
          "Nobody from the clinic will phone you while it is closed.",
        ];
  // The out-of-hours route: do not wait for the opening, and the emergency number if it gets worse.
  const waitLess =
    input.route === "111"
      ? [
          `Do not wait until the clinic opens. ${input.action.join(" ")}`,
          `If you get worse, or you get any of the warning signs below, call ${callWord(input.emergencyNumber)} or go to an emergency department now.`,
        ]
      : input.action;
  return {
    id: "closed_now",
    title: hours.state === "closed" ? "The clinic is closed now" : "The clinic closes soon",
    points: [...status, ...waitLess],
  };
}
