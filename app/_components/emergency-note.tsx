import styles from "./emergency-note.module.css";

/**
 * The nerve-compression warning signs, on every patient page: these need the emergency
 * department the same day, whatever the rest of the answers say.
 */
export function EmergencyNote({ emergencyNumber }: { emergencyNumber: string | null }) {
  const call = emergencyNumber ? (
    <a href={`tel:${emergencyNumber.replace(/[^\d+]/g, "")}`}>call {emergencyNumber}</a>
  ) : (
    "call your local emergency number"
  );
  return (
    <aside className={styles.note} aria-labelledby="emergency-note-title" data-patient-only data-emergency-note>
      <div className={styles.inner}>
        <span className={styles.icon} aria-hidden="true">
          !
        </span>
        <p className={styles.text}>
          <strong id="emergency-note-title">Go to the emergency department now if you have:</strong>
          numbness or tingling between your legs or around your genitals or bottom, new trouble passing urine or leaking
          urine without feeling it, loss of control or feeling of your bowels, or weakness in both legs. If you cannot
          pass urine at all, or cannot get there safely, {call}.
        </p>
      </div>
    </aside>
  );
}
