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

/** A page's search params with one value per name (the first, when a name repeats), for zod. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
