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
  for (const issue of error.issues) {
    const key = issue.path.length === 0 ? ROOT_FIELD : issue.path.map(String).join(".");
    const messages = out[key];
    if (messages === undefined) out[key] = [issue.message];
    else if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return out;
}

/** A page's search params with one value per name (the first, when a name repeats), for zod. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
