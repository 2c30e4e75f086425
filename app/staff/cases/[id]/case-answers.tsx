// Every answer, page by page; a page where each answer was "no" is folded, so what was said stands out.
import type { BriefSection } from "@/lib/staff/brief";
import { plural } from "@/lib/staff/format";
import styles from "../../_components/staff.module.css";

function Rows({ section }: { section: BriefSection }) {
  return (
    <dl className={styles.answers}>
      {section.rows.map((r) => (
        <div key={r.key} className={styles.answerRow}>
          <dt>{r.question}</dt>
          <dd>{r.answer}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The full answers below the brief. */
export function CaseAnswers({
  sections,
  notAsked,
}: {
  sections: readonly BriefSection[];
  notAsked: readonly string[];
}) {
  return (
    <>
      {sections.map((s) =>
        s.allNo ? (
          <details key={s.step} className={styles.folded}>
            <summary>
              {s.title}: {s.rows.length === 1 ? "answered no" : `all ${plural(s.rows.length, "answer")} no`}
            </summary>
            <Rows section={s} />
          </details>
        ) : (
          <div key={s.step}>
            <h3>{s.title}</h3>
            <Rows section={s} />
          </div>
        ),
      )}
      {notAsked.length ? <p className={styles.muted}>Not asked or skipped: {notAsked.join(", ")}.</p> : null}
    </>
  );
}
