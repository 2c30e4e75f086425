import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { emergencyAdvice, INTERRUPT_TEXT, STEPS } from "@/lib/content";
import { getClinicInfo } from "@/lib/clinic";
import { loadDraft } from "@/lib/intake-form/draft";
import { consentGiven, emergencyMark, emergencySoFar } from "@/lib/intake-form/interrupt";
import { EmergencyAdviceView } from "../_components/emergency-advice";
import styles from "../_components/intake.module.css";
import { SendNowForm } from "./send-form";

export const metadata: Metadata = {
  title: `${INTERRUPT_TEXT.pageTitle} – your back-pain check`,
  robots: { index: false },
};

const LAST_SCREEN = {
  "vascular-check": "vascular-check",
  "nerve-check": "nerve-check",
  "health-history": "health-history",
} as const;

/**
 * The early red-flag interrupt: shown instead of the next page when the answers so far need help
 * now. It gives the advice at once and asks for nothing more; the clinic is told only if the
 * patient sends the answers. Opened when the answers no longer need it, it goes back to the form.
 */
export default async function EmergencyPage() {
  const draft = await loadDraft();
  const clinic = await getClinicInfo();
  const early = emergencySoFar(draft.answers, { now: new Date(), timeZone: clinic.timeZone });
  if (!early) {
    const resume = STEPS.find((s) => !draft.completedSteps.includes(s.id))?.id ?? "check-answers";
    redirect(`/intake/${resume}`);
  }
  const advice = emergencyAdvice({
    firedRuleIds: early.grade.firedRules.map((r) => r.id),
    version: early.grade.rulesetVersion,
    answers: early.answers,
    age: early.grade.age,
    emergencyNumber: clinic.emergencyNumber,
    sent: false,
  });
  const backTo = emergencyMark(draft.answers)?.step ?? LAST_SCREEN[early.page];

  return (
    <div className={styles.page} data-emergency-page>
      <EmergencyAdviceView advice={advice} />
      <section className={styles.sendBox} aria-labelledby="send-heading">
        <h2 id="send-heading">{INTERRUPT_TEXT.sendHeading}</h2>
        <p>{INTERRUPT_TEXT.sendLead}</p>
        <SendNowForm seen={advice.cards.join(",")} askConsent={!consentGiven(draft.answers)} />
      </section>
      <section aria-labelledby="change-heading">
        <h2 id="change-heading" className={styles.smallHeading}>
          {INTERRUPT_TEXT.changeHeading}
        </h2>
        <p>
          <Link href={`/intake/${backTo}`}>{INTERRUPT_TEXT.goBack}</Link>
        </p>
      </section>
    </div>
  );
}
