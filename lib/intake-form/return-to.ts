// "Change" on check your answers: the link carries the row the patient is changing, and saving the
// page brings them back to that row (a fragment on the redirect, so it works without JavaScript).
import { z } from "zod";

/** A row's key: an answer's dotted path (legs.weakness, outlook.items.0) or a page id (recovery-outlook). */
const rowKeySchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$/);

/** The element id of a check-answers row (dots are awkward in CSS selectors and fragments). */
export const reviewRowId = (key: string) => `row-${key.replace(/\./g, "-")}`;

/** The row key from a query or posted value, or undefined when it is missing or not a row key. */
export function parseRowKey(value: unknown): string | undefined {
  const parsed = rowKeySchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Check your answers, at the changed row when it is known. */
export function checkAnswersHref(rowKey: unknown): string {
  const key = parseRowKey(rowKey);
  return `/intake/check-answers${key ? `#${reviewRowId(key)}` : ""}`;
}

/** The page that asks a row's question, opened from check your answers (`fragment`: the field's id). */
export function changeHref(step: string, rowKey: string, fragment?: string): string {
  const query = new URLSearchParams({ return: "check", row: rowKey });
  return `/intake/${step}?${query.toString()}${fragment ? `#${fragment}` : ""}`;
}
