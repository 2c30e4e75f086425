// Everything the patient's result page says, worked out from the stored grade: the level's page
// (EMERGENCY cards, URGENT routes, the under-16 page, or advice and booking), why, and the warning
// signs. Pure: the page fetches, this decides, the page renders. Rule texts and wording keys come
// from the intake's own ruleset version.
import type { Level, SafetyNet } from "@/lib/triage";
import type { CareCard } from "./advice";
import { LEVEL_COPY, PREGNANCY_ADVICE } from "./advice";
import type { EmergencyAdvice } from "./advice-emergency";
import { emergencyAdvice } from "./advice-emergency";
import { selfCareAdvice } from "./advice-self-care";
import { soonAdvice } from "./advice-soon";
import type { CardId } from "./cards";
import type { StoredAnswers } from "./facts";
import { answerFacts } from "./facts";
import type { SafetyNetContent } from "./safety-net";
import { safetyNetContent } from "./safety-net";
import type { AdviceSection } from "./types";
import type { Under16Page } from "./under-16";
import { UNDER_16_AFTER_EMERGENCY, UNDER_16_FORM, under16Page } from "./under-16";
import type { ClinicHoursNow, UrgentAdvice } from "./urgent";
import { urgentAdvice } from "./urgent";
import { firedIn, ruleSummaries } from "./wording";

export type ResultInput = {
  /** The ruleset version the intake was graded with. */
  version: string;
  level: Level;
  firedRuleIds: readonly string[];
  /** The stored answers, in the contract of `version`. */
  answers: StoredAnswers | null;
  /** Age at grading. */
  age: number | null;
  /** The patient's phone number (the clinician calls it). */
  phone: string;
  clinicPhone: string | null;
  emergencyNumber: string | null;
  /** The engine's safety net for the intake (2026.12 on, below EMERGENCY); null otherwise. */
  safetyNet: SafetyNet | null;
  /** X1: the cards the patient saw on the emergency page (the `seen` parameter), or null when unknown. */
  seen: readonly CardId[] | null;
  /** Who to call while the clinic is closed, as patients should read it; null or missing: NHS 111 wording. */
  outOfHoursPhone?: string | null;
  /**
   * The clinic's hours as the page is shown: EMERGENCY and URGENT pages say when it is closed, and
   * promise no call before it opens. Null or missing when not known (URGENT pages give both routes).
   */
  hours?: ClinicHoursNow | null;
};

/** X1: the patient sent the form from an emergency page, but the answers sent confirm no emergency. */
export type EarlyNotice = {
  readonly heading: string;
  readonly lines: readonly string[];
  /** The cards the patient saw, kept at the top; null when the page does not know them. */
  readonly cards: EmergencyAdvice | null;
};

export type ResultContent = {
  readonly kind: "emergency" | "urgent" | "under16" | "advice";
  readonly level: Level;
  readonly label: string;
  readonly card: CareCard;
  readonly heading: string;
  readonly meaning: string;
  readonly doNow: readonly string[];
  readonly emergency: EmergencyAdvice | null;
  readonly early: EarlyNotice | null;
  readonly urgent: UrgentAdvice | null;
  readonly under16: Under16Page | null;
  /** The under-16 lines after the emergency cards (EMERGENCY for a child). */
  readonly under16AfterEmergency: readonly string[] | null;
  readonly advice: readonly AdviceSection[];
  /** "Why we said this": the fired rules' summaries as released in the intake's version. */
  readonly reasons: readonly string[];
  readonly warnings: SafetyNetContent;
  /** Show the booking button: the level may book and the under-16 route did not fire. */
  readonly canBook: boolean;
};

const BOOKABLE: ReadonlySet<Level> = new Set(["SOON", "ROUTINE", "SELF_CARE"]);

export const EARLY_HEADING = "If you were told to go to an emergency department or call an ambulance, do that now";

/** The result page's content for a stored grade. */
export function resultContent(input: ResultInput): ResultContent {
  const { version, level, firedRuleIds, answers, age, emergencyNumber } = input;
  const facts = answerFacts(version, answers, age);
  const under16Route = firedIn(version, firedRuleIds, "Y1");
  const copy = LEVEL_COPY[level];
  const base = {
    level,
    label: copy.label,
    card: copy.card,
    heading: copy.heading,
    meaning: copy.meaning,
    doNow: copy.doNow,
    emergency: null,
    early: null,
    urgent: null,
    under16: null,
    under16AfterEmergency: null,
    advice: [],
    reasons: ruleSummaries(version, firedRuleIds),
    warnings: safetyNetContent(level === "EMERGENCY" ? null : input.safetyNet, input.outOfHoursPhone),
    canBook: BOOKABLE.has(level) && !under16Route,
  } satisfies Omit<ResultContent, "kind">;

  if (level === "EMERGENCY") {
    const emergency = emergencyAdvice({
      firedRuleIds,
      version,
      answers,
      age,
      emergencyNumber,
      sent: true,
      hours: input.hours,
    });
    return {
      ...base,
      kind: "emergency",
      heading: emergency.first.heading,
      emergency,
      under16AfterEmergency: facts.child || under16Route ? UNDER_16_AFTER_EMERGENCY : null,
    };
  }

  if (level === "URGENT") {
    const urgent = urgentAdvice(input);
    const under16 = under16Route ? under16Page({ urgent: true }) : null;
    const early = firedIn(version, firedRuleIds, "X1") ? earlyNotice(input) : null;
    return {
      ...base,
      kind: "urgent",
      label: under16?.label ?? copy.label,
      heading: urgent.route === "maternity" ? urgent.heading : (under16?.heading ?? urgent.heading),
      meaning: urgent.meaning,
      urgent,
      under16,
      early,
    };
  }

  if (under16Route) {
    const under16 = under16Page({ urgent: false });
    return {
      ...base,
      kind: "under16",
      label: under16.label,
      heading: under16.heading,
      meaning: UNDER_16_FORM,
      doNow: [],
      under16,
    };
  }

  const pregnancy = facts.pregnant ? [PREGNANCY_ADVICE] : [];
  const advice =
    level === "SELF_CARE"
      ? selfCareAdvice({ isRunner: facts.isRunner })
      : level === "SOON"
        ? [...soonAdvice({ firedRuleIds, version, isRunner: facts.isRunner, emergencyNumber }), ...pregnancy]
        : pregnancy;
  return { ...base, kind: "advice", advice };
}

function earlyNotice(input: ResultInput): EarlyNotice {
  const seen = input.seen ?? [];
  if (seen.length === 0) {
    return {
      heading: EARLY_HEADING,
      lines: [
        "You sent your answers from a page that told you to get emergency help.",
        "Do not wait for a call from the clinic before you get help.",
      ],
      cards: null,
    };
  }
  return {
    heading: EARLY_HEADING,
    lines: ["This is the advice you saw before you sent your answers."],
    cards: emergencyAdvice({ ...input, sent: true, cards: seen }),
  };
}
