import Link from "next/link";
import { cancelAction } from "@/app/book/actions";
import styles from "@/app/book/_components/book.module.css";
import { FocusHeading } from "./focus-heading";

/** The step between "Cancel appointment" and the cancel itself: what is cancelled, why (optional), yes or keep. */
export function ConfirmCancel({
  token,
  when,
  what,
  withWhom,
}: {
  token: string;
  when: string;
  what: string;
  withWhom: string;
}) {
  return (
    <div className={styles.page}>
      <FocusHeading>Cancel your appointment?</FocusHeading>
      <div className={styles.summary}>
        <dl>
          <dt>When</dt>
          <dd>{when}</dd>
          <dt>What</dt>
          <dd>{what}</dd>
          <dt>With</dt>
          <dd>{withWhom}</dd>
        </dl>
      </div>
      <p>The time will be offered to someone else.</p>
      <form action={cancelAction}>
        <input type="hidden" name="token" value={token} />
        <div className={styles.field}>
          <label htmlFor="reason">Why are you cancelling? (optional)</label>
          <p id="reason-hint" className={styles.hint}>
            This helps the clinic. You do not have to say.
          </p>
          <textarea id="reason" name="reason" maxLength={500} aria-describedby="reason-hint" />
        </div>
        <div className={styles.actions}>
          <button type="submit" className={styles.danger}>
            Yes, cancel it
          </button>
          <Link className={styles.secondary} href={`/appointments/manage/${token}`}>
            Keep my appointment
          </Link>
        </div>
      </form>
    </div>
  );
}
