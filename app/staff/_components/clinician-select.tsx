import styles from "./staff.module.css";

/** The "Clinician" filter of the queue and the schedule (a GET form field named `clinician`). */
export function ClinicianSelect({
  clinicians,
  value,
  anyLabel,
}: {
  clinicians: readonly { id: string; name: string }[];
  value: string | undefined;
  anyLabel: string;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor="clinician">Clinician</label>
      <select id="clinician" name="clinician" defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {clinicians.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
