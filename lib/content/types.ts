// The shapes of the patient-facing words. Question copy is typed against the intake contract
// (IntakeAnswers), so a field the contract adds or renames is a type error here until it has words.
import type { IntakeAnswers } from "@/lib/triage";

/** One answer choice as a patient reads it; `examples` is shown as a short bulleted list. */
export type Option = { readonly label: string; readonly hint?: string; readonly examples?: readonly string[] };

/**
 * A label for every allowed value of an enum field, keyed by the contract's value. Keys are
 * non-numeric strings, so object order is insertion order: render them in the order written.
 */
export type Options<V extends string> = { readonly [K in V]: Option };

type Base = {
  /** The question or field label, as the patient reads it. */
  readonly label: string;
  /** Short help shown under the label. */
  readonly hint?: string;
  /** Examples shown as a bulleted list after the hint (easier to read than one long sentence). */
  readonly examples?: readonly string[];
  /** Why we ask, in one or two plain sentences. */
  readonly why?: string;
};

export type TextQuestion = Base & { readonly kind: "text"; readonly maxLength?: number };

/** GOV.UK date-input pattern: 3 boxes (day, month, year), joined into YYYY-MM-DD by the form. */
export type DateQuestion = Base & {
  readonly kind: "date";
  readonly parts: { readonly day: string; readonly month: string; readonly year: string };
};

export type NumberQuestion = Base & {
  readonly kind: "number";
  /** Unit shown after the box, e.g. "days". */
  readonly suffix?: string;
  /** For rating scales: what the lowest and highest numbers mean. */
  readonly scale?: { readonly low: string; readonly high: string };
};

export type YesNoQuestion = Base & { readonly kind: "yes_no" };

/** A single tick box the patient must tick (e.g. agreeing to the privacy notice). */
export type ConfirmQuestion = Base & {
  readonly kind: "confirm";
  /** A link to read before ticking (e.g. the privacy notice), opened in a new tab so the form keeps its answers. */
  readonly linkText?: string;
  readonly linkHref?: string;
};

export type ChoiceQuestion<V extends string> = Base & { readonly kind: "choice"; readonly options: Options<V> };

/**
 * Tick all that apply. `exclusive` names an answer that can only be chosen on its own
 * (for example "I'm not sure").
 */
export type MultiChoiceQuestion<V extends string> = Base & {
  readonly kind: "multi_choice";
  readonly options: Options<V>;
  readonly exclusive?: V;
};

/** Added to a question whose answer may be null: the words for "I don't know". */
export type Unknowable = { readonly unknownLabel: string };

type MaybeUnknown<T, Q> = null extends T ? Q & Unknowable : Q;

/** The copy a field needs, worked out from its type in the contract. */
export type FieldCopy<T> = [NonNullable<T>] extends [true]
  ? ConfirmQuestion
  : [NonNullable<T>] extends [boolean]
    ? MaybeUnknown<T, YesNoQuestion>
    : [NonNullable<T>] extends [number]
      ? MaybeUnknown<T, NumberQuestion>
      : [NonNullable<T>] extends [readonly (infer E extends string)[]]
        ? MultiChoiceQuestion<E>
        : [NonNullable<T>] extends [string]
          ? string extends NonNullable<T>
            ? TextQuestion
            : ChoiceQuestion<NonNullable<T>>
          : [NonNullable<T>] extends [object]
            ? SectionCopy<NonNullable<T>>
            : never;

/**
 * Copy for every field of one section of the contract (a section that may be null in an early
 * submission has the same questions). A nested object, such as `onsetDays`, has a question per field.
 */
export type SectionCopy<S> = { readonly [K in keyof NonNullable<S>]-?: FieldCopy<NonNullable<S>[K]> };

export type ContactCopy = Omit<SectionCopy<IntakeAnswers["contact"]>, "dateOfBirth"> & {
  readonly dateOfBirth: DateQuestion;
};

type Pain = IntakeAnswers["pain"];

/** `dangerousMechanism` is null when it is not asked (not "I don't know"): a plain yes/no question. */
export type PainCopy = Omit<SectionCopy<Pain>, "dangerousMechanism"> & { readonly dangerousMechanism: YesNoQuestion };

type Cauda = NonNullable<IntakeAnswers["cauda"]>;

/** Every nerve-check question also says why we ask it; each symptom has its own "when did it start?". */
export type CaudaCopy = {
  readonly [K in Exclude<keyof Cauda, "onsetDays">]-?: FieldCopy<Cauda[K]> & { readonly why: string };
} & { readonly onsetDays: SectionCopy<Cauda["onsetDays"]> };

type History = NonNullable<IntakeAnswers["history"]>;

/** "not_applicable" is what the form stores when it does not ask about pregnancy: it is never an option. */
export type HistoryCopy = Omit<SectionCopy<History>, "pregnancy"> & {
  readonly pregnancy: ChoiceQuestion<Exclude<History["pregnancy"], "not_applicable">>;
};

type Outlook = NonNullable<IntakeAnswers["outlook"]>;
type StringsFor<T extends readonly unknown[]> = { readonly [I in keyof T]: string };

/** The recovery outlook screen: 8 agree/disagree statements, then how bothersome the pain is. */
export type OutlookCopy = {
  readonly kind: "outlook_screen";
  readonly name: string;
  readonly intro: string;
  readonly answers: { readonly agree: string; readonly disagree: string };
  /** Statements 1–8, in contract order; "agree" is stored as true. */
  readonly items: StringsFor<Outlook["items"]>;
  readonly bothersomeness: ChoiceQuestion<Outlook["bothersomeness"]>;
};

export type FunctionSectionId =
  | "pain_intensity"
  | "personal_care"
  | "lifting"
  | "walking"
  | "sitting"
  | "standing"
  | "sleeping"
  | "social_life"
  | "travelling"
  | "work_or_home";

/** Option i describes score i: 0 = no difficulty, 5 = the most difficulty. */
export type SixOptions = readonly [string, string, string, string, string, string];

export type FunctionSectionCopy = {
  readonly id: FunctionSectionId;
  /** Short topic name, e.g. for the check-answers page. */
  readonly title: string;
  readonly label: string;
  readonly options: SixOptions;
};

type Ten<T> = readonly [T, T, T, T, T, T, T, T, T, T];

/** The daily function screen: 10 sections in contract order, each scored 0–5 or skipped. */
export type FunctionCopy = {
  readonly kind: "function_screen";
  readonly name: string;
  readonly intro: string;
  readonly sections: Ten<FunctionSectionCopy>;
};

type CopyFor<K extends keyof IntakeAnswers> = K extends "contact"
  ? ContactCopy
  : K extends "pain"
    ? PainCopy
    : K extends "cauda"
      ? CaudaCopy
      : K extends "history"
        ? HistoryCopy
        : K extends "outlook"
          ? OutlookCopy
          : K extends "function"
            ? FunctionCopy
            : K extends "notes"
              ? TextQuestion
              : SectionCopy<IntakeAnswers[K]>;

/** Fields the form sets itself and never asks: `stoppedAt` (set by the emergency page). */
type NeverAsked = "stoppedAt";

/** Words for every field of the intake contract that the patient is asked. */
export type QuestionsCopy = { readonly [K in Exclude<keyof IntakeAnswers, NeverAsked>]-?: CopyFor<K> };

/** A block of advice: a short heading and a few plain points. */
export type AdviceSection = {
  readonly id: string;
  readonly title: string;
  readonly points: readonly string[];
  /** Only shown to people who said they run. */
  readonly runnersOnly?: true;
};
