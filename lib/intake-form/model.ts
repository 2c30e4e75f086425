// The intake form's plain data: what a field looks like on the page and what a form posts back.
import type { StepId } from "@/lib/content";

export type ChoiceOption = { value: string; label: string; hint?: string; examples?: readonly string[] };

/**
 * A condition on an answer given on the same page, read from the posted strings, so the browser
 * (with JavaScript) and the server (without it) decide alike whether a follow-up applies:
 * - `values`: the radio or tick-box group `name` has one of these values;
 * - `ageUnder`: the date of birth in the date boxes `name` gives an age below this on `today`.
 */
export type RevealCondition =
  { name: string; values: readonly string[] } | { name: string; ageUnder: number; today: string };

type Common = {
  /** The form field name: the answer's dotted path (contact.email), or a special name. */
  name: string;
  label: string;
  hint?: string;
  /** A short bulleted list shown after the hint. */
  examples?: readonly string[];
  /** Why we ask. */
  why?: string;
  /** Shown only when at least one of these holds; always shown when absent. */
  revealWhen?: readonly RevealCondition[];
};

export type FieldView =
  | (Common & { kind: "text"; inputType: "text" | "email" | "tel"; autoComplete?: string; maxLength?: number })
  | (Common & { kind: "textarea"; maxLength: number })
  | (Common & { kind: "date"; parts: { day: string; month: string; year: string } })
  /** `storedPerShown`: the answer is asked in one unit and stored in another (miles asked, km stored). */
  | (Common & { kind: "number"; suffix?: string; unknownLabel?: string; decimal?: boolean; storedPerShown?: number })
  | (Common & { kind: "scale"; low: string; high: string })
  | (Common & { kind: "choice"; options: ChoiceOption[] })
  | (Common & { kind: "checkboxes"; options: ChoiceOption[]; exclusive?: string })
  | (Common & { kind: "yes_no"; unknownLabel?: string })
  /** `link`: something to read before ticking, opened in a new tab (the privacy notice). */
  | (Common & { kind: "confirm"; link?: { text: string; href: string } })
  | (Common & { kind: "regions" })
  /** Information, not a question: `label` is its heading, `points` its sentences. */
  | (Common & { kind: "notice"; points: readonly string[] })
  | (Common & {
      kind: "outlook";
      items: string[];
      agree: string;
      disagree: string;
      bothersomeness: ChoiceOption[];
      bothersomenessLabel: string;
    })
  /**
   * Part of the daily-function screen: `sections` are those this page asks, the first being section
   * `first` (from 0); `kept` are all 10 answers as the draft has them, for the sections asked elsewhere.
   */
  | (Common & {
      kind: "function";
      first: number;
      kept: (number | null)[];
      sections: { title: string; label: string; options: string[] }[];
    });

/** What the form shows: posted values as strings, so a failed submit shows exactly what was typed. */
export type RawValues = Record<string, string | string[]>;

export type FormState = {
  /** "more": an answer brought follow-up questions the patient has not seen yet (not an error). */
  status: "idle" | "error" | "more";
  values: RawValues;
  fieldErrors?: Record<string, string[]>;
  /** With status "more": the follow-up questions the patient has not seen yet. */
  added?: string[];
  /** Check-answers only: errors that belong on another step, with a link to it. */
  stepErrors?: { step: StepId; name: string; message: string }[];
  message?: string;
};

/** The answers gathered so far, section by section (contact, pain, legs, …). */
export type DraftAnswers = Record<string, unknown>;

/** The posted field that lists the questions the patient could see when they pressed Continue. */
export const SHOWN_FIELD = "_shown";
