import Link from "next/link";
import { getClinicInfo } from "@/lib/clinic";
import { intakeResume } from "./intake/_components/resume";
import { WelcomeBack } from "./intake/_components/welcome-back";
import styles from "./page.module.css";

/** The one start page: what the check is, and the way into it (or back into one begun on this device). */
export default async function HomePage() {
  const clinic = await getClinicInfo();
  const resume = await intakeResume(clinic.timeZone);
  return (
    <div className={styles.page}>
      <section className={styles.hero} aria-labelledby="hero-title">
        <h1 id="hero-title">Back pain? Find out how soon you should be seen.</h1>
        <p className={styles.lead}>
          Answer some questions about your back. It takes about 10 minutes. We will tell you straight away how urgent it
          looks, why, and what to do next, and you can book the right appointment at {clinic.name}.
        </p>
        {resume ? (
          <WelcomeBack resume={resume} />
        ) : (
          <Link href="/intake/about-you" className={styles.cta}>
            Start your back-pain check
          </Link>
        )}
        <ul className={styles.promises}>
          <li>No account needed. Answer as best you can: &quot;Not sure&quot; is a fine answer where it is offered.</li>
          <li>If an answer means you need help straight away, we tell you at once.</li>
          <li>Your answers are saved as you go: you can close the page and come back within 7 days on this device.</li>
          <li>Only the clinic&apos;s care team sees your answers.</li>
        </ul>
      </section>

      <ol className={styles.steps} aria-label="How it works">
        <li>
          <h2>Tell us about your pain</h2>
          <p>Where it hurts, how long it has lasted, and a few health questions. Works on any phone.</p>
        </li>
        <li>
          <h2>See how urgent it is</h2>
          <p>Clear clinical rules check your answers. You see the result and the reasons for it.</p>
        </li>
        <li>
          <h2>Get the right care</h2>
          <p>Book a time that fits how soon you need to be seen, or get advice to look after your back at home.</p>
        </li>
      </ol>

      <section className={styles.runners} aria-labelledby="runners-title">
        <h2 id="runners-title">For runners</h2>
        <p>
          Most back pain in runners settles with the right changes to training. The check asks a few extra questions
          about your running, so we can spot the less common problems, like a stress injury to the bone, that need rest
          and a proper assessment.
        </p>
      </section>
    </div>
  );
}
