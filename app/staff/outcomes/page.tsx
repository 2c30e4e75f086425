import type { Metadata } from "next";
import { getDb } from "@/lib/db";
import { formatDay } from "@/lib/booking/format";
import { getClinicInfo } from "@/lib/clinic";
import { OUTCOME_RULES, OUTCOME_RULES_VERSION } from "@/lib/outcomes";
import { outcomeMeasures } from "@/lib/recovery/measures";
import { recordPageView } from "@/lib/staff/audit-api";
import { LEVEL_NAMES } from "@/lib/staff/format";
import { requireStaff } from "@/lib/staff/session";
import styles from "../_components/staff.module.css";

export const metadata: Metadata = { title: "Outcomes", robots: { index: false } };

const DAY = 24 * 3_600_000;
const percent = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)} %`);

/**
 * The clinic's recovery measures over the last 90 days (clinicians and admins): the check-in
 * response rate, and the share improved at 6 weeks by grade; with the "not improving" rules in use.
 */
export default async function OutcomesPage() {
  const staff = await requireStaff(["clinician", "admin"], "/staff/outcomes");
  const db = await getDb();
  const now = new Date();
  const from = new Date(now.getTime() - 90 * DAY);
  const m = await outcomeMeasures(db, { from, to: now });
  await recordPageView(db, staff, "outcomes_viewed", { days: 90 });
  const zone = (await getClinicInfo()).timeZone;
  return (
    <div className={styles.page}>
      <h1>Outcomes</h1>
      <p className={styles.muted}>
        Recovery check-ins due from {formatDay(from, zone)} to {formatDay(now, zone)} (the last 90 days). Discharged
        patients&apos; check-ins after their discharge are not counted.
      </p>
      <section className={styles.card} aria-labelledby="response">
        <h2 id="response">Check-in response rate</h2>
        <p data-testid="response-rate">
          <strong>{percent(m.responseRate)}</strong>: {m.answered} of {m.due} check-ins due were answered.
        </p>
      </section>
      <section className={styles.card} aria-labelledby="six-weeks">
        <h2 id="six-weeks">Improved at 6 weeks, by grade</h2>
        <p className={styles.muted}>
          Improved: pain down by 2 points or more, or daily function better by 10 points or more, or the patient says
          better while neither got worse. Check-ins with nothing to compare are left out.
        </p>
        <table>
          <caption className="visually-hidden">Share improved at 6 weeks by grade</caption>
          <thead>
            <tr>
              <th scope="col">Grade</th>
              <th scope="col">6-week check-ins compared</th>
              <th scope="col">Improved</th>
              <th scope="col">Share improved</th>
            </tr>
          </thead>
          <tbody>
            {m.sixWeeks.map((r) => (
              <tr key={r.level}>
                <th scope="row">{LEVEL_NAMES[r.level]}</th>
                <td>{r.compared}</td>
                <td>{r.improved}</td>
                <td>{percent(r.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className={styles.card} aria-labelledby="rules">
        <h2 id="rules">&quot;Not improving&quot; rules, version {OUTCOME_RULES_VERSION}</h2>
        <p className={styles.muted}>
          A patient any of these finds is put on the To review list with the reason, and offered an appointment.
        </p>
        <ul>
          {OUTCOME_RULES.map((r) => (
            <li key={r.id}>
              <strong>{r.id}</strong>: {r.summary}. <span className={styles.muted}>Source: {r.source}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
