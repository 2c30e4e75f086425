// The state of My back's question forms (check-ins, the running plan's week, the activities), shared
// by their server actions and the client form.

export type QuestionFormState = {
  status: "idle" | "error";
  /** What was chosen, by question name, so a refused submit loses nothing. */
  values: Record<string, string>;
  /** One message per question name; `form` for a problem with the answers as a whole. */
  fieldErrors?: Record<string, string>;
};

/** One question: its form name, words and choices (value, words); `multiple` makes it checkboxes. */
export type FormQuestion = {
  name: string;
  label: string;
  hint?: string;
  options: [string, string][];
  optional?: boolean;
  multiple?: boolean;
  /** A heading shown above the first question of each group. */
  group?: string;
};

/** The element id of one choice of a question (the error summary links to a question's first). */
export const choiceId = (name: string, value: string) => `${name.replace(/[^A-Za-z0-9_-]/g, "-")}-${value}`;

/** The first message for each question name (others under `form`), from a zod field-error map. */
export function formErrors(
  fieldErrors: Record<string, string[]>,
  names: ReadonlySet<string>,
  nameOf: (path: string) => string = (p) => p,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const name = nameOf(path);
    const field = names.has(name) ? name : "form";
    out[field] ??=
      field === "form" ? "Some answers do not fit together. Please check them and try again." : messages[0]!;
  }
  return out;
}
