import type { Metadata } from "next";
import Link from "next/link";
import { startAgainAction } from "@/app/intake/actions";
import { getClinicInfo } from "@/lib/clinic";
import { STEPS } from "@/lib/content";
import { loadDraft } from "@/lib/intake-form/draft";
import { emergencySoFar } from "@/lib/intake-form/interrupt";
import styles from "./_components/intake.module.css";

export const metadata: Metadata = { title: "Your back-pain check" };

export default async function IntakeStartPage() {
  const draft = await loadDraft();
  const { timeZone } = await getClinicInfo();
  // Answers that need help now go back to the emergency page, never on to more questions.
  const resumeAt = emergencySoFar(draft.answers, { now: new Date(), timeZone })
    ? "emergency"
    : (STEPS.find((s) => !draft.completedSteps.includes(s.id))?.id ?? "check-answers");
  const started = draft.completedSteps.length > 0;
  return (
    <div className={styles.page}>
      <h1>Your back-pain check</h1>
      <p>
        You will answer questions about your pain, your legs, your health and, if you run, your running. It takes about
        5 minutes. At the end you will see how soon you should be seen, and why.
      </p>
      <ul>
        <li>Answer as best you can. &quot;Not sure&quot; is a fine answer where it is offered.</li>
        <li>If an answer means you need help straight away, we will tell you at once.</li>
        <li>Your answers are saved as you go. You can close this page and come back within 7 days on this device.</li>
        <li>Only the clinic&apos;s care team will see your answers.</li>
      </ul>
      {started ? (
        <div className={styles.startBox}>
          <h2>Welcome back</h2>
          <p>
            You have already answered {draft.completedSteps.length} of {STEPS.length - 1} pages.
          </p>
          <div className={styles.actions}>
            <Link href={`/intake/${resumeAt}`} className={styles.primary}>
              Continue where you left off
            </Link>
            <form action={startAgainAction}>
              <button type="submit" className={styles.secondary}>
                Start again
              </button>
            </form>
          </div>
        </div>
      ) : (
        <div className={styles.actions}>
          <Link href="/intake/about-you" className={styles.primary}>
            Start now
          </Link>
        </div>
      )}
    </div>
  );
}
