import type { z } from "zod";

/** The key under which issues about the whole value (an empty path) are collected. */
export const ROOT_FIELD = "_root";

/**
 * Groups a zod error's messages by dotted field path ("contact.email", "function.sections.3"),
 * in issue order, the shape both the API's 400 body and the forms' inline errors use.
 * Issues on the value as a whole go under "_root".
 */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  // A null-prototype record: a path such as "__proto__" or "constructor" is just another key.
  const out: Record<string, string[]> = Object.create(null);
  const add = (path: readonly PropertyKey[], message: string) => {
    const key = path.length === 0 ? ROOT_FIELD : path.map(String).join(".");
    const messages = out[key];
    if (messages === undefined) out[key] = [message];
    else if (!messages.includes(message)) messages.push(message);
  };
  let unknown = 0;
  for (const issue of error.issues) {
    if (issue.code !== "unrecognized_keys") {
      add(issue.path, issue.message);
      continue;
    }
    // Each unknown field gets its own entry (an old client names the fields it must stop sending),
    // up to a limit so a body of thousands of keys does not come back as thousands of errors.
    for (const key of issue.keys) {
      if (unknown++ >= MAX_UNKNOWN_FIELDS) break;
      add([...issue.path, key.slice(0, 100)], UNKNOWN_FIELD);
    }
    if (unknown > MAX_UNKNOWN_FIELDS) add(issue.path, issue.message);
  }
  return out;
}

/** The message for a field the form does not have (for example one a newer contract removed). */
export const UNKNOWN_FIELD = "Unknown field: this form does not ask for it";
const MAX_UNKNOWN_FIELDS = 20;

/**
 * What a staff form shows after its action answered without moving on: the one state of every
 * staff, settings and sign-in form (useActionState). Plain data, as a server action must return.
 */
export type FormState = {
  /** About the whole form, e.g. "You cannot change your own role. Ask another admin." */
  message?: string;
  /** Messages by field name; one for a field the form does not show (a hidden id) reads as a message. */
  fieldErrors?: Record<string, string[]>;
  /** What was typed (never a password), so a refusal loses nothing. */
  values?: Record<string, string>;
  /** When the answer came: a new value remounts the form with `values` and moves focus to its errors. */
  at?: number;
};

/** Why a change was not made: messages beside fields, or one for the whole form. */
export type Refusal = { ok: false; message?: string; fieldErrors?: Record<string, string[]> };

/** A refusal for the whole form. */
export const refuse = (message: string): Refusal => ({ ok: false, message });

/** A refusal beside one field. */
export const fieldError = (field: string, message: string): Refusal => ({
  ok: false,
  fieldErrors: { [field]: [message] },
});

/** Input that did not parse: each message beside its field. */
export const invalid = (error: z.ZodError): Refusal => ({ ok: false, fieldErrors: fieldErrors(error) });

/**
 * Parses raw input (a form's strings) with the schema and runs the change on what it gives; input
 * that does not parse is refused with each message beside its field, as the form shows it.
 */
export async function parseThen<S extends z.ZodType, R>(
  schema: S,
  input: unknown,
  change: (data: z.output<S>) => Promise<R>,
): Promise<R | Refusal> {
  const parsed = schema.safeParse(input);
  return parsed.success ? change(parsed.data) : invalid(parsed.error);
}

// C0 control characters (U+0000–U+001F). NUL cannot be stored at all (PostgreSQL refuses it in
// text and JSON); the others are never typed, only pasted or forged. Free text (a note, a reason:
// a textarea) may hold tab, line feed and carriage return (browsers send new lines as CR LF).
const CONTROL = /[\u0000-\u001f]/;
const CONTROL_IN_FREE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const CONTROL_IN_FREE_TEXT_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

const MAX_CONTROL_ERRORS = 20;

/** The message beside a field that holds a control character. */
export const CONTROL_CHARACTER_MESSAGE = "Remove the hidden control character (such as NUL) from this answer";

