// At the top of staff pages: open EMERGENCY cases whose alert could not be delivered, so nobody
// assumes the on-call person was told. Nothing at all when there are none.
import Link from "next/link";
import type { FailedEmergencyAlert } from "@/db/queries/outbox";
import styles from "./staff.module.css";

/** A banner listing the open EMERGENCY cases with a failed alert (from listFailedEmergencyAlerts). */
export function FailedAlertsBanner({ cases }: { cases: readonly FailedEmergencyAlert[] }) {
  if (!cases.length) return null;
  return (
    <div role="alert" className={styles.errorSummary}>
      <p className={styles.error}>
        ✕ {cases.length === 1 ? "An EMERGENCY case's alert" : `${cases.length} EMERGENCY cases' alerts`} could not be
        delivered (it failed, and may still be retrying). Check {cases.length === 1 ? "it" : "them"} now: the person on
        call may not know.
      </p>
      <ul>
        {cases.map((c) => (
          <li key={c.id}>
            <Link href={`/staff/cases/${c.id}`}>
              {c.firstName} {c.lastName}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
