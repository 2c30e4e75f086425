// The EMERGENCY advice (triage-rules.md, "What each card must say"): the main card is the first
// that applies in the spec's order; the page's first instruction is the most urgent action of any
// card that applies (an ambulance now, then an ambulance on conditions, then "go now"); the extra
// steps and "tell the staff" lines of every other card follow. Used by the result page, the early
// interrupt page (before the answers are sent) and the X1 page (the cards the patient already saw).
import type { ActionKind, CardContext, CardId, CardIdsInput } from "./cards";
import { CARDS, emergencyCardIds, sortCardIds } from "./cards";
import { answerFacts } from "./facts";
import type { ClinicHoursNow } from "./urgent";
import { firedIn } from "./wording";

/** What to call the number: the clinic's emergency number, or words when none is set up. */
export function callWord(emergencyNumber: string | null | undefined): string {
  const number = emergencyNumber?.trim();
  return number ? number : "the emergency number";
}

/** The number as a tel: link target (digits and +), or null when there is no usable number. */
export function telHref(emergencyNumber: string | null | undefined): string | null {
  const digits = emergencyNumber?.replace(/[^\d+]/g, "") ?? "";
  return /\d/.test(digits) ? `tel:${digits}` : null;
}

export const TAKE_THIS_PAGE = "Take this page with you, or a copy of your answers.";
export const CLINIC_TOLD =
  "The clinic has been told. Someone will call you to check that you got help, but do not wait for that call.";
/** CLINIC_TOLD while the clinic is closed: nobody phones before it opens, so no call is promised. */
export function clinicToldClosed(opensAt: string | null): string {
  const opens = opensAt ? ` and opens again ${opensAt}` : "";
  return `The clinic has been told, but it is closed now${opens}. Do not wait for a call from the clinic: get help now.`;
}
export const CLINIC_NOT_TOLD_YET =
  "The clinic is told only if you send your answers. Do not wait for a call from the clinic before you get help.";
export const ADULT_GOES_TOO =
  "If you are under 16, an adult should go with you. Show this page to a parent or carer now.";

export type EmergencyAdviceInput = CardIdsInput & {
  /** The clinic's configured emergency number (999, 112, 911), or null. */
  emergencyNumber: string | null;
  /** Whether the answers have been sent to the clinic (false on the interrupt page). */
  sent: boolean;
  /** Under 16; by default worked out from `age`. */
  child?: boolean;
  /** Show these cards instead of the fired rules' (the X1 page: the cards the patient already saw). */
  cards?: readonly CardId[];
  /** The clinic's hours as the page is shown; null or missing when not known. */
  hours?: ClinicHoursNow | null;
};

/** One card as shown: the main card has its title and meaning; every card its steps and "tell the staff" lines. */
export type CardBlock = {
  readonly id: CardId | "general";
  readonly title: string;
  readonly why: readonly string[];
  readonly steps: readonly string[];
  readonly tellStaff: readonly string[];
};

export type EmergencyAdvice = {
  /** The cards that apply, main card first (empty only for the general fallback). */
  readonly cards: readonly CardId[];
  /** The first instruction on the page. */
  readonly first: {
    readonly kind: ActionKind;
    readonly heading: string;
    readonly lines: readonly string[];
    /** The first action is calling an ambulance (now, or on the conditions it names). */
    readonly ambulance: boolean;
  };
  /** The call button: `href` is null when no emergency number is configured. */
  readonly call: { readonly label: string; readonly href: string | null };
  readonly main: CardBlock;
  readonly others: readonly CardBlock[];
  /** Take this page; the clinic has (or has not yet) been told; an adult goes with a child. */
  readonly closing: readonly string[];
};

const GENERAL: CardBlock = {
  id: "general",
  title: "Your answers need checking in hospital now",
  why: ["Some of your answers could mean a serious problem that needs checking in hospital straight away."],
  steps: ["Do not wait for the clinic to call you."],
  tellStaff: ["Tell the staff about the answers you gave us."],
};

const RANK: Readonly<Record<ActionKind, number>> = { call_now: 2, call_if: 1, go_now: 0 };

/** The EMERGENCY advice for the fired rules (or for `cards`), with the clinic's emergency number filled in. */
export function emergencyAdvice(input: EmergencyAdviceInput): EmergencyAdvice {
  const { firedRuleIds, version, answers, age = null, emergencyNumber, sent } = input;
  const facts = answerFacts(version, answers, age);
  const child = input.child ?? facts.child;
  const ctx: CardContext = {
    call: callWord(emergencyNumber),
    facts: { ...facts, child },
    cordToo: firedIn(version, firedRuleIds, "E2") || firedIn(version, firedRuleIds, "E11"),
  };
  const cards = input.cards ? sortCardIds(input.cards) : emergencyCardIds({ firedRuleIds, version, answers, age });
  const told = input.hours?.state === "closed" ? clinicToldClosed(input.hours.opensAt) : CLINIC_TOLD;
  const closing = [TAKE_THIS_PAGE, sent ? told : CLINIC_NOT_TOLD_YET, ...(child ? [ADULT_GOES_TOO] : [])];
  const call = {
    label: emergencyNumber?.trim() ? `Call ${emergencyNumber.trim()}` : "Call the emergency number",
    href: telHref(emergencyNumber),
  };

  if (cards.length === 0) {
    return {
      cards,
      first: {
        kind: "go_now",
        heading: "Go to an emergency department now",
        lines: ["Do not drive yourself.", `Call ${ctx.call} for an ambulance if you cannot get there safely.`],
        ambulance: false,
      },
      call,
      main: GENERAL,
      others: [],
      closing,
    };
  }

  // The most urgent first action of any card; on a tie, the card that comes first in the order.
  const actions = cards.map((id) => ({ id, action: CARDS[id].action(ctx) }));
  const lead = actions.reduce((best, a) => (RANK[a.action.kind] > RANK[best.action.kind] ? a : best), actions[0]!);
  const ambulanceCalled = lead.action.kind === "call_now";

  const block = (id: CardId, isMain: boolean): CardBlock => {
    const words = CARDS[id];
    const leads = id === lead.id;
    const steps = leads
      ? words.steps(ctx)
      : [...(ambulanceCalled ? [] : words.ambulanceIf(ctx)), ...words.alsoNow(ctx), ...words.steps(ctx)];
    return {
      id,
      title: words.title(ctx),
      why: isMain ? words.why(ctx) : [],
      steps: unique(steps),
      tellStaff: words.tellStaff(ctx),
    };
  };

  const [mainId, ...otherIds] = cards as [CardId, ...CardId[]];
  const main = block(mainId, true);
  const shown = new Set<string>([...lead.action.lines, ...main.steps]);
  // A line another card already gave (for example "Do not wait for the clinic to call you") is said once.
  const others = otherIds.map((id) => {
    const b = block(id, false);
    const steps = b.steps.filter((s) => !shown.has(s));
    steps.forEach((s) => shown.add(s));
    return { ...b, steps };
  });

  return {
    cards,
    first: {
      kind: lead.action.kind,
      heading: lead.action.heading,
      lines: lead.action.lines,
      ambulance: lead.action.kind !== "go_now",
    },
    call,
    main,
    others,
    closing,
  };
}

function unique(lines: readonly string[]): string[] {
  return [...new Set(lines)];
}
