import type { Metadata } from "next";
import Link from "next/link";
import { LEVELS } from "@/common/vocabulary";
import { formatDay, formatTime, zoneName } from "@/lib/booking/format";
import { getClinicInfo } from "@/lib/clinic";
import { getDb } from "@/lib/db";
import { firstValues } from "@/lib/forms";
import {
  parseTriageAuditQuery,
  readTriageAuditForPage,
  TRIAGE_AUDIT_ROLES,
  triageAuditFilters,
} from "@/lib/governance/audit";
import { DIAGNOSIS_NAMES } from "@/lib/governance/verdicts";
import { recordPageView } from "@/lib/staff/audit-api";
import { LEVEL_NAMES } from "@/lib/staff/format";
import { requireStaff } from "@/lib/staff/session";
import styles from "../_components/staff.module.css";
import { LevelChart } from "./level-chart";
import { WordedTable } from "./worded-table";

export const metadata: Metadata = { title: "Triage audit", robots: { index: false } };

/** Under-triage cases the page lists (the CSV has them all). */
const UNDER_TRIAGE_SHOWN = 30;

const percent = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)} %`);
/** "3 of 4 (75 %)", or "–" with nothing to divide by. */
const ratio = (part: number, whole: number, x: number | null) =>
  x === null ? "–" : `${part} of ${whole} (${percent(x)})`;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * How the grading rules perform on the clinic's own patients (clinicians and admins): per rule of a
 * ruleset version, how often it fired, how often a clinician judged the grade right, and its
 * positive predictive value for a serious diagnosis; levels over time; under-triage case by case;
 * and the silent pilot's engine-versus-staff comparison. Viewing it is audited.
 */
export default async function TriageAuditPage({ searchParams }: Props) {
  const staff = await requireStaff(TRIAGE_AUDIT_ROLES, "/staff/triage-audit");
  const query = parseTriageAuditQuery(firstValues(await searchParams));
  const db = await getDb();
  const zone = (await getClinicInfo()).timeZone;
  const filters = triageAuditFilters(query);
  const [audit] = await Promise.all([
    readTriageAuditForPage(db, query, { timeZone: zone, underTriageLimit: UNDER_TRIAGE_SHOWN }),
    recordPageView(db, staff, "triage_audit_viewed", filters),
  ]);
  const search = new URLSearchParams(filters).toString();
  const withVerdict = audit.verdicts.right + audit.verdicts.higher + audit.verdicts.lower;

  return (
    <div className={styles.page}>
      <h1>Triage audit</h1>
      <p className={styles.muted}>
        How each rule of a ruleset version performed on this clinic&apos;s patients, from every grade it made and the
        verdicts clinicians recorded on the case pages (&quot;Was the grade right?&quot;; a changed verdict counts once,
        as it is now). Levels are the engine&apos;s grades, before any clinician&apos;s change. Dates are{" "}
        {zoneName(zone)}. Figures as of {formatTime(audit.readAt, zone)}: they are read again at most once a minute, at
        once after a verdict.
      </p>
      <form className={styles.filters} method="get" role="search" aria-label="Filter the triage audit">
        <div className={styles.field}>
          <label htmlFor="ruleset">Ruleset version</label>
          <select id="ruleset" name="ruleset" defaultValue={audit.ruleset}>
            {(audit.versions.includes(audit.ruleset) ? audit.versions : [audit.ruleset, ...audit.versions]).map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="from">From (date)</label>
          <input id="from" name="from" type="date" defaultValue={query.from ?? ""} />
        </div>
        <div className={styles.field}>
          <label htmlFor="to">To (date, included)</label>
          <input id="to" name="to" type="date" defaultValue={query.to ?? ""} />
        </div>
        <div className={styles.field}>
          <label htmlFor="level">Level</label>
          <select id="level" name="level" defaultValue={query.level ?? ""}>
            <option value="">Every level</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={styles.secondary}>
          Show the audit
        </button>
        {query.from || query.to || query.level || query.ruleset ? (
          <Link href="/staff/triage-audit">Clear filters</Link>
        ) : null}
      </form>
      <p>
        <a href={`/staff/triage-audit/export?${search}`} download>
          Download the audit as CSV
        </a>{" "}
        <span className={styles.muted}>(the rules, then every under-triaged case; the download is recorded)</span>
      </p>
      <p data-testid="audit-summary">
        Ruleset {audit.ruleset}
        {audit.released ? "" : " (not a version this software released)"}: <strong>{audit.graded}</strong>{" "}
        {audit.graded === 1 ? "grade" : "grades"}
        {query.level ? ` (every level; ${LEVEL_NAMES[query.level].toLowerCase()} below)` : ""}, {withVerdict} with a
        verdict: {audit.verdicts.right} right, {audit.verdicts.higher} should have been higher, {audit.verdicts.lower}{" "}
        should have been lower.
      </p>

      <section className={styles.card} aria-labelledby="rules">
        <h2 id="rules">Each rule</h2>
        <p className={styles.muted}>
          Judged right: of the grades the rule fired on that have a verdict, the share a clinician said were right.
          Serious diagnosis (PPV): of those with a verdict, the share whose working diagnosis is a serious one (cauda
          equina syndrome, cord compression, infection, fracture, cancer, vascular). &quot;–&quot;: no verdict yet.
        </p>
        <WordedTable
          label="Each rule (scrolls sideways)"
          caption={`Each rule of ruleset ${audit.ruleset}`}
          columns={["Rule", "Level", "Fired", "With a verdict", "Judged right", "Serious diagnosis (PPV)"]}
          rowTestId="rule-row"
          rows={audit.rules.map((r) => ({
            key: r.id,
            head: r.summary ? { text: r.id, note: r.summary } : r.id,
            cells: [
              r.level ? LEVEL_NAMES[r.level] : "–",
              r.fired,
              r.withVerdict,
              ratio(r.right, r.withVerdict, r.rightShare),
              ratio(r.serious, r.withVerdict, r.ppv),
            ],
          }))}
        />
      </section>

      <section className={styles.card} aria-labelledby="levels">
        <h2 id="levels">Levels over time, per {audit.trend.unit}</h2>
        <p className={styles.muted}>
          The share of grades at each level{query.level ? " (every level: the level filter does not apply here)" : ""}.
        </p>
        {audit.trend.periods.length ? (
          <>
            <LevelChart periods={audit.trend.periods} unit={audit.trend.unit} />
            <WordedTable
              label="Grades by level (scrolls sideways)"
              caption={`Grades per ${audit.trend.unit} by level`}
              columns={[
                audit.trend.unit === "week" ? "Week from" : "Month",
                ...LEVELS.map((l) => LEVEL_NAMES[l]),
                "Grades",
              ]}
              rows={audit.trend.periods.map((p) => ({
                key: p.start,
                head: audit.trend.unit === "week" ? p.start : p.start.slice(0, 7),
                cells: [
                  ...LEVELS.map((l) => ({ text: percent(p.counts[l] / p.total), aside: String(p.counts[l]) })),
                  p.total,
                ],
              }))}
            />
          </>
        ) : (
          <p>No grades in this range.</p>
        )}
      </section>

      <section className={styles.card} aria-labelledby="under-triage">
        <h2 id="under-triage">Under-triage: &quot;it should have been higher&quot;</h2>
        {audit.underTriage.total === 0 ? (
          <p>No grade in this range has been judged too low.</p>
        ) : (
          <>
            <p className={styles.muted}>
              {audit.underTriage.total} {audit.underTriage.total === 1 ? "case" : "cases"}, the most recently judged
              first
              {audit.underTriage.total > audit.underTriage.shown.length
                ? ` (the newest ${audit.underTriage.shown.length} here; the CSV has them all)`
                : ""}
              .
            </p>
            <WordedTable
              label="Under-triage (scrolls sideways)"
              caption="Grades judged too low"
              columns={["Graded on", "Level", "Rules fired", "Working diagnosis", "Case"]}
              rowTestId="under-triage-row"
              rows={audit.underTriage.shown.map((c) => ({
                key: c.id,
                cells: [
                  formatDay(c.createdAt, zone),
                  c.overrideLevel
                    ? { text: LEVEL_NAMES[c.level], note: `changed to ${LEVEL_NAMES[c.overrideLevel]}` }
                    : LEVEL_NAMES[c.level],
                  c.firedRules.length ? c.firedRules.join(", ") : "none",
                  c.diagnosis ? DIAGNOSIS_NAMES[c.diagnosis] : "Not recorded",
                  { text: "Open the case", href: `/staff/cases/${c.id}` },
                ],
              }))}
            />
          </>
        )}
      </section>

      <section className={styles.card} aria-labelledby="silent">
        <h2 id="silent">Silent pilot: the engine against staff</h2>
        {audit.silent.compared === 0 ? (
          <p>No silent-pilot intake in this range has a level from staff yet.</p>
        ) : (
          <>
            <p data-testid="silent-agreement">
              Staff gave the engine&apos;s level on <strong>{audit.silent.agreed}</strong> of {audit.silent.compared}{" "}
              silent-pilot intakes ({percent(audit.silent.agreement)}).
            </p>
            <div
              className={styles.tableWrap}
              tabIndex={0}
              role="region"
              aria-label="Silent pilot comparison (scrolls sideways)"
            >
              <table className={styles.table}>
                <caption className="visually-hidden">
                  Engine level (rows) against the level staff gave (columns)
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Engine \ staff</th>
                    {LEVELS.map((l) => (
                      <th key={l} scope="col">
                        {LEVEL_NAMES[l]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {LEVELS.map((engine) => (
                    <tr key={engine}>
                      <th scope="row">{LEVEL_NAMES[engine]}</th>
                      {LEVELS.map((by) => {
                        const n = audit.silent.cells.find((c) => c.level === engine && c.staffLevel === by)?.n ?? 0;
                        return <td key={by}>{engine === by ? <strong>{n}</strong> : n}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
