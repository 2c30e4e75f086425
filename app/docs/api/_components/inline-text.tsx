/**
 * A description as the document writes it (CommonMark, but only `code` spans are used): text with
 * the code spans as <code>. Rendered by React as text, never as HTML.
 */
export function InlineText({ text }: { text: string }) {
  return text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
