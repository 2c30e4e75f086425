// The privacy notice's text format: plain text that an admin types in a textarea and the page shows
// as headings, paragraphs and lists. Parsed into plain blocks that React renders as text, so
// nothing in a notice is ever HTML (a "<script>" stays those characters on the page).

export type NoticeBlock =
  | { kind: "heading"; level: 2 | 3; text: string }
  | { kind: "paragraph"; lines: string[] }
  | { kind: "list"; items: string[] };

/** How to write a notice, as the settings form tells the admin. */
export const NOTICE_FORMAT_HINT =
  'Plain text. Leave an empty line between paragraphs. Start a line with "## " for a heading (or "### " for a smaller one) and with "- " for a list item.';

const HEADING = /^(#{1,3})\s+(.*)$/;
const ITEM = /^[-*•]\s+(.*)$/;

/**
 * The notice as blocks: "#"/"##" lines are headings (level 2: the page's own title is level 1),
 * "###" smaller ones; consecutive "- " lines a list; other consecutive lines one paragraph (its
 * line breaks kept). Blank lines separate blocks; surrounding spaces are dropped.
 */
export function noticeBlocks(body: string): NoticeBlock[] {
  const blocks: NoticeBlock[] = [];
  let paragraph: string[] | null = null;
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph?.length) blocks.push({ kind: "paragraph", lines: paragraph });
    if (list?.length) blocks.push({ kind: "list", items: list });
    paragraph = null;
    list = null;
  };
  for (const raw of body.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading && heading[2]!.trim()) {
      flush();
      blocks.push({ kind: "heading", level: heading[1]!.length === 3 ? 3 : 2, text: heading[2]!.trim() });
      continue;
    }
    const item = ITEM.exec(line);
    if (item && item[1]!.trim()) {
      if (paragraph) flush();
      (list ??= []).push(item[1]!.trim());
      continue;
    }
    if (list) flush();
    (paragraph ??= []).push(line);
  }
  flush();
  return blocks;
}
