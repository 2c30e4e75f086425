// The check form's state, shared by its action and its client form.
import type { CheckQuestion } from "@/lib/booking/pre-visit";

export type CheckFormState = {
  status: "idle" | "error";
  /** What was chosen, by question name, so a refused submit loses nothing. */
  values: Record<string, string>;
  /** One message per question name; `form` for a problem with the answers as a whole. */
  fieldErrors?: Record<string, string>;
};

/** The element id of one choice of a question (the error summary links to a question's first). */
export const choiceId = (name: string, value: string) => `${name.replace(/\./g, "-")}-${value}`;

export type { CheckQuestion };
