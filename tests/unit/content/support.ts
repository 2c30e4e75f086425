// Helpers for the content tests: gather every patient-facing string, and split text into
// sentences and words for the readability checks.
import * as content from "@/lib/content";
import { resultPages } from "./samples";

/** Every string inside a value (objects, arrays, nested), in document order. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

const SAMPLE_PHONE = "+44 7700 900123";

/** Advice text a patient can see on a result page, with the helpers' outputs filled in. */
export function adviceText(): string[] {
  return [
    ...stringsIn([
      content.WARNING_SIGNS,
      content.LEVEL_COPY,
      content.urgentCallText(SAMPLE_PHONE),
      content.SELF_CARE_SECTIONS,
      content.SOON_WAITING,
      content.STOP_RUNNING,
    ]),
    // Every result page of the stored test vectors (both rulesets), and every card on its own.
    ...stringsIn(resultPages()),
  ];
}

/** Every patient-facing string the content modules export, helpers' outputs included. */
export function allText(): string[] {
  return [...stringsIn(content), ...adviceText(), content.FORM_TEXT.stepOf(3, 11)];
}

/** Sentences of a text: split after . ! or ? followed by a space. A list item counts as one. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Words of a sentence: runs of non-space characters containing a letter or a digit. */
export function words(sentence: string): string[] {
  return sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}
