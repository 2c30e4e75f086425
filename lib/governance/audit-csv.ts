// The triage audit as CSV: the per-rule rows, then the under-triage cases (ids and dates, never a
// name). Cells go through the trail's csvCell (RFC 4180, formula-safe).
import { csvRow } from "@/lib/staff/audit-format";
import { LEVEL_NAMES } from "@/lib/staff/format";
import { DIAGNOSIS_NAMES } from "./verdicts";
import type { TriageAudit } from "./audit";

const percent = (x: number | null) => (x === null ? "" : (x * 100).toFixed(1));

/** The whole audit of one query as CSV lines (a first column names each row's section). */
export function triageAuditCsv(audit: TriageAudit, dayOf: (instant: Date) => string): string[] {
  const lines = [
    csvRow([
      "section",
      "ruleset",
      "rule",
      "rule level",
      "rule summary",
      "fired",
      "with a verdict",
      "judged right",
      "judged right (%)",
      "serious diagnosis",
      "PPV for a serious diagnosis (%)",
    ]),
    ...audit.rules.map((r) =>
      csvRow([
        "rule",
        audit.ruleset,
        r.id,
        r.level ? LEVEL_NAMES[r.level] : "",
        r.summary ?? "",
        String(r.fired),
        String(r.withVerdict),
        String(r.right),
        percent(r.rightShare),
        String(r.serious),
        percent(r.ppv),
      ]),
    ),
    "\r\n",
    csvRow(["section", "ruleset", "case id", "graded on", "level", "changed to", "rules fired", "working diagnosis"]),
    ...audit.underTriage.shown.map((c) =>
      csvRow([
        "under-triage",
        audit.ruleset,
        c.id,
        dayOf(c.createdAt),
        LEVEL_NAMES[c.level],
        c.overrideLevel ? LEVEL_NAMES[c.overrideLevel] : "",
        c.firedRules.join(" "),
        c.diagnosis ? DIAGNOSIS_NAMES[c.diagnosis] : "",
      ]),
    ),
  ];
  return lines;
}
