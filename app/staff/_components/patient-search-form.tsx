// The patient search form the patients page and the booking page share: a GET form, so the search
// is in the address (the page reads it back), with the field's error beside it.
import styles from "./staff.module.css";

type Props = {
  /** The search landmark's name, e.g. "Find a patient". */
  label: string;
  /** The search as typed (echoed back into the field). */
  q: string;
  /** Why the search was refused, shown beside the field. */
  error: string | null;
  /** Where the form submits; the page it is on when absent. */
  action?: string;
  /** Parameters that ride along with the search, in this order; empty ones are left out. */
  hidden?: Record<string, string | undefined>;
};

/** "Name, email, phone or date of birth" and Search. */
export function PatientSearchForm({ label, q, error, action, hidden = {} }: Props) {
  return (
    <form className={styles.filters} method="get" action={action} role="search" aria-label={label}>
      {Object.entries(hidden).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <div className={styles.field}>
        <label htmlFor="q">Name, email, phone or date of birth</label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={100}
          aria-describedby={error ? "q-error" : undefined}
          aria-invalid={error ? true : undefined}
        />
        {error ? (
          <p id="q-error" className={styles.error}>
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className={styles.secondary}>
        Search
      </button>
    </form>
  );
}
