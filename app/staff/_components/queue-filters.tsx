import { LEVEL_NAMES } from "@/lib/staff/format";
import type { QueueQuery } from "@/lib/staff/queue";
import { LEVELS } from "@/lib/triage";
import { ClinicianSelect } from "./clinician-select";
import styles from "./staff.module.css";

/**
 * The filter form of a case list (the queue, "To review"): a GET form with no action, so it reloads the
 * page it is on with `q`, `level`, `status` (and `clinician`) in the URL, where the page's self-refresh keeps them.
 */
export function QueueFilters({
  label,
  query,
  statusNames,
  clinicians,
}: {
  /** The form's accessible name (it is a search landmark). */
  label: string;
  query: Pick<QueueQuery, "q" | "level" | "status" | "clinician">;
  /** The status choices this list offers, in order, with their labels. */
  statusNames: Partial<Record<QueueQuery["status"], string>>;
  /** Given, the list can also be narrowed to one clinician's cases. */
  clinicians?: readonly { id: string; name: string }[];
}) {
  return (
    <form className={styles.filters} method="get" role="search" aria-label={label}>
      <div className={styles.field}>
        <label htmlFor="q">Name or email</label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ""} />
      </div>
      <div className={styles.field}>
        <label htmlFor="level">Level</label>
        <select id="level" name="level" defaultValue={query.level ?? ""}>
          <option value="">Any level</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor="status">Status</label>
        <select id="status" name="status" defaultValue={query.status}>
          {Object.entries(statusNames).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {clinicians ? <ClinicianSelect clinicians={clinicians} value={query.clinician} anyLabel="Any clinician" /> : null}
      <button type="submit" className={styles.secondary}>
        Show cases
      </button>
    </form>
  );
}