/** Options for a zod refine that refuses control characters, e.g. `.refine(oneLineText, CONTROL_CHARACTER)`. */
export const CONTROL_CHARACTER = { error: CONTROL_CHARACTER_MESSAGE } as const;

/**
 * Whether a text holds a control character its field may not: any, in a one-line field; any but
 * tab and new line, in free text. Whitespace at either end, which the schemas trim away, does not count.
 */
export function hasControlCharacter(value: string, { freeText = false } = {}): boolean {
  return (freeText ? CONTROL_IN_FREE_TEXT : CONTROL).test(value.trim());
}

/** A one-line field's text has no control character (for zod's refine). */
export const oneLineText = (value: string): boolean => !hasControlCharacter(value);

/** Free text has no control character but tab and new line (for zod's refine). */
export const freeText = (value: string): boolean => !hasControlCharacter(value, { freeText: true });

/** Free text without its control characters (tab and new lines kept), for a field that is never refused. */
export function withoutControlCharacters(value: string): string {
  return value.replace(CONTROL_IN_FREE_TEXT_ALL, "");
}

/**
 * The refusal of every text in `input` (a parsed JSON body or a form's values, nested objects and
 * arrays) that holds a control character, by dotted path as fieldErrors() gives them; null when
 * there is none. Paths listed in `freeText` may hold tab and new lines. Checked before the schema,
 * so such a value is refused with a clear message and never reaches the database.
 */
export function controlCharacterErrors(
  input: unknown,
  { freeText: freeTextPaths = [] }: { freeText?: readonly string[] } = {},
): Record<string, string[]> | null {
  const out: Record<string, string[]> = Object.create(null);
  let found = 0;
  const visit = (value: unknown, path: string[], depth: number) => {
    if (found >= MAX_CONTROL_ERRORS || depth > 20) return;
    if (typeof value === "string") {
      const key = path.length ? path.join(".") : ROOT_FIELD;
      if (hasControlCharacter(value, { freeText: freeTextPaths.includes(key) })) {
        out[key] = [CONTROL_CHARACTER_MESSAGE];
        found++;
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, String(i)], depth + 1));
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k.slice(0, 100)], depth + 1);
    }
  };
  visit(input, [], 0);
  return found ? out : null;
}

/**
 * A staff form's values parsed with its schema, after refusing any control character (tab and new
 * line allowed, as any field may be free text) beside its field: the one check every staff form
 * gets, whatever its own schema says.
 */
export function parseFormInput<S extends z.ZodType>(
  schema: S,
  input: Record<string, string>,
): { ok: true; data: z.output<S> } | { ok: false; refusal: Refusal } {
  const controls = controlCharacterErrors(input, { freeText: Object.keys(input) });
  if (controls) return { ok: false, refusal: { ok: false, fieldErrors: controls } };
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, refusal: invalid(parsed.error) };
}

/** Fields never sent back to the browser, even after a refusal. */
export const SECRET_FIELDS: readonly string[] = ["password"];

const MAX_FIELD_LENGTH = 4000;

/**
 * A form's text fields as a plain object, at most 4,000 characters each (or `maxLength`, for a form
 * with one long text such as the privacy notice); files and Next's own "$ACTION…" fields left out.
 */
export function formInput(form: FormData, maxLength = MAX_FIELD_LENGTH): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries())
    if (typeof value === "string" && !key.startsWith("$")) out[key] = value.slice(0, maxLength);
  return out;
}

/** The state a form shows after a refusal: its messages, what was typed (secrets left out), and a new `at`. */
export function refusedState(
  refusal: Refusal,
  input: Record<string, string>,
  secret: readonly string[] = SECRET_FIELDS,
): FormState {
  const values = Object.fromEntries(Object.entries(input).filter(([name]) => !secret.includes(name)));
  // Copied into a plain object: fieldErrors() builds a null-prototype one, which is not serialisable.
  const errors = refusal.fieldErrors ? { ...refusal.fieldErrors } : undefined;
  return { message: refusal.message, fieldErrors: errors, values, at: Date.now() };
}

/** A page's search params with one value per name (the first, when a name repeats), for zod. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
