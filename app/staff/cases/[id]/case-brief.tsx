// The top of the case page: what a clinician reads before the patient walks in.
import type { Brief, BriefFlag } from "@/lib/staff/brief";
import { LEVEL_NAMES } from "@/lib/staff/format";
import type { Level } from "@/lib/triage";
import { BodyMapView } from "../../_components/body-map-view";
import styles from "../../_components/staff.module.css";

function Flags({ flags, kind }: { flags: readonly BriefFlag[]; kind: "red" | "amber" }) {
  return (
    <ul className={kind === "red" ? styles.flagsRed : styles.flagsAmber}>
      {flags.map((f) => (
        <li key={f.id}>
          <span aria-hidden="true">{kind === "red" ? "▲ " : "● "}</span>
          {f.text} <span className={styles.muted}>({f.id})</span>
        </li>
      ))}
    </ul>
  );
}

/** The brief: the level and why, red and amber flags, positive answers, the body map, the patient's note, running, scores. */
export function CaseBrief({ brief, level, effectiveLevel }: { brief: Brief; level: Level; effectiveLevel: Level }) {
  return (
    <section className={`${styles.card} ${styles.brief}`} aria-labelledby="brief" data-testid="brief">
      <h2 id="brief">Before the visit</h2>
      <div className={styles.briefGrid}>
        <div>
          <h3>
            <span className={`${styles.level} ${styles[level]}`}>{LEVEL_NAMES[level]}</span> by the rules
            {effectiveLevel !== level ? <>, now {LEVEL_NAMES[effectiveLevel]} (changed by a clinician)</> : null},
            because
          </h3>
          {brief.why.length ? (
            <Flags flags={brief.why} kind={level === "EMERGENCY" || level === "URGENT" ? "red" : "amber"} />
          ) : (
            <p>No rule fired.</p>
          )}
          {brief.red.length ? (
            <>
              <h3>Other red flags</h3>
              <Flags flags={brief.red} kind="red" />
            </>
          ) : null}
          {brief.amber.length ? (
            <>
              <h3>Amber flags</h3>
              <Flags flags={brief.amber} kind="amber" />
            </>
          ) : null}
          <h3>They answered yes or not sure to</h3>
          {brief.positives.length ? (
            <dl className={styles.answers}>
              {brief.positives.map((p) => (
                <div key={p.key} className={styles.answerRow}>
                  <dt>{p.question}</dt>
                  <dd>{p.answer}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p>Nothing: every symptom and history question was answered no.</p>
          )}
        </div>
        <div>
          <h3>Where it hurts</h3>
          {brief.places ? <BodyMapView {...brief.places} /> : <p>Not asked.</p>}
          <h3>In their own words</h3>
          {brief.note ? (
            <blockquote className={styles.patientNote} data-testid="patient-note">
              {brief.note}
            </blockquote>
          ) : (
            <p className={styles.muted}>No note.</p>
          )}
          <h3>Running</h3>
          <p>{brief.running ?? "Not asked (the form was sent early)."}</p>
          <h3>Scores</h3>
          <dl className={styles.facts} data-testid="scores">
            <dt>Recovery outlook</dt>
            <dd>{brief.scores.outlook}</dd>
            <dt>Daily function</dt>
            <dd>{brief.scores.function}</dd>
          </dl>
        </div>
      </div>
    </section>
  );
}
