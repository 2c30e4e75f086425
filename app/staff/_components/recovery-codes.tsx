import styles from "./staff.module.css";

/** Recovery codes, shown once: what they are for and how to keep them. */
export function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  return (
    <section aria-labelledby="recovery-title" className={styles.card}>
      <h2 id="recovery-title">Save your recovery codes</h2>
      <p>
        If you lose your phone or passkey, each of these codes lets you sign in once. Print them or keep them in your
        password manager now: they will not be shown again.
      </p>
      <ol className={styles.codes}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}
