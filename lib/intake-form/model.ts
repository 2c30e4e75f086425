// The intake form's plain data: what a field looks like on the page and what a form posts back.
import type { StepId } from "@/lib/content";

export type ChoiceOption = { value: string; label: string; hint?: string };

type Common = {
  /** The form field name: the answer's dotted path (contact.email), or a special name. */
  name: string;
  label: string;
  hint?: string;
  /** Nerve-check questions say why we ask. */
  why?: string;
  /** Shown only when any of these radio groups has this value (always shown without JavaScript). */
  revealWhen?: { names: string[]; values: string[] };
};

export type FieldView =
  | (Common & { kind: "text"; inputType: "text" | "email" | "tel"; autoComplete?: string; maxLength?: number })
  | (Common & { kind: "textarea"; maxLength: number })
  | (Common & { kind: "date"; parts: { day: string; month: string; year: string } })
  | (Common & { kind: "number"; suffix?: string; unknownLabel?: string; decimal?: boolean })
  | (Common & { kind: "scale"; low: string; high: string })
  | (Common & { kind: "choice"; options: ChoiceOption[] })
  | (Common & { kind: "yes_no"; unknownLabel?: string })
  | (Common & { kind: "confirm" })
  | (Common & { kind: "regions" })
  | (Common & { kind: "outlook"; items: string[]; agree: string; disagree: string; bothersomeness: ChoiceOption[]; bothersomenessLabel: string })
  | (Common & { kind: "function"; sections: { title: string; label: string; options: string[] }[] });

/** What the form shows: posted values as strings, so a failed submit shows exactly what was typed. */
export type RawValues = Record<string, string | string[]>;

export type FormState = {
  status: "idle" | "error";
  values: RawValues;
  fieldErrors?: Record<string, string[]>;
  /** Check-answers only: errors that belong on another step, with a link to it. */
  stepErrors?: { step: StepId; name: string; message: string }[];
  message?: string;
};

/** The answers gathered so far, section by section (contact, pain, legs, …). */
export type DraftAnswers = Record<string, unknown>;
