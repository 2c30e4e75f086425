import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getClinicInfo } from "@/lib/clinic";
import { intakeResume } from "./_components/resume";
import { WelcomeBack } from "./_components/welcome-back";
import styles from "./_components/intake.module.css";

export const metadata: Metadata = { title: "Your back-pain check" };

/**
 * The way back into a check begun on this device. The home page is the one start page: with
 * nothing saved, this goes straight to the first question.
 */
export default async function IntakeStartPage() {
  const resume = await intakeResume((await getClinicInfo()).timeZone);
  if (!resume) redirect("/intake/about-you");
  return (
    <div className={styles.page}>
      <h1>Your back-pain check</h1>
      <WelcomeBack resume={resume} />
    </div>
  );
}
