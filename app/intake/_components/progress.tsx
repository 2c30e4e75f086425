import Link from "next/link";
import { FORM_TEXT, STEPS, type StepId } from "@/lib/content";
import styles from "./intake.module.css";

/** "Step 3 of 11", a bar, and the list of steps (finished ones can be revisited). */
export function Progress({ current, completed }: { current: StepId; completed: string[] }) {
  const index = STEPS.findIndex((s) => s.id === current);
  return (
    <nav className={styles.progress} aria-label="Form progress">
      <p className={styles.progressText}>
        <strong>{FORM_TEXT.stepOf(index + 1, STEPS.length)}:</strong> {STEPS[index]?.title}
      </p>
      <progress className={styles.progressBar} max={STEPS.length} value={index + 1} aria-hidden="true" />
      <details className={styles.stepList}>
        <summary>All steps</summary>
        <ol>
          {STEPS.map((s, i) => (
            <li key={s.id}>
              {i === index ? (
                <span aria-current="step">
                  <strong>{s.title}</strong> (this page)
                </span>
              ) : completed.includes(s.id) || i < index ? (
                <Link href={`/intake/${s.id}`}>
                  {s.title}
                  {completed.includes(s.id) ? " (done)" : ""}
                </Link>
              ) : (
                <span>{s.title}</span>
              )}
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
