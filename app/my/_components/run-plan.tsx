import { STAGES } from "@/lib/programme";
import styles from "./run-plan.module.css";

type Status = "done" | "current" | "later";

/**
 * The return-to-run plan as an ordered list of its stages: the current one says "This week"
 * (and carries aria-current), earlier ones say "Done". `currentStage` null: not started yet;
 * `completed`: every stage is done.
 */
export function RunPlan({ currentStage, completed = false }: { currentStage: number | null; completed?: boolean }) {
  const statusOf = (n: number): Status => {
    if (completed) return "done";
    if (currentStage === null) return "later";
    return n < currentStage ? "done" : n === currentStage ? "current" : "later";
  };
  return (
    // list-style is removed for the numbered badges; role="list" keeps the list for Safari's VoiceOver.
    <ol className={styles.plan} role="list">
      {STAGES.map((stage) => {
        const status = statusOf(stage.number);
        return (
          <li
            key={stage.key}
            className={`${styles.stage} ${styles[status]}`}
            aria-current={status === "current" ? "step" : undefined}
          >
            <div className={styles.head}>
              <span className={styles.number} aria-hidden="true">
                {status === "done" ? "✓" : stage.number}
              </span>
              <h3 className={styles.title}>
                <span className={styles.kicker}>Stage {stage.number}</span> {stage.title}
              </h3>
              {status === "current" && <span className={`${styles.badge} ${styles.badgeCurrent}`}>This week</span>}
              {status === "done" && <span className={`${styles.badge} ${styles.badgeDone}`}>Done</span>}
            </div>
            <p className={styles.goal}>
              <strong>Goal:</strong> {stage.goal}
            </p>
            <ul className={styles.sessions}>
              {stage.sessions.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p className={styles.limit}>
              Keep your pain at {stage.painLimit} out of 10 or less, while you are active and the next morning.
            </p>
          </li>
        );
      })}
    </ol>
  );
}
