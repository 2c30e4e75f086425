import Link from "next/link";
import { startAgainAction } from "@/app/intake/actions";
import styles from "./intake.module.css";

/** For a patient with answers saved on this device: carry on, or throw them away and start again. */
export function WelcomeBack({ resume }: { resume: { at: string; pagesDone: number; pages: number } }) {
  return (
    <div className={styles.startBox}>
      <h2>Welcome back</h2>
      <p>
        You have already answered {resume.pagesDone} of {resume.pages} pages.
      </p>
      <div className={styles.actions}>
        <Link href={`/intake/${resume.at}`} className={styles.primary}>
          Continue where you left off
        </Link>
        <form action={startAgainAction}>
          <button type="submit" className={styles.secondary}>
            Start again
          </button>
        </form>
      </div>
    </div>
  );
}
