// Which sections of docs/evidence.md (the repository's copy of the evidence base) discuss each rule.
// Only what the document itself says is mapped: a rule id in a section heading ("7.2 Vascular: …
// (E9, E10, U11, U12; aortic card)") or a table row that starts with it ("| E1 | EMERGENCY | …").
// Nothing is inferred from the body text, so the report never cites a section that does not name the rule.

const HEADING = /^#{2,4}\s+(\d+(?:\.\d+)*)\.?\s+(.*)$/;
const RULE_ID = /\b([EUSYXCR]\d+[a-z]?)\b/g;
const TABLE_ROW = /^\|\s*([EUSYXCR]\d+[a-z]?)\s*\|/;

/** Section numbers of docs/evidence.md that name each of `ruleIds`, in document order. */
export function evidenceSectionsByRule(markdown: string, ruleIds: readonly string[]): Map<string, string[]> {
  const known = new Set(ruleIds);
  const out = new Map<string, string[]>();
  const note = (id: string, section: string) => {
    if (!known.has(id)) return;
    const list = out.get(id) ?? [];
    if (!list.includes(section)) list.push(section);
    out.set(id, list);
  };
  let section: string | null = null;
  for (const line of markdown.split("\n")) {
    const heading = HEADING.exec(line);
    if (heading) {
      section = heading[1]!;
      for (const [, id] of heading[2]!.matchAll(RULE_ID)) note(id!, section);
      continue;
    }
    const row = TABLE_ROW.exec(line);
    if (row && section !== null) note(row[1]!, section);
  }
  return out;
}
