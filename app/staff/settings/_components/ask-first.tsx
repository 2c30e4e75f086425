import type { ReactNode } from "react";
import type { ConfirmAction } from "@/lib/staff/settings-confirm";
import staff from "../../_components/staff.module.css";
import styles from "../settings.module.css";

/**
 * A row's destructive button (remove, deactivate): a GET form to the page that says what the change
 * affects and asks first. A plain form, so it asks without JavaScript too.
 */
export function AskFirst({ action, id, label }: { action: ConfirmAction; id: string; label: ReactNode }) {
  return (
    <form method="get" action="/staff/settings/confirm" className={styles.askFirst}>
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={staff.secondary}>
        {label}
      </button>
    </form>
  );
}
